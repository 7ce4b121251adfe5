/**
 * String operators (R85-R89): exact, case-insensitive and wildcard comparison. Values may hold
 * policy variables (R89): constant values are prepared completely at compile time; templates are
 * resolved per request with substituted text kept literal (R120).
 */
import { compileGlob, matchGlobParts, parseGlob } from '../../match/wildcard.js'
import type { GlobMatcher } from '../../match/wildcard.js'
import { prepareTemplate, resolveToGlob, resolveToText } from '../template.js'
import type { PreparedTemplate } from '../template.js'
import { toConditionText } from '../values/text.js'
import { defineOperator } from './definition.js'

type Text = string | PreparedTemplate

/** `StringEquals` / `StringNotEquals`: exact, case-sensitive; `*` and `?` are literal (R88). */
export const stringEquals = defineOperator<Text, string>({
  preparePolicyValue: (value, template) => (template === undefined ? toConditionText(value) : prepareTemplate(template)),
  prepareRequestValue: toConditionText,
  test(requestValue, policyValue, context) {
    return requestValue === (typeof policyValue === 'string' ? policyValue : resolveToText(policyValue, context))
  },
})

/** `StringEqualsIgnoreCase` / `StringNotEqualsIgnoreCase`: locale-independent lower-casing of both sides (R86). */
export const stringEqualsIgnoreCase = defineOperator<Text, string>({
  preparePolicyValue: (value, template) => (template === undefined ? toConditionText(value).toLowerCase() : prepareTemplate(template)),
  prepareRequestValue: (value) => toConditionText(value).toLowerCase(),
  test(requestValue, policyValue, context) {
    if (typeof policyValue === 'string') return requestValue === policyValue
    const resolved = resolveToText(policyValue, context)
    return resolved !== undefined && requestValue === resolved.toLowerCase()
  },
})

/** `StringLike` / `StringNotLike`: case-sensitive whole-string wildcard match (R87). */
export const stringLike = defineOperator<GlobMatcher | PreparedTemplate, string>({
  preparePolicyValue(value, template) {
    if (template === undefined) return compileGlob(parseGlob(toConditionText(value)))
    return prepareTemplate(template)
  },
  prepareRequestValue: toConditionText,
  test(requestValue, policyValue, context) {
    if ('match' in policyValue) return policyValue.match(requestValue)
    const parts = resolveToGlob(policyValue, context)
    return parts !== undefined && matchGlobParts(parts, requestValue)
  },
})

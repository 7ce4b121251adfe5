/**
 * ARN operators (R95): `ArnEquals` and `ArnLike` are the same field-wise wildcard match (R66);
 * a request value that is not an ARN never matches (A30). Values may hold policy variables.
 */
import { compileArnPattern, matchArnCondition, matchArnConditionParts } from '../../match/arn.js'
import type { ArnMatcher } from '../../match/arn.js'
import { parseGlob } from '../../match/wildcard.js'
import { prepareTemplate, resolveToGlob } from '../template.js'
import type { PreparedTemplate } from '../template.js'
import { toConditionText } from '../values/text.js'
import { defineOperator } from './definition.js'

/** `ArnEquals`/`ArnLike` (and, negated, `ArnNotEquals`/`ArnNotLike`). */
export const arnLike = defineOperator<ArnMatcher | PreparedTemplate, string>({
  preparePolicyValue(value, template) {
    if (template === undefined) return compileArnPattern(parseGlob(toConditionText(value)))
    return prepareTemplate(template)
  },
  prepareRequestValue: toConditionText,
  test(requestValue, policyValue, context) {
    if ('match' in policyValue) return matchArnCondition(policyValue, requestValue)
    const parts = resolveToGlob(policyValue, context)
    return parts !== undefined && matchArnConditionParts(parts, requestValue)
  },
})

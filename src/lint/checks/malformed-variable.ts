/**
 * Check `malformed-variable`: a malformed `${...}` where variables are honoured — a missing `}`,
 * an empty `${}`, a space in the key, a default not in single quotes (R118, R121). Also a
 * validation error; the check names it on documents that failed validation for other reasons.
 */
import { parseTemplate, resourceVariableStart } from '../../policy/variables.js'
import { forEachConditionValue, forEachResource } from '../facts.js'
import type { Finding, LintCheck } from '../types.js'

/** The `malformed-variable` lint check (what it reports: see the module comment). */
export const malformedVariable: LintCheck = {
  code: 'malformed-variable',
  severity: 'error',
  description:
    "A policy variable is malformed: missing `}`, empty `${}`, a space in the key name, or a default value not written `${key, 'default'}`.",
  rationale:
    'AWS rejects malformed variables where variables are honoured (R121); IAM Access Analyzer reports "missing brace", "missing quote", "unsupported space" and "empty variable" errors. The only default syntax is a comma, then the default in single quotes (R118).',
  fix: "Write ${key} or ${key, 'default'}; use ${$} for a literal dollar sign.",
  rules: ['R118', 'R121', 'C20'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:username/*' }],
    },
  },
  check(context) {
    if (!context.document.variablesEnabled) return []
    const findings: Finding[] = []
    const inspect = (path: string, text: string): void => {
      const parsed = parseTemplate(text)
      if (!parsed.ok) findings.push(context.finding(malformedVariable, path, `${parsed.message} (R121)`))
    }
    forEachResource(context, (value) => {
      const start = resourceVariableStart(value.value)
      if (start !== -1) inspect(value.path, value.value.slice(start))
    })
    forEachConditionValue(context, ['string', 'arn'], (value) => {
      if (typeof value.value === 'string') inspect(value.path, value.value)
    })
    return findings
  },
}

/**
 * Check `malformed-variable`: a malformed `${...}` where variables are honoured — a missing `}`,
 * an empty `${}`, a space in the key, a default not in single quotes (R118, R121). Also a
 * validation error; the check names it on documents that failed validation for other reasons.
 */
import { parseTemplate } from '../../policy/variables.js'
import { forEachVariableText } from '../facts.js'
import { statementExample } from '../examples.js'
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
  example: statementExample('identity', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:username/*' }),
  check(context) {
    const findings: Finding[] = []
    forEachVariableText(context, (path, text) => {
      const parsed = parseTemplate(text)
      if (!parsed.ok) findings.push(context.finding(malformedVariable, path, `${parsed.message} (R121)`))
    })
    return findings
  },
}

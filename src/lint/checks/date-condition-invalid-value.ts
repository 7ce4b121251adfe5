/**
 * Check `date-condition-invalid-value`: a value under a `Date*` operator that is neither a W3C
 * ISO 8601 date nor epoch seconds (R91, R109).
 */
import { parseDate } from '../../conditions/values/date.js'
import { forEachConditionValue, quote } from '../facts.js'
import { hasVariableSyntax, hasWildcard } from '../patterns.js'
import type { Finding, LintCheck } from '../types.js'

/** The `date-condition-invalid-value` lint check (what it reports: see the module comment). */
export const dateConditionInvalidValue: LintCheck = {
  code: 'date-condition-invalid-value',
  severity: 'warning',
  description: 'A value under a `Date*` operator is not a date.',
  rationale:
    'Date operators accept the W3C profiles of ISO 8601 (`2024-01-31`, `2024-01-31T12:00:00Z`) and UNIX epoch seconds (R109). Any other value never satisfies a positive operator and makes a negated one always true.',
  fix: 'Write an ISO 8601 date such as "2025-06-30T00:00:00Z".',
  rules: ['R91', 'R109', 'C10'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '31/12/2025' } } },
      ],
    },
  },
  check(context) {
    const findings: Finding[] = []
    forEachConditionValue(context, ['date'], (value) => {
      if (hasVariableSyntax(value.value) || (typeof value.value === 'string' && hasWildcard(value.value))) return
      if (typeof value.value !== 'boolean' && parseDate(value.value) !== undefined) return
      findings.push(
        context.finding(
          dateConditionInvalidValue,
          value.path,
          `${quote(value.value)} is not a date; a date operator never matches it (R109)`,
        ),
      )
    })
    return findings
  },
}

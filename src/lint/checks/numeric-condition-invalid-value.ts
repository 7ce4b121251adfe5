/**
 * Check `numeric-condition-invalid-value`: a value under a `Numeric*` operator that is not a
 * number (R90, R108).
 */
import { parseDecimal } from '../../conditions/values/number.js'
import { forEachConditionValue, quote } from '../facts.js'
import { hasVariableSyntax, hasWildcard } from '../patterns.js'
import type { Finding, LintCheck } from '../types.js'

/** The `numeric-condition-invalid-value` lint check (what it reports: see the module comment). */
export const numericConditionInvalidValue: LintCheck = {
  code: 'numeric-condition-invalid-value',
  severity: 'warning',
  description: 'A value under a `Numeric*` operator is not a number.',
  rationale:
    'Numeric operators parse the policy value as a decimal number (R108). A value that does not parse never satisfies a positive operator, and makes a negated one always true, so the condition does not test what it seems to.',
  fix: 'Write a decimal number such as 10 or "3600".',
  rules: ['R90', 'R108', 'C9'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: { NumericLessThanEquals: { 's3:max-keys': 'ten' } } },
      ],
    },
  },
  check(context) {
    const findings: Finding[] = []
    forEachConditionValue(context, ['numeric'], (value) => {
      // Variables and wildcards are reported by their own checks.
      if (hasVariableSyntax(value.value) || (typeof value.value === 'string' && hasWildcard(value.value))) return
      if (typeof value.value !== 'boolean' && parseDecimal(value.value) !== undefined) return
      findings.push(
        context.finding(
          numericConditionInvalidValue,
          value.path,
          `${quote(value.value)} is not a number; a numeric operator never matches it (R108)`,
        ),
      )
    })
    return findings
  },
}

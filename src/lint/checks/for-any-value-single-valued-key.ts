/**
 * Check `for-any-value-single-valued-key`: `ForAnyValue:` on a key that carries one value per
 * request (R99, R100, R102).
 */
import { isKnownSingleValued } from '../condition-keys.js'
import type { Finding, LintCheck } from '../types.js'

/** The `for-any-value-single-valued-key` lint check (what it reports: see the module comment). */
export const forAnyValueSingleValuedKey: LintCheck = {
  code: 'for-any-value-single-valued-key',
  severity: 'suggestion',
  description: '`ForAnyValue:` is used with a single-valued key.',
  rationale:
    'Set qualifiers are meant for multivalued keys (R100). On a single-valued key `ForAnyValue:` behaves like the plain operator, except that a negated operator becomes false when the key is absent (R102) — a difference that is easy to miss.',
  fix: 'Drop the ForAnyValue: prefix for single-valued keys.',
  rules: ['R99', 'R100', 'R102'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        },
      ],
    },
  },
  check(context) {
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      for (const test of statement.tests) {
        if (test.qualifier !== 'ForAnyValue' || test.baseOperator === 'Null' || !isKnownSingleValued(test.keyLower)) continue
        findings.push(
          context.finding(
            forAnyValueSingleValuedKey,
            test.keyPath,
            `${test.key} is single-valued; the ForAnyValue: qualifier is not needed (R100)`,
            {
              at: 'key',
              fix: `Use ${test.operator.slice('ForAnyValue:'.length)} instead.`,
            },
          ),
        )
      }
    }
    return findings
  },
}

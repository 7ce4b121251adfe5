/**
 * Check `for-all-values-single-valued-key`: `ForAllValues:` on a key that carries one value per
 * request (R99-R101).
 */
import { isKnownSingleValued } from '../condition-keys.js'
import type { Finding, LintCheck } from '../types.js'

/** The `for-all-values-single-valued-key` lint check (what it reports: see the module comment). */
export const forAllValuesSingleValuedKey: LintCheck = {
  code: 'for-all-values-single-valued-key',
  severity: 'security',
  description:
    '`ForAllValues:` is used with a single-valued key (a documented single-valued global key or a tag key such as `aws:RequestTag/team`).',
  rationale:
    '`ForAllValues:` is true when the key is absent (R101). On a single-valued key it adds nothing but that: a request without the key passes, so an `Allow` grants to requests that do not carry the tag or value at all. IAM Access Analyzer reports it as a security warning.',
  fix: 'Drop the ForAllValues: prefix (use the plain operator) for single-valued keys.',
  rules: ['R99', 'R100', 'R101'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'ec2:CreateTags',
          Resource: '*',
          Condition: { 'ForAllValues:StringEquals': { 'aws:RequestTag/team': 'dev' } },
        },
      ],
    },
  },
  check(context) {
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      for (const test of statement.tests) {
        if (test.qualifier !== 'ForAllValues' || test.baseOperator === 'Null' || !isKnownSingleValued(test.keyLower)) continue
        findings.push(
          context.finding(
            forAllValuesSingleValuedKey,
            test.keyPath,
            `${test.key} is single-valued; ${test.operator} is also true when the key is absent (R101)`,
            {
              at: 'key',
              fix: `Use ${test.operator.slice('ForAllValues:'.length)} instead.`,
            },
          ),
        )
      }
    }
    return findings
  },
}

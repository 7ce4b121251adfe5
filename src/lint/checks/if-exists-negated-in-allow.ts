/**
 * Check `if-exists-negated-in-allow`: a negated operator with `IfExists` in an `Allow` statement
 * (R80, R97).
 */
import type { Finding, LintCheck } from '../types.js'

/** The `if-exists-negated-in-allow` lint check (what it reports: see the module comment). */
export const ifExistsNegatedInAllow: LintCheck = {
  code: 'if-exists-negated-in-allow',
  severity: 'warning',
  description: 'An `Allow` statement uses a negated operator with `IfExists` (for example `StringNotEqualsIfExists`).',
  rationale:
    'A negated operator is already true when the key is absent (R80), and `IfExists` makes it true then too (R97): the suffix changes nothing, and the `Allow` applies to every request that lacks the key. This is often not what the author expected from "if exists".',
  fix: 'Drop IfExists, and add a Null "false" test on the key if requests without it must not be allowed.',
  rules: ['R80', 'R97'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } } },
      ],
    },
  },
  check(context) {
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      if (statement.effect !== 'Allow') continue
      for (const test of statement.tests) {
        if (!test.ifExists || !test.negated || test.qualifier !== undefined) continue
        findings.push(
          context.finding(
            ifExistsNegatedInAllow,
            test.keyPath,
            `${test.operator} is true when ${test.key} is absent, so this Allow applies to every request without it (R80, R97)`,
            {
              at: 'key',
            },
          ),
        )
      }
    }
    return findings
  },
}

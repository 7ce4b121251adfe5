/**
 * Check `if-exists-negated-in-allow`: a negated operator with `IfExists` in an `Allow` statement
 * (R80, R97).
 */
import { forEachConditionTest } from '../facts.js'
import { statementExample } from '../examples.js'
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
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 'ec2:*',
    Resource: '*',
    Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionTest(context, (test, statement) => {
      if (statement.effect !== 'Allow') return
      if (!test.ifExists || !test.negated || test.qualifier !== undefined) return
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
    })
    return findings
  },
}

/**
 * Check `condition-key-type-mismatch`: a documented global key tested with an operator of another
 * type, e.g. `aws:SourceIp` with `StringLike` (R124).
 */
import { conditionKeyInfo } from '../condition-keys.js'
import { forEachConditionTest } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `condition-key-type-mismatch` lint check (what it reports: see the module comment). */
export const conditionKeyTypeMismatch: LintCheck = {
  code: 'condition-key-type-mismatch',
  severity: 'warning',
  description:
    'A global condition key is tested with an operator whose type does not fit the key (for example `aws:SourceIp` with `StringEquals`).',
  rationale:
    'Each global key has a type (R124): `aws:SourceIp` is an IP address, `aws:CurrentTime` a date, `aws:SecureTransport` a Boolean. A string operator on such a key compares texts instead (a CIDR range is then never matched; `2024-01-01` differs from `2024-01-01T00:00:00Z`). IAM Access Analyzer reports this as a type mismatch.',
  fix: 'Use the operator family of the key type (IpAddress for IP keys, Date* for dates, Bool for Booleans, Arn* or String* for ARNs).',
  rules: ['R124', 'R107'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { StringLike: { 'aws:SourceIp': '203.0.113.*' } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionTest(context, (test) => {
      // Null tests presence and fits every key.
      if (test.family === undefined || test.family === 'null') return
      const info = conditionKeyInfo(test.keyLower)
      if (info?.families === undefined || info.families.includes(test.family)) return
      findings.push(
        context.finding(
          conditionKeyTypeMismatch,
          test.keyPath,
          `${test.key} is a ${info.families[0]} key, but ${test.operator} compares it as ${test.family} (R124)`,
          {
            at: 'key',
          },
        ),
      )
    })
    return findings
  },
}

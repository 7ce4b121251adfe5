/**
 * Check `unknown-global-condition-key`: an `aws:` condition key that is not a documented global
 * key, or a global tag key without the tag name (R123, R124).
 */
import { conditionKeyInfo, GLOBAL_TAG_KEY_PREFIXES, isGlobalKey } from '../condition-keys.js'
import { forEachConditionTest } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `unknown-global-condition-key` lint check (what it reports: see the module comment). */
export const unknownGlobalConditionKey: LintCheck = {
  code: 'unknown-global-condition-key',
  severity: 'warning',
  description: 'A condition key starts with `aws:` but is not a documented global condition key (or is a tag key with no tag name).',
  rationale:
    'A misspelt global key (`aws:SourceIps`, `aws:RequestTags/team`) is simply absent from every request, so a positive test on it is always false and a negated one always true (R80). IAM Access Analyzer reports unknown global keys as errors; the linter says warning because AWS keeps adding keys.',
  fix: 'Correct the key name; global keys are listed in the IAM User Guide (AWS global condition context keys).',
  rules: ['R123', 'R124', 'R80'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { StringEquals: { 'aws:PrincipalOrgIdentifier': 'o-a1b2c3d4e5' } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionTest(context, (test) => {
      if (!isGlobalKey(test.keyLower)) return
      if (GLOBAL_TAG_KEY_PREFIXES.includes(test.keyLower)) {
        findings.push(
          context.finding(unknownGlobalConditionKey, test.keyPath, `${test.key} names no tag key: write the tag name after the slash`, {
            at: 'key',
          }),
        )
      } else if (conditionKeyInfo(test.keyLower) === undefined) {
        findings.push(
          context.finding(
            unknownGlobalConditionKey,
            test.keyPath,
            `${test.key} is not a documented global condition key; a request never carries it (R80)`,
            { at: 'key' },
          ),
        )
      }
    })
    return findings
  },
}

/**
 * Check `empty-condition-values`: a condition key whose value list is empty (R82, C16).
 */
import type { LintConditionTest } from '../context.js'
import { forEachConditionTest } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** What an empty value list means for this test (R82, C16). */
function outcome(test: LintConditionTest): string {
  if (test.qualifier === 'ForAnyValue') return 'never matches'
  if (test.qualifier === 'ForAllValues' || test.ifExists) return `matches only when the request has no ${test.key}`
  return test.negated ? `matches only when the request has no ${test.key}` : 'never matches'
}

/** The `empty-condition-values` lint check (what it reports: see the module comment). */
export const emptyConditionValues: LintCheck = {
  code: 'empty-condition-values',
  severity: 'warning',
  description: 'A condition key has an empty list of values (`"aws:SourceIp": []`).',
  rationale:
    'With no values the test is false whenever the key is present (R82, C16): `ForAnyValue:` never matches, `ForAllValues:`, `...IfExists` and negated operators match only when the key is absent. The statement then does something quite different from what the condition suggests. IAM Access Analyzer suggests the "empty array condition" checks.',
  fix: 'List the intended values, or remove the condition key.',
  rules: ['R82', 'C16'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { StringEquals: { 'aws:PrincipalOrgID': [] } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionTest(context, (test) => {
      if (!test.empty) return
      findings.push(
        context.finding(
          emptyConditionValues,
          test.keyPath,
          `${test.key} has no values under ${test.operator}: the test ${outcome(test)} (R82)`,
        ),
      )
    })
    return findings
  },
}

/**
 * Check `for-all-values-matches-missing-key`: an `Allow` statement whose `ForAllValues:` test is
 * true when the key is absent, with nothing else in the statement requiring the key (R101, R104).
 */
import { isKnownSingleValued } from '../condition-keys.js'
import { parseBoolean } from '../../conditions/values/bool.js'
import type { LintConditionTest, LintStatement } from '../context.js'
import { forEachConditionTest, testsOnKey } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** Whether another test of the statement fails when the key is absent (R80, R96, R102). */
function requiresKey(statement: LintStatement, test: LintConditionTest): boolean {
  return testsOnKey(statement, test.keyLower).some((other) => {
    if (other === test || other.baseOperator === undefined) return false
    if (other.baseOperator === 'Null') {
      return other.qualifier === undefined && other.values.length > 0 && other.values.every((value) => parseBoolean(value.value) === false)
    }
    if (other.ifExists) return false
    if (other.qualifier === 'ForAnyValue') return true
    return other.qualifier === undefined && !other.negated
  })
}

/** The `for-all-values-matches-missing-key` lint check (what it reports: see the module comment). */
export const forAllValuesMatchesMissingKey: LintCheck = {
  code: 'for-all-values-matches-missing-key',
  severity: 'security',
  description: 'An `Allow` statement uses `ForAllValues:` and nothing in the statement requires the key to be present.',
  rationale:
    '`ForAllValues:` is true when the key is absent or its list is empty (R101, R104). `ForAllValues:StringEquals {"aws:TagKeys": ["team"]}` meant as "only the tag key team" also allows requests that pass no tags at all. Requests that omit the key are therefore allowed.',
  fix: 'Add a Null condition with "false" on the same key (or a ForAnyValue: test) so that the key must be present.',
  rules: ['R101', 'R104'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 'ec2:CreateTags',
    Resource: '*',
    Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'project'] } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionTest(context, (test, statement) => {
      if (statement.effect !== 'Allow') return
      // Single-valued keys are reported by `for-all-values-single-valued-key`.
      if (test.qualifier !== 'ForAllValues' || test.baseOperator === undefined || test.baseOperator === 'Null') return
      if (isKnownSingleValued(test.keyLower) || requiresKey(statement, test)) return
      findings.push(
        context.finding(
          forAllValuesMatchesMissingKey,
          test.keyPath,
          `${test.operator} on ${test.key} is true when the request has no ${test.key}, so this Allow also applies then (R101)`,
          {
            at: 'key',
            fix: `Add "Null": {"${test.key}": "false"} to the statement's Condition so that the key must be present.`,
          },
        ),
      )
    })
    return findings
  },
}

/**
 * Check `null-with-set-operator`: `ForAllValues:Null` (always true) or `ForAnyValue:Null` (always
 * false) (R98).
 */
import { forEachConditionTest } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `null-with-set-operator` lint check (what it reports: see the module comment). */
export const nullWithSetOperator: LintCheck = {
  code: 'null-with-set-operator',
  severity: 'suggestion',
  description: '`Null` is combined with `ForAllValues:` or `ForAnyValue:`.',
  rationale:
    '`ForAllValues:Null` always evaluates to true and `ForAnyValue:Null` always to false, whatever the value and the request (R98): the test is either useless or makes the statement inert. IAM Access Analyzer suggests "Null with qualifier".',
  fix: 'Use plain Null.',
  rules: ['R98'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 'ec2:CreateTags',
    Resource: '*',
    Condition: { 'ForAnyValue:Null': { 'aws:TagKeys': 'false' } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionTest(context, (test, statement) => {
      if (test.baseOperator !== 'Null' || test.qualifier === undefined) return
      const outcome = test.qualifier === 'ForAllValues' ? 'always true' : 'always false, so the statement never matches'
      findings.push(context.finding(nullWithSetOperator, test.keyPath, `${test.operator} is ${outcome} (R98)`, { at: 'key' }))
    })
    return findings
  },
}

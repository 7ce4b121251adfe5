/**
 * Check `bool-multiple-values`: a `Bool` test with several values (R92).
 */
import { forEachConditionTest } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `bool-multiple-values` lint check (what it reports: see the module comment). */
export const boolMultipleValues: LintCheck = {
  code: 'bool-multiple-values',
  severity: 'warning',
  description: 'A `Bool` condition key lists more than one value.',
  rationale:
    'A Boolean key takes a single Boolean value (R92). Listing `["true", "false"]` makes the test true whenever the key is present, which is almost never what was meant; IAM Access Analyzer reports it as an error ("invalid condition multiple Boolean").',
  fix: 'Keep a single value, or use Null to test only whether the key is present.',
  rules: ['R92', 'R149'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { Bool: { 'aws:SecureTransport': ['true', 'false'] } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionTest(context, (test) => {
      if (test.baseOperator !== 'Bool' || test.values.length < 2) return
      findings.push(
        context.finding(
          boolMultipleValues,
          test.keyPath,
          `${test.key} lists ${test.values.length} values under ${test.operator}; a Boolean key takes one (R92)`,
        ),
      )
    })
    return findings
  },
}

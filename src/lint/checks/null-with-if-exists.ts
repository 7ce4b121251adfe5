/**
 * Check `null-with-if-exists`: `NullIfExists` (R84). Also a validation error; the check names it
 * when the linter works on a document that failed validation for other reasons too.
 */
import { decodeOperator } from '../../policy/operators.js'
import { quote } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `null-with-if-exists` lint check (what it reports: see the module comment). */
export const nullWithIfExists: LintCheck = {
  code: 'null-with-if-exists',
  severity: 'error',
  description: '`Null` is combined with `IfExists` (`NullIfExists`).',
  rationale:
    '`Null` already tests whether the key exists; `NullIfExists` is not an operator, and AWS rejects the policy (R84). IAM Access Analyzer reports "Null with if exists".',
  fix: 'Use plain Null.',
  rules: ['R84', 'R97'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { NullIfExists: { 'aws:TokenIssueTime': 'false' } },
  }),
  check(context) {
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      for (const operator of statement.condition?.operators ?? []) {
        if (decodeOperator(operator.name) !== 'null-with-if-exists') continue
        findings.push(
          context.finding(
            nullWithIfExists,
            operator.path,
            `${quote(operator.name)} is not an operator: Null already tests whether the key exists (R84)`,
            { at: 'key' },
          ),
        )
      }
    }
    return findings
  },
}

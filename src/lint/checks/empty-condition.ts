/**
 * Check `empty-condition`: an empty `Condition` object, or an operator with no keys, which makes
 * the statement inert (R83, C17).
 */
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `empty-condition` lint check (what it reports: see the module comment). */
export const emptyCondition: LintCheck = {
  code: 'empty-condition',
  severity: 'warning',
  description: '`Condition` is an empty object, or an operator in it has no condition keys (`"StringEquals": {}`).',
  rationale:
    'IAM Access Analyzer documents that an empty `Condition` object makes the statement have no effect (R83), and the library applies the same to an operator with no keys (C17): the statement never matches. Without the empty object the statement would be unconditional (R35).',
  fix: 'Remove the empty Condition (or operator), or add the intended condition keys.',
  rules: ['R83', 'R35', 'C17'],
  example: statementExample('identity', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: {} }),
  check(context) {
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      const condition = statement.condition
      if (condition === undefined) continue
      if (condition.empty) {
        findings.push(context.finding(emptyCondition, condition.path, 'the Condition object is empty: the statement never matches (R83)'))
        continue
      }
      for (const operator of condition.operators) {
        if (!operator.empty) continue
        findings.push(
          context.finding(emptyCondition, operator.path, `${operator.name} has no condition keys: the statement never matches (C17)`, {
            at: 'key',
          }),
        )
      }
    }
    return findings
  },
}

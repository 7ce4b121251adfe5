/**
 * Check `empty-element`: an empty list in `Action`, `NotAction`, `Resource` or `NotResource`, or a
 * `Principal`/`NotPrincipal` with no entry, which makes the statement inert (R44, C23).
 */
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `empty-element` lint check (what it reports: see the module comment). */
export const emptyElement: LintCheck = {
  code: 'empty-element',
  severity: 'warning',
  description:
    '`Action`, `NotAction`, `Resource` or `NotResource` is an empty list, or `Principal`/`NotPrincipal` has no entry (`{}` or only empty lists).',
  rationale:
    'An empty list makes the statement inert: it neither allows nor denies anything (R44, C23). The statement is dead weight, and usually the result of a template that produced no values. IAM Access Analyzer suggests "empty array action/resource/principal" and "empty object principal".',
  fix: 'List at least one value, or remove the statement.',
  rules: ['R44', 'C23'],
  example: statementExample('identity', { Effect: 'Allow', Action: [], Resource: '*' }),
  check(context) {
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      for (const list of [statement.action, statement.resource]) {
        if (list?.empty !== true) continue
        findings.push(context.finding(emptyElement, list.path, `${list.name} is an empty list: the statement never matches (R44)`))
      }
      const principal = statement.principal
      if (principal !== undefined && principal.isObject && principal.entries.length === 0) {
        findings.push(
          context.finding(emptyElement, principal.path, `${principal.name} names no principal: the statement never matches (R44)`),
        )
      }
    }
    return findings
  },
}

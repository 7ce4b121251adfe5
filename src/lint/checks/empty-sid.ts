/**
 * Check `empty-sid`: a `Sid` that is the empty string (R40).
 */
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `empty-sid` lint check (what it reports: see the module comment). */
export const emptySid: LintCheck = {
  code: 'empty-sid',
  severity: 'suggestion',
  description: 'A `Sid` is the empty string.',
  rationale: 'An empty `Sid` labels nothing (R40). IAM Access Analyzer suggests "empty Sid value".',
  fix: 'Remove the Sid or give it a name.',
  rules: ['R40'],
  example: statementExample('identity', { Sid: '', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
  check(context) {
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      if (statement.sid?.value !== '') continue
      findings.push(context.finding(emptySid, statement.sid.path, 'the Sid is empty'))
    }
    return findings
  },
}

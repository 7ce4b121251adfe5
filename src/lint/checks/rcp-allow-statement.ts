/**
 * Check `rcp-allow-statement`: an `Allow` statement in a resource control policy that is not the
 * shape of the AWS-managed `RCPFullAWSAccess` (R132, R20).
 */
import { coversEverything } from '../facts.js'
import type { LintStatement } from '../context.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** `Allow`, `Principal "*"`, `Action "*"`, `Resource "*"` (or none), no `Condition`. */
function isFullAccess(statement: LintStatement): boolean {
  const principal = statement.principal
  return (
    principal !== undefined &&
    !principal.negated &&
    principal.entries.length > 0 &&
    principal.entries.every((entry) => entry.entry.form === 'all') &&
    coversEverything(statement.action) &&
    (statement.resource === undefined || coversEverything(statement.resource)) &&
    statement.condition === undefined
  )
}

/** The `rcp-allow-statement` lint check (what it reports: see the module comment). */
export const rcpAllowStatement: LintCheck = {
  code: 'rcp-allow-statement',
  severity: 'error',
  description:
    'A resource control policy has an `Allow` statement other than the `RCPFullAWSAccess` shape (`Principal`, `Action` and `Resource` all `"*"`, no `Condition`).',
  rationale:
    '`Allow` is supported only in the AWS-managed `RCPFullAWSAccess`, which is attached everywhere and cannot be detached; customer RCPs contain `Deny` statements (R132, R20). Organizations refuses other `Allow` statements.',
  fix: 'Rewrite the statement as a Deny that blocks what must not happen.',
  rules: ['R132', 'R20'],
  example: statementExample('rcp', { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }),
  check(context) {
    if (context.kind !== 'rcp') return []
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      if (statement.effect !== 'Allow' || isFullAccess(statement)) continue
      findings.push(
        context.finding(
          rcpAllowStatement,
          statement.path,
          'resource control policies support Allow only in the RCPFullAWSAccess form; customer RCPs use Deny (R132)',
        ),
      )
    }
    return findings
  },
}

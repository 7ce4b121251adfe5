/**
 * Check `rcp-principal-not-star`: a resource control policy `Principal` other than `"*"` (R132).
 */
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `rcp-principal-not-star` lint check (what it reports: see the module comment). */
export const rcpPrincipalNotStar: LintCheck = {
  code: 'rcp-principal-not-star',
  severity: 'error',
  description: 'A resource control policy statement has a `Principal` other than `"*"`.',
  rationale:
    'In resource control policies the `Principal` element must be `"*"`; the principals a statement applies to are selected with condition keys such as `aws:PrincipalArn` or `aws:PrincipalOrgID` (R132). Organizations refuses other principals.',
  fix: 'Write "Principal": "*" and select principals with conditions on aws:PrincipalArn, aws:PrincipalAccount or aws:PrincipalOrgID.',
  rules: ['R132'],
  example: statementExample('rcp', { Effect: 'Deny', Principal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }),
  check(context) {
    if (context.kind !== 'rcp') return []
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      const principal = statement.principal
      if (principal === undefined || principal.star) continue
      findings.push(
        context.finding(
          rcpPrincipalNotStar,
          principal.path,
          'resource control policies accept only "Principal": "*"; select principals with condition keys (R132)',
        ),
      )
    }
    return findings
  },
}

/**
 * Check `variable-in-principal`: `${...}` in `Principal`/`NotPrincipal`, where variables are never
 * substituted (R115).
 */
import { hasVariableSyntax } from '../patterns.js'
import { forEachPrincipalEntry, quote } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `variable-in-principal` lint check (what it reports: see the module comment). */
export const variableInPrincipal: LintCheck = {
  code: 'variable-in-principal',
  severity: 'error',
  description: 'A policy variable (`${...}`) appears in `Principal` or `NotPrincipal`.',
  rationale:
    'Variables are not supported in principals (R115): the entry is compared as written and matches nothing. To select callers dynamically, use `"Principal": "*"` with a condition on `aws:PrincipalArn` or `aws:PrincipalTag/...`, where variables work.',
  fix: 'Name the principal explicitly, or use "Principal": "*" with a condition on aws:PrincipalArn.',
  rules: ['R115'],
  example: statementExample('resource', {
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::111122223333:user/${aws:username}' },
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::bucket/*',
  }),
  check(context) {
    const findings: Finding[] = []
    forEachPrincipalEntry(context, (entry) => {
      if (!hasVariableSyntax(entry.value)) return
      findings.push(
        context.finding(
          variableInPrincipal,
          entry.path,
          `${quote(entry.value)} contains '\${', but variables are not supported in principals (R115)`,
        ),
      )
    })
    return findings
  },
}

/**
 * Check `principal-partial-wildcard`: a wildcard inside a principal value, such as
 * `arn:aws:iam::111122223333:user/*`, which matches nothing (R50).
 */
import { hasWildcard } from '../patterns.js'
import { forEachPrincipalEntry, quote } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `principal-partial-wildcard` lint check (what it reports: see the module comment). */
export const principalPartialWildcard: LintCheck = {
  code: 'principal-partial-wildcard',
  severity: 'error',
  description: 'A principal value contains `*` or `?` but is not the whole value `"*"` (for example `arn:aws:iam::111122223333:user/*`).',
  rationale:
    'Wildcards are only meaningful as the whole principal `"*"`; inside a value they match nothing (R50), so an `Allow` grants nothing and a `NotPrincipal` excludes nothing. IAM Access Analyzer reports "unsupported wildcard in principal" as an error.',
  fix: 'Use "Principal": "*" (or {"AWS": "*"}) with an ArnLike condition on aws:PrincipalArn, or name the principals exactly.',
  rules: ['R50', 'E27'],
  example: statementExample('resource', {
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::111122223333:user/*' },
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::bucket/*',
  }),
  check(context) {
    const findings: Finding[] = []
    forEachPrincipalEntry(context, (entry) => {
      if (entry.entry.form === 'all' || !hasWildcard(entry.value)) return
      findings.push(
        context.finding(
          principalPartialWildcard,
          entry.path,
          `${quote(entry.value)} has a wildcard inside the value, which matches nothing; only the whole value "*" is a wildcard (R50)`,
        ),
      )
    })
    return findings
  },
}

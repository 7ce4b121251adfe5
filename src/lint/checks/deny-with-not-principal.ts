/**
 * Check `deny-with-not-principal`: `Deny` with `NotPrincipal`, whose exclusions are easy to get
 * wrong (R55-R57).
 */
import type { Finding, LintCheck } from '../types.js'

/** The `deny-with-not-principal` lint check (what it reports: see the module comment). */
export const denyWithNotPrincipal: LintCheck = {
  code: 'deny-with-not-principal',
  severity: 'warning',
  description: 'A `Deny` statement uses `NotPrincipal`.',
  rationale:
    'A caller escapes a `Deny` + `NotPrincipal` statement only if every identity of its chain is listed — the session, the role and the account (R55) — and a caller with a permissions boundary never escapes it (R56). AWS recommends `"Principal": "*"` with an `ArnNotEquals`/`ArnNotLike` condition on `aws:PrincipalArn` instead (R57).',
  fix: 'Use "Principal": "*" with an ArnNotLike condition on aws:PrincipalArn listing the excluded principals.',
  rules: ['R54', 'R55', 'R56', 'R57'],
  example: {
    kind: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/admin' },
          Action: 's3:*',
          Resource: 'arn:aws:s3:::bucket/*',
        },
      ],
    },
  },
  check(context) {
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      if (statement.effect !== 'Deny' || statement.principal?.negated !== true) continue
      findings.push(
        context.finding(
          denyWithNotPrincipal,
          statement.principal.path,
          'a caller escapes this Deny only if its session, role and account are all listed, and never with a permissions boundary (R55, R56)',
        ),
      )
    }
    return findings
  },
}

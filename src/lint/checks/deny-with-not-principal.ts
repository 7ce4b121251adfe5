/**
 * Check `deny-with-not-principal`: `Deny` with `NotPrincipal`, whose exclusions are easy to get
 * wrong (R55-R57).
 */
import { negatedElementCheck } from '../check-factories.js'
import { statementExample } from '../examples.js'

/** The `deny-with-not-principal` lint check (what it reports: see the module comment). */
export const denyWithNotPrincipal = negatedElementCheck({
  code: 'deny-with-not-principal',
  severity: 'warning',
  description: 'A `Deny` statement uses `NotPrincipal`.',
  rationale:
    'A caller escapes a `Deny` + `NotPrincipal` statement only if every identity of its chain is listed — the session, the role and the account (R55) — and a caller with a permissions boundary never escapes it (R56). AWS recommends `"Principal": "*"` with an `ArnNotEquals`/`ArnNotLike` condition on `aws:PrincipalArn` instead (R57).',
  fix: 'Use "Principal": "*" with an ArnNotLike condition on aws:PrincipalArn listing the excluded principals.',
  rules: ['R54', 'R55', 'R56', 'R57'],
  example: statementExample('resource', {
    Effect: 'Deny',
    NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/admin' },
    Action: 's3:*',
    Resource: 'arn:aws:s3:::bucket/*',
  }),
  effect: 'Deny',
  element: 'principal',
  message:
    'a caller escapes this Deny only if its session, role and account are all listed, and never with a permissions boundary (R55, R56)',
})

/**
 * Check `allow-with-not-resource`: `Allow` with `NotResource`, which grants the actions on every
 * resource not listed (R71).
 */
import type { Finding, LintCheck } from '../types.js'

/** The `allow-with-not-resource` lint check (what it reports: see the module comment). */
export const allowWithNotResource: LintCheck = {
  code: 'allow-with-not-resource',
  severity: 'warning',
  description: 'An `Allow` statement uses `NotResource`.',
  rationale:
    '`Allow` + `NotResource` grants the listed actions on every resource except the listed ones, including resources created later and resources in other accounts (R71). It is easy to grant more than intended.',
  fix: 'List the allowed resources in Resource instead, or use Deny with NotResource.',
  rules: ['R71'],
  example: {
    kind: 'identity',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret-bucket/*' }] },
  },
  check(context) {
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      if (statement.effect !== 'Allow' || statement.resource?.negated !== true) continue
      findings.push(
        context.finding(
          allowWithNotResource,
          statement.resource.path,
          'this Allow grants its actions on every resource not listed here (R71)',
        ),
      )
    }
    return findings
  },
}

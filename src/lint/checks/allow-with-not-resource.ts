/**
 * Check `allow-with-not-resource`: `Allow` with `NotResource`, which grants the actions on every
 * resource not listed (R71).
 */
import { negatedElementCheck } from '../check-factories.js'
import { statementExample } from '../examples.js'

/** The `allow-with-not-resource` lint check (what it reports: see the module comment). */
export const allowWithNotResource = negatedElementCheck({
  code: 'allow-with-not-resource',
  severity: 'warning',
  description: 'An `Allow` statement uses `NotResource`.',
  rationale:
    '`Allow` + `NotResource` grants the listed actions on every resource except the listed ones, including resources created later and resources in other accounts (R71). It is easy to grant more than intended.',
  fix: 'List the allowed resources in Resource instead, or use Deny with NotResource.',
  rules: ['R71'],
  example: statementExample('identity', { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret-bucket/*' }),
  effect: 'Allow',
  element: 'resource',
  message: 'this Allow grants its actions on every resource not listed here (R71)',
})

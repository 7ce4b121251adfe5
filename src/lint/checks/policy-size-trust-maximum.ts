/**
 * Check `policy-size-trust-maximum`: a role trust policy longer than 4,096 characters (white
 * space not counted), the most the quota can be raised to (R143).
 */
import { sizeCheck } from '../check-factories.js'
import { exampleRoleArns, statementExample } from '../examples.js'

/** The `policy-size-trust-maximum` lint check (what it reports: see the module comment). */
export const policySizeTrustMaximum = sizeCheck({
  code: 'policy-size-trust-maximum',
  severity: 'error',
  description: 'A role trust policy has more than 4,096 characters, white space not counted.',
  rationale:
    'The role trust policy quota can be raised to at most 4,096 characters (R143); IAM refuses a longer trust policy in every account.',
  fix: 'Shorten the trust policy, for example with one statement per kind of principal and conditions instead of long principal lists.',
  rules: ['R143'],
  example: statementExample('trust', {
    Effect: 'Allow',
    Principal: { AWS: exampleRoleArns(100) },
    Action: 'sts:AssumeRole',
  }),
  kinds: ['trust'],
  quotaName: 'maximum role trust policy quota',
  limit: 4096,
  countWhitespace: false,
})

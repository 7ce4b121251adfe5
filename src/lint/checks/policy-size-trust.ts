/**
 * Check `policy-size-trust`: a role trust policy longer than the default 2,048-character quota
 * (white space not counted), but within the 4,096 it can be raised to (R143).
 */
import { sizeCheck } from '../check-factories.js'
import { exampleRoleArns, statementExample } from '../examples.js'

/** The `policy-size-trust` lint check (what it reports: see the module comment). */
export const policySizeTrust = sizeCheck({
  code: 'policy-size-trust',
  severity: 'warning',
  description: 'A role trust policy has more than 2,048 characters (white space not counted) but at most 4,096.',
  rationale:
    'The role trust policy quota is 2,048 characters by default; it can be raised through a quota increase up to 4,096 (R143). Without the increase IAM refuses the document. IAM Access Analyzer reports "policy size exceeds role trust policy quota".',
  fix: 'Shorten the trust policy (for example move principals into an aws:PrincipalArn condition with wildcards), or request a quota increase.',
  rules: ['R143'],
  example: statementExample('trust', {
    Effect: 'Allow',
    Principal: { AWS: exampleRoleArns(50) },
    Action: 'sts:AssumeRole',
  }),
  kinds: ['trust'],
  quotaName: 'default role trust policy quota',
  limit: 2048,
  upTo: 4096,
  countWhitespace: false,
})

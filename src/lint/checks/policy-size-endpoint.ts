/**
 * Check `policy-size-endpoint`: a VPC endpoint policy longer than 20,480 characters, every
 * character counted (R146).
 */
import { sizeCheck } from '../check-factories.js'
import { exampleBucketArns, statementExample } from '../examples.js'

/** The `policy-size-endpoint` lint check (what it reports: see the module comment). */
export const policySizeEndpoint = sizeCheck({
  code: 'policy-size-endpoint',
  severity: 'error',
  description: 'A VPC endpoint policy has more than 20,480 characters, white space included.',
  rationale: 'A VPC endpoint policy is limited to 20,480 characters including white space (R146); a longer one is refused.',
  fix: 'Minify the JSON, use wildcards and conditions instead of long lists.',
  rules: ['R146'],
  example: statementExample('endpoint', {
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: exampleBucketArns(600),
  }),
  kinds: ['endpoint'],
  quotaName: 'VPC endpoint policy quota',
  limit: 20480,
  countWhitespace: true,
})

/**
 * Check `policy-size-identity`: an identity policy or permissions boundary longer than the 6,144
 * characters of a managed policy, white space not counted (R143).
 */
import { sizeCheck } from '../check-factories.js'
import { exampleBucketArns, statementExample } from '../examples.js'

/** The `policy-size-identity` lint check (what it reports: see the module comment). */
export const policySizeIdentity = sizeCheck({
  code: 'policy-size-identity',
  severity: 'warning',
  description: 'An identity policy or permissions boundary has more than 6,144 characters, white space not counted.',
  rationale:
    'A managed policy (and so a permissions boundary) is limited to 6,144 characters without white space (R143); IAM refuses a longer one. Inline policies share a per-identity aggregate (2,048 for a user, 5,120 for a group, 10,240 for a role), so a longer document may still fit inline, hence a warning. IAM Access Analyzer reports "policy size exceeds identity policy quota".',
  fix: 'Split the policy into several managed policies, or shorten it with wildcards (s3:Get*) and by merging statements.',
  rules: ['R143'],
  example: statementExample('identity', { Effect: 'Allow', Action: 's3:GetObject', Resource: exampleBucketArns(200) }),
  kinds: ['identity', 'boundary'],
  quotaName: 'managed policy quota',
  limit: 6144,
  countWhitespace: false,
})

/**
 * Check `policy-size-session`: an inline session policy longer than 2,048 characters (R144).
 */
import { sizeCheck } from '../check-factories.js'
import { exampleBucketArns, statementExample } from '../examples.js'

/** The `policy-size-session` lint check (what it reports: see the module comment). */
export const policySizeSession = sizeCheck({
  code: 'policy-size-session',
  severity: 'error',
  description: 'An inline session policy has more than 2,048 characters.',
  rationale:
    'STS accepts inline session policies of at most 2,048 characters of plain text (R144); the call that creates the session fails with a longer one. The plain text is what is sent, so white space counts here.',
  fix: 'Shorten the session policy, or pass managed session policies by ARN.',
  rules: ['R144'],
  example: statementExample('session', { Effect: 'Allow', Action: 's3:GetObject', Resource: exampleBucketArns(80) }),
  kinds: ['session'],
  quotaName: 'inline session policy quota',
  limit: 2048,
  countWhitespace: true,
})

/**
 * Check `resource-invalid-arn`: a `Resource`/`NotResource` entry that is neither `*` nor an ARN
 * pattern that can match an ARN (R64, R66). Such an entry matches no resource.
 */
import { forEachResource, quote } from '../facts.js'
import { canMatchAnArn } from '../patterns.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `resource-invalid-arn` lint check (what it reports: see the module comment). */
export const resourceInvalidArn: LintCheck = {
  code: 'resource-invalid-arn',
  severity: 'error',
  description: 'A `Resource` or `NotResource` entry is neither `*` nor an ARN with its six colon-separated fields.',
  rationale:
    'Resources are matched field by field as `arn:partition:service:region:account:resource` (R66). An entry that does not start with `arn:`, or that has fewer than six fields without a final `*`, can match no resource: in `Resource` it grants or denies nothing, in `NotResource` it excludes nothing. IAM Access Analyzer reports these as errors.',
  fix: 'Write the full ARN (arn:partition:service:region:account:resource), or "*".',
  rules: ['R64', 'R66'],
  example: statementExample('identity', { Effect: 'Allow', Action: 's3:GetObject', Resource: 's3:::my-bucket/*' }),
  check(context) {
    const findings: Finding[] = []
    forEachResource(context, (value, list) => {
      // An empty string is already a validation error (`empty-value`).
      if (value.value === '' || canMatchAnArn(value.value)) return
      const effect = list.negated ? 'excludes nothing from the statement' : 'matches no resource'
      findings.push(
        context.finding(resourceInvalidArn, value.path, `${quote(value.value)} is not "*" nor an ARN with six fields; it ${effect} (R66)`),
      )
    })
    return findings
  },
}

/**
 * Check `resource-wildcard-in-service`: a wildcard in the service field of a resource ARN, which
 * AWS does not permit (R69).
 */
import { forEachResource, quote } from '../facts.js'
import { arnFields, hasWildcard, isAllStars } from '../patterns.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `resource-wildcard-in-service` lint check (what it reports: see the module comment). */
export const resourceWildcardInService: LintCheck = {
  code: 'resource-wildcard-in-service',
  severity: 'warning',
  description: 'A resource ARN has `*` or `?` in its service field (`arn:aws:s3*:::bucket`).',
  rationale:
    'The resource documentation forbids wildcards in the service part of an ARN (R69); such a pattern is at best a confusing way to write `*` and is refused by some validators. The evaluator still applies glob matching to it.',
  fix: 'Name the service explicitly, or use "*" for every resource.',
  rules: ['R69'],
  example: statementExample('identity', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3*:::my-bucket/*' }),
  check(context) {
    const findings: Finding[] = []
    forEachResource(context, (value) => {
      if (isAllStars(value.value) || !value.value.startsWith('arn:')) return
      const fields = arnFields(value.value)
      const service = fields[2]
      if (fields.length < 4 || service === undefined || !hasWildcard(service)) return
      findings.push(
        context.finding(
          resourceWildcardInService,
          value.path,
          `the service field ${quote(service)} of ${quote(value.value)} contains a wildcard (R69)`,
        ),
      )
    })
    return findings
  },
}

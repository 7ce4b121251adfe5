/**
 * Check `wildcard-in-service-name`: `*` or `?` in the service prefix of an action (R59).
 */
import { forEachAction, quote } from '../facts.js'
import { actionService, hasWildcard } from '../patterns.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `wildcard-in-service-name` lint check (what it reports: see the module comment). */
export const wildcardInServiceName: LintCheck = {
  code: 'wildcard-in-service-name',
  severity: 'suggestion',
  description: 'The service prefix of an action contains a wildcard (`s3*:Get*`, `*:List*`).',
  rationale:
    'Wildcards in the service prefix are accepted but discouraged (R59): they match services that exist today and any service added later with a matching name. IAM Access Analyzer suggests "wildcard in service name".',
  fix: 'Name each service explicitly.',
  rules: ['R59'],
  example: statementExample('identity', { Effect: 'Allow', Action: '*:List*', Resource: '*' }),
  check(context) {
    const findings: Finding[] = []
    forEachAction(context, (value) => {
      const service = actionService(value.value)
      if (service === undefined || !hasWildcard(service)) return
      findings.push(context.finding(wildcardInServiceName, value.path, `the service prefix ${quote(service)} contains a wildcard (R59)`))
    })
    return findings
  },
}

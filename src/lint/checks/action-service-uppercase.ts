/**
 * Check `action-service-uppercase`: an action whose service prefix has upper-case letters — legal,
 * since actions are case-insensitive, but usually a typo (R58).
 */
import { forEachAction, quote } from '../facts.js'
import { actionService } from '../patterns.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `action-service-uppercase` lint check (what it reports: see the module comment). */
export const actionServiceUppercase: LintCheck = {
  code: 'action-service-uppercase',
  severity: 'suggestion',
  description: 'The service prefix of an action has upper-case letters (`S3:GetObject`).',
  rationale:
    'Actions are compared case-insensitively (R58), so this works, but service prefixes are documented in lower case; an upper-case prefix is usually a typo and hinders searching and comparing policies.',
  fix: 'Write the service prefix in lower case.',
  rules: ['R58'],
  example: statementExample('identity', { Effect: 'Allow', Action: 'S3:GetObject', Resource: '*' }),
  check(context) {
    const findings: Finding[] = []
    forEachAction(context, (value) => {
      const service = actionService(value.value)
      if (service === undefined || service === service.toLowerCase()) return
      findings.push(
        context.finding(
          actionServiceUppercase,
          value.path,
          `the service prefix ${quote(service)} has upper-case letters; it is compared case-insensitively (R58)`,
          {
            fix: `Write ${quote(service.toLowerCase() + value.value.slice(service.length))}.`,
          },
        ),
      )
    })
    return findings
  },
}

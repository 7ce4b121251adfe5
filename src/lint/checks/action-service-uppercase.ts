/**
 * Check `action-service-uppercase`: an action whose service prefix has upper-case letters — legal,
 * since actions are case-insensitive, but usually a typo (R58).
 */
import { forEachAction, quote } from '../facts.js'
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
  example: {
    kind: 'identity',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'S3:GetObject', Resource: '*' }] },
  },
  check(context) {
    const findings: Finding[] = []
    forEachAction(context, (value) => {
      const colon = value.value.indexOf(':')
      if (colon <= 0) return
      const service = value.value.slice(0, colon)
      if (service === service.toLowerCase()) return
      findings.push(
        context.finding(
          actionServiceUppercase,
          value.path,
          `the service prefix ${quote(service)} has upper-case letters; it is compared case-insensitively (R58)`,
          {
            fix: `Write ${quote(service.toLowerCase() + value.value.slice(colon))}.`,
          },
        ),
      )
    })
    return findings
  },
}

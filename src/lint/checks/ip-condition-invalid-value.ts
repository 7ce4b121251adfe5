/**
 * Check `ip-condition-invalid-value`: a value under `IpAddress`/`NotIpAddress` that is not an
 * IPv4 or IPv6 address or CIDR range (R94).
 */
import { parseIpRange } from '../../conditions/values/ip.js'
import { forEachConditionValue, quote } from '../facts.js'
import { hasVariableSyntax, hasWildcard } from '../patterns.js'
import type { Finding, LintCheck } from '../types.js'

/** The `ip-condition-invalid-value` lint check (what it reports: see the module comment). */
export const ipConditionInvalidValue: LintCheck = {
  code: 'ip-condition-invalid-value',
  severity: 'warning',
  description: 'A value under `IpAddress`/`NotIpAddress` is not an IP address or CIDR range.',
  rationale:
    'IP operators take IPv4 or IPv6 addresses in CIDR notation (R94). A malformed value never matches: an `IpAddress` test on it is always false and a `NotIpAddress` test always true.',
  fix: 'Write a CIDR range such as 203.0.113.0/24 or 2001:db8::/32.',
  rules: ['R94', 'C13'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.300/24' } } },
      ],
    },
  },
  check(context) {
    const findings: Finding[] = []
    forEachConditionValue(context, ['ip'], (value) => {
      if (hasVariableSyntax(value.value) || (typeof value.value === 'string' && hasWildcard(value.value))) return
      if (typeof value.value === 'string' && parseIpRange(value.value) !== undefined) return
      findings.push(
        context.finding(
          ipConditionInvalidValue,
          value.path,
          `${quote(value.value)} is not an IP address or CIDR range; an IP operator never matches it (R94)`,
        ),
      )
    })
    return findings
  },
}

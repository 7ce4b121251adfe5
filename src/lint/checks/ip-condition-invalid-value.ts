/**
 * Check `ip-condition-invalid-value`: a value under `IpAddress`/`NotIpAddress` that is not an
 * IPv4 or IPv6 address or CIDR range (R94).
 */
import { parseIpRange } from '../../conditions/values/ip.js'
import { invalidConditionValueCheck } from '../check-factories.js'
import { quote } from '../facts.js'
import { statementExample } from '../examples.js'

/** The `ip-condition-invalid-value` lint check (what it reports: see the module comment). */
export const ipConditionInvalidValue = invalidConditionValueCheck({
  code: 'ip-condition-invalid-value',
  severity: 'warning',
  description: 'A value under `IpAddress`/`NotIpAddress` is not an IP address or CIDR range.',
  rationale:
    'IP operators take IPv4 or IPv6 addresses in CIDR notation (R94). A malformed value never matches: an `IpAddress` test on it is always false and a `NotIpAddress` test always true.',
  fix: 'Write a CIDR range such as 203.0.113.0/24 or 2001:db8::/32.',
  rules: ['R94', 'C13'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.300/24' } },
  }),
  families: ['ip'],
  parses: (value) => typeof value === 'string' && parseIpRange(value) !== undefined,
  message: (value) => `${quote(value)} is not an IP address or CIDR range; an IP operator never matches it (R94)`,
})

/**
 * Check `ip-range-host-bits`: a CIDR value with bits set beyond its prefix (`203.0.113.5/24`),
 * which AWS ignores (R94).
 */
import { parseIpAddress, parseIpRange } from '../../conditions/values/ip.js'
import { forEachConditionValue, quote } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `ip-range-host-bits` lint check (what it reports: see the module comment). */
export const ipRangeHostBits: LintCheck = {
  code: 'ip-range-host-bits',
  severity: 'suggestion',
  description: 'A CIDR range has host bits set beyond its prefix length (`203.0.113.5/24`).',
  rationale:
    'Bits of the address beyond the prefix are ignored (R94): `203.0.113.5/24` means `203.0.113.0/24`. Writing it that way suggests a single address was meant (which would be `/32`). IAM Access Analyzer suggests "improve IP range".',
  fix: 'Write the network address (203.0.113.0/24), or /32 for a single address.',
  rules: ['R94'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.5/24' } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionValue(context, ['ip'], (value) => {
      if (typeof value.value !== 'string') return
      const slash = value.value.indexOf('/')
      if (slash < 0) return
      const range = parseIpRange(value.value)
      const address = parseIpAddress(value.value.slice(0, slash))
      // IPv4-mapped IPv6 ranges become IPv4 ranges (C13); compare only like with like.
      if (range === undefined || address === undefined || range.family !== address.family) return
      if (range.w0 === address.w0 && range.w1 === address.w1 && range.w2 === address.w2 && range.w3 === address.w3) return
      findings.push(
        context.finding(
          ipRangeHostBits,
          value.path,
          `${quote(value.value)} has host bits set beyond the /${range.prefix} prefix; they are ignored (R94)`,
        ),
      )
    })
    return findings
  },
}

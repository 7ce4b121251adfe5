/**
 * Check `private-ip-source-ip`: a private or loopback range tested against `aws:SourceIp`, which
 * only ever holds public addresses (R125).
 */
import { parseIpRange, rangeContains } from '../../conditions/values/ip.js'
import type { IpRange } from '../../conditions/values/ip.js'
import { forEachConditionValue, quote } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** Private, loopback and link-local blocks (RFC 1918, RFC 1122, RFC 3927, RFC 4193, RFC 4291). */
const PRIVATE_BLOCKS: readonly IpRange[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  'fc00::/7',
  'fe80::/10',
  '::1/128',
].map((block) => parseIpRange(block) as IpRange)

function isPrivate(range: IpRange): boolean {
  return PRIVATE_BLOCKS.some((block) => range.prefix >= block.prefix && rangeContains(block, range))
}

/** The `private-ip-source-ip` lint check (what it reports: see the module comment). */
export const privateIpSourceIp: LintCheck = {
  code: 'private-ip-source-ip',
  severity: 'warning',
  description: 'An `IpAddress`/`NotIpAddress` test on `aws:SourceIp` lists a private, loopback or link-local range.',
  rationale:
    '`aws:SourceIp` carries the public address a request came from; requests through a VPC endpoint carry `aws:VpcSourceIp` instead (R125). A private range therefore never matches `aws:SourceIp`: under `IpAddress` it grants or denies nothing, under `NotIpAddress` it excludes nothing. IAM Access Analyzer reports this as an error.',
  fix: 'Test aws:VpcSourceIp (together with aws:SourceVpce or aws:SourceVpc) for private addresses, or list the public range.',
  rules: ['R125'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/16' } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionValue(context, ['ip'], (value, test) => {
      if (test.keyLower !== 'aws:sourceip' || typeof value.value !== 'string') return
      const range = parseIpRange(value.value)
      if (range === undefined || !isPrivate(range)) return
      const effect = test.negated ? 'excludes nothing' : 'never matches'
      findings.push(
        context.finding(
          privateIpSourceIp,
          value.path,
          `${quote(value.value)} is a private range; aws:SourceIp only holds public addresses, so it ${effect} (R125)`,
        ),
      )
    })
    return findings
  },
}

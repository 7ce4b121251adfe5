/**
 * Workloads (a), (b) and (c): one request each, a policy set, the expected decision, and a
 * hand-written function that decides that request directly (the floor every engine is compared to).
 * Pure data and plain functions: no engine is imported here, so tests can reuse them.
 */
import { createRng } from '../lib/rng.mjs'

export const ACCOUNT = '111122223333'
export const PRINCIPAL = `arn:aws:iam::${ACCOUNT}:user/alice`

const V = '2012-10-17'

// ---------------------------------------------------------------------------------------------
// (a) one identity policy, Allow s3:GetObject on arn:aws:s3:::bucket/prefix/*

const A_PREFIX = 'arn:aws:s3:::bucket/prefix/'

export const workloadA = {
  id: 'a',
  title: '(a) one identity policy, s3:GetObject on bucket/prefix/*',
  request: {
    principal: PRINCIPAL,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket/prefix/reports/2024/q3.csv',
    resourceAccount: ACCOUNT,
  },
  policies: {
    identity: [
      {
        Version: V,
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/prefix/*' }],
      },
    ],
  },
  expect: 'Allow',
  /** The floor: the request decided by hand (action names are case-insensitive in IAM). */
  floor(request) {
    const action = request.action
    if (action !== 's3:GetObject' && action.toLowerCase() !== 's3:getobject') return 'ImplicitDeny'
    return request.resource.startsWith(A_PREFIX) ? 'Allow' : 'ImplicitDeny'
  },
}

// ---------------------------------------------------------------------------------------------
// (b) Allow needs aws:SourceIp in IPv4/IPv6 CIDRs, aws:MultiFactorAuthPresent true and StringLike
// on aws:PrincipalTag/team.

const B_CIDRS = ['192.0.2.0/24', '198.51.100.0/24', '10.10.0.0/16', '203.0.113.0/24', '2001:db8::/32', '2600:1f18:4000::/36']
const B_TEAMS = ['platform-*', 'security-*']

export const workloadB = {
  id: 'b',
  title: '(b) Allow with IpAddress (v4+v6 CIDRs), Bool MFA, StringLike PrincipalTag',
  request: {
    principal: PRINCIPAL,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket/prefix/reports/2024/q3.csv',
    resourceAccount: ACCOUNT,
    context: {
      'aws:SourceIp': '203.0.113.77',
      'aws:MultiFactorAuthPresent': 'true',
      'aws:PrincipalTag/team': 'platform-storage',
    },
  },
  policies: {
    identity: [
      {
        Version: V,
        Statement: [
          {
            Sid: 'FromOfficeWithMfa',
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::bucket/prefix/*',
            Condition: {
              IpAddress: { 'aws:SourceIp': B_CIDRS },
              Bool: { 'aws:MultiFactorAuthPresent': 'true' },
              StringLike: { 'aws:PrincipalTag/team': B_TEAMS },
            },
          },
        ],
      },
    ],
  },
  expect: 'Allow',
  floor: floorB,
}

// The floor's own CIDR tables, built once: IPv4 as [network, mask] on 32 bits, IPv6 as 8 groups of 16 bits.
const V4_RANGES = [
  [0xc0000200, 24],
  [0xc6336400, 24],
  [0x0a0a0000, 16],
  [0xcb007100, 24],
].map(([net, bits]) => {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
  return [(net & mask) >>> 0, mask]
})
const V6_RANGES = [
  [[0x2001, 0x0db8], 32],
  [[0x2600, 0x1f18, 0x4000], 36],
]

function parseV4(text) {
  let value = 0
  let octet = -1
  let dots = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 46) {
      if (octet < 0 || ++dots > 3) return -1
      value = value * 256 + octet
      octet = -1
    } else if (c >= 48 && c <= 57) {
      octet = octet < 0 ? c - 48 : octet * 10 + (c - 48)
      if (octet > 255) return -1
    } else return -1
  }
  if (dots !== 3 || octet < 0) return -1
  return value * 256 + octet
}

function parseV6(text) {
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const head = halves[0] === '' ? [] : halves[0].split(':')
  const tail = halves.length === 2 && halves[1] !== '' ? halves[1].split(':') : []
  if (halves.length === 1 && head.length !== 8) return undefined
  const groups = new Array(8).fill(0)
  for (let i = 0; i < head.length; i++) groups[i] = parseInt(head[i], 16)
  for (let i = 0; i < tail.length; i++) groups[8 - tail.length + i] = parseInt(tail[i], 16)
  return groups.some((g) => !(g >= 0 && g <= 0xffff)) ? undefined : groups
}

function ipAllowed(ip) {
  if (typeof ip !== 'string') return false
  if (ip.indexOf(':') < 0) {
    const v = parseV4(ip)
    if (v < 0) return false
    for (let i = 0; i < V4_RANGES.length; i++) {
      const r = V4_RANGES[i]
      if ((v & r[1]) >>> 0 === r[0]) return true
    }
    return false
  }
  const g = parseV6(ip)
  if (g === undefined) return false
  for (const [prefix, bits] of V6_RANGES) {
    let ok = true
    for (let i = 0, left = bits; left > 0; i++, left -= 16) {
      const mask = left >= 16 ? 0xffff : (0xffff << (16 - left)) & 0xffff
      if ((g[i] & mask) !== ((prefix[i] ?? 0) & mask)) ok = false
    }
    if (ok) return true
  }
  return false
}

function floorB(request) {
  const action = request.action
  if (action !== 's3:GetObject' && action.toLowerCase() !== 's3:getobject') return 'ImplicitDeny'
  if (!request.resource.startsWith(A_PREFIX)) return 'ImplicitDeny'
  const context = request.context
  if (context === undefined) return 'ImplicitDeny'
  const mfa = context['aws:MultiFactorAuthPresent']
  if (mfa !== true && !(typeof mfa === 'string' && mfa.toLowerCase() === 'true')) return 'ImplicitDeny'
  const team = context['aws:PrincipalTag/team']
  if (typeof team !== 'string' || !(team.startsWith('platform-') || team.startsWith('security-'))) return 'ImplicitDeny'
  return ipAllowed(context['aws:SourceIp']) ? 'Allow' : 'ImplicitDeny'
}

// ---------------------------------------------------------------------------------------------
// (c) 20 policies x 10 statements, Allow and Deny mixed, wildcards; the request meets an explicit
// Deny in the last statement of the last policy (the worst place for an in-order scan). Denies
// elsewhere never name s3, and one Allow in policy 4 does match the request.

const C_SERVICES = {
  ec2: { nouns: ['Instances', 'Volumes', 'Snapshots', 'SecurityGroups', 'Vpcs'], type: 'instance' },
  dynamodb: { nouns: ['Item', 'Table', 'Backup', 'Stream'], type: 'table' },
  sqs: { nouns: ['Message', 'Queue', 'QueueAttributes'], type: 'queue' },
  sns: { nouns: ['Topic', 'Subscription', 'Message'], type: 'topic' },
  lambda: { nouns: ['Function', 'Alias', 'Layer', 'Version'], type: 'function' },
  kms: { nouns: ['Key', 'Alias', 'Grant'], type: 'key' },
  logs: { nouns: ['LogGroup', 'LogStream', 'LogEvents'], type: 'log-group' },
  s3: { nouns: ['Object', 'Bucket', 'ObjectTagging', 'BucketPolicy'], type: '' },
}
const C_VERBS = ['Get', 'Put', 'List', 'Describe', 'Delete', 'Create', 'Update', 'Tag']

function cAction(rng, service) {
  const { nouns } = C_SERVICES[service]
  switch (rng.int(6)) {
    case 0:
      return `${service}:${rng.pick(C_VERBS)}*`
    case 1:
      return `${service}:${rng.pick(C_VERBS)}${rng.pick(nouns)}`
    case 2:
      return `${service}:*${rng.pick(nouns)}`
    case 3:
      return `${service}:${rng.pick(C_VERBS)}?${rng.pick(nouns).slice(1)}`
    case 4:
      return `${service}:*`
    default:
      return `${service}:${rng.pick(C_VERBS)}*${rng.pick(nouns).slice(-3)}`
  }
}

function cResource(rng, service) {
  if (rng.chance(0.1)) return '*'
  const name = `app${rng.int(30)}`
  if (service === 's3')
    return rng.chance(0.5) ? `arn:aws:s3:::${name}-*/*` : `arn:aws:s3:::${name}-bucket/${rng.pick(['logs', 'data', 'tmp'])}/*`
  const region = rng.pick(['us-east-1', 'eu-west-1', '*'])
  return `arn:aws:${service}:${region}:${ACCOUNT}:${C_SERVICES[service].type}/${name}-*`
}

function cStatement(rng, index, allowS3Deny) {
  const effect = rng.chance(0.3) ? 'Deny' : 'Allow'
  const services = Object.keys(C_SERVICES).filter((s) => effect === 'Allow' || allowS3Deny || s !== 's3')
  const service = rng.pick(services)
  const actions = Array.from({ length: 1 + rng.int(3) }, () => cAction(rng, service))
  const resources = Array.from({ length: 1 + rng.int(2) }, () => cResource(rng, service))
  return { Sid: `S${index}`, Effect: effect, Action: actions, Resource: resources }
}

function buildC() {
  const rng = createRng(0xc0ffee)
  const policies = []
  for (let p = 0; p < 20; p++) {
    const statements = []
    for (let s = 0; s < 10; s++) statements.push(cStatement(rng, s, false))
    policies.push({ Version: V, Statement: statements })
  }
  policies[4].Statement[2] = {
    Sid: 'DataTeamBuckets',
    Effect: 'Allow',
    Action: ['s3:Get*', 's3:Put*', 's3:List*'],
    Resource: ['arn:aws:s3:::confidential-data', 'arn:aws:s3:::confidential-data/*'],
  }
  policies[19].Statement[9] = {
    Sid: 'NoWritesToSecrets',
    Effect: 'Deny',
    Action: ['s3:Put*', 's3:DeleteObject*'],
    Resource: 'arn:aws:s3:::confidential-*/secrets/*',
  }
  return policies
}

const C_DENY_PREFIX = 'arn:aws:s3:::confidential-'

export const workloadC = {
  id: 'c',
  title: '(c) 20 policies x 10 statements, Allow/Deny with wildcards, Deny in the last policy',
  request: {
    principal: PRINCIPAL,
    action: 's3:PutObject',
    resource: 'arn:aws:s3:::confidential-data/secrets/db-password.txt',
    resourceAccount: ACCOUNT,
  },
  policies: { identity: buildC() },
  expect: 'ExplicitDeny',
  /**
   * The floor: only s3 requests can meet the one s3 Deny (the last statement of the last policy)
   * or the one s3 Allow that names confidential-data (policy 4); it checks those two by hand.
   * Other Allow statements that could match an s3 request are ignored: the floor is exact for this
   * workload's request, nothing more.
   */
  floor(request) {
    const action = request.action.toLowerCase()
    const resource = request.resource
    if (
      (action.startsWith('s3:put') || action.startsWith('s3:deleteobject')) &&
      resource.startsWith(C_DENY_PREFIX) &&
      resource.indexOf('/secrets/', C_DENY_PREFIX.length) >= 0
    )
      return 'ExplicitDeny'
    if (
      (action.startsWith('s3:get') || action.startsWith('s3:put') || action.startsWith('s3:list')) &&
      (resource === 'arn:aws:s3:::confidential-data' || resource.startsWith('arn:aws:s3:::confidential-data/'))
    )
      return 'Allow'
    return 'ImplicitDeny'
  },
}

export const basicWorkloads = [workloadA, workloadB, workloadC]

/**
 * fast-check generators for the property tests (test/properties): a small universe of accounts,
 * partitions, callers, actions, resources and condition keys, and random but VALID policy sets of
 * every slot (identity list, resource, permissions boundary, session, SCP levels, RCP levels,
 * endpoint list) built to hit the generated request.
 *
 * Why the universe is small and the policies are aimed: with free-form random strings almost every
 * request would be an ImplicitDeny and a differential test would prove nothing. Here every pattern,
 * principal entry and condition value is drawn mostly from values derived from the request
 * (its action, resource, caller chain, context pools), with a minority of near misses and unrelated
 * values, so Allow, ExplicitDeny and ImplicitDeny all come out often.
 *
 * Why only valid policies: `evaluate` throws on invalid policies while the reference evaluator is
 * lenient in places, so the generators respect what `parsePolicy` accepts for each slot's kind
 * (identity/boundary/session need Resource or NotResource and no Principal; resource, endpoint and
 * RCP statements need a Principal; NotPrincipal only with Deny and never in SCPs/RCPs; RCPs are
 * Version 2012-10-17 without NotAction; SCPs carry no principal; no empty strings in Action,
 * Resource or principal entries; policy variables always well-formed).
 */
import fc from 'fast-check'

// ---------------------------------------------------------------------------------------------
// Plain data shapes (JSON as the library and the reference read it)
// ---------------------------------------------------------------------------------------------

export type Scalar = string | number | boolean
export type ContextValue = Scalar | Scalar[]
export type Context = Record<string, ContextValue>
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
export type Statement = { [key: string]: Json }
/** A policy document (a type alias, not an interface, so it is assignable to `Record<string, unknown>`). */
export type PolicyDoc = { Version?: string; Id?: string; Statement: Statement | Statement[] }

export interface GenRequest {
  principal: string
  action: string
  resource: string
  resourceAccount?: string
  context?: Context
}

export interface GenPolicies {
  identity?: PolicyDoc[]
  resource?: PolicyDoc
  permissionsBoundary?: PolicyDoc
  session?: PolicyDoc
  scps?: PolicyDoc[][]
  rcps?: PolicyDoc[][]
  endpoint?: PolicyDoc[]
}

/** The policy kinds a slot validates as (what `parsePolicy` is told). */
export type SlotKind = 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp' | 'endpoint'

export type CallerKind = 'user' | 'role' | 'session' | 'federated' | 'root' | 'service' | 'anonymous' | 'unrecognised'

/** What the generators know about the caller, to aim principal entries at it. */
export interface CallerInfo {
  readonly kind: CallerKind
  readonly principal: string
  /** `AWS` principal values naming an identity of the caller's chain (own ARN, role ARNs, account). */
  readonly awsEntries: readonly string[]
  /** `Service` values naming the caller (service principals only). */
  readonly serviceEntries: readonly string[]
}

/** The request a policy set is aimed at. */
export interface Scenario {
  readonly caller: CallerInfo
  /** The canonical action (before case mangling). */
  readonly action: string
  readonly resource: string
  readonly partition: string
}

export interface GenCase {
  readonly request: GenRequest
  readonly policies: GenPolicies
  readonly scenario: Scenario
}

// ---------------------------------------------------------------------------------------------
// The universe
// ---------------------------------------------------------------------------------------------

export const ACCOUNT_A = '111122223333'
export const ACCOUNT_B = '444455556666'
/** The fixed clock of every property test: 2026-01-02T03:04:05.678Z. */
export const NOW = Date.UTC(2026, 0, 2, 3, 4, 5, 678)

const USERS = [
  { path: '', name: 'alice' },
  { path: 'dev/', name: 'bob' },
] as const
const ROLES = [
  { path: '', name: 'Admin' },
  { path: 'team/', name: 'Deploy' },
] as const
const SERVICES = ['s3.amazonaws.com', 'lambda.amazonaws.com'] as const

/** Actions of the request's services, so that patterns and requests meet. */
const ACTIONS_BY_SERVICE: Record<string, readonly string[]> = {
  s3: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 's3:ListAllMyBuckets'],
  sts: ['sts:AssumeRole', 'sts:TagSession'],
  kms: ['kms:Decrypt', 'kms:Encrypt'],
  iam: ['iam:ListUsers'],
  ec2: ['ec2:RunInstances'],
}
const ALL_ACTIONS: readonly string[] = Object.values(ACTIONS_BY_SERVICE).flat()

/** Services no request ever uses (metamorphic property "another service changes nothing"). */
export const UNRELATED_ACTION_PATTERNS: readonly string[] = [
  'dynamodb:GetItem',
  'dynamodb:*',
  'sqs:Send*',
  'sqs:SendMessage',
  'lambda:InvokeFunction',
  'lambda:Invoke?unction',
]

/** Directories of S3 object keys: each is what some policy variable can resolve to. */
const S3_DIRS = ['alice', 'bob', 'red', 'public', ACCOUNT_A] as const

/** fast-check wants integer weights; ours are written in convenient units and scaled here. */
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>): fc.WeightedArbitrary<T> => ({
  weight: Math.round(weight * 10),
  arbitrary,
})

/** Deterministic letter-case scramble: bit i of the seed decides the case of character i. */
export function mangleCase(text: string, seed: number): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    out += ((seed >>> (i % 31)) & 1) === 1 ? c.toUpperCase() : c.toLowerCase()
  }
  return out
}

/** The text as written most of the time, otherwise in another letter case. */
export function caseVariantArb(text: string): fc.Arbitrary<string> {
  return fc.oneof(
    weighted(6, fc.constant(text)),
    weighted(1, fc.constant(text.toUpperCase())),
    weighted(1, fc.constant(text.toLowerCase())),
    weighted(
      2,
      fc.nat().map((seed) => mangleCase(text, seed)),
    ),
  )
}

// ---------------------------------------------------------------------------------------------
// Callers
// ---------------------------------------------------------------------------------------------

const partitionArb = fc.oneof(weighted(9, fc.constant('aws')), weighted(1, fc.constant('aws-cn')))
const accountArb = fc.oneof(weighted(3, fc.constant(ACCOUNT_A)), weighted(1, fc.constant(ACCOUNT_B)))

function buildCaller(kind: CallerKind, partition: string, account: string, pick: number, session: string): CallerInfo {
  const root = `arn:${partition}:iam::${account}:root`
  const accountEntries = [account, root]
  switch (kind) {
    case 'user': {
      const u = USERS[pick % USERS.length] as (typeof USERS)[number]
      const arn = `arn:${partition}:iam::${account}:user/${u.path}${u.name}`
      return { kind, principal: arn, awsEntries: [arn, ...accountEntries], serviceEntries: [] }
    }
    case 'role': {
      const r = ROLES[pick % ROLES.length] as (typeof ROLES)[number]
      const arn = `arn:${partition}:iam::${account}:role/${r.path}${r.name}`
      // the path-less ARN of a role with a path is a near miss (C7: role ARNs compare exactly)
      const pathless = `arn:${partition}:iam::${account}:role/${r.name}`
      return {
        kind,
        principal: arn,
        awsEntries: pathless === arn ? [arn, ...accountEntries] : [arn, pathless, ...accountEntries],
        serviceEntries: [],
      }
    }
    case 'session': {
      const r = ROLES[pick % ROLES.length] as (typeof ROLES)[number]
      const arn = `arn:${partition}:sts::${account}:assumed-role/${r.name}/${session}`
      const pathless = `arn:${partition}:iam::${account}:role/${r.name}`
      const withPath = `arn:${partition}:iam::${account}:role/${r.path}${r.name}`
      const roles = pathless === withPath ? [pathless] : [pathless, withPath]
      return { kind, principal: arn, awsEntries: [arn, ...roles, ...accountEntries], serviceEntries: [] }
    }
    case 'federated': {
      const arn = `arn:${partition}:sts::${account}:federated-user/fed${pick % 2}`
      return { kind, principal: arn, awsEntries: [arn, ...accountEntries], serviceEntries: [] }
    }
    case 'root':
      return { kind, principal: root, awsEntries: accountEntries, serviceEntries: [] }
    case 'service': {
      const name = SERVICES[pick % SERVICES.length] as string
      return { kind, principal: name, awsEntries: [], serviceEntries: [name] }
    }
    case 'anonymous':
      return { kind, principal: '*', awsEntries: [], serviceEntries: [] }
    case 'unrecognised': {
      // C3: strings of no known caller shape (a group ARN, a bare account id, an empty string)
      const principal = [`arn:${partition}:iam::${account}:group/devs`, account, ''][pick % 3] as string
      return { kind, principal, awsEntries: [], serviceEntries: [] }
    }
  }
}

const callerKindArb: fc.Arbitrary<CallerKind> = fc.oneof(
  weighted(25, fc.constant<CallerKind>('user')),
  weighted(8, fc.constant<CallerKind>('role')),
  weighted(20, fc.constant<CallerKind>('session')),
  weighted(7, fc.constant<CallerKind>('federated')),
  weighted(8, fc.constant<CallerKind>('root')),
  weighted(7, fc.constant<CallerKind>('service')),
  weighted(7, fc.constant<CallerKind>('anonymous')),
  weighted(2, fc.constant<CallerKind>('unrecognised')),
)

export const callerArb: fc.Arbitrary<CallerInfo> = fc
  .tuple(callerKindArb, partitionArb, accountArb, fc.nat(3), fc.constantFrom('s1', 's2'))
  .map(([kind, partition, account, pick, session]) => buildCaller(kind, partition, account, pick, session))

// ---------------------------------------------------------------------------------------------
// Actions and resources
// ---------------------------------------------------------------------------------------------

interface Target {
  action: string
  resource: string
  resourceAccount: string | undefined
}

const s3AccountArb = fc.oneof(
  weighted(6, fc.constant<string | undefined>(ACCOUNT_A)),
  weighted(3, fc.constant<string | undefined>(ACCOUNT_B)),
  weighted(2, fc.constant<string | undefined>(undefined)),
  weighted(0.3, fc.constant<string | undefined>('')), // R6: an empty account is no account
)
// ARNs that carry their account usually come without resourceAccount (R6 reads the ARN).
const arnAccountOverrideArb = fc.oneof(weighted(8, fc.constant(false)), weighted(1, fc.constant(true)))

const targetArb: fc.Arbitrary<Target> = fc.oneof(
  // S3 objects (the richest: variables in the key)
  weighted(
    10,
    fc
      .tuple(
        partitionArb,
        fc.constantFrom('s3:GetObject', 's3:PutObject', 's3:DeleteObject'),
        fc.constantFrom(...S3_DIRS),
        fc.constantFrom('report.txt', 'a.jpg'),
        s3AccountArb,
      )
      .map(([p, action, dir, file, account]) => ({ action, resource: `arn:${p}:s3:::bucket-a/${dir}/${file}`, resourceAccount: account })),
  ),
  weighted(
    3,
    fc
      .tuple(partitionArb, fc.constantFrom('bucket-a', 'bucket-b'), s3AccountArb)
      .map(([p, bucket, account]) => ({ action: 's3:ListBucket', resource: `arn:${p}:s3:::${bucket}`, resourceAccount: account })),
  ),
  weighted(
    2,
    fc.constantFrom('s3:ListAllMyBuckets', 'iam:ListUsers').map((action) => ({ action, resource: '*', resourceAccount: undefined })),
  ),
  weighted(
    4,
    fc
      .tuple(
        partitionArb,
        accountArb,
        fc.constantFrom(...ROLES),
        fc.constantFrom('sts:AssumeRole', 'sts:TagSession'),
        arnAccountOverrideArb,
      )
      .map(([p, account, r, action, override]) => ({
        action,
        resource: `arn:${p}:iam::${account}:role/${r.path}${r.name}`,
        resourceAccount: override ? account : undefined,
      })),
  ),
  weighted(
    3,
    fc
      .tuple(partitionArb, accountArb, fc.constantFrom('kms:Decrypt', 'kms:Encrypt'), fc.constantFrom('k1', 'k2'))
      .map(([p, account, action, key]) => ({
        action,
        resource: `arn:${p}:kms:us-east-1:${account}:key/${key}`,
        resourceAccount: undefined,
      })),
  ),
  weighted(
    1,
    fc.tuple(partitionArb, accountArb).map(([p, account]) => ({
      action: 'ec2:RunInstances',
      resource: `arn:${p}:ec2:us-east-1:${account}:instance/i-1`,
      resourceAccount: undefined,
    })),
  ),
  // incoherent pairs: any action on any resource
  weighted(
    1,
    fc
      .tuple(
        fc.constantFrom(...ALL_ACTIONS),
        fc.constantFrom(
          'arn:aws:s3:::bucket-a/red/a.jpg',
          '*',
          `arn:aws:iam::${ACCOUNT_A}:role/Admin`,
          `arn:aws:kms:us-east-1:${ACCOUNT_B}:key/k1`,
        ),
        fc.option(accountArb, { nil: undefined }),
      )
      .map(([action, resource, account]) => ({ action, resource, resourceAccount: account })),
  ),
)

/** Action patterns aimed at `action` (wildcards, case variants), with near misses. */
function actionPatternArb(action: string): fc.Arbitrary<string> {
  const [service = '', name = ''] = action.split(':')
  const aimed = [
    action,
    `${service}:*`,
    '*',
    `${service}:${name.slice(0, 3)}*`,
    `${service}:*${name.slice(-4)}`,
    `${service}:${name.slice(0, -1)}?`,
    `${service.charAt(0)}?${service.slice(2)}:${name}`,
    `*:${name}`,
    `${service}:${name}Extra`,
  ]
  const others = [...ALL_ACTIONS, 's3:List*', 'iam:*', 'kms:*', 'sts:Assume*', 's3:Get${username}']
  return fc.oneof(
    weighted(
      7,
      fc.constantFrom(...aimed).chain((p) => caseVariantArb(p)),
    ),
    weighted(3, fc.constantFrom(...others)),
  )
}

/** Resource patterns aimed at `resource` (wildcards, policy variables), with near misses. */
function resourcePatternArb(resource: string, partition: string): fc.Arbitrary<string> {
  const aimed: string[] = ['*', resource]
  const s3Object = /^arn:([^:]+):s3:::([^/]+)\/([^/]+)\/(.+)$/.exec(resource)
  if (s3Object !== null) {
    const [, p, bucket, dir] = s3Object
    const base = `arn:${p}:s3:::${bucket}`
    aimed.push(
      `${base}/*`,
      `${base}/${dir}/*`,
      `arn:${p}:s3:::bucket-?/*`,
      `arn:${p}:s3:::*`,
      `arn:*:s3:::${bucket}/*`,
      `${base}/\${aws:username}/*`,
      `${base}/\${aws:PrincipalTag/team}/*`,
      `${base}/\${aws:PrincipalTag/team, 'public'}/*`,
      `${base}/\${aws:PrincipalAccount}/*`,
      `${base}/\${ex:absent, 'alice'}/*`,
      `${base}/\${aws:TagKeys, 'public'}/*`,
      `${base}/\${AWS:UserName}/*`,
      `${base}/\${*}/*`,
      `${base}/${dir}`,
      base,
    )
  } else if (resource.startsWith('arn:') && resource.includes(':s3:::')) {
    aimed.push(`${resource}/*`, 'arn:aws:s3:::bucket-*', `arn:${partition}:s3:::*`, 'arn:aws:s3:::bucket-a')
  } else if (resource.includes(':iam::')) {
    const account = resource.split(':')[4] ?? ACCOUNT_A
    aimed.push(
      `arn:${partition}:iam::${account}:role/*`,
      `arn:${partition}:iam::*:role/Admin`,
      `arn:${partition}:iam::${account}:*`,
      `arn:${partition}:iam::${account}:role/team/*`,
      `arn:${partition}:iam::\${aws:PrincipalAccount}:role/Admin`,
      `arn:${partition}:iam::${account}:role/\${aws:username}`,
    )
  } else if (resource.includes(':kms:')) {
    const account = resource.split(':')[4] ?? ACCOUNT_A
    aimed.push(
      `arn:${partition}:kms:*:${account}:key/*`,
      `arn:${partition}:kms:us-east-1:*:key/k?`,
      `arn:${partition}:kms:*`,
      `arn:${partition}:kms:*:*:*`,
    )
  } else if (resource.includes(':ec2:')) {
    aimed.push(`arn:${partition}:ec2:*:*:instance/*`, `arn:${partition}:ec2:us-east-1:*:*`)
  } else if (resource === '*') {
    aimed.push('arn:aws:s3:::*', `arn:aws:iam::${ACCOUNT_A}:*`)
  }
  const others = [
    'arn:aws:s3:::bucket-b/*',
    'arn:aws:s3:::bucket-a/red/*',
    `arn:aws:iam::${ACCOUNT_B}:role/*`,
    `arn:aws:kms:us-east-1:${ACCOUNT_A}:key/k1`,
    'arn:aws:ec2:*:*:instance/*',
  ]
  return fc.oneof(weighted(7, fc.constantFrom(...aimed)), weighted(2, fc.constantFrom(...others)))
}

// ---------------------------------------------------------------------------------------------
// Condition keys, request context, conditions
// ---------------------------------------------------------------------------------------------

type Family = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn'
const FAMILIES: readonly Family[] = ['string', 'numeric', 'date', 'bool', 'binary', 'ip', 'arn']

interface KeySpec {
  readonly key: string
  readonly family: Family
  /** Values the request context may hold (policy values are drawn from them too). */
  readonly pool: readonly Scalar[]
  readonly multi?: boolean
  /** Weight of being present in a context (0: never supplied, e.g. derived keys only sometimes). */
  readonly presence: number
}

const KEY_SPECS: readonly KeySpec[] = [
  { key: 'aws:PrincipalTag/team', family: 'string', pool: ['red', 'blue', 'Red', '', 'public', 'été'], presence: 5 },
  { key: 's3:prefix', family: 'string', pool: ['home/alice/', 'public/', 'home/bob/x', 'Home/alice/', 10, true], presence: 3 },
  { key: 'aws:RequestedRegion', family: 'string', pool: ['us-east-1', 'eu-west-1'], presence: 3 },
  { key: 'aws:username', family: 'string', pool: ['alice', 'bob', 'Alice', 'red'], presence: 1 },
  {
    key: 'aws:SourceIp',
    family: 'ip',
    pool: ['203.0.113.7', '198.51.100.20', '2001:db8::1', '10.1.2.3', '999.1.1.1', '::ffff:203.0.113.9', '2001:DB8::0:1', '203.0.113.07'],
    presence: 4,
  },
  { key: 'aws:MultiFactorAuthPresent', family: 'bool', pool: [true, false, 'true', 'false', 'TRUE', 'yes'], presence: 4 },
  { key: 'aws:SecureTransport', family: 'bool', pool: [true, 'false', false], presence: 3 },
  { key: 's3:max-keys', family: 'numeric', pool: [5, '10', 10, '10.0', '1e1', 100, 'abc', -1, 0.5, '9007199254740993'], presence: 3 },
  { key: 'aws:MultiFactorAuthAge', family: 'numeric', pool: [300, '3600', 0], presence: 2 },
  {
    key: 'aws:TokenIssueTime',
    family: 'date',
    pool: ['2026-01-01T00:00:00Z', '2025-06-01', 1767225600, '2026-01-02T03:04:05.678Z', '2026-01-02T04:04:05.678+01:00', 'garbage'],
    presence: 3,
  },
  { key: 'aws:CurrentTime', family: 'date', pool: ['2026-01-02T03:04:05Z', '2030-01-01'], presence: 1 },
  { key: 'aws:EpochTime', family: 'date', pool: [1767323045, '1767323045', 1767323046], presence: 1 },
  { key: 'aws:TagKeys', family: 'string', pool: ['env', 'team', 'cost', 'Env', ''], multi: true, presence: 4 },
  { key: 'aws:CalledVia', family: 'string', pool: ['cloudformation.amazonaws.com', 'athena.amazonaws.com'], multi: true, presence: 2 },
  {
    key: 'aws:SourceArn',
    family: 'arn',
    pool: ['arn:aws:s3:::bucket-a', `arn:aws:sns:us-east-1:${ACCOUNT_A}:topic`, 'not-an-arn', 'arn:aws:s3:::bucket-a/x:y'],
    presence: 3,
  },
  {
    key: 'aws:PrincipalArn',
    family: 'arn',
    pool: [
      `arn:aws:iam::${ACCOUNT_A}:role/team/Deploy`,
      `arn:aws:iam::${ACCOUNT_A}:role/Admin`,
      `arn:aws:iam::${ACCOUNT_A}:user/alice`,
      `arn:aws:iam::${ACCOUNT_B}:role/team/Deploy`,
    ],
    presence: 2,
  },
  { key: 'aws:PrincipalAccount', family: 'string', pool: [ACCOUNT_A, ACCOUNT_B], presence: 1 },
  { key: 'aws:ResourceAccount', family: 'string', pool: [ACCOUNT_A, ACCOUNT_B], presence: 1 },
  { key: 'ex:Blob', family: 'binary', pool: ['AQID', 'AQIE', 'AQIDBA==', 'not base64'], presence: 2 },
]

/** A key no context ever holds (missing-key behaviour, defaults). */
const ABSENT_KEY: KeySpec = { key: 'ex:absent', family: 'string', pool: ['x'], presence: 0 }

/** Policy values per operator family, besides the key's own pool. */
const FAMILY_POLICY_VALUES: Record<Family, readonly Scalar[]> = {
  string: ['red', 're*', '*', 'r?d', 'home/*', 'public/', ACCOUNT_A, 'env', 'e*', 'us-*', 10, '10', true, 'TRUE', 'ÉTÉ'],
  numeric: [5, '10', 10, '10.0', '1e1', 100, '-1', 'abc', 300, 3600, '+5', '.5', '5.', '9007199254740993', 9007199254740992],
  date: [
    '2026-01-01T00:00:00Z',
    '2026-01-02',
    '2027-01-01',
    1767225600,
    '1767225600',
    '2026-01-02T03:04:05.678Z',
    '2026-01-02T03:04:05Z',
    '2026',
    '2026-01',
    '2026-01-02T04:04:05.678+01:00',
    '2026-01-02T03:04',
    '-1',
    '2024-02-29',
    '2026-02-30',
    '2026-01-02t03:04:05z',
  ],
  bool: [true, false, 'true', 'false', 'TRUE', 'yes', 'True'],
  binary: ['AQID', 'AQIE', 'AQIDBA==', 'AQI', 'AQI=', 'AQID==='],
  ip: [
    '203.0.113.0/24',
    '203.0.113.7',
    '198.51.100.0/22',
    '2001:db8::/32',
    '0.0.0.0/0',
    '10.0.0.0/8',
    '::/0',
    '203.0.113.9/32',
    '::ffff:203.0.113.0/120',
    '2001:DB8::/48',
    '::1',
    '203.0.113.0/33',
    '203.0.113.07',
  ],
  arn: [
    'arn:aws:s3:::bucket-*',
    `arn:aws:sns:*:${ACCOUNT_A}:*`,
    `arn:aws:iam::${ACCOUNT_A}:role/*`,
    '*',
    'arn:aws:s3:::bucket-a',
    `arn:aws:iam::${ACCOUNT_A}:*`,
    'arn:aws:s3:::*',
    'arn:*',
    'arn:aws:s3:::bucket-a/*',
  ],
}

/** Values with policy variables, for the operators that honour them (string and ARN, R115). */
const VARIABLE_VALUES: readonly string[] = [
  '${aws:username}',
  '${aws:PrincipalTag/team}',
  "${aws:PrincipalTag/team, 'red'}",
  'home/${aws:username}/',
  'home/${aws:username}/*',
  '${aws:TagKeys}',
  "${aws:TagKeys, 'env'}",
  "${ex:absent, 'red'}",
  '${AWS:USERNAME}',
  '${*}',
  'r${?}d',
  '${aws:PrincipalAccount}',
  `arn:aws:iam::${ACCOUNT_A}:user/\${aws:username}`,
  'arn:aws:iam::${aws:PrincipalAccount}:role/*',
  '${aws:PrincipalArn}',
  '${aws:SourceArn}',
]

const OPERATORS_BY_FAMILY: Record<Family, readonly string[]> = {
  string: ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'],
  numeric: [
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
  ],
  date: ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'],
  bool: ['Bool'],
  binary: ['BinaryEquals'],
  ip: ['IpAddress', 'NotIpAddress'],
  arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'],
}

/** A single value, a list, or (rarely) an empty list: all three forms IAM accepts (R44). */
function listOf<T extends Json>(item: fc.Arbitrary<T>, emptyWeight = 0.3): fc.Arbitrary<Json> {
  return fc.oneof(
    weighted(5, item as fc.Arbitrary<Json>),
    weighted(4, fc.array(item, { minLength: 1, maxLength: 3 }) as fc.Arbitrary<Json>),
    weighted(emptyWeight, fc.constant<Json>([])),
  )
}

/** One context value for a key: scalar, list, empty list, empty string. */
function contextValueArb(spec: KeySpec): fc.Arbitrary<ContextValue> {
  const pool = fc.constantFrom(...spec.pool)
  return fc.oneof(
    weighted(spec.multi === true ? 2 : 6, pool),
    weighted(spec.multi === true ? 5 : 2, fc.array(pool, { minLength: 1, maxLength: 3 })),
    weighted(1, fc.constant<ContextValue>([])),
    weighted(0.7, fc.constant<ContextValue>('')),
  )
}

type ContextEntries = Array<[string, ContextValue]>

/** Absent, or present (perhaps in another letter case), perhaps with a case-variant duplicate (R79). */
function contextEntryArb(spec: KeySpec): fc.Arbitrary<ContextEntries> {
  const present = fc
    .tuple(
      caseVariantArb(spec.key),
      contextValueArb(spec),
      fc.option(fc.tuple(fc.nat(), contextValueArb(spec)), { freq: 16, nil: undefined }),
    )
    .map(([key, value, duplicate]): ContextEntries => {
      const entries: ContextEntries = [[key, value]]
      if (duplicate !== undefined) {
        let other = mangleCase(spec.key, duplicate[0])
        if (other === key) other = key === spec.key.toUpperCase() ? spec.key.toLowerCase() : spec.key.toUpperCase()
        if (other !== key) entries.push([other, duplicate[1]])
      }
      return entries
    })
  return fc.oneof(weighted(10 - spec.presence, fc.constant<ContextEntries>([])), weighted(spec.presence, present))
}

export const contextArb: fc.Arbitrary<Context | undefined> = fc
  .tuple(...KEY_SPECS.map(contextEntryArb), fc.integer({ min: 0, max: 9 }))
  .map((parts) => {
    const shape = parts[parts.length - 1] as number
    const entries = (parts.slice(0, -1) as ContextEntries[]).flat()
    if (entries.length === 0) return shape < 5 ? undefined : {}
    const context: Context = {}
    for (const [key, value] of entries) context[key] = value
    return context
  })

type ConditionBlock = { [operator: string]: { [key: string]: Json } }
interface KeyTest {
  operator: string
  key: string
  values: Json
}

/** Operator and values of one family for one key. */
function familyTestArb(spec: KeySpec, family: Family): fc.Arbitrary<KeyTest> {
  const ownPool = spec.family === family ? spec.pool : []
  const values: Scalar[] = [...ownPool, ...FAMILY_POLICY_VALUES[family]]
  const valueArb: fc.Arbitrary<Scalar> =
    family === 'string' || family === 'arn'
      ? fc.oneof(weighted(4, fc.constantFrom(...values)), weighted(1, fc.constantFrom(...VARIABLE_VALUES)))
      : fc.constantFrom(...values)
  const qualifierArb = fc.oneof(
    weighted(spec.multi === true ? 2 : 8, fc.constant('')),
    weighted(1, fc.constant('ForAllValues:')),
    weighted(1, fc.constant('ForAnyValue:')),
  )
  return fc
    .tuple(
      qualifierArb,
      fc.constantFrom(...OPERATORS_BY_FAMILY[family]),
      fc.oneof(weighted(4, fc.constant('')), weighted(1, fc.constant('IfExists'))),
      caseVariantArb(spec.key),
      listOf(valueArb, 0.4),
    )
    .map(([qualifier, base, suffix, key, vals]) => ({ operator: `${qualifier}${base}${suffix}`, key, values: vals }))
}

/** `Null` (never with IfExists, R84), rarely with a qualifier (R98). */
function nullTestArb(spec: KeySpec): fc.Arbitrary<KeyTest> {
  return fc
    .tuple(
      fc.oneof(weighted(8, fc.constant('')), weighted(1, fc.constant('ForAllValues:')), weighted(1, fc.constant('ForAnyValue:'))),
      caseVariantArb(spec.key),
      fc.constantFrom<Json>(true, false, 'true', 'false', 'TRUE', ['maybe', true], [false]),
    )
    .map(([qualifier, key, values]) => ({ operator: `${qualifier}Null`, key, values }))
}

function keyTestArbFor(spec: KeySpec): fc.Arbitrary<KeyTest> {
  return fc.oneof(
    weighted(12, familyTestArb(spec, spec.family)),
    weighted(2, nullTestArb(spec)),
    ...FAMILIES.filter((f) => f !== spec.family).map((f) => weighted(0.5, familyTestArb(spec, f))),
  )
}

const keyTestArb: fc.Arbitrary<KeyTest> = fc.oneof(
  ...KEY_SPECS.map((spec) => weighted(1, keyTestArbFor(spec))),
  weighted(1, keyTestArbFor(ABSENT_KEY)),
)

/** A Condition block: 1-3 key tests (operators AND-ed, keys AND-ed), rarely empty (R83, C17). */
export const conditionArb: fc.Arbitrary<ConditionBlock> = fc.oneof(
  weighted(
    40,
    fc.array(keyTestArb, { minLength: 1, maxLength: 3 }).map((tests) => {
      const block: ConditionBlock = {}
      for (const t of tests) {
        const keys = (block[t.operator] ??= {})
        keys[t.key] = t.values
      }
      return block
    }),
  ),
  weighted(0.5, fc.constant<ConditionBlock>({})),
  weighted(0.5, fc.constant<ConditionBlock>({ StringEquals: {} })),
)

// ---------------------------------------------------------------------------------------------
// Principals
// ---------------------------------------------------------------------------------------------

const OTHER_AWS_ENTRIES: readonly string[] = [
  ACCOUNT_B,
  `arn:aws:iam::${ACCOUNT_A}:user/*`,
  `arn:aws:iam::${ACCOUNT_A}:user/bob`,
  'AROAEXAMPLEROLEID01',
  `arn:aws-cn:iam::${ACCOUNT_A}:root`,
  `arn:aws:iam::${ACCOUNT_B}:root`,
  `arn:aws:sts::${ACCOUNT_A}:assumed-role/Admin/s2`,
  `arn:aws:iam::${ACCOUNT_A}:role/Admin`,
  `arn:aws:sts::${ACCOUNT_A}:assumed-role/Admin/*`,
]

function awsEntryArb(caller: CallerInfo): fc.Arbitrary<string> {
  const others = fc.constantFrom(...OTHER_AWS_ENTRIES)
  if (caller.awsEntries.length === 0) return others
  return fc.oneof(weighted(3, fc.constantFrom(...caller.awsEntries)), weighted(2, others))
}

function serviceEntryArb(caller: CallerInfo): fc.Arbitrary<string> {
  return fc.constantFrom(...caller.serviceEntries, ...SERVICES, 'ec2.amazonaws.com')
}

/** A `Principal` value in every form: `*`, `{AWS: "*"}`, AWS entries, Service entries, mixes, empty. */
function principalArb(caller: CallerInfo): fc.Arbitrary<Json> {
  const aws = awsEntryArb(caller)
  const service = serviceEntryArb(caller)
  return fc.oneof(
    weighted(3, fc.constant<Json>('*')),
    weighted(2, fc.constant<Json>({ AWS: '*' })),
    weighted(
      6,
      listOf(aws, 0).map((v): Json => ({ AWS: v })),
    ),
    weighted(
      caller.kind === 'service' ? 3 : 1,
      listOf(service, 0).map((v): Json => ({ Service: v })),
    ),
    weighted(
      1,
      fc.tuple(listOf(aws, 0), listOf(service, 0)).map(([a, s]): Json => ({ AWS: a, Service: s })),
    ),
    // C6: Federated and CanonicalUser entries match a non-ARN caller string exactly, like Service
    weighted(
      0.5,
      fc.tuple(fc.constantFrom('Federated', 'CanonicalUser'), service).map(([type, v]): Json => ({ [type]: v })),
    ),
    weighted(0.3, fc.constantFrom<Json>({}, { AWS: [] }, { Federated: 'accounts.google.com' }, { CanonicalUser: 'abc123canonical' })),
  )
}

/** A `NotPrincipal` value: often the caller's whole chain (it escapes), or part of it (it does not). */
function notPrincipalArb(caller: CallerInfo): fc.Arbitrary<Json> {
  const others = fc.subarray([...OTHER_AWS_ENTRIES], { minLength: 0, maxLength: 2 })
  const full = fc
    .tuple(fc.shuffledSubarray([...caller.awsEntries], { minLength: caller.awsEntries.length }), others)
    .map(([a, o]) => [...a, ...o])
  const part = fc.tuple(fc.subarray([...caller.awsEntries]), others).map(([a, o]) => [...a, ...o])
  const asElement = (aws: string[], service: string[]): Json => {
    const element: { [key: string]: Json } = {}
    if (aws.length > 0 || service.length === 0) element.AWS = aws.length === 1 ? (aws[0] as string) : aws
    if (service.length > 0) element.Service = service
    return element
  }
  return fc.oneof(
    weighted(
      3,
      fc.tuple(full, fc.subarray([...caller.serviceEntries, 'ec2.amazonaws.com'])).map(([a, s]) => asElement(a, s)),
    ),
    weighted(
      2,
      fc.tuple(part, fc.subarray([...caller.serviceEntries])).map(([a, s]) => asElement(a, s)),
    ),
    weighted(0.3, fc.constantFrom<Json>('*', { AWS: '*' })),
  )
}

// ---------------------------------------------------------------------------------------------
// Statements and policies
// ---------------------------------------------------------------------------------------------

const carriesPrincipal = (kind: SlotKind): boolean => kind === 'resource' || kind === 'rcp' || kind === 'endpoint'
const needsResource = (kind: SlotKind): boolean => kind === 'identity' || kind === 'boundary' || kind === 'session'

export type Effect = 'Allow' | 'Deny'

/** One valid statement for a slot kind, aimed at the scenario. `effect` forces the effect. */
export function statementArb(kind: SlotKind, s: Scenario, effect?: Effect, denyWeight = 1): fc.Arbitrary<Statement> {
  const effectArb: fc.Arbitrary<Effect> =
    effect !== undefined
      ? fc.constant(effect)
      : fc.oneof(weighted(3, fc.constant<Effect>('Allow')), weighted(denyWeight, fc.constant<Effect>('Deny')))
  const actionName =
    kind === 'rcp' ? fc.constant('Action') : fc.oneof(weighted(6, fc.constant('Action')), weighted(1, fc.constant('NotAction')))
  const resourceName = needsResource(kind)
    ? fc.oneof(weighted(6, fc.constant('Resource')), weighted(1, fc.constant('NotResource')))
    : fc.oneof(weighted(5, fc.constant('Resource')), weighted(1, fc.constant('NotResource')), weighted(4, fc.constant('')))
  return fc
    .record({
      effect: effectArb,
      actionName,
      actions: listOf(actionPatternArb(s.action), 0.25),
      resourceName,
      resources: listOf(resourcePatternArb(s.resource, s.partition), 0.25),
      notPrincipal: fc.oneof(weighted(5, fc.constant(false)), weighted(1, fc.constant(true))),
      principal: principalArb(s.caller),
      notPrincipalValue: notPrincipalArb(s.caller),
      condition: fc.option(conditionArb, { freq: 2, nil: undefined }),
    })
    .map((r) => {
      const stmt: Statement = { Effect: r.effect }
      if (carriesPrincipal(kind)) {
        // NotPrincipal only with Deny, and never in RCPs (R54, R132)
        if (r.notPrincipal && r.effect === 'Deny' && kind !== 'rcp') stmt.NotPrincipal = r.notPrincipalValue
        else stmt.Principal = r.principal
      }
      stmt[r.actionName] = r.actions
      if (r.resourceName !== '') stmt[r.resourceName] = r.resources
      if (r.condition !== undefined) stmt.Condition = r.condition
      return stmt
    })
}

/** Statements written as the AWS-managed "allow everything" policies (FullAWSAccess and kin). */
function fullAccessStatement(kind: SlotKind): Statement {
  return carriesPrincipal(kind)
    ? { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }
    : { Effect: 'Allow', Action: '*', Resource: '*' }
}

interface PolicyShape {
  /** Weight of Deny against 3 for Allow. */
  denyWeight: number
  /** Chance (0-1, in tenths) that the policy starts with an allow-everything statement. */
  fullAccessTenths: number
  maxStatements: number
}

const SHAPES: Record<SlotKind, PolicyShape> = {
  identity: { denyWeight: 0.8, fullAccessTenths: 1, maxStatements: 3 },
  resource: { denyWeight: 0.8, fullAccessTenths: 0, maxStatements: 3 },
  boundary: { denyWeight: 0.5, fullAccessTenths: 4, maxStatements: 2 },
  session: { denyWeight: 0.5, fullAccessTenths: 4, maxStatements: 2 },
  scp: { denyWeight: 0.6, fullAccessTenths: 6, maxStatements: 2 },
  rcp: { denyWeight: 0.6, fullAccessTenths: 7, maxStatements: 2 },
  endpoint: { denyWeight: 0.5, fullAccessTenths: 6, maxStatements: 2 },
}

const versionArb = fc.oneof(
  weighted(8, fc.constant<string | undefined>('2012-10-17')),
  weighted(1, fc.constant<string | undefined>('2008-10-17')),
  weighted(1, fc.constant<string | undefined>(undefined)),
)

/** A valid policy of a slot kind aimed at the scenario. */
export function policyArb(kind: SlotKind, s: Scenario): fc.Arbitrary<PolicyDoc> {
  const shape = SHAPES[kind]
  return fc
    .record({
      version: kind === 'rcp' ? fc.constant<string | undefined>('2012-10-17') : versionArb, // R132
      full: fc.integer({ min: 0, max: 9 }),
      statements: fc.oneof(
        weighted(30, fc.array(statementArb(kind, s, undefined, shape.denyWeight), { minLength: 1, maxLength: shape.maxStatements })),
        weighted(1, fc.constant<Statement[]>([])),
      ),
      bare: fc.integer({ min: 0, max: 9 }),
      labels: fc.integer({ min: 0, max: 9 }),
    })
    .map((r) => {
      let statements = r.full < shape.fullAccessTenths ? [fullAccessStatement(kind), ...r.statements] : r.statements
      // Sid and Id have no effect on evaluation (R39, R40); written sometimes to prove it
      if (r.labels < 2) statements = statements.map((stmt, i) => ({ Sid: `S${i}`, ...stmt }))
      // a single statement is sometimes written as a bare object (R37)
      const Statement: Statement | Statement[] = statements.length === 1 && r.bare < 3 ? (statements[0] as Statement) : statements
      const doc: PolicyDoc = { Statement }
      if (r.version !== undefined) doc.Version = r.version
      if (r.labels === 9) doc.Id = `policy-${kind}`
      return doc
    })
}

function maybe<T>(arb: fc.Arbitrary<T>, presentWeight: number, absentWeight: number): fc.Arbitrary<T | undefined> {
  return fc.oneof(weighted(absentWeight, fc.constant<T | undefined>(undefined)), weighted(presentWeight, arb))
}

/** A policy set with every slot, aimed at the scenario. */
export function policySetArb(s: Scenario): fc.Arbitrary<GenPolicies> {
  const levels = (kind: 'scp' | 'rcp'): fc.Arbitrary<PolicyDoc[][]> =>
    fc.array(fc.array(policyArb(kind, s), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })
  const sessionCaller = s.caller.kind === 'session' || s.caller.kind === 'role' || s.caller.kind === 'federated'
  return fc
    .record({
      identity: maybe(fc.array(policyArb('identity', s), { minLength: 1, maxLength: 3 }), 6, 1),
      resource: maybe(policyArb('resource', s), 1, 1),
      permissionsBoundary: maybe(policyArb('boundary', s), 1, 4),
      session: maybe(policyArb('session', s), sessionCaller ? 2 : 1, 4),
      scps: maybe(levels('scp'), 1, 4),
      rcps: maybe(levels('rcp'), 1, 5),
      endpoint: maybe(fc.array(policyArb('endpoint', s), { minLength: 1, maxLength: 2 }), 1, 6),
    })
    .map((r) => {
      const out: GenPolicies = {}
      if (r.identity !== undefined) out.identity = r.identity
      if (r.resource !== undefined) out.resource = r.resource
      if (r.permissionsBoundary !== undefined) out.permissionsBoundary = r.permissionsBoundary
      if (r.session !== undefined) out.session = r.session
      if (r.scps !== undefined) out.scps = r.scps
      if (r.rcps !== undefined) out.rcps = r.rcps
      if (r.endpoint !== undefined) out.endpoint = r.endpoint
      return out
    })
}

// ---------------------------------------------------------------------------------------------
// Requests and whole cases
// ---------------------------------------------------------------------------------------------

export const requestArb: fc.Arbitrary<{ request: GenRequest; scenario: Scenario }> = fc
  .record({ caller: callerArb, target: targetArb, actionSeed: fc.nat(), mangle: fc.integer({ min: 0, max: 9 }), context: contextArb })
  .map(({ caller, target, actionSeed, mangle, context }) => {
    // R58: the action's letter case never matters, so requests use every case
    const action = mangle < 3 ? mangleCase(target.action, actionSeed) : target.action
    const request: GenRequest = { principal: caller.principal, action, resource: target.resource }
    if (target.resourceAccount !== undefined) request.resourceAccount = target.resourceAccount
    if (context !== undefined) request.context = context
    const partition = target.resource.startsWith('arn:') ? (target.resource.split(':')[1] as string) : 'aws'
    return { request, scenario: { caller, action: target.action, resource: target.resource, partition } }
  })

/** A request and a policy set aimed at it. */
export const caseArb: fc.Arbitrary<GenCase> = requestArb.chain(({ request, scenario }) =>
  policySetArb(scenario).map((policies) => ({ request, policies, scenario })),
)

// ---------------------------------------------------------------------------------------------
// Helpers for the properties
// ---------------------------------------------------------------------------------------------

/** Deep copy of JSON data (policies, requests). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** The statements of a policy as a list. */
export function statementsOf(doc: PolicyDoc): Statement[] {
  return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]
}

/** Applies `f` to every policy of the set (with its kind); returns a new set. */
export function mapPolicies(p: GenPolicies, f: (doc: PolicyDoc, kind: SlotKind) => PolicyDoc): GenPolicies {
  const out: GenPolicies = {}
  if (p.identity !== undefined) out.identity = p.identity.map((d) => f(d, 'identity'))
  if (p.resource !== undefined) out.resource = f(p.resource, 'resource')
  if (p.permissionsBoundary !== undefined) out.permissionsBoundary = f(p.permissionsBoundary, 'boundary')
  if (p.session !== undefined) out.session = f(p.session, 'session')
  if (p.scps !== undefined) out.scps = p.scps.map((level) => level.map((d) => f(d, 'scp')))
  if (p.rcps !== undefined) out.rcps = p.rcps.map((level) => level.map((d) => f(d, 'rcp')))
  if (p.endpoint !== undefined) out.endpoint = p.endpoint.map((d) => f(d, 'endpoint'))
  return out
}

/** Every policy of the set, with its kind, in slot order. */
export function listPolicies(p: GenPolicies): Array<{ doc: PolicyDoc; kind: SlotKind }> {
  const found: Array<{ doc: PolicyDoc; kind: SlotKind }> = []
  mapPolicies(p, (doc, kind) => {
    found.push({ doc, kind })
    return doc
  })
  return found
}

/** Replaces the n-th policy (slot order, as `listPolicies` counts) by `f(doc)`. */
export function mapNthPolicy(p: GenPolicies, n: number, f: (doc: PolicyDoc, kind: SlotKind) => PolicyDoc): GenPolicies {
  let index = 0
  return mapPolicies(p, (doc, kind) => (index++ === n ? f(doc, kind) : doc))
}

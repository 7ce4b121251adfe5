import { describe, expect, it } from 'vitest'
import { loadConformanceCases } from '../support/conformance-cases.js'
import { referenceEvaluate, type ReferenceDecision, type ReferencePolicies, type ReferenceRequest } from './reference-evaluator'

interface ConformanceCase {
  name: string
  request: ReferenceRequest
  policies: ReferencePolicies
  expect: ReferenceDecision
}

function loadCases(): Array<{ file: string; cases: ConformanceCase[] }> {
  const all = loadConformanceCases()
  return [...new Set(all.map((entry) => entry.file))].map((file) => ({
    file,
    cases: all.filter((entry) => entry.file === file) as unknown as ConformanceCase[],
  }))
}

const suites = loadCases()

describe('reference evaluator: shared conformance suite', () => {
  it('finds all 440 cases', () => {
    expect(suites.reduce((n, s) => n + s.cases.length, 0)).toBe(440)
  })
  for (const { file, cases } of suites) {
    describe(file, () => {
      cases.forEach((c, i) => {
        it(`#${i} ${c.name}`, () => {
          expect(referenceEvaluate(c.request, c.policies)).toBe(c.expect)
        })
      })
    })
  }
})

// ---------------------------------------------------------------------------------------------
// Focused tests for the choices C1-C22 (and register entries) that the conformance cases do not
// exercise. Each asserts one specific decision.
// ---------------------------------------------------------------------------------------------

const ACCT = '111122223333'
const OTHER = '444455556666'
const ALICE = `arn:aws:iam::${ACCT}:user/alice`
const OBJECT = 'arn:aws:s3:::bucket/key'

type Json = Record<string, unknown>
const doc = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement })
const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' })
const denyAll = doc({ Effect: 'Deny', Action: '*', Resource: '*' })

function req(extra: Partial<ReferenceRequest> = {}): ReferenceRequest {
  return { principal: ALICE, action: 's3:GetObject', resource: OBJECT, resourceAccount: ACCT, ...extra }
}

/** alice, s3:GetObject, identity Allow guarded by `condition`. */
function withCondition(condition: Json, context?: Json, now?: number, version = '2012-10-17'): ReferenceDecision {
  const policy = { Version: version, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }] }
  return referenceEvaluate(req(context === undefined ? {} : { context }), { identity: [policy] }, now === undefined ? {} : { now })
}

/** alice, s3:GetObject, identity Allow on the given Resource pattern. */
function withResource(resource: string, context?: Json, extra: Partial<ReferenceRequest> = {}, version = '2012-10-17'): ReferenceDecision {
  const policy = { Version: version, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }] }
  return referenceEvaluate(req({ ...(context === undefined ? {} : { context }), ...extra }), { identity: [policy] })
}

describe('C1: invalid requests are implicitly denied, never thrown', () => {
  it('C1 a non-string principal is ImplicitDeny even with allow-all', () => {
    expect(referenceEvaluate(req({ principal: 42 }), { identity: [allowAll] })).toBe('ImplicitDeny')
  })
  it('C1 a non-string resourceAccount is ImplicitDeny', () => {
    expect(referenceEvaluate(req({ resourceAccount: 111122223333 }), { identity: [allowAll] })).toBe('ImplicitDeny')
  })
  it('C1 a null context value is ImplicitDeny even when no policy reads that key', () => {
    expect(referenceEvaluate(req({ context: { 'x:unused': null } }), { identity: [allowAll] })).toBe('ImplicitDeny')
  })
  it('C1 a nested array context value is ImplicitDeny', () => {
    expect(referenceEvaluate(req({ context: { 'aws:TagKeys': [['a']] } }), { identity: [allowAll] })).toBe('ImplicitDeny')
  })
  it('C1 NaN and Infinity context values are ImplicitDeny', () => {
    expect(referenceEvaluate(req({ context: { 'x:n': Number.NaN } }), { identity: [allowAll] })).toBe('ImplicitDeny')
    expect(referenceEvaluate(req({ context: { 'x:n': [1, Infinity] } }), { identity: [allowAll] })).toBe('ImplicitDeny')
  })
  it('C1 an array or null context is ImplicitDeny', () => {
    expect(referenceEvaluate(req({ context: ['aws:SourceIp'] }), { identity: [allowAll] })).toBe('ImplicitDeny')
    expect(referenceEvaluate(req({ context: null }), { identity: [allowAll] })).toBe('ImplicitDeny')
  })
  it('C1 a request whose getter throws is ImplicitDeny (no exception)', () => {
    const hostile = Object.defineProperty({ action: 's3:GetObject', resource: OBJECT }, 'principal', {
      enumerable: true,
      get(): never {
        throw new Error('boom')
      },
    }) as ReferenceRequest
    expect(referenceEvaluate(hostile, { identity: [allowAll] })).toBe('ImplicitDeny')
  })
  it('C1 an invalid request is ImplicitDeny even when a Deny would match', () => {
    expect(referenceEvaluate(req({ action: undefined }), { identity: [denyAll] })).toBe('ImplicitDeny')
  })
})

describe('C2 / R81: empty arrays, one-element arrays, empty strings', () => {
  it('C2 an empty array is an absent key for a plain operator (StringNotEquals true)', () => {
    expect(withCondition({ StringNotEquals: { 'aws:PrincipalTag/team': 'x' } }, { 'aws:PrincipalTag/team': [] })).toBe('Allow')
  })
  it('C2 an empty array is an absent key for Null', () => {
    expect(withCondition({ Null: { 'aws:PrincipalTag/team': 'true' } }, { 'aws:PrincipalTag/team': [] })).toBe('Allow')
  })
  it('C2 a one-element array is the value itself for a policy variable', () => {
    expect(withResource('arn:aws:s3:::bucket/${aws:PrincipalTag/dir}', { 'aws:PrincipalTag/dir': ['key'] })).toBe('Allow')
  })
  it('C2 an empty string is a present value for IfExists (mismatch => ImplicitDeny)', () => {
    expect(withCondition({ StringEqualsIfExists: { 'aws:PrincipalTag/team': 'x' } }, { 'aws:PrincipalTag/team': '' })).toBe('ImplicitDeny')
  })
  it('C2 an empty string is null for Null (true holds)', () => {
    expect(withCondition({ Null: { 'aws:PrincipalTag/team': 'true' } }, { 'aws:PrincipalTag/team': '' })).toBe('Allow')
  })
  it('C2 / A47 an empty string is an empty set for ForAnyValue (false) and ForAllValues (true)', () => {
    expect(withCondition({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['', 'a'] } }, { 'aws:TagKeys': '' })).toBe('ImplicitDeny')
    expect(withCondition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': '' })).toBe('Allow')
  })
})

describe('C3 / C21: caller kinds', () => {
  const bucketStar = doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })
  it('C3 a bare account id caller is unrecognised: ImplicitDeny despite grants', () => {
    expect(referenceEvaluate(req({ principal: ACCT }), { identity: [allowAll], resource: bucketStar })).toBe('ImplicitDeny')
  })
  it('C3 an unrecognised caller still gets ExplicitDeny when a Deny matches', () => {
    const denyStar = doc({ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' })
    expect(referenceEvaluate(req({ principal: `arn:aws:iam::${ACCT}:group/devs` }), { resource: denyStar })).toBe('ExplicitDeny')
  })
  it('C3 / C6 a non-ARN caller is matched by a Federated entry of the same text', () => {
    const trust = doc({ Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity' })
    const r = { principal: 'accounts.google.com', action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${ACCT}:role/web` }
    expect(referenceEvaluate(r, { resource: trust })).toBe('Allow')
  })
  it('C6 Service entries are case-sensitive', () => {
    const pol = doc({ Effect: 'Allow', Principal: { Service: 'S3.amazonaws.com' }, Action: '*', Resource: '*' })
    expect(referenceEvaluate(req({ principal: 's3.amazonaws.com' }), { resource: pol })).toBe('ImplicitDeny')
  })
  it('C21 SCP Deny statements do not apply to a service principal', () => {
    const pol = doc({ Effect: 'Allow', Principal: { Service: 'logs.amazonaws.com' }, Action: '*', Resource: '*' })
    expect(referenceEvaluate(req({ principal: 'logs.amazonaws.com' }), { resource: pol, scps: [[denyAll]] })).toBe('Allow')
  })
  it('C21 SCP levels without Allow do not block an anonymous caller', () => {
    expect(referenceEvaluate(req({ principal: '*' }), { resource: bucketStar, scps: [[]] })).toBe('Allow')
  })
  it('C21 an identity-policy Deny counts for an anonymous caller (fail safe)', () => {
    expect(referenceEvaluate(req({ principal: '*' }), { resource: bucketStar, identity: [denyAll] })).toBe('ExplicitDeny')
  })
  it('C21 an identity-policy Allow grants nothing to a service principal', () => {
    expect(referenceEvaluate(req({ principal: 'logs.amazonaws.com' }), { identity: [allowAll] })).toBe('ImplicitDeny')
  })
})

describe('C4 / C5: role identity and derived context keys', () => {
  const session = `arn:aws:sts::${ACCT}:assumed-role/R/s1`
  const roleWithPath = `arn:aws:iam::${ACCT}:role/team/R`
  const grantRole = doc({ Effect: 'Allow', Principal: { AWS: roleWithPath }, Action: '*', Resource: '*' })
  it('C4 aws:PrincipalArn with a path is the session role identity', () => {
    expect(referenceEvaluate(req({ principal: session, context: { 'aws:PrincipalArn': roleWithPath } }), { resource: grantRole })).toBe(
      'Allow',
    )
  })
  it('C4 without aws:PrincipalArn the role identity is path-less', () => {
    expect(referenceEvaluate(req({ principal: session }), { resource: grantRole })).toBe('ImplicitDeny')
  })
  it('C4 an aws:PrincipalArn naming another role name is ignored', () => {
    const ctx = { 'aws:PrincipalArn': `arn:aws:iam::${ACCT}:role/team/Other` }
    const grantOther = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:role/team/Other` }, Action: '*', Resource: '*' })
    expect(referenceEvaluate(req({ principal: session, context: ctx }), { resource: grantOther })).toBe('ImplicitDeny')
  })
  it('C5 aws:username is derived for IAM users', () => {
    expect(withResource('arn:aws:s3:::bucket/${aws:username}', undefined, { resource: 'arn:aws:s3:::bucket/alice' })).toBe('Allow')
  })
  it('C5 deriveContextKeys:false leaves aws:username unresolvable', () => {
    const pol = doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/${aws:username}' })
    expect(referenceEvaluate(req({ resource: 'arn:aws:s3:::bucket/alice' }), { identity: [pol] }, { deriveContextKeys: false })).toBe(
      'ImplicitDeny',
    )
  })
  it('C5 aws:PrincipalArn of a session is derived as the role identity', () => {
    const ctxFree = req({ principal: session })
    const cond = { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${ACCT}:role/R` } }
    expect(referenceEvaluate(ctxFree, { identity: [doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: cond })] })).toBe('Allow')
  })
  it('C5 aws:ResourceAccount is derived from the resource ARN; an explicit value wins', () => {
    const cond = { StringEquals: { 'aws:ResourceAccount': OTHER } }
    const pol = doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: cond })
    const sqs = `arn:aws:sqs:us-east-1:${OTHER}:queue`
    const caller = `arn:aws:iam::${OTHER}:user/bob`
    expect(referenceEvaluate({ principal: caller, action: 'sqs:SendMessage', resource: sqs }, { identity: [pol] })).toBe('Allow')
    const explicit = { principal: caller, action: 'sqs:SendMessage', resource: sqs, context: { 'AWS:resourceaccount': ACCT } }
    expect(referenceEvaluate(explicit, { identity: [pol] })).toBe('ImplicitDeny')
  })
  it('C5 aws:CurrentTime comes from options.now', () => {
    const cond = { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }
    expect(withCondition(cond, undefined, Date.UTC(2019, 5, 1))).toBe('Allow')
    expect(withCondition(cond, undefined, Date.UTC(2021, 5, 1))).toBe('ImplicitDeny')
  })
  it('C5 aws:EpochTime (whole seconds) is filled in even with deriveContextKeys:false', () => {
    const pol = doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { NumericEquals: { 'aws:EpochTime': 1000 } } })
    expect(referenceEvaluate(req(), { identity: [pol] }, { now: 1_000_999, deriveContextKeys: false })).toBe('Allow')
  })
})

describe('C7 / C8: principal entries and NotPrincipal', () => {
  const cnUser = `arn:aws-cn:iam::${OTHER}:user/bob`
  const cnReq = req({ principal: cnUser, resource: 'arn:aws-cn:s3:::bucket/key' })
  const grant = (aws: string): Json => doc({ Effect: 'Allow', Principal: { AWS: aws }, Action: '*', Resource: '*' })
  it('C7 a 12-digit account id matches its callers in any partition', () => {
    expect(referenceEvaluate(cnReq, { identity: [allowAll], resource: grant(OTHER) })).toBe('Allow')
  })
  it('C7 / R8 a :root ARN matches only its own partition', () => {
    expect(referenceEvaluate(cnReq, { identity: [allowAll], resource: grant(`arn:aws:iam::${OTHER}:root`) })).toBe('ImplicitDeny')
    expect(referenceEvaluate(cnReq, { identity: [allowAll], resource: grant(`arn:aws-cn:iam::${OTHER}:root`) })).toBe('Allow')
  })
  it('C7 / R53 a unique principal id matches nothing', () => {
    expect(referenceEvaluate(req(), { resource: grant('AIDAJQABLZS4A3QDU576Q') })).toBe('ImplicitDeny')
  })
  it('C7 / A1 a role ARN entry matches the role caller, limited by its boundary', () => {
    const role = `arn:aws:iam::${ACCT}:role/R`
    expect(referenceEvaluate(req({ principal: role }), { resource: grant(role) })).toBe('Allow')
    expect(referenceEvaluate(req({ principal: role }), { resource: grant(role), permissionsBoundary: doc() })).toBe('ImplicitDeny')
  })
  const denyNot = (np: unknown): Json =>
    doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }, { Effect: 'Deny', NotPrincipal: np, Action: '*', Resource: '*' })
  it('C8 the root user escapes when its account is listed', () => {
    expect(referenceEvaluate(req({ principal: `arn:aws:iam::${ACCT}:root` }), { resource: denyNot({ AWS: ACCT }) })).toBe('Allow')
  })
  it('C8 a role caller (session unknown) never escapes, even with role and account listed', () => {
    const role = `arn:aws:iam::${ACCT}:role/R`
    expect(referenceEvaluate(req({ principal: role }), { resource: denyNot({ AWS: [role, ACCT] }) })).toBe('ExplicitDeny')
  })
  it('C8 an anonymous caller never escapes a list, but escapes NotPrincipal "*"', () => {
    expect(referenceEvaluate(req({ principal: '*' }), { resource: denyNot({ AWS: ACCT }) })).toBe('ExplicitDeny')
    expect(referenceEvaluate(req({ principal: '*' }), { resource: denyNot('*') })).toBe('Allow')
  })
  it('C8 / R56 with a boundary, a user does not escape even NotPrincipal "*"', () => {
    expect(referenceEvaluate(req(), { resource: denyNot('*'), permissionsBoundary: allowAll })).toBe('ExplicitDeny')
  })
  it('C8 a federated user with its ARN and account listed escapes even with a boundary', () => {
    const fed = `arn:aws:sts::${ACCT}:federated-user/fed`
    const p = { resource: denyNot({ AWS: [fed, ACCT] }), permissionsBoundary: allowAll, session: allowAll }
    expect(referenceEvaluate(req({ principal: fed }), p)).toBe('Allow')
  })
  it('C8 a service principal escapes through its Service entry', () => {
    expect(referenceEvaluate(req({ principal: 'logs.amazonaws.com' }), { resource: denyNot({ Service: 'logs.amazonaws.com' }) })).toBe(
      'Allow',
    )
    expect(referenceEvaluate(req({ principal: 'sns.amazonaws.com' }), { resource: denyNot({ Service: 'logs.amazonaws.com' }) })).toBe(
      'ExplicitDeny',
    )
  })
})

describe('C9-C15: value conversions', () => {
  it('C9 decimals compare exactly: 0.1 equals 0.10', () => {
    expect(withCondition({ NumericEquals: { 'x:n': '0.10' } }, { 'x:n': '0.1' })).toBe('Allow')
  })
  it('C9 no rounding: 9007199254740993 > 9007199254740992', () => {
    expect(withCondition({ NumericGreaterThan: { 'x:n': '9007199254740992' } }, { 'x:n': '9007199254740993' })).toBe('Allow')
  })
  it('C9 exponent notation and huge exponents', () => {
    expect(withCondition({ NumericEquals: { 'x:n': 1000 } }, { 'x:n': '1e3' })).toBe('Allow')
    expect(withCondition({ NumericGreaterThan: { 'x:n': '5' } }, { 'x:n': '1e999999999999' })).toBe('Allow')
  })
  it('C9 booleans are not numbers; unparsable values make NumericNotEquals true', () => {
    expect(withCondition({ NumericEquals: { 'x:n': '1' } }, { 'x:n': true })).toBe('ImplicitDeny')
    expect(withCondition({ NumericNotEquals: { 'x:n': '1' } }, { 'x:n': '1 ' })).toBe('Allow')
  })
  it('C10 a bare 2020 is epoch seconds, not a year', () => {
    expect(withCondition({ DateEquals: { 'x:d': '1970-01-01T00:33:40Z' } }, { 'x:d': '2020' })).toBe('Allow')
  })
  it('C10 impossible calendar dates never match (2021-02-29)', () => {
    expect(withCondition({ DateLessThan: { 'x:d': '2030-01-01' } }, { 'x:d': '2021-02-29' })).toBe('ImplicitDeny')
    expect(withCondition({ DateNotEquals: { 'x:d': '2030-01-01' } }, { 'x:d': '2021-02-29' })).toBe('Allow')
  })
  it('C10 fractions beyond milliseconds are truncated', () => {
    expect(withCondition({ DateEquals: { 'x:d': '2020-01-01T00:00:00.123Z' } }, { 'x:d': '2020-01-01T00:00:00.1239Z' })).toBe('Allow')
  })
  it('C10 lower-case t / z are rejected; a missing TZD means UTC', () => {
    expect(withCondition({ DateEquals: { 'x:d': '2020-01-01T00:00:00Z' } }, { 'x:d': '2020-01-01t00:00:00z' })).toBe('ImplicitDeny')
    expect(withCondition({ DateEquals: { 'x:d': '2020-01-01T00:00:00Z' } }, { 'x:d': '2020-01-01T00:00' })).toBe('Allow')
  })
  it('C11 Bool accepts any letter case; other words never match', () => {
    expect(withCondition({ Bool: { 'aws:SecureTransport': 'TRUE' } }, { 'aws:SecureTransport': 'True' })).toBe('Allow')
    expect(withCondition({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'yes' })).toBe('ImplicitDeny')
  })
  it('C12 base64 without padding never matches', () => {
    expect(withCondition({ BinaryEquals: { 'x:b': 'QQ==' } }, { 'x:b': 'QQ' })).toBe('ImplicitDeny')
    expect(withCondition({ BinaryEquals: { 'x:b': 'QUJD' } }, { 'x:b': 'QUJD' })).toBe('Allow')
  })
  it('C13 lenient IPv4 spellings are malformed: IpAddress false, NotIpAddress true', () => {
    for (const ip of ['010.0.0.1', '127.1', '0x7f.0.0.1', ' 10.0.0.1']) {
      expect(withCondition({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, { 'aws:SourceIp': ip })).toBe('ImplicitDeny')
      expect(withCondition({ NotIpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, { 'aws:SourceIp': ip })).toBe('Allow')
    }
  })
  it('C13 an IPv6 zone id or a prefix on the request address is malformed', () => {
    expect(withCondition({ IpAddress: { 'aws:SourceIp': '::/0' } }, { 'aws:SourceIp': 'fe80::1%eth0' })).toBe('ImplicitDeny')
    expect(withCondition({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '10.0.0.1/32' })).toBe('ImplicitDeny')
  })
  it('C13 an IPv4-mapped IPv6 request address is the IPv4 address', () => {
    expect(withCondition({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '::FFFF:203.0.113.9' })).toBe('Allow')
  })
  it('C13 an IPv4-mapped IPv6 range with prefix >= 96 is the IPv4 range', () => {
    expect(withCondition({ IpAddress: { 'aws:SourceIp': '::ffff:203.0.113.0/120' } }, { 'aws:SourceIp': '203.0.113.77' })).toBe('Allow')
  })
  it('C13 families never match each other (0.0.0.0/0 vs an IPv6 address)', () => {
    expect(withCondition({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, { 'aws:SourceIp': '2001:db8::1' })).toBe('ImplicitDeny')
  })
  it('C14 numbers become their shortest text: 1.0 is "1", -0 is "0"', () => {
    expect(withCondition({ StringEquals: { 'x:s': '1' } }, { 'x:s': 1.0 })).toBe('Allow')
    expect(withCondition({ StringEquals: { 'x:s': -0 } }, { 'x:s': '0' })).toBe('Allow')
  })
  it('C15 ? matches one UTF-16 code unit (an emoji needs two)', () => {
    expect(withCondition({ StringLike: { 'x:s': 'a?b' } }, { 'x:s': 'a\u{1F600}b' })).toBe('ImplicitDeny')
    expect(withCondition({ StringLike: { 'x:s': 'a??b' } }, { 'x:s': 'a\u{1F600}b' })).toBe('Allow')
  })
})

describe('C16-C18: empty lists, empty key maps, Null', () => {
  it('C16 / R82 an empty value list: plain negated operator follows R80 when absent', () => {
    expect(withCondition({ StringNotEquals: { 'x:s': [] } })).toBe('Allow')
  })
  it('C16 / R82 an empty value list is false when the key is present (even negated)', () => {
    expect(withCondition({ StringNotEquals: { 'x:s': [] } }, { 'x:s': 'v' })).toBe('ImplicitDeny')
  })
  it('C17 an operator with an empty key map makes the statement never match', () => {
    expect(withCondition({ StringEquals: {} })).toBe('ImplicitDeny')
  })
  it('R83 an empty Condition object makes the statement never match', () => {
    expect(withCondition({})).toBe('ImplicitDeny')
  })
  it('C18 a Null policy value that is not a boolean never matches; several values are OR-ed', () => {
    expect(withCondition({ Null: { 'x:s': 'maybe' } })).toBe('ImplicitDeny')
    expect(withCondition({ Null: { 'x:s': ['maybe', true] } })).toBe('Allow')
  })
})

describe('C19 / C20: policy variables', () => {
  it('C19 / R118 an empty-string value uses the default', () => {
    const pattern = "arn:aws:s3:::bucket/${aws:PrincipalTag/dir, 'key'}"
    expect(withResource(pattern, { 'aws:PrincipalTag/dir': '' })).toBe('Allow')
  })
  it('C19 an empty-string value without default is unresolvable', () => {
    expect(
      withResource('arn:aws:s3:::bucket/${aws:PrincipalTag/dir}', { 'aws:PrincipalTag/dir': '' }, { resource: 'arn:aws:s3:::bucket/' }),
    ).toBe('ImplicitDeny')
  })
  it('C19 / R116 a multivalued key is unresolvable: StringNotEquals on it is true (Deny applies)', () => {
    const pol = doc(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'x:s': '${aws:TagKeys}' } } },
    )
    expect(referenceEvaluate(req({ context: { 'x:s': 'a', 'aws:TagKeys': ['a', 'b'] } }), { identity: [pol] })).toBe('ExplicitDeny')
  })
  it('C19 / R116 a multivalued key is unresolvable and its default is NOT used', () => {
    const pattern = "arn:aws:s3:::bucket/${x:multi, 'key'}"
    expect(withResource(pattern, { 'x:multi': ['a', 'b'] })).toBe('ImplicitDeny')
    expect(withResource(pattern, { 'x:multi': ['a', 'b'] }, { resource: 'arn:aws:s3:::bucket/a' })).toBe('ImplicitDeny')
  })
  it('C19 / C2 an absent key or an empty list uses the default; a one-element list resolves', () => {
    const pattern = "arn:aws:s3:::bucket/${x:multi, 'key'}"
    expect(withResource(pattern)).toBe('Allow')
    expect(withResource(pattern, { 'x:multi': [] })).toBe('Allow')
    expect(withResource(pattern, { 'x:multi': ['a'] }, { resource: 'arn:aws:s3:::bucket/a' })).toBe('Allow')
  })
  it('C19 / R79 two spellings of the key with a value each are multivalued: no default', () => {
    const pattern = "arn:aws:s3:::bucket/${x:k, 'key'}"
    expect(withResource(pattern, { 'x:k': 'a', 'X:K': 'b' })).toBe('ImplicitDeny')
    // an empty list is absent (C2), so only one spelling holds a value
    expect(withResource(pattern, { 'x:k': [], 'X:K': 'b' }, { resource: 'arn:aws:s3:::bucket/b' })).toBe('Allow')
  })
  it('C19 / C14 numeric and boolean values are substituted as text', () => {
    expect(
      withResource('arn:aws:s3:::bucket/${x:n}-${x:b}', { 'x:n': 42, 'x:b': false }, { resource: 'arn:aws:s3:::bucket/42-false' }),
    ).toBe('Allow')
  })
  it('C20 spaces are allowed around the comma of a default', () => {
    expect(withResource("arn:aws:s3:::bucket/${x:absent   ,   'key'}")).toBe('Allow')
  })
  it('C20 a malformed variable where variables are honoured is a policy error', () => {
    expect(() => withResource('arn:aws:s3:::bucket/${aws:username')).toThrow()
    expect(() => withCondition({ StringEquals: { 'x:s': '${a b}' } }, { 'x:s': 'v' })).toThrow()
  })
  it('C20 the same malformed text is literal under Version 2008-10-17', () => {
    expect(
      withResource('arn:aws:s3:::bucket/${aws:username', undefined, { resource: 'arn:aws:s3:::bucket/${aws:username' }, '2008-10-17'),
    ).toBe('Allow')
  })
  it('C20 / R72 a variable before the fifth colon is literal text', () => {
    const pattern = 'arn:aws:iam::${aws:PrincipalAccount}:user/alice'
    expect(withResource(pattern, undefined, { resource: ALICE })).toBe('ImplicitDeny')
    expect(withResource(pattern, undefined, { resource: pattern })).toBe('Allow')
  })
  it('C20 / R63 variables in Action are literal text', () => {
    const pol = doc({ Effect: 'Allow', Action: 's3:${x:a}', Resource: '*' })
    expect(referenceEvaluate(req({ context: { 'x:a': 'GetObject' } }), { identity: [pol] })).toBe('ImplicitDeny')
  })
  it('R120 a * inside a substituted value is literal', () => {
    expect(withResource('arn:aws:s3:::bucket/${x:dir}', { 'x:dir': '*' })).toBe('ImplicitDeny')
  })
  it('R115 variables are not substituted in numeric operators', () => {
    expect(withCondition({ NumericEquals: { 'x:n': '${x:m}' } }, { 'x:n': '5', 'x:m': '5' })).toBe('ImplicitDeny')
  })
})

describe('C22 and other decision-flow points', () => {
  const role = `arn:aws:iam::${ACCT}:role/app`
  const trustService = doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })
  it('C22 trust actions are recognised case-insensitively', () => {
    expect(referenceEvaluate(req({ action: 'STS:assumerole', resource: role }), { identity: [allowAll], resource: trustService })).toBe(
      'ImplicitDeny',
    )
  })
  it('C22 sts:TagSession on a role needs the trust policy too', () => {
    expect(referenceEvaluate(req({ action: 'sts:TagSession', resource: role }), { identity: [allowAll] })).toBe('ImplicitDeny')
  })
  it('C22 a KMS alias is not a key: identity policies suffice', () => {
    const alias = `arn:aws:kms:us-east-1:${ACCT}:alias/app`
    expect(referenceEvaluate(req({ action: 'kms:Decrypt', resource: alias }), { identity: [allowAll] })).toBe('Allow')
  })
  it('C22 / R33 the root user reaches a key whose policy enables IAM policies', () => {
    const key = `arn:aws:kms:us-east-1:${ACCT}:key/k1`
    const keyPolicy = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: 'kms:*', Resource: '*' })
    expect(
      referenceEvaluate(req({ principal: `arn:aws:iam::${ACCT}:root`, action: 'kms:Decrypt', resource: key }), { resource: keyPolicy }),
    ).toBe('Allow')
  })
  it('R79 case variants: any variant for positive operators, all variants for negated ones', () => {
    const ctx = { 'aws:PrincipalTag/team': 'a', 'AWS:principaltag/TEAM': 'b' }
    expect(withCondition({ StringEquals: { 'aws:PrincipalTag/team': 'b' } }, ctx)).toBe('Allow')
    expect(withCondition({ StringNotEquals: { 'aws:PrincipalTag/team': 'a' } }, ctx)).toBe('ImplicitDeny')
    expect(withCondition({ StringNotEquals: { 'aws:PrincipalTag/team': 'c' } }, ctx)).toBe('Allow')
  })
  it('R105 a plain operator on a multivalued value: any for positive, negation for negated', () => {
    expect(withCondition({ StringEquals: { 'aws:TagKeys': 'b' } }, { 'aws:TagKeys': ['a', 'b'] })).toBe('Allow')
    expect(withCondition({ StringNotEquals: { 'aws:TagKeys': 'b' } }, { 'aws:TagKeys': ['a', 'b'] })).toBe('ImplicitDeny')
  })
  it('R98 ForAllValues:Null is true and ForAnyValue:Null false whatever the request holds', () => {
    expect(withCondition({ 'ForAllValues:Null': { 'aws:TagKeys': 'false' } })).toBe('Allow')
    expect(withCondition({ 'ForAnyValue:Null': { 'aws:TagKeys': 'false' } }, { 'aws:TagKeys': ['a'] })).toBe('ImplicitDeny')
  })
  it('R65 a non-ARN request resource is glob-matched against the whole pattern', () => {
    expect(withResource('my-*:thing', undefined, { resource: 'my-app:thing' })).toBe('Allow')
  })
  it('R66 a short pattern whose last field ends in * absorbs the remaining fields', () => {
    expect(withResource('arn:aws:s3*')).toBe('Allow')
    expect(withResource('arn:aws:s3')).toBe('ImplicitDeny')
  })
  it('R95 / A30 a non-ARN value never matches ArnLike and makes ArnNotLike true', () => {
    expect(withCondition({ ArnLike: { 'aws:SourceArn': '*' } }, { 'aws:SourceArn': 'not-an-arn' })).toBe('ImplicitDeny')
    expect(withCondition({ ArnNotLike: { 'aws:SourceArn': '*' } }, { 'aws:SourceArn': 'not-an-arn' })).toBe('Allow')
  })
  it('R23 / A46 the most favourable principal entry wins (account + user ARN)', () => {
    const pol = doc({ Effect: 'Allow', Principal: { AWS: [ACCT, ALICE] }, Action: '*', Resource: '*' })
    expect(referenceEvaluate(req(), { resource: pol, permissionsBoundary: doc() })).toBe('Allow')
  })
  it('R27 / A1 a role caller without session policy keeps its identity permissions; a silent session policy blocks', () => {
    const roleCaller = req({ principal: `arn:aws:iam::${ACCT}:role/R` })
    expect(referenceEvaluate(roleCaller, { identity: [allowAll] })).toBe('Allow')
    expect(referenceEvaluate(roleCaller, { identity: [allowAll], session: doc() })).toBe('ImplicitDeny')
  })
  it('R27 a session policy is ignored for a non-session caller (IAM user)', () => {
    expect(referenceEvaluate(req(), { identity: [allowAll], session: doc() })).toBe('Allow')
  })
  it('R31 / A7 a root caller passes the trusted side of a cross-account request', () => {
    const grantAcct = doc({ Effect: 'Allow', Principal: { AWS: OTHER }, Action: '*', Resource: '*' })
    expect(referenceEvaluate(req({ principal: `arn:aws:iam::${OTHER}:root` }), { resource: grantAcct })).toBe('Allow')
  })
  it('R36 / A9 an SCP statement without Resource applies to the requested resource', () => {
    const scp = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*' }] }
    expect(referenceEvaluate(req(), { identity: [allowAll], scps: [[scp]] })).toBe('Allow')
  })
  it('R6 an empty account field falls back to the caller account (same-account grant to the user)', () => {
    const pol = doc({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: '*', Resource: '*' })
    expect(referenceEvaluate({ principal: ALICE, action: 's3:GetObject', resource: OBJECT }, { resource: pol })).toBe('Allow')
  })
})

describe('C23: empty elements make a statement inert', () => {
  const withStatement = (statement: Json, slot: 'identity' | 'resource' = 'identity'): ReferenceDecision =>
    referenceEvaluate(
      req(),
      slot === 'identity' ? { identity: [allowAll, doc(statement)] } : { identity: [allowAll], resource: doc(statement) },
    )
  it('C23 / R44 an empty Action or Resource list neither allows nor denies', () => {
    expect(withStatement({ Effect: 'Deny', Action: [], Resource: '*' })).toBe('Allow')
    expect(withStatement({ Effect: 'Deny', Action: '*', Resource: [] })).toBe('Allow')
  })
  it('C23 an empty NotAction list is inert (it does not deny everything)', () => {
    expect(withStatement({ Effect: 'Deny', NotAction: [], Resource: '*' })).toBe('Allow')
    expect(referenceEvaluate(req(), { identity: [doc({ Effect: 'Allow', NotAction: [], Resource: '*' })] })).toBe('ImplicitDeny')
  })
  it('C23 an empty NotResource list is inert (it does not deny everything)', () => {
    expect(withStatement({ Effect: 'Deny', Action: '*', NotResource: [] })).toBe('Allow')
    expect(referenceEvaluate(req(), { identity: [doc({ Effect: 'Allow', Action: '*', NotResource: [] })] })).toBe('ImplicitDeny')
  })
  it('C23 / R44 an empty Principal or NotPrincipal is inert', () => {
    expect(withStatement({ Effect: 'Deny', Principal: {}, Action: '*' }, 'resource')).toBe('Allow')
    expect(withStatement({ Effect: 'Deny', Principal: { AWS: [] }, Action: '*' }, 'resource')).toBe('Allow')
    expect(withStatement({ Effect: 'Deny', NotPrincipal: {}, Action: '*' }, 'resource')).toBe('Allow')
    expect(withStatement({ Effect: 'Deny', NotPrincipal: { AWS: [] }, Action: '*' }, 'resource')).toBe('Allow')
  })
})

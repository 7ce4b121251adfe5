/**
 * The decision flow gate by gate (spec section 2), and what the result says: the decisive
 * statements for Allow and ExplicitDeny, the failed gate for ImplicitDeny, and the explanation
 * (every statement, the gates, the missing context keys).
 */
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/index.js'
import type { AuthorizationRequest, PolicySet } from '../../src/index.js'

const ACCOUNT = '111122223333'
const OTHER = '444455556666'
const alice = `arn:aws:iam::${ACCOUNT}:user/alice`
const session = `arn:aws:sts::${ACCOUNT}:assumed-role/R/s1`
const object = 'arn:aws:s3:::bucket/key'
const get: AuthorizationRequest = { principal: alice, action: 's3:GetObject', resource: object, resourceAccount: ACCOUNT }

const doc = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements })
const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' })
const allowGet = doc({ Sid: 'Get', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })
const denyGet = doc({ Sid: 'NoGet', Effect: 'Deny', Action: 's3:GetObject', Resource: '*' })
const allowNothing = doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' })
const bucketPolicy = (principal: unknown, effect = 'Allow') =>
  doc({ Sid: 'Bucket', Effect: effect, Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' })
const everyone = doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })

function decide(request: AuthorizationRequest, policies: PolicySet) {
  return evaluate(request, policies)
}

describe('explicit deny (R11)', () => {
  it('a Deny in any policy type wins over every Allow (E1)', () => {
    for (const policies of [
      { identity: [allowAll, denyGet] },
      { identity: [allowAll], resource: bucketPolicy({ AWS: alice }, 'Deny') },
      {
        identity: [allowAll],
        permissionsBoundary: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' }),
      },
      { identity: [allowAll], scps: [[allowAll, denyGet]] },
      { identity: [allowAll], rcps: [[everyone, doc({ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*' })]] },
      { identity: [allowAll], endpoint: [doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' })] },
    ] satisfies PolicySet[]) {
      const result = decide(get, policies)
      expect(result.decision).toBe('ExplicitDeny')
      expect(result.decisiveStatements).toHaveLength(1)
      expect(result.decisiveStatements[0]?.effect).toBe('Deny')
    }
  })

  it('names the deny statement that decided', () => {
    const result = decide(get, { identity: [allowAll, { ...denyGet, Id: 'guard' }] })
    expect(result.decisiveStatements).toEqual([
      { policyType: 'identity', policyIndex: 1, policyId: 'guard', statementIndex: 0, sid: 'NoGet', effect: 'Deny' },
    ])
    expect(result.reason).toContain('identity policy #1')
  })

  it('C21 an SCP Deny does not apply to a service principal', () => {
    const request = { ...get, principal: 'logging.s3.amazonaws.com' }
    const result = decide(request, { resource: bucketPolicy({ Service: 'logging.s3.amazonaws.com' }), scps: [[denyGet]] })
    expect(result.decision).toBe('Allow')
  })
})

describe('gates (R18-R21) and what an implicit deny reports', () => {
  it('R18 every SCP level must allow; the failing level is named (E23)', () => {
    const result = decide(get, { identity: [allowAll], scps: [[allowAll], [allowNothing], [allowAll]] })
    expect(result.decision).toBe('ImplicitDeny')
    expect(result.failedGate).toEqual({ kind: 'scp', level: 1 })
    expect(result.decisiveStatements).toEqual([])
  })
  it('R18 an empty SCP level denies; no levels at all restrict nothing', () => {
    expect(decide(get, { identity: [allowAll], scps: [[]] }).failedGate).toEqual({ kind: 'scp', level: 0 })
    expect(decide(get, { identity: [allowAll], scps: [] }).decision).toBe('Allow')
  })
  it('R20 every RCP level must allow, whoever the caller', () => {
    const result = decide(
      { ...get, principal: '*' },
      { resource: bucketPolicy('*'), rcps: [[everyone], [doc({ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: '*' })]] },
    )
    expect(result.failedGate).toEqual({ kind: 'rcp', level: 1 })
  })
  it('R21 every endpoint policy must allow', () => {
    const result = decide(get, {
      identity: [allowAll],
      endpoint: [everyone, doc({ Effect: 'Allow', Principal: '*', Action: 'ec2:*', Resource: '*' })],
    })
    expect(result.failedGate).toEqual({ kind: 'endpoint', policyIndex: 1 })
  })
  it('R19 SCPs do not restrict anonymous callers', () => {
    expect(decide({ ...get, principal: '*' }, { resource: bucketPolicy('*'), scps: [[allowNothing]] }).decision).toBe('Allow')
  })
  it('R25 no Allow anywhere is an implicit deny at the identity gate (E2)', () => {
    expect(decide(get, {}).failedGate).toEqual({ kind: 'identity' })
    expect(decide(get, { identity: [allowNothing] }).failedGate).toEqual({ kind: 'identity' })
  })
  it('R26 a boundary without an Allow denies', () => {
    expect(decide(get, { identity: [allowAll], permissionsBoundary: allowNothing }).failedGate).toEqual({ kind: 'permissions-boundary' })
  })
  it('R27 a session policy without an Allow denies a role session', () => {
    const request = { ...get, principal: session }
    expect(decide(request, { identity: [allowAll], session: allowNothing }).failedGate).toEqual({ kind: 'session-policy' })
    expect(decide(request, { identity: [allowAll] }).decision).toBe('Allow')
  })
  it('R27, A48 a federated user without a session policy is denied (E22)', () => {
    const request = { ...get, principal: `arn:aws:sts::${ACCOUNT}:federated-user/bob` }
    expect(decide(request, { identity: [allowAll] }).failedGate).toEqual({ kind: 'session-policy' })
    expect(decide(request, { identity: [allowAll], session: allowAll }).decision).toBe('Allow')
    expect(decide(request, { resource: bucketPolicy({ AWS: request.principal }) }).decision).toBe('Allow')
  })
  it('C3 service principals are host names or canonical ids; bare names and other shapes are unrecognized', () => {
    const everyoneGet = { resource: bucketPolicy('*') }
    for (const principal of ['s3.amazonaws.com', 'accounts.google.com', 'a'.repeat(64).replace(/a/g, 'f')]) {
      expect(decide({ ...get, principal }, everyoneGet).decision).toBe('Allow')
    }
    for (const principal of [
      'alice',
      '',
      '111122223333',
      'arn:aws:iam::111122223333:group/admins',
      'arn:aws:iam::111122223333:user/bad name',
      'arn:aws:sts::111122223333:assumed-role/R/a/b',
    ]) {
      const result = decide({ ...get, principal }, everyoneGet)
      expect(result.failedGate, principal).toEqual({ kind: 'principal' })
    }
  })
  it('C3 IAM paths may hold ":" and "//"; names follow [\\w+=,.@-]', () => {
    expect(decide({ ...get, principal: 'arn:aws:iam::111122223333:user/a:b//c/alice.o+k@x' }, { identity: [allowAll] }).decision).toBe(
      'Allow',
    )
  })
  it('C3 an unrecognized caller is denied at the principal gate, after explicit denies', () => {
    expect(decide({ ...get, principal: 'arn:aws:iam::111122223333:group/admins' }, { identity: [allowAll] }).failedGate).toEqual({
      kind: 'principal',
    })
    expect(decide({ ...get, principal: 'arn:aws:iam::111122223333:group/admins' }, { identity: [allowAll, denyGet] }).decision).toBe(
      'ExplicitDeny',
    )
  })
})

describe('same account (R22-R24)', () => {
  it('R22 the identity policy or the resource policy is enough', () => {
    expect(decide(get, { identity: [allowGet] }).decisiveStatements[0]?.policyType).toBe('identity')
    expect(decide(get, { resource: bucketPolicy({ AWS: alice }) }).decisiveStatements[0]?.policyType).toBe('resource')
  })
  it('R23 a grant to the user itself is not cut back by a boundary (E21)', () => {
    expect(decide(get, { resource: bucketPolicy({ AWS: alice }), permissionsBoundary: allowNothing }).decision).toBe('Allow')
  })
  it('R23 a grant to the account only delegates: the identity policy must allow (E17, E21)', () => {
    expect(decide(get, { resource: bucketPolicy({ AWS: ACCOUNT }) }).decision).toBe('ImplicitDeny')
    expect(decide(get, { resource: bucketPolicy({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), identity: [allowGet] }).decision).toBe('Allow')
  })
  it('R23 a grant to the role ARN is limited by boundary and session policy; to the session ARN it is not (E18)', () => {
    const request = { ...get, principal: session }
    const role = `arn:aws:iam::${ACCOUNT}:role/R`
    expect(decide(request, { resource: bucketPolicy({ AWS: role }) }).decision).toBe('Allow')
    expect(decide(request, { resource: bucketPolicy({ AWS: role }), permissionsBoundary: allowNothing }).failedGate).toEqual({
      kind: 'permissions-boundary',
    })
    expect(decide(request, { resource: bucketPolicy({ AWS: session }), permissionsBoundary: allowNothing }).decision).toBe('Allow')
    expect(decide(request, { resource: bucketPolicy({ AWS: role }), session: allowNothing }).failedGate).toEqual({ kind: 'session-policy' })
  })
  it('C4 a role with a path is matched through aws:PrincipalArn', () => {
    const request = { ...get, principal: session, context: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/team/R` } }
    expect(decide(request, { resource: bucketPolicy({ AWS: `arn:aws:iam::${ACCOUNT}:role/team/R` }) }).decision).toBe('Allow')
    expect(decide({ ...request, context: {} }, { resource: bucketPolicy({ AWS: `arn:aws:iam::${ACCOUNT}:role/team/R` }) }).decision).toBe(
      'ImplicitDeny',
    )
  })
  it('R30 the root user is allowed in its own account unless denied (E2)', () => {
    const root = { ...get, principal: `arn:aws:iam::${ACCOUNT}:root` }
    expect(decide(root, {}).decision).toBe('Allow')
    expect(decide(root, { scps: [[allowNothing]] }).failedGate).toEqual({ kind: 'scp', level: 0 })
    expect(decide(root, { identity: [denyGet] }).decision).toBe('ExplicitDeny')
  })
})

describe('cross-account (R31) and other callers (R28, R29, R32, R33)', () => {
  const outsider = { ...get, principal: `arn:aws:iam::${OTHER}:user/bob` }
  it('R31 both sides must allow (E19)', () => {
    expect(decide(outsider, { identity: [allowGet] }).failedGate).toEqual({ kind: 'resource-policy' })
    expect(decide(outsider, { resource: bucketPolicy({ AWS: OTHER }) }).failedGate).toEqual({ kind: 'identity' })
    const both = decide(outsider, { identity: [allowGet], resource: bucketPolicy({ AWS: OTHER }) })
    expect(both.decision).toBe('Allow')
    expect(both.decisiveStatements.map((statement) => statement.policyType)).toEqual(['identity', 'resource'])
  })
  it('R31 a session ARN grant does not bypass the session policy across accounts (E32)', () => {
    const request = { ...get, principal: `arn:aws:sts::${OTHER}:assumed-role/R/s1` }
    expect(
      decide(request, { identity: [allowAll], session: allowNothing, resource: bucketPolicy({ AWS: request.principal }) }).failedGate,
    ).toEqual({ kind: 'session-policy' })
  })
  it('R28 anonymous callers need Principal "*" (E20)', () => {
    const anonymous = { ...get, principal: '*' }
    expect(decide(anonymous, { resource: bucketPolicy('*') }).decision).toBe('Allow')
    expect(decide(anonymous, { resource: bucketPolicy({ AWS: '*' }) }).decision).toBe('Allow')
    expect(decide(anonymous, { resource: bucketPolicy({ AWS: ACCOUNT }), identity: [allowAll] }).failedGate).toEqual({
      kind: 'resource-policy',
    })
  })
  it('R29 service principals need a resource policy naming them', () => {
    const service = { ...get, principal: 'cloudtrail.amazonaws.com' }
    expect(decide(service, { resource: bucketPolicy({ Service: 'cloudtrail.amazonaws.com' }) }).decision).toBe('Allow')
    expect(decide(service, { resource: bucketPolicy({ Service: 'config.amazonaws.com' }) }).decision).toBe('ImplicitDeny')
  })
  it('R32 assuming a role needs the trust policy, even in the same account (E28)', () => {
    const assume = { principal: alice, action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCOUNT}:role/Target` }
    const trust = (principal: unknown) => doc({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' })
    expect(decide(assume, { identity: [allowAll] }).failedGate).toEqual({ kind: 'resource-policy' })
    expect(decide(assume, { resource: trust({ AWS: alice }) }).decision).toBe('Allow')
    expect(decide(assume, { resource: trust({ AWS: ACCOUNT }) }).decision).toBe('ImplicitDeny')
    expect(decide(assume, { resource: trust({ AWS: ACCOUNT }), identity: [allowAll] }).decision).toBe('Allow')
  })
  it('R33 a KMS key policy must allow, even for the root user (E29)', () => {
    const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd`
    const decrypt = { principal: alice, action: 'kms:Decrypt', resource: key }
    expect(decide(decrypt, { identity: [allowAll] }).decision).toBe('ImplicitDeny')
    expect(decide({ ...decrypt, principal: `arn:aws:iam::${ACCOUNT}:root` }, {}).decision).toBe('ImplicitDeny')
    const enableIam = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' })
    expect(decide(decrypt, { identity: [allowAll], resource: enableIam }).decision).toBe('Allow')
    expect(
      decide(decrypt, { identity: [denyGet, doc({ Effect: 'Deny', Action: 'kms:*', Resource: '*' })], resource: enableIam }).decision,
    ).toBe('ExplicitDeny')
  })
})

describe('NotPrincipal (R55, R56, E3)', () => {
  const notBob = doc(
    {
      Effect: 'Deny',
      NotPrincipal: { AWS: [`arn:aws:iam::${OTHER}:user/Bob`, `arn:aws:iam::${OTHER}:root`] },
      Action: 's3:*',
      Resource: '*',
    },
    { Effect: 'Allow', Principal: { AWS: OTHER }, Action: 's3:GetObject', Resource: '*' },
  )
  it('excludes a caller only when its whole chain is listed', () => {
    expect(decide({ ...get, principal: `arn:aws:iam::${OTHER}:user/Bob` }, { identity: [allowAll], resource: notBob }).decision).toBe(
      'Allow',
    )
    expect(decide({ ...get, principal: `arn:aws:iam::${OTHER}:user/Alice` }, { identity: [allowAll], resource: notBob }).decision).toBe(
      'ExplicitDeny',
    )
  })
  it('R56 never excludes a user with a permissions boundary', () => {
    expect(
      decide(
        { ...get, principal: `arn:aws:iam::${OTHER}:user/Bob` },
        { identity: [allowAll], resource: notBob, permissionsBoundary: allowAll },
      ).decision,
    ).toBe('ExplicitDeny')
  })
})

describe('explanations ({ explain: true })', () => {
  const policies: PolicySet = {
    identity: [
      doc(
        { Sid: 'OtherService', Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
        {
          Sid: 'NeedsMfa',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
        { Sid: 'OtherBucket', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' },
      ),
    ],
    resource: bucketPolicy({ AWS: `arn:aws:iam::${ACCOUNT}:user/carol` }),
  }

  it('reports every statement with the first element that failed', () => {
    const result = evaluate(get, policies, { explain: true })
    expect(result.decision).toBe('ImplicitDeny')
    const statements = result.explanation?.statements ?? []
    expect(statements.map((entry) => [entry.statement.sid, entry.matched, entry.failure?.element])).toEqual([
      ['OtherService', false, 'action'],
      ['NeedsMfa', false, 'condition'],
      ['OtherBucket', false, 'resource'],
      ['Bucket', false, 'principal'],
    ])
    expect(statements[1]?.failure).toEqual({
      element: 'condition',
      operator: 'Bool',
      key: 'aws:MultiFactorAuthPresent',
      requestValue: undefined,
    })
  })

  it('names the missing context keys that decided', () => {
    const result = evaluate(get, policies, { explain: true })
    expect(result.explanation?.missingContextKeys).toEqual(['aws:MultiFactorAuthPresent'])
    const withMfa = evaluate({ ...get, context: { 'aws:MultiFactorAuthPresent': 'false' } }, policies, { explain: true })
    expect(withMfa.explanation?.missingContextKeys).toEqual([])
  })

  it('names a key whose absence made a Deny apply (E11)', () => {
    const deny = doc({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } })
    const result = evaluate(get, { identity: [allowAll, deny] }, { explain: true })
    expect(result.decision).toBe('ExplicitDeny')
    expect(result.explanation?.missingContextKeys).toEqual(['aws:MultiFactorAuthPresent'])
  })

  it('lists the gates in the order they were checked', () => {
    const result = evaluate(get, { identity: [allowAll], scps: [[allowAll], [allowNothing]] }, { explain: true })
    expect(result.explanation?.gates).toEqual([
      { kind: 'explicit-deny', passed: true },
      { kind: 'scp', passed: true, level: 0 },
      { kind: 'scp', passed: false, level: 1 },
    ])
  })

  it('marks the decisive statement of an Allow as matched', () => {
    const result = evaluate(get, { identity: [allowNothing, allowGet] }, { explain: true })
    expect(result.decisiveStatements).toEqual([{ policyType: 'identity', policyIndex: 1, statementIndex: 0, sid: 'Get', effect: 'Allow' }])
    expect(result.explanation?.statements.find((entry) => entry.statement.sid === 'Get')?.matched).toBe(true)
  })

  it('gives the same decision and reason as the plain evaluation', () => {
    for (const request of [get, { ...get, context: { 'aws:MultiFactorAuthPresent': 'true' } }]) {
      const plain = evaluate(request, policies)
      const explained = evaluate(request, policies, { explain: true })
      expect(explained.decision).toBe(plain.decision)
      expect(explained.reason).toBe(plain.reason)
    }
  })
})

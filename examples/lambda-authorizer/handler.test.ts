/**
 * Tests of the Lambda authorizer: the deployed `handler` on recorded-shape REST API and HTTP API
 * events (allowed, explicitly denied, implicitly denied, unauthenticated), the HTTP API in IAM
 * policy mode, and the pure pieces (event mapping, claims) on their own.
 */
import { compile } from 'iam-eval'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAuthorizerHandler } from './authorizer.js'
import type { DecisionRecord } from './authorizer.js'
import { demoTokenVerifier } from './demo-verifier.js'
import type { AuthorizerEvent, AuthorizerResponse, IamPolicyResponse, SimpleResponse } from './events.js'
import { httpApiEvent, restApiEvent } from './fixtures/events.js'
import { handler } from './handler.js'
import { callerFromClaims } from './identity.js'
import ordersApiPolicy from './policies/orders-api.json' with { type: 'json' }
import { toAuthorizationRequest } from './request.js'

const ALICE_SUB = '3f1c6a52-8f0e-4c1e-9a57-0d2f6b1e7c11'
const BOB_SUB = '9b2d4e70-1a3c-4f5e-8d6b-7c9a0e1f2d33'
const ALICE = 'arn:aws:sts::111122223333:assumed-role/orders-team/alice'
const ALICE_ROLE = 'arn:aws:iam::111122223333:role/orders-team'
const BOB = 'arn:aws:sts::111122223333:assumed-role/orders-admin/bob'
const OFFICE_IP = '203.0.113.40'
const HOME_IP = '198.51.100.77'

function asPolicy(response: AuthorizerResponse): IamPolicyResponse {
  if (!('policyDocument' in response)) throw new Error(`expected an IAM policy response, got ${JSON.stringify(response)}`)
  return response
}

function asSimple(response: AuthorizerResponse): SimpleResponse {
  if (!('isAuthorized' in response)) throw new Error(`expected a simple response, got ${JSON.stringify(response)}`)
  return response
}

/** The one statement of a policy response, and the decision passed in its context. */
async function restDecision(event: AuthorizerEvent) {
  const response = asPolicy(await handler(event))
  const [statement] = response.policyDocument.Statement
  return { effect: statement.Effect, resource: statement.Resource, principalId: response.principalId, context: response.context }
}

// The handler logs one JSON line per decision; keep test output readable.
beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('REST API (REQUEST authorizer, IAM policy response)', () => {
  it('allows the orders team to read an order, for exactly the invoked method', async () => {
    const event = restApiEvent({ token: 'demo-token-alice', method: 'GET', path: '/orders/ord-7f3a9c', route: '/orders/{orderId}' })
    expect(await restDecision(event)).toEqual({
      effect: 'Allow',
      resource: 'arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/GET/orders/ord-7f3a9c',
      principalId: ALICE_SUB,
      context: { principal: ALICE, decision: 'Allow' },
    })
  })

  it('allows an admin with MFA on an admin route from the corporate network', async () => {
    const event = restApiEvent({ token: 'demo-token-bob-mfa', method: 'DELETE', path: '/admin/cache', sourceIp: OFFICE_IP })
    expect(await restDecision(event)).toMatchObject({
      effect: 'Allow',
      principalId: BOB_SUB,
      context: { principal: BOB, decision: 'Allow' },
    })
  })

  it('explicitly denies an admin route from outside the corporate network, even with MFA', async () => {
    const event = restApiEvent({ token: 'demo-token-bob-mfa', method: 'GET', path: '/admin/reports', sourceIp: HOME_IP })
    expect(await restDecision(event)).toMatchObject({ effect: 'Deny', context: { decision: 'ExplicitDeny' } })
  })

  it('takes the source address from the request context, not from X-Forwarded-For', async () => {
    const event = restApiEvent({
      token: 'demo-token-bob-mfa',
      method: 'GET',
      path: '/admin/reports',
      sourceIp: HOME_IP,
      headers: { 'X-Forwarded-For': OFFICE_IP },
    })
    expect(await restDecision(event)).toMatchObject({ effect: 'Deny', context: { decision: 'ExplicitDeny' } })
  })

  it('explicitly denies writes during the change freeze, and allows them outside it', async () => {
    const placeOrder = { token: 'demo-token-alice', method: 'POST', path: '/orders' }
    const inFreeze = restApiEvent({ ...placeOrder, receivedAt: '2025-12-22T09:30:00Z' })
    const afterFreeze = restApiEvent({ ...placeOrder, receivedAt: '2026-01-05T09:30:00Z' })
    expect(await restDecision(inFreeze)).toMatchObject({ effect: 'Deny', context: { decision: 'ExplicitDeny' } })
    expect(await restDecision(afterFreeze)).toMatchObject({ effect: 'Allow', context: { decision: 'Allow' } })
  })

  it('implicitly denies a route no statement grants the caller', async () => {
    const event = restApiEvent({ token: 'demo-token-alice', method: 'DELETE', path: '/orders/ord-7f3a9c', route: '/orders/{orderId}' })
    expect(await restDecision(event)).toMatchObject({ effect: 'Deny', principalId: ALICE_SUB, context: { decision: 'ImplicitDeny' } })
  })

  it('implicitly denies an admin who signed in without MFA', async () => {
    const event = restApiEvent({ token: 'demo-token-bob-no-mfa', method: 'DELETE', path: '/orders/ord-7f3a9c', route: '/orders/{orderId}' })
    expect(await restDecision(event)).toMatchObject({ effect: 'Deny', context: { decision: 'ImplicitDeny' } })
  })

  it('implicitly denies a signed-in user whose role no policy names', async () => {
    const event = restApiEvent({ token: 'demo-token-carol', method: 'GET', path: '/orders' })
    expect(await restDecision(event)).toMatchObject({ effect: 'Deny', context: { decision: 'ImplicitDeny' } })
  })

  it('answers 401 (by failing with "Unauthorized") without a valid bearer token', async () => {
    await expect(handler(restApiEvent({ token: null }))).rejects.toThrow(/^Unauthorized$/)
    await expect(handler(restApiEvent({ token: 'forged-token' }))).rejects.toThrow(/^Unauthorized$/)
    await expect(handler(restApiEvent({ token: 'constructor' }))).rejects.toThrow(/^Unauthorized$/)
    await expect(handler(restApiEvent({ token: null, headers: { Authorization: 'Basic YWxpY2U6cGFzc3dvcmQ=' } }))).rejects.toThrow(
      /^Unauthorized$/,
    )
  })

  it('fails (500) on an event it was not built for, such as a TOKEN authorizer', async () => {
    const tokenEvent: unknown = { type: 'TOKEN', authorizationToken: 'Bearer demo-token-alice', methodArn: restApiEvent().methodArn }
    await expect(handler(tokenEvent as AuthorizerEvent)).rejects.toThrow(/unsupported event/)
  })
})

describe('HTTP API (payload format 2.0, simple responses)', () => {
  it('allows the orders team to list orders', async () => {
    expect(asSimple(await handler(httpApiEvent({ token: 'demo-token-alice' })))).toEqual({
      isAuthorized: true,
      context: { principal: ALICE, decision: 'Allow' },
    })
  })

  it('allows an admin with MFA from the corporate IPv6 range', async () => {
    const event = httpApiEvent({ token: 'demo-token-bob-mfa', method: 'GET', path: '/admin/reports', sourceIp: '2001:db8:4c12::8' })
    expect(asSimple(await handler(event))).toEqual({ isAuthorized: true, context: { principal: BOB, decision: 'Allow' } })
  })

  it('explicitly denies an admin route from outside the corporate network', async () => {
    const event = httpApiEvent({ token: 'demo-token-bob-mfa', method: 'GET', path: '/admin/reports', sourceIp: HOME_IP })
    expect(asSimple(await handler(event))).toEqual({ isAuthorized: false, context: { principal: BOB, decision: 'ExplicitDeny' } })
  })

  it('implicitly denies what no statement grants', async () => {
    const event = httpApiEvent({ token: 'demo-token-alice', method: 'DELETE', path: '/orders/ord-7f3a9c', route: '/orders/{orderId}' })
    expect(asSimple(await handler(event))).toEqual({ isAuthorized: false, context: { principal: ALICE, decision: 'ImplicitDeny' } })
  })

  it('denies (403) a request whose token does not verify', async () => {
    expect(asSimple(await handler(httpApiEvent({ token: 'forged-token' })))).toEqual({
      isAuthorized: false,
      context: { decision: 'Unauthenticated' },
    })
  })
})

describe('HTTP API with IAM policy responses, and the decision log', () => {
  const records: DecisionRecord[] = []
  const policyHandler = createAuthorizerHandler({
    authorizer: compile({ resource: ordersApiPolicy }),
    verifyCaller: demoTokenVerifier(),
    httpApiSimpleResponses: false,
    log: (record) => records.push(record),
  })

  it('answers with a policy on the route ARN', async () => {
    const response = asPolicy(await policyHandler(httpApiEvent({ token: 'demo-token-alice' })))
    expect(response.policyDocument.Statement).toEqual([
      {
        Action: 'execute-api:Invoke',
        Effect: 'Allow',
        Resource: 'arn:aws:execute-api:us-east-1:111122223333:k9m8n7p6q5/$default/GET/orders',
      },
    ])
    expect(response.principalId).toBe(ALICE_SUB)
  })

  it('logs the reason, naming the decisive statement, with the request id', async () => {
    records.length = 0
    await policyHandler(httpApiEvent({ token: 'demo-token-bob-mfa', path: '/admin/reports', sourceIp: HOME_IP }))
    expect(records).toEqual([
      {
        requestId: 'HbA4Kj1ZoAMEPxw=',
        principal: BOB,
        resource: 'arn:aws:execute-api:us-east-1:111122223333:k9m8n7p6q5/$default/GET/admin/reports',
        decision: 'ExplicitDeny',
        reason: expect.stringContaining('AdminRoutesOnlyFromCorporateNetwork'),
      },
    ])
  })
})

describe('mapping events and claims', () => {
  it('maps a REST event to the request iam-eval decides, timed when API Gateway received it', () => {
    const caller = { principal: ALICE, principalArn: ALICE_ROLE, principalId: ALICE_SUB, multiFactorAuthenticated: false }
    expect(toAuthorizationRequest(restApiEvent(), caller)).toEqual({
      principal: ALICE,
      action: 'execute-api:Invoke',
      resource: 'arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/GET/orders/ord-7f3a9c',
      context: {
        'aws:PrincipalArn': ALICE_ROLE,
        'aws:SourceIp': '203.0.113.24',
        'aws:MultiFactorAuthPresent': false,
        'aws:CurrentTime': '2025-03-14T15:09:26.123Z',
        'aws:EpochTime': 1741964966,
      },
    })
  })

  it('names the caller as a session of the role in the verified claims, keeping the role path', () => {
    const role = 'arn:aws:iam::111122223333:role/teams/orders-team'
    const caller = callerFromClaims({ sub: 'u-1', 'cognito:username': 'dana', 'cognito:preferred_role': role, amr: ['pwd', 'mfa'] })
    expect(caller).toEqual({
      principal: 'arn:aws:sts::111122223333:assumed-role/orders-team/dana',
      principalArn: role,
      principalId: 'u-1',
      multiFactorAuthenticated: true,
    })
    // A policy naming the role with its path matches the session thanks to aws:PrincipalArn.
    const pathAware = compile({
      resource: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: role }, Action: 'execute-api:Invoke', Resource: '*' }],
      },
    })
    if (caller === undefined) throw new Error('expected a caller')
    expect(pathAware.evaluate(toAuthorizationRequest(restApiEvent(), caller)).decision).toBe('Allow')
  })

  it('refuses claims without a role, or with a user name IAM could not carry', () => {
    expect(callerFromClaims({ sub: 'u-1' })).toBeUndefined()
    expect(callerFromClaims({ sub: 'u-1', 'cognito:preferred_role': 'arn:aws:iam::111122223333:user/dana' })).toBeUndefined()
    expect(
      callerFromClaims({
        sub: 'u-1',
        'cognito:username': 'dana/../orders-admin',
        'cognito:preferred_role': 'arn:aws:iam::111122223333:role/orders-team',
      }),
    ).toBeUndefined()
  })
})

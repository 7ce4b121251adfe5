/**
 * Tests of the Express example over real HTTP: the app listens on 127.0.0.1 (ephemeral port) and
 * is called with Node's `fetch`, covering allow, explicit deny, implicit deny, unauthenticated
 * and malformed requests, and the audit trail the decisions leave.
 */
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from './app.js'
import type { LogLine } from './app.js'

let server: Server
let baseUrl: string
const logs: LogLine[] = []

beforeAll(async () => {
  // The test client plays the load balancer: it connects from loopback and may set X-Forwarded-For.
  server = createServer(createApp({ trustProxy: 'loopback', log: (line) => logs.push(line) }))
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`
})

afterAll(async () => {
  // fetch keeps connections alive; close them so the server can stop now rather than at their timeout.
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  server.closeAllConnections()
  await closed
})

beforeEach(() => {
  logs.length = 0
})

interface CallOptions {
  /** The demo user to authenticate as (the stand-in's `X-Demo-User` header). */
  readonly as?: string
  /** A JSON body, or a raw string sent as `application/json` as is. */
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

async function call(method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers }
  if (options.as !== undefined) headers['X-Demo-User'] = options.as
  let body: string | undefined
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
}

describe('allowed requests', () => {
  it('serves public routes without a caller', async () => {
    expect(await call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } })
  })

  it("lets a user read their own team's order", async () => {
    const response = await call('GET', '/orders/ord-blue-1', { as: 'alice' })
    expect(response).toMatchObject({ status: 200, body: { id: 'ord-blue-1', tags: { team: 'blue' } } })
    expect(logs).toContainEqual(
      expect.objectContaining({
        principal: 'arn:aws:iam::111122223333:user/alice',
        action: 'app:GetOrder',
        resource: 'arn:aws:app:us-east-1:111122223333:order/ord-blue-1',
        decision: 'Allow',
      }),
    )
  })

  it('lets a user place an order tagged for their own team', async () => {
    const created = await call('POST', '/orders', {
      as: 'alice',
      body: { item: 'mouse', quantity: 3, tags: { team: 'blue', priority: 'low' } },
    })
    expect(created).toMatchObject({ status: 201, body: { item: 'mouse', quantity: 3, tags: { team: 'blue', priority: 'low' } } })
    const location = created.headers.get('Location')
    expect(location).toMatch(/^\/orders\/ord-/)
    expect(await call('GET', location ?? '', { as: 'alice' })).toMatchObject({ status: 200, body: { item: 'mouse' } })
  })

  it("lets a manager cancel their team's order, recording which statement allowed it", async () => {
    const created = await call('POST', '/orders', { as: 'olivia', body: { item: 'desk', quantity: 1, tags: { team: 'blue' } } })
    const { id } = created.body as { id: string }
    expect(await call('DELETE', `/orders/${id}`, { as: 'olivia' })).toMatchObject({ status: 204 })
    expect(logs).toContainEqual({
      message: 'order cancelled',
      orderId: id,
      by: 'arn:aws:iam::111122223333:user/olivia',
      grantedBy: 'resource policy (Id "orders-app-access") statement #2 ("ManagersCancelOwnTeamsOrders")',
    })
    expect(await call('GET', `/orders/${id}`, { as: 'olivia' })).toMatchObject({ status: 403 })
  })
})

describe('explicitly denied requests', () => {
  it('denies a suspended user everything, whatever else allows', async () => {
    expect(await call('GET', '/orders/ord-blue-1', { as: 'mallory' })).toEqual({
      status: 403,
      headers: expect.anything(),
      body: { error: 'Forbidden', decision: 'ExplicitDeny', reason: expect.stringContaining('DenySuspendedUsers') },
    })
  })

  it('denies changes from outside the corporate network', async () => {
    const response = await call('POST', '/orders', {
      as: 'alice',
      body: { item: 'chair', quantity: 1, tags: { team: 'blue' } },
      headers: { 'X-Forwarded-For': '198.51.100.7' },
    })
    expect(response).toMatchObject({
      status: 403,
      body: { decision: 'ExplicitDeny', reason: expect.stringContaining('DenyChangesFromOutsideCorporateNetwork') },
    })
  })
})

describe('implicitly denied requests', () => {
  it("denies reading another team's order", async () => {
    expect(await call('GET', '/orders/ord-red-1', { as: 'alice' })).toMatchObject({
      status: 403,
      body: { error: 'Forbidden', decision: 'ImplicitDeny', reason: expect.any(String) },
    })
  })

  it('answers an order that does not exist exactly like one the caller may not see', async () => {
    expect(await call('GET', '/orders/ord-missing', { as: 'alice' })).toMatchObject({ status: 403, body: { decision: 'ImplicitDeny' } })
  })

  it('denies placing an order for another team, or with tag keys the policy does not list', async () => {
    const otherTeam = await call('POST', '/orders', { as: 'alice', body: { item: 'lamp', quantity: 1, tags: { team: 'red' } } })
    const extraTag = await call('POST', '/orders', {
      as: 'alice',
      body: { item: 'lamp', quantity: 1, tags: { team: 'blue', owner: 'alice' } },
    })
    expect(otherTeam).toMatchObject({ status: 403, body: { decision: 'ImplicitDeny' } })
    expect(extraTag).toMatchObject({ status: 403, body: { decision: 'ImplicitDeny' } })
  })

  it('denies cancelling to someone who is not a manager', async () => {
    expect(await call('DELETE', '/orders/ord-blue-1', { as: 'alice' })).toMatchObject({ status: 403, body: { decision: 'ImplicitDeny' } })
    expect(await call('GET', '/orders/ord-blue-1', { as: 'alice' })).toMatchObject({ status: 200 })
  })
})

describe('unauthenticated and malformed requests', () => {
  it('answers 401 without an authenticated caller', async () => {
    const expected = { status: 401, body: { error: 'Unauthenticated', reason: 'the request has no authenticated caller' } }
    expect(await call('GET', '/orders/ord-blue-1')).toMatchObject(expected)
    expect(await call('GET', '/orders/ord-blue-1', { as: 'nobody' })).toMatchObject(expected)
    expect(logs).toEqual([])
  })

  it('answers 400 to a body that is not JSON, before deciding anything', async () => {
    const response = await call('POST', '/orders', { as: 'alice', body: '{"item": "mouse", ' })
    expect(response).toMatchObject({ status: 400, body: { error: expect.any(String) } })
    expect(logs).toEqual([])
  })

  it('answers 400 to an order that does not have the expected shape', async () => {
    expect(await call('POST', '/orders', { as: 'alice', body: { item: 'mouse', quantity: 'three' } })).toMatchObject({
      status: 400,
      body: { error: 'quantity must be a positive integer' },
    })
    expect(await call('POST', '/orders', { as: 'alice', body: { item: 'mouse', quantity: 1, tags: { team: ['blue'] } } })).toMatchObject({
      status: 400,
      body: { error: 'tags must map tag keys to string values' },
    })
  })

  it('answers 404 in JSON for routes that do not exist', async () => {
    expect(await call('GET', '/nope', { as: 'alice' })).toMatchObject({ status: 404, body: { error: 'Not Found' } })
  })
})

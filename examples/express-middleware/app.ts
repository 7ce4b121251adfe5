/**
 * The example app: a small orders API whose routes are guarded by `authorize`, with the mapping
 * from an Express request to an iam-eval request (`toRequest`): the caller from `req.user`, the
 * action from the route and method, the order's ARN as the resource, and the context keys the
 * policies test (source address, principal, resource and request tags).
 */
import express from 'express'
import type { ErrorRequestHandler, Request } from 'express'
import { describeStatement } from 'iam-eval'
import type { AuthorizationRequest, PolicySet } from 'iam-eval'
import { authorizationOf, authorize } from './authorize.js'
import { demoAuthentication } from './demo-authentication.js'
import { demoOrders, OrderStore, orderArn } from './orders.js'
import type { NewOrder, OrderTags } from './orders.js'
import ordersAppPolicy from './policies/orders-app.json' with { type: 'json' }

/** One structured log line. */
export type LogLine = Readonly<Record<string, unknown>>

export interface AppOptions {
  /** The access policy (default: `policies/orders-app.json`, as the app's resource-based policy). */
  readonly policies?: PolicySet
  readonly orders?: OrderStore
  /**
   * Express's `trust proxy` setting: which proxies may set the client address through
   * `X-Forwarded-For`. Give your load balancer's addresses; with the default (`false`) the address
   * is the TCP peer's. Trusting a header from anyone would let any client pick its `aws:SourceIp`.
   */
  readonly trustProxy?: boolean | number | string | readonly string[]
  readonly log?: (line: LogLine) => void
}

/** The action each guarded route performs, by `"<METHOD> <route path>"`. */
const ACTIONS: Readonly<Record<string, string>> = {
  'GET /orders/:orderId': 'app:GetOrder',
  'POST /orders': 'app:CreateOrder',
  'DELETE /orders/:orderId': 'app:CancelOrder',
}

/** A client error with a message safe to send back. */
class BadRequestError extends Error {
  readonly status = 400
  readonly expose = true
}

function isTags(value: unknown): value is OrderTags {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((tag) => typeof tag === 'string')
  )
}

/** The order a POST body describes; throws a 400 for anything else. Pure, so it can run twice. */
function parseNewOrder(body: unknown): NewOrder {
  if (typeof body !== 'object' || body === null) throw new BadRequestError('the body must be a JSON object')
  const { item, quantity, tags = {} } = body as Record<string, unknown>
  if (typeof item !== 'string' || item === '') throw new BadRequestError('item must be a non-empty string')
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1)
    throw new BadRequestError('quantity must be a positive integer')
  if (!isTags(tags)) throw new BadRequestError('tags must map tag keys to string values')
  return { item, quantity, tags }
}

/** `"<METHOD> <route path>"` of a request matched by a route (HEAD is served by GET routes). */
function routeOf(req: Request): string {
  const route: unknown = req.route
  const path = typeof route === 'object' && route !== null ? (route as { path?: unknown }).path : undefined
  return `${req.method === 'HEAD' ? 'GET' : req.method} ${typeof path === 'string' ? path : '(no route)'}`
}

/** The `:orderId` route parameter (Express 5 types parameters as `string | string[]`, for wildcards). */
function orderIdOf(req: Request): string | undefined {
  const id = req.params['orderId']
  return typeof id === 'string' ? id : undefined
}

function tagKeys(prefix: string, tags: OrderTags): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).map(([key, value]) => [`${prefix}${key}`, value]))
}

/** Builds the app. Each call has its own store and compiled policies, so tests stay independent. */
export function createApp(options: AppOptions = {}): express.Express {
  const { policies = { resource: ordersAppPolicy }, orders = new OrderStore(demoOrders()), trustProxy = false } = options
  const log = options.log ?? ((line: LogLine) => console.log(JSON.stringify(line)))

  /** The iam-eval request for an Express request; `undefined` without an authenticated caller. */
  function toRequest(req: Request): AuthorizationRequest | undefined {
    const user = req.user
    if (user === undefined) return undefined
    const route = routeOf(req)
    const action = ACTIONS[route]
    // A guarded route without an action is a wiring bug: fail (500), never guess.
    if (action === undefined) throw new Error(`no action is mapped for ${route}`)

    const orderId = orderIdOf(req)
    const context: Record<string, string | readonly string[]> = tagKeys('aws:PrincipalTag/', user.tags)
    // Absent when the socket is already gone; a NotIpAddress Deny then applies, failing closed.
    if (req.ip !== undefined) context['aws:SourceIp'] = req.ip

    if (orderId !== undefined) {
      // Authorize before revealing anything: an order that does not exist has no tags, so the
      // caller is denied exactly as for an order of another team and cannot probe for ids.
      const order = orders.get(orderId)
      if (order !== undefined) Object.assign(context, tagKeys('aws:ResourceTag/', order.tags))
    } else if (action === 'app:CreateOrder') {
      const { tags } = parseNewOrder(req.body)
      Object.assign(context, tagKeys('aws:RequestTag/', tags))
      context['aws:TagKeys'] = Object.keys(tags)
    }

    return { principal: user.arn, action, resource: orderArn(orderId ?? '*'), context }
  }

  const guard = authorize({
    policies,
    toRequest,
    onDecision: ({ req, request, result }) =>
      log({
        message: 'authorization decision',
        method: req.method,
        path: req.originalUrl,
        principal: request.principal,
        action: request.action,
        resource: request.resource,
        decision: result.decision,
        reason: result.reason,
      }),
  })

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy)
  app.use(demoAuthentication())

  // Public: no guard.
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' })
  })

  app.get('/orders/:orderId', guard, (req, res) => {
    const orderId = orderIdOf(req)
    const order = orderId === undefined ? undefined : orders.get(orderId)
    if (order === undefined) {
      res.status(404).json({ error: 'Not Found' })
      return
    }
    res.json(order)
  })

  app.post('/orders', express.json({ limit: '16kb' }), guard, (req, res) => {
    const order = orders.create(parseNewOrder(req.body))
    res.status(201).location(`/orders/${order.id}`).json(order)
  })

  app.delete('/orders/:orderId', guard, (req, res) => {
    const orderId = orderIdOf(req)
    if (orderId === undefined || !orders.delete(orderId)) {
      res.status(404).json({ error: 'Not Found' })
      return
    }
    // The decision that let this through, kept with the change for the audit trail.
    const [grantedBy] = authorizationOf(res).decisiveStatements
    log({
      message: 'order cancelled',
      orderId,
      by: req.user?.arn,
      grantedBy: grantedBy === undefined ? undefined : describeStatement(grantedBy),
    })
    res.status(204).end()
  })

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not Found' })
  })

  const handleErrors: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    const { status, expose, message } = (typeof error === 'object' && error !== null ? error : {}) as {
      status?: unknown
      expose?: unknown
      message?: unknown
    }
    // Client errors that say so (ours, and body-parser's for malformed JSON) are answered as such.
    if (typeof status === 'number' && status >= 400 && status < 500 && expose === true && typeof message === 'string') {
      res.status(status).json({ error: message })
      return
    }
    log({ message: 'unhandled error', method: req.method, path: req.originalUrl, error: String(error) })
    res.status(500).json({ error: 'Internal Server Error' })
  }
  app.use(handleErrors)

  return app
}

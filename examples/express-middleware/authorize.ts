/**
 * `authorize({ policies, toRequest })`: an Express middleware factory that decides each request
 * with iam-eval. It owns the HTTP side of a decision (401 without a caller, 403 with the decision
 * and reason on a deny, the result in `res.locals` on allow); what a request means in IAM terms is
 * the app's business, given as `toRequest`.
 */
import type { Request, RequestHandler, Response } from 'express'
import { compile } from 'iam-eval'
import type { AuthorizationRequest, CompileOptions, EvaluationResult, PolicySet } from 'iam-eval'

/** How to authorize. */
export interface AuthorizeOptions {
  /** The policies. Compiled once, when `authorize` is called; a policy that does not validate throws there. */
  readonly policies: PolicySet
  /**
   * The iam-eval request for an Express request, or `undefined` when it has no authenticated caller
   * (answered 401). May be async, to load the resource's tags for example. A throw or rejection is
   * passed to Express's error handling, so the request is never let through.
   */
  readonly toRequest: (req: Request) => AuthorizationRequest | undefined | Promise<AuthorizationRequest | undefined>
  readonly compileOptions?: CompileOptions
  /** Sees every decision, allowed or not: the place for an audit log. */
  readonly onDecision?: (decision: {
    readonly req: Request
    readonly request: AuthorizationRequest
    readonly result: EvaluationResult
  }) => void
}

/** The key of `res.locals` the allowing decision is stored under. */
export const AUTHORIZATION_LOCAL = 'authorization'

/** The body of a 401 or 403 answer. */
export interface DeniedBody {
  readonly error: 'Unauthenticated' | 'Forbidden'
  readonly decision?: EvaluationResult['decision']
  readonly reason: string
}

/**
 * Creates the middleware. Mount it on each route it guards (`app.get(path, guard, handler)`), so
 * `toRequest` can read `req.route` and `req.params`. Policies are compiled here, once, and the
 * compiled form serves every request.
 */
export function authorize(options: AuthorizeOptions): RequestHandler {
  const { toRequest, onDecision } = options
  const authorizer = compile(options.policies, options.compileOptions)

  // Express 5 passes a rejected promise to the error handlers, so an async middleware is safe.
  return async (req, res, next) => {
    const request = await toRequest(req)
    if (request === undefined) {
      const body: DeniedBody = { error: 'Unauthenticated', reason: 'the request has no authenticated caller' }
      res.status(401).json(body)
      return
    }

    // Never throws: a malformed request is an ImplicitDeny that says what is wrong with it.
    const result = authorizer.evaluate(request)
    onDecision?.({ req, request, result })

    if (!result.allowed) {
      // The reason names the deciding statement (Sid): helpful to your own clients, but it does
      // describe your policy. Facing the public internet, consider logging it and sending less.
      const body: DeniedBody = { error: 'Forbidden', decision: result.decision, reason: result.reason }
      res.status(403).json(body)
      return
    }
    res.locals[AUTHORIZATION_LOCAL] = result
    next()
  }
}

/**
 * The decision that allowed this request. Throws when there is none: a handler that asks is
 * mounted without `authorize` in front of it, which is a bug to surface, not to serve around.
 */
export function authorizationOf(res: Response): EvaluationResult {
  const result: unknown = res.locals[AUTHORIZATION_LOCAL]
  if (typeof result !== 'object' || result === null || (result as Partial<EvaluationResult>).allowed !== true) {
    throw new Error('no authorization decision on this response: is the route guarded by authorize()?')
  }
  return result as EvaluationResult
}

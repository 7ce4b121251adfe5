/**
 * The authorizer's flow, independent of where its parts come from: verify the caller, map the event
 * to an iam-eval request, decide with a compiled policy set, answer in the format API Gateway
 * expects, and log the decision. `handler.ts` wires it with real dependencies; tests wire it with
 * their own.
 */
import type { Authorizer, EvaluationResult } from 'iam-eval'
import { isHttpApiEvent, isSupportedEvent } from './events.js'
import type { AuthorizerContext, AuthorizerEvent, AuthorizerResponse } from './events.js'
import type { VerifyCaller } from './identity.js'
import { invokedArn, toAuthorizationRequest } from './request.js'
import { iamPolicyResponse, simpleResponse } from './response.js'

/** One line of the decision log. */
export interface DecisionRecord {
  readonly requestId: string | undefined
  readonly principal: string | undefined
  readonly resource: string
  readonly decision: EvaluationResult['decision'] | 'Unauthenticated'
  /** Why, naming the decisive policy statement: for logs only, never for the client. */
  readonly reason: string
}

/** What the authorizer needs. */
export interface AuthorizerDependencies {
  /** The compiled policies; compile them once, outside the handler. */
  readonly authorizer: Authorizer
  readonly verifyCaller: VerifyCaller
  /**
   * Whether the HTTP API authorizer has `enableSimpleResponses` on. API Gateway does not say so in
   * the event, so it has to be configured to match. REST APIs always get an IAM policy.
   */
  readonly httpApiSimpleResponses: boolean
  /** Receives every decision (default: one JSON line on stdout, which Lambda sends to CloudWatch Logs). */
  readonly log?: (record: DecisionRecord) => void
  /** The clock, for requests whose event lacks a timestamp. */
  readonly clock?: () => number
}

/** A Lambda authorizer handler. */
export type AuthorizerHandler = (event: AuthorizerEvent) => Promise<AuthorizerResponse>

function logAsJson(record: DecisionRecord): void {
  console.log(JSON.stringify({ level: 'info', message: 'authorization decision', ...record }))
}

/**
 * The message a REST API Lambda authorizer throws for API Gateway to answer 401 Unauthorized (the
 * exact text is what API Gateway looks for).
 */
export const UNAUTHORIZED = 'Unauthorized'

/**
 * Creates the handler. It rejects for a REST API caller without valid credentials (401), and when
 * the event is not one it handles or verification itself fails (500); deciding never rejects.
 */
export function createAuthorizerHandler(dependencies: AuthorizerDependencies): AuthorizerHandler {
  const { authorizer, verifyCaller, httpApiSimpleResponses, log = logAsJson, clock = Date.now } = dependencies

  return async (event) => {
    if (!isSupportedEvent(event)) {
      throw new Error('unsupported event: use a REQUEST authorizer (REST API) or payload format 2.0 (HTTP API)')
    }
    const resource = invokedArn(event)
    const requestId = event.requestContext.requestId
    const answerWithPolicy = !isHttpApiEvent(event) || !httpApiSimpleResponses

    const caller = await verifyCaller(event)
    if (caller === undefined) {
      log({ requestId, principal: undefined, resource, decision: 'Unauthenticated', reason: 'no valid credentials' })
      // REST APIs answer 401 when the authorizer fails with exactly this message. HTTP APIs have no
      // such signal (a request without the identity source gets 401 before the authorizer runs), so
      // there the answer is a deny, which API Gateway turns into 403.
      if (!isHttpApiEvent(event)) throw new Error(UNAUTHORIZED)
      const context: AuthorizerContext = { decision: 'Unauthenticated' }
      return answerWithPolicy ? iamPolicyResponse('anonymous', resource, false, context) : simpleResponse(false, context)
    }

    const result = authorizer.evaluate(toAuthorizationRequest(event, caller, clock))
    log({ requestId, principal: caller.principal, resource, decision: result.decision, reason: result.reason })

    // Handed to the integration on Allow (`$context.authorizer.*`); on Deny only to gateway
    // response templates. The decision is there so a custom 403 can tell the two denies apart.
    const context: AuthorizerContext = { principal: caller.principal, decision: result.decision }
    return answerWithPolicy
      ? iamPolicyResponse(caller.principalId, resource, result.allowed, context)
      : simpleResponse(result.allowed, context)
  }
}

/**
 * Maps an API Gateway authorizer event and its verified caller to the request iam-eval decides.
 * Pure: the same event and caller always give the same request, which makes decisions easy to
 * test, to log, and to replay later against changed policies.
 */
import type { AuthorizationRequest } from 'iam-eval'
import { isHttpApiEvent } from './events.js'
import type { AuthorizerEvent } from './events.js'
import type { VerifiedCaller } from './identity.js'

/**
 * The action every request is checked for. API Gateway resource policies use `execute-api:Invoke`
 * on the method ARN, so policies written for this authorizer read exactly like those.
 */
export const INVOKE_ACTION = 'execute-api:Invoke'

/** The method ARN (REST) or route ARN (HTTP API) of the request: the resource being authorized. */
export function invokedArn(event: AuthorizerEvent): string {
  return isHttpApiEvent(event) ? event.routeArn : event.methodArn
}

/** The client address API Gateway saw (taken from the request context, never from a header). */
function sourceIp(event: AuthorizerEvent): string {
  return isHttpApiEvent(event) ? event.requestContext.http.sourceIp : event.requestContext.identity.sourceIp
}

/** When API Gateway received the request (ms since the epoch), falling back to the clock. */
function receivedAt(event: AuthorizerEvent, clock: () => number): number {
  const time = isHttpApiEvent(event) ? event.requestContext.timeEpoch : event.requestContext.requestTimeEpoch
  // A number outside the Date range would make toISOString throw.
  return typeof time === 'number' && !Number.isNaN(new Date(time).getTime()) ? time : clock()
}

/**
 * The iam-eval request for an event. The time is the moment API Gateway received the request,
 * written into the context (rather than read from the clock during evaluation) so that a logged
 * request, replayed later, is decided exactly as it was.
 */
export function toAuthorizationRequest(
  event: AuthorizerEvent,
  caller: VerifiedCaller,
  clock: () => number = Date.now,
): AuthorizationRequest {
  const time = receivedAt(event, clock)
  return {
    principal: caller.principal,
    action: INVOKE_ACTION,
    resource: invokedArn(event),
    context: {
      'aws:PrincipalArn': caller.principalArn,
      'aws:SourceIp': sourceIp(event),
      'aws:MultiFactorAuthPresent': caller.multiFactorAuthenticated,
      'aws:CurrentTime': new Date(time).toISOString(),
      'aws:EpochTime': Math.floor(time / 1000),
    },
  }
}

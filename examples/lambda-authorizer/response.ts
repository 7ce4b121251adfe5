/**
 * Builds what API Gateway expects back from a Lambda authorizer: an IAM policy document (REST APIs,
 * and HTTP APIs without simple responses) or a simple `{ isAuthorized }` response. Pure.
 */
import type { AuthorizerContext, IamPolicyResponse, SimpleResponse } from './events.js'

/**
 * An IAM policy response allowing or denying `execute-api:Invoke` on exactly the invoked method.
 *
 * Scoped to this one method on purpose: this authorizer's decisions depend on the route, the
 * source address and the time, so a broader grant (say `.../*`) would let a cached Allow open
 * routes that were never checked. Keep the authorizer's result cache TTL at 0 (see the README).
 */
export function iamPolicyResponse(
  principalId: string,
  invokedArn: string,
  allowed: boolean,
  context: AuthorizerContext,
): IamPolicyResponse {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: allowed ? 'Allow' : 'Deny', Resource: invokedArn }],
    },
    context,
  }
}

/** A simple response for an HTTP API authorizer with `enableSimpleResponses`. */
export function simpleResponse(allowed: boolean, context: AuthorizerContext): SimpleResponse {
  return { isAuthorized: allowed, context }
}

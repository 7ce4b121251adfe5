/**
 * The API Gateway shapes this authorizer handles: the REST API REQUEST authorizer event, the HTTP
 * API payload 2.0 authorizer event, and the two response formats (IAM policy and simple).
 *
 * Declared here rather than taken from `@types/aws-lambda` so the example has no extra dependency;
 * only the fields the authorizer reads (plus a few for logs) are listed, and they match what API
 * Gateway sends. Everything is `readonly`: an event is input, never something to patch.
 */

/** REST API, Lambda authorizer of type REQUEST (`type: 'REQUEST'`, `methodArn`). */
export interface RestApiRequestAuthorizerEvent {
  readonly type: 'REQUEST'
  /** `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}`, with the path as requested. */
  readonly methodArn: string
  readonly resource?: string
  readonly path?: string
  readonly httpMethod?: string
  /** Header names keep the case the client sent. `null` when the request has none. */
  readonly headers?: Readonly<Record<string, string>> | null
  readonly multiValueHeaders?: Readonly<Record<string, readonly string[]>> | null
  readonly requestContext: {
    readonly accountId?: string
    readonly apiId?: string
    readonly stage?: string
    readonly requestId?: string
    readonly path?: string
    readonly resourcePath?: string
    readonly httpMethod?: string
    /** When API Gateway received the request, in milliseconds since the epoch. */
    readonly requestTimeEpoch?: number
    readonly identity: {
      /** The client's address as API Gateway saw it (not a header a client can set). */
      readonly sourceIp: string
      readonly userAgent?: string | null
    }
  }
}

/** HTTP API, Lambda authorizer with payload format 2.0 (`version: '2.0'`, `routeArn`). */
export interface HttpApiRequestAuthorizerEventV2 {
  readonly version: '2.0'
  readonly type: 'REQUEST'
  /** `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}`, with the path as requested. */
  readonly routeArn: string
  readonly routeKey?: string
  readonly rawPath?: string
  /** The values of the authorizer's identity sources, in the order configured. */
  readonly identitySource?: readonly string[] | null
  /** Header names are lower-cased by API Gateway. */
  readonly headers?: Readonly<Record<string, string>>
  readonly requestContext: {
    readonly accountId?: string
    readonly apiId?: string
    readonly stage?: string
    readonly requestId?: string
    readonly routeKey?: string
    /** When API Gateway received the request, in milliseconds since the epoch. */
    readonly timeEpoch?: number
    readonly http: {
      readonly method: string
      readonly path: string
      /** The client's address as API Gateway saw it (not a header a client can set). */
      readonly sourceIp: string
      readonly userAgent?: string
    }
  }
}

/** Either event this authorizer accepts. */
export type AuthorizerEvent = RestApiRequestAuthorizerEvent | HttpApiRequestAuthorizerEventV2

/**
 * Values API Gateway passes on to the integration (`$context.authorizer.*` / `event.requestContext.authorizer`).
 * API Gateway accepts only strings, numbers and booleans here: no objects, no arrays.
 */
export type AuthorizerContext = Readonly<Record<string, string | number | boolean>>

/** The IAM policy response (REST APIs; HTTP APIs with simple responses disabled). */
export interface IamPolicyResponse {
  /** Who the caller is; API Gateway logs it as `$context.authorizer.principalId`. */
  readonly principalId: string
  readonly policyDocument: {
    readonly Version: '2012-10-17'
    readonly Statement: readonly [
      {
        readonly Action: 'execute-api:Invoke'
        readonly Effect: 'Allow' | 'Deny'
        readonly Resource: string
      },
    ]
  }
  readonly context?: AuthorizerContext
}

/** The simple response (HTTP APIs with `enableSimpleResponses`). */
export interface SimpleResponse {
  readonly isAuthorized: boolean
  readonly context?: AuthorizerContext
}

/** What the handler returns. */
export type AuthorizerResponse = IamPolicyResponse | SimpleResponse

/** True for an HTTP API payload 2.0 event. */
export function isHttpApiEvent(event: AuthorizerEvent): event is HttpApiRequestAuthorizerEventV2 {
  return 'routeArn' in event
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null
}

/**
 * True when `value` has the fields this authorizer relies on. The handler checks this first: a
 * TOKEN authorizer or payload format 1.0 wired to it by mistake is a configuration error, to be
 * answered 500 (and noticed), not a request to decide on half the data.
 */
export function isSupportedEvent(value: unknown): value is AuthorizerEvent {
  if (!isRecord(value) || value['type'] !== 'REQUEST' || !isRecord(value['requestContext'])) return false
  const context = value['requestContext']
  if (value['version'] === '2.0') {
    const http = context['http']
    return typeof value['routeArn'] === 'string' && isRecord(http) && typeof http['sourceIp'] === 'string'
  }
  const identity = context['identity']
  return typeof value['methodArn'] === 'string' && isRecord(identity) && typeof identity['sourceIp'] === 'string'
}

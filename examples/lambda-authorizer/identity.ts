/**
 * Who is calling: the contract of a caller verifier, reading the bearer token from an event, and
 * turning verified token claims into the IAM-style principal the policies name.
 *
 * This module verifies nothing itself. Proving that a token is genuine (signature, issuer,
 * audience, expiry) is the job of a `VerifyCaller` implementation such as one built on
 * `aws-jwt-verify` (see the README). Never derive a caller from a header or claim that has not
 * been verified: anyone can send `Authorization: Bearer <whatever they like>`.
 */
import type { AuthorizerEvent } from './events.js'

/** A caller whose credentials have been verified. */
export interface VerifiedCaller {
  /**
   * The caller as an IAM principal ARN, which is what policy `Principal` elements name. Here an
   * assumed-role session (`arn:aws:sts::{account}:assumed-role/{role}/{user}`), so a policy that
   * names the role ARN covers every user acting in that role.
   */
  readonly principal: string
  /**
   * The IAM identity behind `principal` (`aws:PrincipalArn`): for a role session, the role's ARN.
   * A session ARN drops the role's path (`role/teams/orders-team` becomes
   * `assumed-role/orders-team/...`), so this is how a policy naming the full role ARN matches.
   */
  readonly principalArn: string
  /** A stable user id, returned to API Gateway as `principalId` and written to logs. */
  readonly principalId: string
  /** Whether the user passed a second factor when signing in (`aws:MultiFactorAuthPresent`). */
  readonly multiFactorAuthenticated: boolean
}

/**
 * Verifies the credentials an event carries. Resolves to the caller, or to `undefined` when the
 * credentials are missing or not valid (the request gets a 401). Rejects only when verification
 * could not be carried out (for example the key set could not be fetched): API Gateway then
 * answers 500 and, unlike a deny, does not cache the outcome.
 */
export type VerifyCaller = (event: AuthorizerEvent) => Promise<VerifiedCaller | undefined>

/**
 * The claims this example reads from a verified ID token. `cognito:preferred_role` is where Amazon
 * Cognito puts the IAM role of the user's highest-precedence group; `amr` (RFC 8176) lists how the
 * user authenticated. Map your identity provider's equivalents onto these.
 */
export interface IdentityClaims {
  /** The subject: a stable, unique user id. */
  readonly sub: string
  readonly 'cognito:username'?: string
  readonly 'cognito:preferred_role'?: string
  readonly amr?: readonly string[]
}

// An IAM role ARN, optionally with a path; the role name is the last segment.
const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/
// What AWS allows as a role session name.
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/

/**
 * The caller described by verified claims, or `undefined` when the claims do not name a role the
 * user acts in (then no policy can name the caller, so there is nothing to authorize).
 */
export function callerFromClaims(claims: IdentityClaims): VerifiedCaller | undefined {
  const role = claims['cognito:preferred_role']
  const match = role === undefined ? null : ROLE_ARN.exec(role)
  const [, partition, account, roleName] = match ?? []
  if (role === undefined || partition === undefined || account === undefined || roleName === undefined) return undefined
  const sessionName = claims['cognito:username'] ?? claims.sub
  // A name that IAM would reject could make the ARN ambiguous (think of a '/' in it): refuse it.
  if (!SESSION_NAME.test(sessionName)) return undefined
  return {
    principal: `arn:${partition}:sts::${account}:assumed-role/${roleName}/${sessionName}`,
    principalArn: role,
    principalId: claims.sub,
    multiFactorAuthenticated: claims.amr?.includes('mfa') === true,
  }
}

/** The token of an `Authorization: Bearer <token>` header, or `undefined` when there is none. */
export function bearerToken(event: AuthorizerEvent): string | undefined {
  const headers = event.headers ?? {}
  // REST APIs keep the client's header case; HTTP APIs lower-case names. HTTP names are case-insensitive.
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'authorization') continue
    const match = /^Bearer\s+(\S+)\s*$/i.exec(value)
    return match?.[1]
  }
  return undefined
}

/**
 * Who is calling: classification of the request's `principal` string into a caller kind with its
 * account, partition and identities (R3-R5, choice C3). Pure string work on a value that repeats
 * from request to request, so results are kept in a small bounded cache.
 */
import { isServicePrincipalName, parseIdentityArn } from '../policy/identifiers.js'

/** The kinds of caller of R3 (plus `unrecognized` for strings of no known shape, C3). */
export type CallerKind = 'anonymous' | 'root' | 'user' | 'role' | 'role-session' | 'federated-user' | 'service' | 'unrecognized'

/** A classified caller. Immutable. */
export interface Caller {
  readonly kind: CallerKind
  /** The principal string as given. */
  readonly principal: string
  /** The partition of an IAM/STS ARN caller. */
  readonly partition: string | undefined
  /** The 12-digit account of an IAM caller. */
  readonly account: string | undefined
  /** For role sessions: the role name; for roles: the last segment of the role path. */
  readonly roleName: string | undefined
  /**
   * The caller's role ARN: the role itself for `role`, the path-less derivation of R5 for
   * `role-session` (the request may refine it with `aws:PrincipalArn`, C4).
   */
  readonly derivedRoleArn: string | undefined
  /** For IAM users: the friendly name (after the last `/`), the value of `aws:username`. */
  readonly userName: string | undefined
  /** Whether SCPs restrict this caller (R19, C21). */
  readonly subjectToScps: boolean
  /** Whether R27's session rules apply (R4). */
  readonly isSession: boolean
}

const CACHE_LIMIT = 4096
const cache = new Map<string, Caller>()

/** Classifies a caller string (cached). */
export function classifyCaller(principal: string): Caller {
  const cached = cache.get(principal)
  if (cached !== undefined) return cached
  const caller = classifyUncached(principal)
  // Bounded: a flood of distinct principals only resets the cache, never grows it.
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(principal, caller)
  return caller
}

function make(
  kind: CallerKind,
  principal: string,
  partition?: string,
  account?: string,
  extra: { roleName?: string; derivedRoleArn?: string; userName?: string } = {},
): Caller {
  const iamCaller = kind === 'root' || kind === 'user' || kind === 'role' || kind === 'role-session' || kind === 'federated-user'
  return Object.freeze({
    kind,
    principal,
    partition,
    account,
    roleName: extra.roleName,
    derivedRoleArn: extra.derivedRoleArn,
    userName: extra.userName,
    subjectToScps: iamCaller,
    isSession: kind === 'role' || kind === 'role-session' || kind === 'federated-user',
  })
}

function classifyUncached(principal: string): Caller {
  if (principal === '*') return make('anonymous', principal)
  const identity = parseIdentityArn(principal)
  if (identity === undefined) {
    return !principal.startsWith('arn:') && isServicePrincipalName(principal) ? make('service', principal) : make('unrecognized', principal)
  }
  const { partition, account, name } = identity
  switch (identity.kind) {
    case 'root':
      return make('root', principal, partition, account)
    case 'user':
      return make('user', principal, partition, account, { userName: name })
    case 'role':
      return make('role', principal, partition, account, { roleName: name, derivedRoleArn: principal })
    case 'federated-user':
      return make('federated-user', principal, partition, account)
    case 'assumed-role':
      return make('role-session', principal, partition, account, {
        roleName: name,
        derivedRoleArn: `arn:${partition}:iam::${account}:role/${name}`,
      })
  }
}

/**
 * The role identity of a role or role session (C4): `aws:PrincipalArn` from the context when it is
 * a role ARN of the same partition, account and role name (any path), else the derived ARN.
 */
export function roleIdentity(caller: Caller, principalArnFromContext: string | undefined): string | undefined {
  if (caller.kind === 'role') return caller.principal
  if (caller.kind !== 'role-session') return undefined
  if (principalArnFromContext !== undefined && principalArnFromContext !== caller.derivedRoleArn) {
    const role = parseIdentityArn(principalArnFromContext)
    if (
      role !== undefined &&
      role.kind === 'role' &&
      role.partition === caller.partition &&
      role.account === caller.account &&
      role.name === caller.roleName
    ) {
      return principalArnFromContext
    }
  }
  return caller.derivedRoleArn
}

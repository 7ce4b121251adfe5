/**
 * Matching a caller against a `Principal` or `NotPrincipal` element (R46-R57, choices C6-C8).
 * Entries are indexed into sets once; per request only set lookups run. `Principal` matches
 * report how strongly the caller was named, because a same-account resource-policy grant means
 * different things for the caller's own ARN, its role, or its account (R23).
 */
import type { PrincipalElement } from '../policy/model.js'
import type { Caller } from './caller.js'

/** How a `Principal` entry named the caller; higher is more favourable (R23). */
export type PrincipalMatchStrength = 0 | 1 | 2 | 3
/** No entry names the caller. */
export const NOT_NAMED = 0
/** Only the caller's account is named: a delegation to the account (R23, R48). */
export const NAMED_BY_ACCOUNT = 1
/** The caller's role is named, the caller being that role or one of its sessions (R23). */
export const NAMED_BY_ROLE = 2
/** The caller's own ARN (user, session, federated user, service) or every principal (`*`). */
export const NAMED_DIRECTLY = 3

/** A compiled `Principal`/`NotPrincipal` element. */
export interface PrincipalMatcher {
  /** True when the element has no entries: the statement is inert (R44). */
  readonly empty: boolean
  /** For `Principal`: how the caller is named. */
  strength(caller: Caller, roleArn: string | undefined): PrincipalMatchStrength
  /**
   * For `NotPrincipal`: whether the caller escapes the statement (every identity of its chain is
   * listed, R55), never when a boundary applies to a user or role (R56).
   */
  excludes(caller: Caller, roleArn: string | undefined, hasBoundary: boolean): boolean
}

/** Compiles a principal element. */
export function compilePrincipal(element: PrincipalElement): PrincipalMatcher {
  let all = false
  // account -> the partitions it is limited to, or null for "any partition" (a bare account id)
  const accounts = new Map<string, Set<string> | null>()
  const users = new Set<string>()
  const roles = new Set<string>()
  const sessions = new Set<string>()
  const federatedUsers = new Set<string>()
  const nonArnCallers = new Set<string>()
  for (const entry of element.entries) {
    switch (entry.form) {
      case 'all':
        all = true
        break
      case 'account': {
        const account = entry.account as string
        const partitions = accounts.get(account)
        if (entry.partition === undefined) accounts.set(account, null)
        else if (partitions === undefined) accounts.set(account, new Set([entry.partition]))
        else if (partitions !== null) partitions.add(entry.partition)
        break
      }
      case 'user':
        users.add(entry.value)
        break
      case 'role':
        roles.add(entry.value)
        break
      case 'assumed-role':
        sessions.add(entry.value)
        break
      case 'federated-user':
        federatedUsers.add(entry.value)
        break
      case 'service':
      case 'federated':
      case 'canonical-user':
        nonArnCallers.add(entry.value)
        break
      case 'none':
        break
    }
  }

  const accountListed = (caller: Caller): boolean => {
    if (caller.account === undefined) return false
    const partitions = accounts.get(caller.account)
    if (partitions === undefined) return false
    return partitions === null || partitions.has(caller.partition as string)
  }

  return Object.freeze({
    empty: element.entries.length === 0,
    strength(caller: Caller, roleArn: string | undefined): PrincipalMatchStrength {
      if (all) return NAMED_DIRECTLY // "*" is every caller, even one of no known shape (its Deny applies; C7)
      switch (caller.kind) {
        case 'service':
          return nonArnCallers.has(caller.principal) ? NAMED_DIRECTLY : NOT_NAMED
        case 'user':
          if (users.has(caller.principal)) return NAMED_DIRECTLY
          break
        case 'role-session':
          if (sessions.has(caller.principal)) return NAMED_DIRECTLY
          if (roleArn !== undefined && roles.has(roleArn)) return NAMED_BY_ROLE
          break
        case 'role':
          if (roleArn !== undefined && roles.has(roleArn)) return NAMED_BY_ROLE
          break
        case 'federated-user':
          if (federatedUsers.has(caller.principal)) return NAMED_DIRECTLY
          break
        case 'root':
          break
        default:
          return NOT_NAMED // anonymous and unrecognized callers are only matched by "*"
      }
      return accountListed(caller) ? NAMED_BY_ACCOUNT : NOT_NAMED
    },
    excludes(caller: Caller, roleArn: string | undefined, hasBoundary: boolean): boolean {
      if (hasBoundary && (caller.kind === 'user' || caller.kind === 'role' || caller.kind === 'role-session')) return false
      if (all) return true // "*" lists every identity, so every caller escapes (C8)
      switch (caller.kind) {
        case 'service':
          return nonArnCallers.has(caller.principal)
        case 'root':
          return accountListed(caller)
        case 'user':
          return users.has(caller.principal) && accountListed(caller)
        case 'role-session':
          return sessions.has(caller.principal) && roleArn !== undefined && roles.has(roleArn) && accountListed(caller)
        case 'federated-user':
          return federatedUsers.has(caller.principal) && accountListed(caller)
        default:
          return false // a role caller's session is unknown; anonymous callers are never excluded (C8)
      }
    },
  })
}

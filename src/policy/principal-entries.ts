/**
 * Classification of the entries of `Principal`/`NotPrincipal` (R46-R53, choices C6-C7): what each
 * written value designates. Pure string work, done once when a policy is parsed; the matcher in
 * `match/` compares the classified entries with a caller.
 */
import { parseIdentityArn } from './identifiers.js'
import type { PrincipalEntry, PrincipalType } from './model.js'

const ACCOUNT_ID = /^\d{12}$/

/** Classifies one entry written under `type`. */
export function classifyPrincipalEntry(type: PrincipalType, value: string): PrincipalEntry {
  if (type !== 'AWS') {
    const form = type === 'Service' ? 'service' : type === 'Federated' ? 'federated' : 'canonical-user'
    return Object.freeze({ type, value, form })
  }
  if (value === '*') return Object.freeze({ type, value, form: 'all' })
  if (ACCOUNT_ID.test(value)) return Object.freeze({ type, value, form: 'account', account: value })
  if (value.includes('*') || value.includes('?')) {
    return Object.freeze({
      type,
      value,
      form: 'none',
      note: 'a wildcard is only meaningful as the whole principal value "*" (R50)',
    })
  }
  const identity = parseIdentityArn(value)
  if (identity?.kind === 'root') {
    return Object.freeze({ type, value, form: 'account', account: identity.account, partition: identity.partition })
  }
  if (identity !== undefined) return Object.freeze({ type, value, form: identity.kind })
  if (!value.startsWith('arn:')) {
    return Object.freeze({
      type,
      value,
      form: 'none',
      note: 'not an account id, an ARN or "*": a unique principal id (shown after the principal was deleted) matches nothing (R53)',
    })
  }
  return Object.freeze({ type, value, form: 'none', note: 'not an ARN of a user, role, role session, federated user or account' })
}

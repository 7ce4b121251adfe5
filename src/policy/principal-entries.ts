/**
 * Classification of the entries of `Principal`/`NotPrincipal` (R46-R53, choices C6-C7): what each
 * written value designates. Pure string work, done once when a policy is parsed; the matcher in
 * `match/` compares the classified entries with a caller.
 */
import type { PrincipalEntry, PrincipalType } from './model.js'

const ACCOUNT_ID = /^\d{12}$/
// Each pattern is anchored and has no nested quantifiers: linear on any input.
const ROOT_ARN = /^arn:([^:]+):iam::(\d{12}):root$/
const USER_ARN = /^arn:[^:]+:iam::\d{12}:user\/[^:]+$/
const ROLE_ARN = /^arn:[^:]+:iam::\d{12}:role\/[^:]+$/
const ASSUMED_ROLE_ARN = /^arn:[^:]+:sts::\d{12}:assumed-role\/[^/:]+\/[^:]+$/
const FEDERATED_USER_ARN = /^arn:[^:]+:sts::\d{12}:federated-user\/[^:]+$/

/** Classifies one entry written under `type`. */
export function classifyPrincipalEntry(type: PrincipalType, value: string): PrincipalEntry {
  if (type !== 'AWS') {
    const form = type === 'Service' ? 'service' : type === 'Federated' ? 'federated' : 'canonical-user'
    return Object.freeze({ type, value, form })
  }
  if (value === '*') return Object.freeze({ type, value, form: 'all' })
  if (ACCOUNT_ID.test(value)) return Object.freeze({ type, value, form: 'account', account: value })
  const root = ROOT_ARN.exec(value)
  if (root !== null) {
    return Object.freeze({ type, value, form: 'account', account: root[2] as string, partition: root[1] as string })
  }
  if (value.includes('*') || value.includes('?')) {
    return Object.freeze({
      type,
      value,
      form: 'none',
      note: 'a wildcard is only meaningful as the whole principal value "*" (R50)',
    })
  }
  if (USER_ARN.test(value)) return Object.freeze({ type, value, form: 'user' })
  if (ROLE_ARN.test(value)) return Object.freeze({ type, value, form: 'role' })
  if (ASSUMED_ROLE_ARN.test(value)) return Object.freeze({ type, value, form: 'assumed-role' })
  if (FEDERATED_USER_ARN.test(value)) return Object.freeze({ type, value, form: 'federated-user' })
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

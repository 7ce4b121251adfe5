/**
 * Checks that a value is a request in the shape of the conformance format (`principal`,
 * `action`, `resource`, optional `resourceAccount` and `context`) before it reaches the library.
 * The library would deny a malformed request with a reason; the CLI instead tells the user,
 * because a test that "passes" as ImplicitDeny on a typo is worse than an error.
 */
import type { AuthorizationRequest } from '../../index.js'

/** What is wrong, at a JSON pointer relative to the request. */
export interface RequestProblem {
  readonly pointer: string
  readonly message: string
  /** For a required field that is absent: its name. */
  readonly missing?: 'principal' | 'action' | 'resource'
}

const FIELDS = new Set(['principal', 'action', 'resource', 'resourceAccount', 'context'])

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** The request, or every problem found. */
export function checkRequest(value: unknown): { request: AuthorizationRequest } | { problems: RequestProblem[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [{ pointer: '', message: 'a request must be an object with principal, action and resource' }] }
  }
  const record = value as Record<string, unknown>
  const problems: RequestProblem[] = []
  for (const key of Object.keys(record)) {
    if (!FIELDS.has(key))
      problems.push({
        pointer: `/${escapeToken(key)}`,
        message: `unknown request field '${key}'; expected principal, action, resource, resourceAccount, context`,
      })
  }
  for (const field of ['principal', 'action', 'resource'] as const) {
    const fieldValue = record[field]
    if (fieldValue === undefined) problems.push({ pointer: '', message: `the request needs '${field}'`, missing: field })
    else if (typeof fieldValue !== 'string' || fieldValue === '')
      problems.push({ pointer: `/${field}`, message: `'${field}' must be a non-empty string` })
  }
  const account = record['resourceAccount']
  if (account !== undefined && typeof account !== 'string') {
    problems.push({
      pointer: '/resourceAccount',
      message: `'resourceAccount' must be a string${typeof account === 'number' ? ' (quote account ids: YAML reads 012345678901 as a number and drops the leading zero)' : ''}`,
    })
  }
  const context = record['context']
  if (context !== undefined) {
    if (typeof context !== 'object' || context === null || Array.isArray(context)) {
      problems.push({ pointer: '/context', message: "'context' must be an object mapping condition keys to values" })
    } else {
      for (const [key, entry] of Object.entries(context as Record<string, unknown>)) {
        const valid = isScalar(entry) || (Array.isArray(entry) && entry.every(isScalar))
        if (!valid) {
          problems.push({
            pointer: `/context/${escapeToken(key)}`,
            message: `context key '${key}' must be a string, number, boolean, or a list of those`,
          })
        }
      }
    }
  }
  if (problems.length > 0) return { problems }
  return { request: record as unknown as AuthorizationRequest }
}

/**
 * Merges request fields: `overrides` win, and their context keys replace those of `base` one by
 * one; a context key set to `null` in `overrides` removes the key `base` gives (so a case can
 * test the absence of a key its suite's defaults set).
 */
export function mergeRequests(
  base: Readonly<Record<string, unknown>>,
  overrides: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base, ...overrides }
  const baseContext = base['context']
  const overrideContext = overrides['context']
  if (isPlainObject(overrideContext)) {
    const context: Record<string, unknown> = { ...(isPlainObject(baseContext) ? baseContext : {}), ...overrideContext }
    for (const [key, value] of Object.entries(overrideContext)) if (value === null) delete context[key]
    merged['context'] = context
  }
  return merged
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Pattern reasoning the checks share: whether a wildcard pattern covers another one (for the
 * redundancy checks), whether a pattern can ever match an ARN (R66, R95), the fields of ARNs and
 * actions, and small string predicates. Everything here is linear or bounded by an explicit work
 * budget, never a backtracking regular expression, because every string comes from the policy
 * author.
 */
import { parseTemplate } from '../policy/variables.js'

/** True when `text` contains a `*` or `?` wildcard character. */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?')
}

/** True when `text` is one or more `*` (a pattern that matches everything). */
export function isAllStars(text: string): boolean {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 42) return false
  return true
}

/** True when `text` contains something that looks like a policy variable (`${`). */
export function hasVariableSyntax(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${')
}

/**
 * The literal text of a value, with `${...}` pieces removed when variables are honoured (their
 * `*`/`?` are never wildcards, R119, R120). Malformed templates are kept whole.
 */
export function literalText(value: string, variablesHonoured: boolean): string {
  if (!variablesHonoured || !value.includes('${')) return value
  const parsed = parseTemplate(value)
  if (!parsed.ok) return value
  let text = ''
  for (const part of parsed.parts) if (part.kind === 'text') text += part.text
  return text
}

/** A shared allowance of work for a series of coverage tests, so hostile lists stay cheap. */
export interface WorkBudget {
  /** Character-pair comparisons left. */
  remaining: number
}

/**
 * Creates a budget. The default (in character comparisons) comfortably covers every statement of
 * the AWS managed policies and bounds a hostile one to well under a second.
 */
export function workBudget(remaining = 4_000_000): WorkBudget {
  return { remaining }
}

/** Marks the budget as spent (so callers stop asking) and answers "unknown". */
function exhaust(budget: WorkBudget): undefined {
  budget.remaining = 0
  return undefined
}

/**
 * Whether every string matched by the glob `specific` is also matched by the glob `general`
 * (`*` any sequence, `?` one character). Sound: `true` is only returned when the inclusion
 * holds. `undefined` when the budget ran out (treat as "not known to cover").
 *
 * A `*` of `general` may absorb any symbols of `specific` (wildcards included), a `?` one
 * symbol other than `*`, and a literal character only the same literal character.
 */
export function globCovers(general: string, specific: string, budget: WorkBudget): boolean | undefined {
  // Even the fast paths read both strings: charge them, so a budget bounds the total work.
  const scan = general.length + specific.length + 1
  if (scan > budget.remaining) return exhaust(budget)
  budget.remaining -= scan
  if (isAllStars(general)) return true
  if (!hasWildcard(general)) return general === specific
  const star = general.indexOf('*')
  if (star === general.length - 1 && !general.includes('?')) {
    // `prefix*`: the commonest shape; `specific` must start with the literal prefix.
    return specific.startsWith(general.slice(0, -1))
  }
  const cost = (general.length + 1) * (specific.length + 1)
  if (cost > budget.remaining) return exhaust(budget)
  budget.remaining -= cost
  // dp[j]: general[0..i) matches specific[0..j) in the inclusion sense; one row at a time.
  let previous = new Uint8Array(specific.length + 1)
  let current = new Uint8Array(specific.length + 1)
  previous[0] = 1
  for (let i = 1; i <= general.length; i++) {
    const g = general.charCodeAt(i - 1)
    current[0] = g === 42 && previous[0] === 1 ? 1 : 0
    for (let j = 1; j <= specific.length; j++) {
      const s = specific.charCodeAt(j - 1)
      if (g === 42) current[j] = previous[j] === 1 || current[j - 1] === 1 ? 1 : 0
      else if (g === 63) current[j] = previous[j - 1] === 1 && s !== 42 ? 1 : 0
      else current[j] = previous[j - 1] === 1 && s === g ? 1 : 0
    }
    const swap = previous
    previous = current
    current = swap
  }
  return previous[specific.length] === 1
}

/** Splits an ARN or ARN pattern at its first five colons: up to six fields (R66). */
export function arnFields(text: string): string[] {
  const fields: string[] = []
  let start = 0
  while (fields.length < 5) {
    const colon = text.indexOf(':', start)
    if (colon === -1) break
    fields.push(text.slice(start, colon))
    start = colon + 1
  }
  fields.push(text.slice(start))
  return fields
}

/** The service prefix of an action or action pattern (the text before its first colon), or `undefined` without a colon. */
export function actionService(action: string): string | undefined {
  const colon = action.indexOf(':')
  return colon === -1 ? undefined : action.slice(0, colon)
}

/**
 * Whether an ARN pattern (a `Resource` entry or an `Arn*` condition value) can match at least
 * one ARN under the field rules of R66: a pattern that is only `*`; or one whose first field
 * can be `arn` and that has six fields, or fewer fields with a `*` at the very end (which then
 * absorbs the missing fields).
 */
export function canMatchAnArn(pattern: string): boolean {
  if (isAllStars(pattern)) return true
  const fields = arnFields(pattern)
  const first = fields[0] as string
  // The budget covers the whole comparison with 'arn', so the answer is always known.
  if (globCovers(first, 'arn', workBudget(6 * first.length + 16)) !== true) return false
  return fields.length === 6 || pattern.endsWith('*')
}

/** Compares JSON pointers in document order for arrays (numeric tokens compare as numbers). */
export function comparePointers(a: string, b: string): number {
  if (a === b) return 0
  const left = a.split('/')
  const right = b.split('/')
  const length = Math.min(left.length, right.length)
  for (let i = 0; i < length; i++) {
    const x = left[i] as string
    const y = right[i] as string
    if (x === y) continue
    const xNumber = /^\d+$/.test(x)
    const yNumber = /^\d+$/.test(y)
    if (xNumber && yNumber && x.length !== y.length) return x.length - y.length
    return x < y ? -1 : 1
  }
  return left.length - right.length
}

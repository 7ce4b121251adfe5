/**
 * ARN pattern matching (R64-R68, R95): splitting pattern and value into the six colon-delimited
 * fields, field-by-field glob comparison, the shorter-pattern rule, and the two ways the policy
 * language uses it — the `Resource` / `NotResource` element (R65) and the `Arn*` condition
 * operators (R95, A30). Case-sensitive throughout (R68).
 *
 * Field semantics implemented here (pattern with k fields, value with v fields, both split at
 * their first five colons so the sixth field keeps any further colons):
 * - k = v: every pattern field glob-matches the value field at the same index;
 * - k < v: fields 0..k-2 match as above, and the LAST pattern field must end with a `*` part and
 *   glob-match value field k-1; that trailing `*` then absorbs the remaining value fields
 *   (chosen rule of R66/A17 — no other `*` of the pattern ever crosses a colon, which is what
 *   makes `arn:aws:someservice:*:111122223333:finance/*` reject the documented counter-example);
 * - k > v: no match.
 * Inside the sixth field colons and `/` are ordinary characters, so `*` crosses them (R67).
 *
 * Colons inside literal parts are field separators too: substituted policy-variable values are
 * spliced into the pattern before it is split, so a substituted value containing `:` shifts the
 * fields exactly as if it had been written in the policy. (For `Resource`, variables are only
 * substituted after the fifth colon (R72), where colons no longer separate anything.) A literal
 * `*` or `?` part (from `${*}`, `${?}` or a substituted value) is never a wildcard, so it neither
 * absorbs fields nor counts as the trailing `*`.
 */

import { compileLiteral } from './literal.js'
import { ANY_SEQUENCE, compileGlob, matchGlobWindow, normalizeGlob, type GlobMatcher, type GlobPart } from './wildcard.js'

/** The number of colons that delimit the six ARN fields. */
const SEPARATORS = 5
const COLON = 58

/** A compiled `Resource` / `NotResource` / `Arn*` condition pattern. */
export interface ArnMatcher {
  /** Number of colon-delimited fields of the pattern (1 to 6). */
  readonly fieldCount: number
  /**
   * `true` when the pattern is exactly the wildcard `*` (a lone `*` part, possibly written
   * `**`): the only pattern that matches the resource-less request resource `*` (R65).
   */
  readonly matchesEverything: boolean
  /** The whole pattern as a plain glob (colons literal), for non-ARN request resources (R65). */
  readonly glob: GlobMatcher
  /**
   * `true` when, for a request resource other than `*`, {@link matchResource} gives the same
   * answer whether or not it is ARN-like, so callers may skip that check: wildcard-free patterns (both ways are string
   * equality), `*`, and patterns whose first five fields are literal and start with `arn:` (a
   * value starting with that prefix is ARN-like, and a value that does not matches neither way).
   */
  readonly independentOfShape: boolean
  /**
   * ARN field matching of `value` (see the module header); no "is it an ARN" gate — use
   * {@link matchResource} or {@link matchArnCondition} for the policy-language semantics.
   *
   * @param value - The candidate ARN.
   * @returns `true` when every field matches.
   */
  match(value: string): boolean
}

/**
 * Tests whether a value is shaped like an ARN: it starts with `arn:` and has at least five
 * colons (so all six fields exist, possibly empty).
 *
 * @param value - Any string.
 * @returns `true` for ARN-like values.
 */
export function isArnLike(value: string): boolean {
  if (!value.startsWith('arn:')) return false
  let pos = 3
  for (let n = 1; n < SEPARATORS; n++) {
    pos = value.indexOf(':', pos + 1)
    if (pos < 0) return false
  }
  return true
}

/** Splits normalised parts into at most six fields of parts at colons inside literals. */
function splitFields(parts: readonly GlobPart[]): GlobPart[][] {
  const fields: GlobPart[][] = [[]]
  for (const part of parts) {
    let current = fields[fields.length - 1] as GlobPart[]
    if (typeof part !== 'string' || fields.length > SEPARATORS) {
      current.push(part)
      continue
    }
    let from = 0
    for (;;) {
      const colon = fields.length > SEPARATORS ? -1 : part.indexOf(':', from)
      if (colon < 0) {
        if (from < part.length) current.push(part.slice(from))
        break
      }
      if (colon > from) current.push(part.slice(from, colon))
      current = []
      fields.push(current)
      from = colon + 1
    }
  }
  return fields
}

/**
 * Compiles a pattern for ARN matching.
 *
 * Fast paths: a pattern that is exactly `*` matches every string; a wildcard-free pattern is
 * string equality; a pattern whose fields before the last are wildcard-free is a `startsWith` of
 * that literal prefix plus one glob on the remaining range.
 *
 * @param parts - The pattern's parts; literal colons (including those of substituted values)
 *   separate fields.
 * @returns The compiled matcher (it also carries what {@link matchResource} needs).
 */
export function compileArnPattern(parts: readonly GlobPart[]): ArnMatcher {
  const normalized = normalizeGlob(parts)
  const glob = compileGlob(normalized)
  const matchesEverything = normalized.length === 1 && normalized[0] === ANY_SEQUENCE
  const fieldParts = splitFields(normalized)
  const fieldCount = fieldParts.length
  const lastParts = fieldParts[fieldCount - 1] as GlobPart[]
  // The trailing `*` that may absorb further fields must be a wildcard, not a literal `*`.
  const absorbs = lastParts[lastParts.length - 1] === ANY_SEQUENCE
  const fields = fieldParts.map((f) => compileGlob(f))
  const last = fields[fieldCount - 1] as GlobMatcher

  const base = { fieldCount, matchesEverything, glob, independentOfShape: false }
  if (matchesEverything) return { ...base, independentOfShape: true, match: () => true }
  if (glob.kind === 'exact') {
    // Wildcard-free: equal field counts are required (no trailing `*`), so field equality is
    // string equality.
    return { ...base, independentOfShape: true, match: (value: string) => glob.match(value) }
  }

  let literalHead = true
  for (let i = 0; i < fieldCount - 1; i++) {
    if ((fields[i] as GlobMatcher).kind !== 'exact') literalHead = false
  }
  if (literalHead) {
    // The prefix holds fieldCount-1 colons and no wildcard, so a value that starts with it has
    // its first fieldCount-1 colons exactly where the prefix has them: its leading fields equal
    // the pattern's, and the last pattern field lines up with the value range after the prefix.
    let prefix = ''
    for (let i = 0; i < fieldCount - 1; i++) prefix += `${literalText(fieldParts[i] as GlobPart[])}:`
    const start = prefix.length
    const head = compileLiteral(prefix)
    if (fieldCount === SEPARATORS + 1) {
      const independentOfShape = prefix.startsWith('arn:')
      // The resource field may hold colons, so `head` + `literal*` is one prefix test.
      if (last.kind === 'prefix' || last.kind === 'any') {
        const whole = compileLiteral(prefix + literalText(lastParts))
        return { ...base, independentOfShape, match: (value: string) => whole.at(value, 0) }
      }
      return { ...base, independentOfShape, match: (value: string) => head.at(value, 0) && last.match(value, start, value.length) }
    }
    return {
      ...base,
      match(value: string): boolean {
        if (!head.at(value, 0)) return false
        const colon = value.indexOf(':', start)
        if (colon < 0) return last.match(value, start, value.length)
        return absorbs && last.match(value, start, colon)
      },
    }
  }

  return {
    ...base,
    match(value: string): boolean {
      let pos = 0
      for (let i = 0; i < fieldCount; i++) {
        const matcher = fields[i] as GlobMatcher
        if (i === SEPARATORS) return matcher.match(value, pos, value.length)
        const colon = value.indexOf(':', pos)
        if (i === fieldCount - 1) {
          if (colon < 0) return matcher.match(value, pos, value.length)
          return absorbs && matcher.match(value, pos, colon)
        }
        if (colon < 0 || !matcher.match(value, pos, colon)) return false
        pos = colon + 1
      }
      return false
    },
  }
}

/** The text of a wildcard-free part list. */
function literalText(parts: readonly GlobPart[]): string {
  let text = ''
  for (const part of parts) if (typeof part === 'string') text += part
  return text
}

/**
 * ARN field matching of a pattern given as parts, without compiling it (for patterns rebuilt per
 * request with substituted variables). Same semantics as {@link ArnMatcher.match}; allocates
 * nothing beyond O(1) numbers.
 *
 * @param parts - Any part list; literal colons separate fields.
 * @param value - The candidate ARN.
 * @returns `true` when every field matches.
 */
export function matchArnParts(parts: readonly GlobPart[], value: string): boolean {
  const count = parts.length
  // Current pattern field: starts at part `from`, offset `head` into it when it is a literal.
  let from = 0
  let head = 0
  let pos = 0
  for (let field = 0; ; field++) {
    // Find the colon that ends this pattern field, unless it is the sixth field.
    let to = count
    let tail = -1
    let nextFrom = count
    let nextHead = 0
    if (field < SEPARATORS) {
      for (let j = from; j < count; j++) {
        const part = parts[j]
        if (typeof part !== 'string') continue
        const colon = part.indexOf(':', j === from ? head : 0)
        if (colon >= 0) {
          to = j + 1
          tail = colon
          nextFrom = j
          nextHead = colon + 1
          break
        }
      }
    }
    const lastField = tail < 0
    if (field === SEPARATORS) return matchGlobWindow(parts, from, head, to, tail, value, pos, value.length)
    const colon = value.indexOf(':', pos)
    if (lastField) {
      if (colon < 0) return matchGlobWindow(parts, from, head, to, tail, value, pos, value.length)
      return endsWithStar(parts, from, head, to) && matchGlobWindow(parts, from, head, to, tail, value, pos, colon)
    }
    if (colon < 0 || !matchGlobWindow(parts, from, head, to, tail, value, pos, colon)) return false
    pos = colon + 1
    from = nextFrom
    head = nextHead
  }
}

/**
 * Whether the last field window parts[from, to) (running to the end of the list) ends with a `*`
 * part once empty literals are skipped.
 */
function endsWithStar(parts: readonly GlobPart[], from: number, head: number, to: number): boolean {
  for (let j = to - 1; j >= from; j--) {
    const part = parts[j]
    if (part === ANY_SEQUENCE) return true
    if (typeof part !== 'string') return false
    if (part.length > (j === from ? head : 0)) return false
  }
  return false
}

/**
 * Whether parts are exactly the wildcard `*` once empty literals and repeated `*`s are ignored.
 */
function isLoneStar(parts: readonly GlobPart[]): boolean {
  let star = false
  for (const part of parts) {
    if (part === ANY_SEQUENCE) star = true
    else if (part !== '') return false
  }
  return star
}

/**
 * `Resource` / `NotResource` matching of one compiled pattern (R65-R68): the request resource
 * `*` (actions without a resource) is matched only by the pattern `*`; a request resource that is
 * not ARN-like is compared with the whole pattern by plain glob (colons literal); an ARN-like one
 * by ARN field matching.
 *
 * @param matcher - The compiled pattern.
 * @param requestResource - The request's resource.
 * @param resourceIsArn - `isArnLike(requestResource)`, when the caller already knows it (it is
 *   the same for every pattern of a request; callers can skip computing it when
 *   `matcher.independentOfShape`).
 * @returns `true` when the pattern covers the resource.
 */
export function matchResource(matcher: ArnMatcher, requestResource: string, resourceIsArn: boolean = isArnLike(requestResource)): boolean {
  if (requestResource === '*') return matcher.matchesEverything
  if (matcher.independentOfShape) return matcher.match(requestResource)
  if (!resourceIsArn) return matcher.glob.match(requestResource)
  return matcher.match(requestResource)
}

/**
 * {@link matchResource} for an uncompiled part list (patterns with substituted variables).
 *
 * @param parts - Any part list.
 * @param requestResource - The request's resource.
 * @returns `true` when the pattern covers the resource.
 */
export function matchResourceParts(
  parts: readonly GlobPart[],
  requestResource: string,
  resourceIsArn: boolean = isArnLike(requestResource),
): boolean {
  if (requestResource === '*') return isLoneStar(parts)
  if (!resourceIsArn) return matchGlobWindow(parts, 0, 0, parts.length, -1, requestResource, 0, requestResource.length)
  return matchArnParts(parts, requestResource)
}

/**
 * `ArnEquals` / `ArnLike` test of one request value against one compiled policy value (R95): a
 * value that is not ARN-like never matches (A30); otherwise ARN field matching. The negated
 * operators are the negation of this, applied by the caller.
 *
 * @param matcher - The compiled policy value.
 * @param value - The request value (already converted to text, C14).
 * @returns `true` when the value is an ARN matching the pattern.
 */
export function matchArnCondition(matcher: ArnMatcher, value: string): boolean {
  return isArnLike(value) && matcher.match(value)
}

/**
 * {@link matchArnCondition} for an uncompiled part list (policy values with substituted
 * variables).
 *
 * @param parts - Any part list.
 * @param value - The request value.
 * @returns `true` when the value is an ARN matching the pattern.
 */
export function matchArnConditionParts(parts: readonly GlobPart[], value: string): boolean {
  return isArnLike(value) && matchArnParts(parts, value)
}

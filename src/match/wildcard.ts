/**
 * Glob matching for IAM `*` / `?` wildcards (R59, R67, R87, C15): the part representation of a
 * pattern, parsing a pattern string into parts, compiling parts into a matcher with fast paths,
 * and an uncompiled matcher for patterns whose parts are only known per request (substituted
 * policy variables). No IAM decision logic lives here.
 *
 * Matching is anchored (the whole range must match), case-sensitive, and works on UTF-16 code
 * units (C15). It never backtracks: a pattern is cut at its `*` parts into fixed-length segments;
 * the first segment is anchored at the start, the last at the end, and the middle ones are placed
 * left-most in order. Greedy left-most placement is complete for fixed-length segments separated
 * by `*`: if any placement works, moving a segment to its left-most possible position only
 * leaves more room for the segments after it. Cost is O(n·m) at worst (n = value length,
 * m = pattern length) and usually O(n) thanks to `indexOf`.
 */

import { compileLiteral } from './literal.js'

/** Part code for `*`: any sequence of code units, possibly empty. */
export const ANY_SEQUENCE = 1
/** Part code for `?`: exactly one UTF-16 code unit (C15). */
export const ANY_CHARACTER = 2

/**
 * One element of a glob pattern.
 *
 * - a `string` is literal text, never a wildcard, even when it contains `*` or `?` (this is how
 *   substituted policy-variable values and `${*}` / `${?}` are carried, R119/R120);
 * - {@link ANY_SEQUENCE} (the number `1`) is `*`;
 * - {@link ANY_CHARACTER} (the number `2`) is `?`.
 *
 * Small numbers rather than symbols so that parts survive structured cloning / JSON and compare
 * with `===` across module copies. Part lists handed to the matchers may contain empty literals,
 * adjacent literals and adjacent `*`s; all functions accept such unnormalised lists.
 */
export type GlobPart = string | typeof ANY_SEQUENCE | typeof ANY_CHARACTER

/** The shape a compiled pattern was recognised as; the matchers of each kind take a fast path. */
export type GlobKind = 'exact' | 'prefix' | 'suffix' | 'contains' | 'any' | 'general'

/** A compiled glob pattern. */
export interface GlobMatcher {
  /** Which fast path {@link GlobMatcher.match} uses. */
  readonly kind: GlobKind
  /**
   * Tests whether the pattern matches the whole of `value.slice(start, end)`, without slicing.
   *
   * @param value - The text to test.
   * @param start - First code unit of the range (default `0`).
   * @param end - End of the range, exclusive (default `value.length`).
   * @returns `true` when the entire range matches.
   */
  match(value: string, start?: number, end?: number): boolean
}

/**
 * Parses a pattern string in which every `*` and `?` is a wildcard.
 *
 * @param pattern - Pattern text, e.g. `iam:*AccessKey?`.
 * @returns The parts: adjacent `*` merged into one, adjacent literal characters merged into one
 *   literal, no empty literals (an empty pattern gives `[]`).
 */
export function parseGlob(pattern: string): GlobPart[] {
  const parts: GlobPart[] = []
  let literalStart = 0
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i)
    if (c !== 42 /* * */ && c !== 63 /* ? */) continue
    if (i > literalStart) parts.push(pattern.slice(literalStart, i))
    literalStart = i + 1
    if (c === 63) parts.push(ANY_CHARACTER)
    else if (parts[parts.length - 1] !== ANY_SEQUENCE) parts.push(ANY_SEQUENCE)
  }
  if (pattern.length > literalStart) parts.push(pattern.slice(literalStart))
  return parts
}

/**
 * Normalises a part list: merges adjacent literals, drops empty literals, merges adjacent `*`.
 *
 * @param parts - Any part list.
 * @returns A new, normalised list that matches exactly the same strings.
 */
export function normalizeGlob(parts: readonly GlobPart[]): GlobPart[] {
  const out: GlobPart[] = []
  for (const part of parts) {
    const last = out.length - 1
    if (typeof part === 'string') {
      if (part === '') continue
      const previous = out[last]
      if (typeof previous === 'string') out[last] = previous + part
      else out.push(part)
    } else if (part !== ANY_SEQUENCE || out[last] !== ANY_SEQUENCE) {
      out.push(part)
    }
  }
  return out
}

/**
 * Tests whether a part list contains any wildcard part.
 *
 * @param parts - Any part list.
 * @returns `true` when some part is `*` or `?`.
 */
export function hasWildcard(parts: readonly GlobPart[]): boolean {
  for (const part of parts) if (typeof part !== 'string') return true
  return false
}

// ---------------------------------------------------------------------------------------------
// Shared segment primitives. A "window" is parts[from, to) where the first literal may start at
// offset `headOffset` and the last literal may end at offset `tailEnd` (-1 = its full length).
// Windows let the ARN matcher treat a colon-delimited field of an uncompiled part list as a
// pattern without slicing the literals that straddle the colons. Segments (runs without `*`)
// other than the first and last of a window always consist of whole parts.
// ---------------------------------------------------------------------------------------------

/** Length in code units of the `*`-free run parts[from, to) of a window. */
function segmentLength(parts: readonly GlobPart[], from: number, to: number, headOffset: number, tailEnd: number): number {
  let length = 0
  for (let j = from; j < to; j++) {
    const part = parts[j]
    if (typeof part === 'string') {
      const a = j === from ? headOffset : 0
      const b = j === to - 1 && tailEnd >= 0 ? tailEnd : part.length
      length += b - a
    } else {
      // Only `?` can occur inside a segment; each stands for one code unit.
      length += 1
    }
  }
  return length
}

/**
 * Tests the `*`-free run parts[from, to) at `pos`. The caller guarantees the run fits in the
 * value range, so `?` needs no bounds check.
 */
function segmentMatchesAt(
  parts: readonly GlobPart[],
  from: number,
  to: number,
  headOffset: number,
  tailEnd: number,
  value: string,
  pos: number,
): boolean {
  for (let j = from; j < to; j++) {
    const part = parts[j]
    if (typeof part !== 'string') {
      pos += 1
      continue
    }
    const a = j === from ? headOffset : 0
    const b = j === to - 1 && tailEnd >= 0 ? tailEnd : part.length
    if (a === 0 && b === part.length) {
      if (!value.startsWith(part, pos)) return false
    } else {
      // A literal cut by an ARN field boundary: compare in place rather than slice it.
      for (let k = a; k < b; k++) {
        if (value.charCodeAt(pos + k - a) !== part.charCodeAt(k)) return false
      }
    }
    pos += b - a
  }
  return true
}

/**
 * Finds the left-most position p in [from, limit - length] where the whole-part run
 * parts[a, b) matches. `anchor` is a literal of the run located `anchorOffset` code units
 * after the run's start (the longest one, so `indexOf` skips most candidates); `''` when the run
 * is only `?`s. `exact` says the run is the anchor alone, so a hit needs no verification.
 *
 * @returns The position, or -1.
 */
function findSegment(
  parts: readonly GlobPart[],
  a: number,
  b: number,
  length: number,
  anchor: string,
  anchorOffset: number,
  exact: boolean,
  value: string,
  from: number,
  limit: number,
): number {
  const last = limit - length
  if (from > last) return -1
  if (anchor === '') return from
  let p = from
  while (p <= last) {
    // indexOf may look past `limit`; the first hit past it proves there is none before it.
    const hit = value.indexOf(anchor, p + anchorOffset)
    if (hit < 0) return -1
    p = hit - anchorOffset
    if (p > last) return -1
    if (exact || segmentMatchesAt(parts, a, b, 0, -1, value, p)) return p
    p += 1
  }
  return -1
}

// Results of measureSegment, in module variables so that the per-request path allocates nothing.
let measuredLength = 0
let measuredAnchor = ''
let measuredAnchorOffset = 0

/**
 * Measures the star-free segment parts[a, b): its length in code units, and its longest literal
 * (the anchor searched with indexOf) with that literal's offset in the segment.
 */
function measureSegment(parts: readonly GlobPart[], a: number, b: number): void {
  let length = 0
  let anchor = ''
  let anchorOffset = 0
  for (let j = a; j < b; j++) {
    const part = parts[j]
    if (typeof part === 'string') {
      if (part.length > anchor.length) {
        anchor = part
        anchorOffset = length
      }
      length += part.length
    } else {
      length += 1
    }
  }
  measuredLength = length
  measuredAnchor = anchor
  measuredAnchorOffset = anchorOffset
}

/**
 * Matches a window of a part list against value[start, end). Used uncompiled (O(1) allocation:
 * only numbers are created) by {@link matchGlobParts} and by the ARN field matcher.
 *
 * @internal
 */
export function matchGlobWindow(
  parts: readonly GlobPart[],
  from: number,
  headOffset: number,
  to: number,
  tailEnd: number,
  value: string,
  start: number,
  end: number,
): boolean {
  let firstStar = -1
  let lastStar = -1
  for (let j = from; j < to; j++) {
    if (parts[j] === ANY_SEQUENCE) {
      if (firstStar < 0) firstStar = j
      lastStar = j
    }
  }
  if (firstStar < 0) {
    return (
      segmentLength(parts, from, to, headOffset, tailEnd) === end - start &&
      segmentMatchesAt(parts, from, to, headOffset, tailEnd, value, start)
    )
  }
  const headLength = segmentLength(parts, from, firstStar, headOffset, -1)
  const tailLength = segmentLength(parts, lastStar + 1, to, 0, tailEnd)
  if (headLength + tailLength > end - start) return false
  const tailStart = end - tailLength
  if (!segmentMatchesAt(parts, from, firstStar, headOffset, -1, value, start)) return false
  if (!segmentMatchesAt(parts, lastStar + 1, to, 0, tailEnd, value, tailStart)) return false
  let pos = start + headLength
  let a = firstStar + 1
  while (a < lastStar) {
    let b = a
    while (parts[b] !== ANY_SEQUENCE) b++
    if (b > a) {
      measureSegment(parts, a, b)
      const length = measuredLength
      const anchor = measuredAnchor
      const anchorOffset = measuredAnchorOffset
      const p = findSegment(parts, a, b, length, anchor, anchorOffset, length === anchor.length, value, pos, tailStart)
      if (p < 0) return false
      pos = p + length
    }
    a = b + 1
  }
  return true
}

/**
 * Matches a part list against `value.slice(start, end)` without compiling it and without
 * allocating (beyond O(1) numbers). Meant for patterns rebuilt per request, e.g. after
 * substituting policy variables as literal parts.
 *
 * @param parts - Any part list (unnormalised lists are fine).
 * @param value - The text to test.
 * @param start - First code unit of the range (default `0`).
 * @param end - End of the range, exclusive (default `value.length`).
 * @returns `true` when the entire range matches.
 */
export function matchGlobParts(parts: readonly GlobPart[], value: string, start = 0, end: number = value.length): boolean {
  return matchGlobWindow(parts, 0, 0, parts.length, -1, value, start, end)
}

/** A precomputed middle segment of a general pattern. */
interface Segment {
  readonly from: number
  readonly to: number
  readonly length: number
  readonly anchor: string
  readonly anchorOffset: number
  readonly exact: boolean
}

/** Builds the general-case matcher over normalised parts that contain at least one wildcard. */
function compileGeneral(parts: readonly GlobPart[]): GlobMatcher {
  const count = parts.length
  let firstStar = -1
  let lastStar = -1
  for (let j = 0; j < count; j++) {
    if (parts[j] === ANY_SEQUENCE) {
      if (firstStar < 0) firstStar = j
      lastStar = j
    }
  }
  if (firstStar < 0) {
    const length = segmentLength(parts, 0, count, 0, -1)
    return {
      kind: 'general',
      match(value: string, start = 0, end: number = value.length): boolean {
        return end - start === length && segmentMatchesAt(parts, 0, count, 0, -1, value, start)
      },
    }
  }
  const headLength = segmentLength(parts, 0, firstStar, 0, -1)
  const tailLength = segmentLength(parts, lastStar + 1, count, 0, -1)
  const fixedLength = headLength + tailLength
  const segments: Segment[] = []
  let a = firstStar + 1
  while (a < lastStar) {
    let b = a
    while (parts[b] !== ANY_SEQUENCE) b++
    measureSegment(parts, a, b)
    const length = measuredLength
    const anchor = measuredAnchor
    const anchorOffset = measuredAnchorOffset
    segments.push({ from: a, to: b, length, anchor, anchorOffset, exact: length === anchor.length })
    a = b + 1
  }
  const segmentCount = segments.length
  return {
    kind: 'general',
    match(value: string, start = 0, end: number = value.length): boolean {
      if (fixedLength > end - start) return false
      const tailStart = end - tailLength
      if (!segmentMatchesAt(parts, 0, firstStar, 0, -1, value, start)) return false
      if (!segmentMatchesAt(parts, lastStar + 1, count, 0, -1, value, tailStart)) return false
      let pos = start + headLength
      for (let s = 0; s < segmentCount; s++) {
        const seg = segments[s] as Segment
        const p = findSegment(parts, seg.from, seg.to, seg.length, seg.anchor, seg.anchorOffset, seg.exact, value, pos, tailStart)
        if (p < 0) return false
        pos = p + seg.length
      }
      return true
    },
  }
}

/**
 * Compiles a part list into a matcher, choosing a fast path for the common shapes:
 * `literal` (exact), `literal*` (prefix), `*literal` (suffix), `*literal*` (contains), `*` (any);
 * everything else is `general`.
 *
 * @param parts - Any part list (it is normalised first; the input is not modified).
 * @returns The compiled matcher.
 */
export function compileGlob(parts: readonly GlobPart[]): GlobMatcher {
  const p = normalizeGlob(parts)
  const [p0, p1, p2] = p
  if (p.length === 0) return exactMatcher('')
  if (p.length === 1 && typeof p0 === 'string') return exactMatcher(p0)
  if (p.length === 1 && p0 === ANY_SEQUENCE) {
    return {
      kind: 'any',
      match(): boolean {
        return true
      },
    }
  }
  if (p.length === 2 && typeof p0 === 'string' && p1 === ANY_SEQUENCE) {
    const n = p0.length
    const prefix = compileLiteral(p0)
    return {
      kind: 'prefix',
      match(value: string, start = 0, end: number = value.length): boolean {
        return end - start >= n && prefix.at(value, start)
      },
    }
  }
  if (p.length === 2 && p0 === ANY_SEQUENCE && typeof p1 === 'string') {
    const suffix = p1
    const n = suffix.length
    return {
      kind: 'suffix',
      match(value: string, start = 0, end: number = value.length): boolean {
        return end - start >= n && value.endsWith(suffix, end)
      },
    }
  }
  if (p.length === 3 && p0 === ANY_SEQUENCE && typeof p1 === 'string' && p2 === ANY_SEQUENCE) {
    const middle = p1
    const n = middle.length
    return {
      kind: 'contains',
      match(value: string, start = 0, end: number = value.length): boolean {
        // The left-most occurrence at or after `start` is the one most likely to fit before `end`.
        const hit = value.indexOf(middle, start)
        return hit >= 0 && hit + n <= end
      },
    }
  }
  return compileGeneral(p)
}

/** Builds the matcher of a wildcard-free pattern. */
function exactMatcher(literal: string): GlobMatcher {
  const n = literal.length
  return {
    kind: 'exact',
    match(value: string, start?: number, end?: number): boolean {
      if (start === undefined && end === undefined) return value === literal
      const s = start ?? 0
      const e = end ?? value.length
      return e - s === n && value.startsWith(literal, s)
    },
  }
}

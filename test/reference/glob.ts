// Reference evaluator — glob matching (naive, independent of src/).
//
// A pattern is a list of units. A unit is either the wildcard `*` (any sequence of UTF-16 code
// units, possibly empty), the wildcard `?` (exactly one UTF-16 code unit, C15), or one literal
// UTF-16 code unit. Keeping substituted text as literal units is how R119/R120 ("substituted
// text is never a wildcard") are implemented.

export type Unit = { t: 'star' } | { t: 'one' } | { t: 'lit'; c: string }

export const STAR: Unit = { t: 'star' }
export const ONE: Unit = { t: 'one' }

/** Literal units for every UTF-16 code unit of `text` (no wildcards). */
export function literalUnits(text: string): Unit[] {
  const out: Unit[] = []
  for (let i = 0; i < text.length; i++) out.push({ t: 'lit', c: text.charAt(i) })
  return out
}

/** Units for `text` where `*` and `?` are wildcards and everything else is literal. */
export function wildcardUnits(text: string): Unit[] {
  const out: Unit[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (c === '*') out.push(STAR)
    else if (c === '?') out.push(ONE)
    else out.push({ t: 'lit', c })
  }
  return out
}

/** The text a list of units spells when every unit is read literally (`*`/`?` as themselves). */
export function unitsToText(units: Unit[]): string {
  let s = ''
  for (const u of units) s += u.t === 'star' ? '*' : u.t === 'one' ? '?' : u.c
  return s
}

/** True when no unit is a wildcard. */
export function isAllLiteral(units: Unit[]): boolean {
  return units.every((u) => u.t === 'lit')
}

/**
 * Anchored glob match of `units` against the whole of `value` (R59, R67, R87).
 * Plain dynamic programming over (pattern position, value position): O(|units| * |value|).
 */
export function globMatch(units: Unit[], value: string): boolean {
  const n = units.length
  const m = value.length
  // next[j] = does units[i+1..] match value[j..]; cur[j] = does units[i..] match value[j..]
  let next: boolean[] = new Array<boolean>(m + 1).fill(false)
  next[m] = true // empty pattern matches only the empty rest
  for (let i = n - 1; i >= 0; i--) {
    const u = units[i] as Unit
    const cur: boolean[] = new Array<boolean>(m + 1).fill(false)
    for (let j = m; j >= 0; j--) {
      if (u.t === 'star') {
        // `*` matches empty (next[j]) or one more code unit (cur[j+1])
        cur[j] = next[j] === true || (j < m && cur[j + 1] === true)
      } else if (j < m) {
        const ok = u.t === 'one' || u.c === value.charAt(j)
        cur[j] = ok && next[j + 1] === true
      }
    }
    next = cur
  }
  return next[0] === true
}

import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import {
  ANY_CHARACTER,
  ANY_SEQUENCE,
  compileGlob,
  hasWildcard,
  matchGlobParts,
  normalizeGlob,
  parseGlob,
  type GlobPart,
} from '../../src/match/wildcard.js'

/** Reference: expand parts into atoms and run the textbook O(n·m) dynamic programme. */
function referenceMatch(parts: readonly GlobPart[], value: string): boolean {
  type Atom = { kind: 'lit'; ch: number } | { kind: 'star' } | { kind: 'one' }
  const atoms: Atom[] = []
  for (const p of parts) {
    if (p === ANY_SEQUENCE) atoms.push({ kind: 'star' })
    else if (p === ANY_CHARACTER) atoms.push({ kind: 'one' })
    else for (let i = 0; i < p.length; i++) atoms.push({ kind: 'lit', ch: p.charCodeAt(i) })
  }
  const n = value.length
  // row[j] = atoms[0..i) match value[0..j)
  let row: boolean[] = new Array<boolean>(n + 1).fill(false)
  row[0] = true
  for (const atom of atoms) {
    const next: boolean[] = new Array<boolean>(n + 1).fill(false)
    if (atom.kind === 'star') {
      let any = false
      for (let j = 0; j <= n; j++) {
        any = any || (row[j] ?? false)
        next[j] = any
      }
    } else {
      for (let j = 1; j <= n; j++) {
        next[j] = (row[j - 1] ?? false) && (atom.kind === 'one' || value.charCodeAt(j - 1) === atom.ch)
      }
    }
    row = next
  }
  return row[n] ?? false
}

const S = ANY_SEQUENCE
const Q = ANY_CHARACTER

const char = fc.constantFrom('a', 'b', '*', '?', ':', '/')
const literal = fc.string({ unit: char, minLength: 0, maxLength: 3 })
const part: fc.Arbitrary<GlobPart> = fc.oneof(
  { weight: 3, arbitrary: literal },
  { weight: 2, arbitrary: fc.constant<GlobPart>(S) },
  { weight: 1, arbitrary: fc.constant<GlobPart>(Q) },
)
const partsArb = fc.array(part, { maxLength: 7 })
const valueArb = fc.string({ unit: char, maxLength: 12 })

describe('parseGlob', () => {
  it('turns every * and ? into a wildcard and merges stars and literals', () => {
    expect(parseGlob('')).toEqual([])
    expect(parseGlob('abc')).toEqual(['abc'])
    expect(parseGlob('*')).toEqual([S])
    expect(parseGlob('***')).toEqual([S])
    expect(parseGlob('a**b')).toEqual(['a', S, 'b'])
    expect(parseGlob('a?b')).toEqual(['a', Q, 'b'])
    expect(parseGlob('??')).toEqual([Q, Q])
    expect(parseGlob('*?*')).toEqual([S, Q, S])
    expect(parseGlob('iam:*AccessKey*')).toEqual(['iam:', S, 'AccessKey', S])
  })

  it('agrees with the reference when every character of the string is a wildcard', () => {
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 8 }), valueArb, (pattern, value) => {
        const atoms: GlobPart[] = [...pattern].map((c) => (c === '*' ? S : c === '?' ? Q : c))
        expect(compileGlob(parseGlob(pattern)).match(value)).toBe(referenceMatch(atoms, value))
      }),
      { numRuns: 20_000 },
    )
  })
})

describe('normalizeGlob / hasWildcard', () => {
  it('merges literals, drops empties, merges stars', () => {
    expect(normalizeGlob(['a', '', 'b', S, S, '', S, Q, 'c', 'd'])).toEqual(['ab', S, Q, 'cd'])
    expect(normalizeGlob(['', ''])).toEqual([])
    expect(hasWildcard(['a*', '?'])).toBe(false)
    expect(hasWildcard(['a', Q])).toBe(true)
  })
})

describe('compileGlob fast paths', () => {
  it('exact', () => {
    const m = compileGlob(['abc'])
    expect(m.kind).toBe('exact')
    expect(m.match('abc')).toBe(true)
    expect(m.match('abcd')).toBe(false)
    expect(m.match('ab')).toBe(false)
    expect(m.match('xabcx', 1, 4)).toBe(true)
    expect(m.match('xabcx', 1, 5)).toBe(false)
    expect(m.match('xabcx', 1)).toBe(false)
    const empty = compileGlob([])
    expect(empty.kind).toBe('exact')
    expect(empty.match('')).toBe(true)
    expect(empty.match('a')).toBe(false)
    expect(empty.match('abc', 2, 2)).toBe(true)
    // Literal wildcards characters are plain text.
    expect(compileGlob(['a*']).match('a*')).toBe(true)
    expect(compileGlob(['a*']).match('ab')).toBe(false)
    expect(compileGlob(['a', '', 'b']).kind).toBe('exact')
  })

  it('prefix', () => {
    const m = compileGlob(['s3:', S])
    expect(m.kind).toBe('prefix')
    expect(m.match('s3:GetObject')).toBe(true)
    expect(m.match('s3:')).toBe(true)
    expect(m.match('s3')).toBe(false)
    expect(m.match('ec2:Run')).toBe(false)
    expect(m.match('xs3:ab', 1, 4)).toBe(true)
    expect(m.match('xs3:ab', 1, 3)).toBe(false)
  })

  it('suffix', () => {
    const m = compileGlob([S, '.jpg'])
    expect(m.kind).toBe('suffix')
    expect(m.match('a.jpg')).toBe(true)
    expect(m.match('.jpg')).toBe(true)
    expect(m.match('a.jpgx')).toBe(false)
    expect(m.match('a.jpgx', 0, 5)).toBe(true)
    expect(m.match('a.jpgx', 2, 5)).toBe(false)
  })

  it('contains', () => {
    const m = compileGlob([S, 'AccessKey', S])
    expect(m.kind).toBe('contains')
    expect(m.match('iam:CreateAccessKey')).toBe(true)
    expect(m.match('iam:ListAccessKeys')).toBe(true)
    expect(m.match('AccessKey')).toBe(true)
    expect(m.match('iam:ListUsers')).toBe(false)
    expect(m.match('xxAccessKeyxx', 2, 11)).toBe(true)
    expect(m.match('xxAccessKeyxx', 3, 11)).toBe(false)
    expect(m.match('xxAccessKeyxx', 2, 10)).toBe(false)
  })

  it('any', () => {
    const m = compileGlob([S])
    expect(m.kind).toBe('any')
    expect(m.match('')).toBe(true)
    expect(m.match('anything:at/all')).toBe(true)
    expect(compileGlob(['', S, S, '']).kind).toBe('any')
  })

  it('general', () => {
    const m = compileGlob(parseGlob('iam:*Access?ey*'))
    expect(m.kind).toBe('general')
    expect(m.match('iam:CreateAccessKey')).toBe(true)
    expect(m.match('iam:CreateAccessKeys')).toBe(true)
    expect(m.match('iam:CreateAccesKey')).toBe(false)
    expect(compileGlob([Q, Q]).kind).toBe('general')
    expect(compileGlob([Q, Q]).match('ab')).toBe(true)
    expect(compileGlob([Q, Q]).match('a')).toBe(false)
    expect(compileGlob([Q, Q]).match('abc')).toBe(false)
    // `?` is one UTF-16 code unit (C15): an astral character is two.
    expect(compileGlob([Q]).match('😀')).toBe(false)
    expect(compileGlob([Q, Q]).match('😀')).toBe(true)
    // Prefix and suffix must not overlap.
    expect(compileGlob(['ab', S, 'ba']).match('aba')).toBe(false)
    expect(compileGlob(['ab', S, 'ba']).match('abba')).toBe(true)
    expect(compileGlob(parseGlob('a*b*c')).match('xabcx', 1, 4)).toBe(true)
    expect(compileGlob(parseGlob('a*b*c')).match('xabcx', 1, 5)).toBe(false)
    // A middle segment found after the range end means no match.
    expect(compileGlob(parseGlob('*b*c')).match('aacb', 0, 3)).toBe(false)
  })
})

describe('matchGlobParts and compileGlob agree with the reference', () => {
  it('on random patterns and values (100,000 pairs)', () => {
    fc.assert(
      fc.property(partsArb, valueArb, (parts, value) => {
        const expected = referenceMatch(parts, value)
        expect(matchGlobParts(parts, value)).toBe(expected)
        expect(compileGlob(parts).match(value)).toBe(expected)
      }),
      { numRuns: 100_000 },
    )
  })

  it('on sub-ranges of a longer string', () => {
    fc.assert(
      fc.property(partsArb, valueArb, valueArb, valueArb, (parts, before, value, after) => {
        const host = before + value + after
        const start = before.length
        const end = start + value.length
        const expected = referenceMatch(parts, value)
        expect(matchGlobParts(parts, host, start, end)).toBe(expected)
        expect(compileGlob(parts).match(host, start, end)).toBe(expected)
      }),
      { numRuns: 30_000 },
    )
  })

  it('with every fast-path shape', () => {
    const lit = fc.string({ unit: char, minLength: 1, maxLength: 4 })
    const shapes = fc.oneof(
      lit.map((a): GlobPart[] => [a]),
      lit.map((a): GlobPart[] => [a, S]),
      lit.map((a): GlobPart[] => [S, a]),
      lit.map((a): GlobPart[] => [S, a, S]),
      fc.constant<GlobPart[]>([S]),
    )
    fc.assert(
      fc.property(shapes, valueArb, valueArb, valueArb, (parts, before, value, after) => {
        const host = before + value + after
        const expected = referenceMatch(parts, value)
        expect(compileGlob(parts).match(value)).toBe(expected)
        expect(compileGlob(parts).match(host, before.length, before.length + value.length)).toBe(expected)
      }),
      { numRuns: 20_000 },
    )
  })
})

describe('pathological patterns stay polynomial', () => {
  const big = 'a'.repeat(100_000)
  const stars = (n: number, last: string): string => `${'*a'.repeat(n)}*${last}`

  it('*a*a*...*b against 100 KB of a', () => {
    const pattern = parseGlob(stars(100, 'b'))
    expect(compileGlob(pattern).match(big)).toBe(false)
    expect(matchGlobParts(pattern, big)).toBe(false)
    expect(compileGlob(pattern).match(`${big}b`)).toBe(true)
    expect(matchGlobParts(pattern, `${big}b`)).toBe(true)
  })

  it('*a*a*...*b* (middle b never found) against 100 KB of a', () => {
    const pattern = parseGlob(`${stars(100, 'b')}*`)
    expect(compileGlob(pattern).match(big)).toBe(false)
    expect(matchGlobParts(pattern, big)).toBe(false)
  })

  it('segments with ? against 100 KB of a', () => {
    const pattern = parseGlob(`${'*a?a'.repeat(50)}*?b*`)
    expect(compileGlob(pattern).match(big)).toBe(false)
    expect(matchGlobParts(pattern, big)).toBe(false)
    expect(compileGlob(pattern).match(`${big}xb`)).toBe(true)
    expect(matchGlobParts(pattern, `${big}xb`)).toBe(true)
  })
})

import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { ANY_CHARACTER, ANY_SEQUENCE, parseGlob, type GlobPart } from '../../src/match/wildcard.js'
import {
  compileArnPattern,
  isArnLike,
  matchArnCondition,
  matchArnConditionParts,
  matchArnParts,
  matchResource,
  matchResourceParts,
} from '../../src/match/arn.js'

const S = ANY_SEQUENCE
const Q = ANY_CHARACTER

type Atom = string | typeof S | typeof Q // one-character literal or a wildcard

/** Reference glob: recursive with memo, over atoms. */
function globAtoms(atoms: readonly Atom[], value: string): boolean {
  const memo = new Map<number, boolean>()
  const go = (i: number, j: number): boolean => {
    const key = i * 10_000 + j
    const cached = memo.get(key)
    if (cached !== undefined) return cached
    let result: boolean
    if (i === atoms.length) result = j === value.length
    else if (atoms[i] === S) result = go(i + 1, j) || (j < value.length && go(i, j + 1))
    else if (atoms[i] === Q) result = j < value.length && go(i + 1, j + 1)
    else result = j < value.length && value[j] === atoms[i] && go(i + 1, j + 1)
    memo.set(key, result)
    return result
  }
  return go(0, 0)
}

function toAtoms(parts: readonly GlobPart[]): Atom[] {
  const atoms: Atom[] = []
  for (const p of parts) {
    if (typeof p === 'string') atoms.push(...p.split(''))
    else atoms.push(p)
  }
  return atoms
}

/** Reference ARN matcher: split both sides into at most six fields, then the rules of R66. */
function referenceArn(parts: readonly GlobPart[], value: string): boolean {
  const fields: Atom[][] = [[]]
  for (const a of toAtoms(parts)) {
    if (a === ':' && fields.length < 6) fields.push([])
    else (fields[fields.length - 1] as Atom[]).push(a)
  }
  const valueFields: string[] = []
  let rest = value
  while (valueFields.length < 5) {
    const i = rest.indexOf(':')
    if (i < 0) break
    valueFields.push(rest.slice(0, i))
    rest = rest.slice(i + 1)
  }
  valueFields.push(rest)
  const k = fields.length
  const v = valueFields.length
  if (k > v) return false
  for (let i = 0; i < k; i++) {
    if (!globAtoms(fields[i] as Atom[], valueFields[i] as string)) return false
  }
  if (k === v) return true
  const last = fields[k - 1] as Atom[]
  return last[last.length - 1] === S
}

function referenceResource(parts: readonly GlobPart[], resource: string): boolean {
  if (resource === '*') {
    const nonEmpty = parts.filter((p) => p !== '')
    return nonEmpty.length > 0 && nonEmpty.every((p) => p === S)
  }
  if (!isArnLike(resource)) return globAtoms(toAtoms(parts), resource)
  return referenceArn(parts, resource)
}

/** All four ways to test an ARN pattern string (every * and ? a wildcard) must agree. */
function arnLike(pattern: string, value: string): boolean {
  const parts = parseGlob(pattern)
  const compiled = matchArnCondition(compileArnPattern(parts), value)
  expect(matchArnConditionParts(parts, value)).toBe(compiled)
  expect(isArnLike(value) && referenceArn(parts, value)).toBe(compiled)
  return compiled
}

function resource(pattern: string, value: string): boolean {
  const parts = parseGlob(pattern)
  const compiled = matchResource(compileArnPattern(parts), value)
  expect(matchResourceParts(parts, value)).toBe(compiled)
  expect(referenceResource(parts, value)).toBe(compiled)
  return compiled
}

describe('isArnLike', () => {
  it('needs the arn: prefix and five colons', () => {
    expect(isArnLike('arn:aws:s3:::bucket')).toBe(true)
    expect(isArnLike('arn:::::')).toBe(true)
    expect(isArnLike('arn::::')).toBe(false)
    expect(isArnLike('arn:aws:s3::bucket')).toBe(false)
    expect(isArnLike('ARN:aws:s3:::bucket')).toBe(false)
    expect(isArnLike('xarn:aws:s3:::bucket')).toBe(false)
    expect(isArnLike('*')).toBe(false)
    expect(isArnLike('')).toBe(false)
  })
})

describe('R66: field-by-field matching', () => {
  it('matches fields with glob semantics', () => {
    expect(arnLike('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/key')).toBe(true)
    expect(arnLike('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket2/key')).toBe(false)
    expect(arnLike('arn:aws:iam::*:role/R', 'arn:aws:iam::111122223333:role/R')).toBe(true)
    expect(arnLike('arn:aws:iam::????????????:role/R', 'arn:aws:iam::111122223333:role/R')).toBe(true)
    expect(arnLike('arn:aws:iam::???????????:role/R', 'arn:aws:iam::111122223333:role/R')).toBe(false)
    expect(arnLike('arn:*:ec2:*:*:instance/*', 'arn:aws-cn:ec2:cn-north-1:111122223333:instance/i-1')).toBe(true)
    expect(arnLike('arn:aws:ec2:us-*-1:*:*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1')).toBe(true)
    expect(arnLike('arn:aws:ec2:us-*-1:*:*', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1')).toBe(false)
  })

  it('keeps further colons in the resource field', () => {
    expect(arnLike('arn:aws:logs:*:*:log-group:*', 'arn:aws:logs:us-east-1:111122223333:log-group:g:log-stream:s')).toBe(true)
    expect(arnLike('arn:aws:logs:*:*:log-group:g', 'arn:aws:logs:us-east-1:111122223333:log-group:g:x')).toBe(false)
    expect(arnLike('arn:aws:logs:*:*:*:x', 'arn:aws:logs:us-east-1:111122223333:a:b:x')).toBe(true)
  })

  it('does not let * leave the region field (documented counter-example)', () => {
    const pattern = 'arn:aws:someservice:*:111122223333:finance/*'
    const value = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt'
    expect(arnLike(pattern, value)).toBe(false)
    expect(resource(pattern, value)).toBe(false)
    // ...while the plain glob (StringLike) of the same strings matches.
    expect(compileArnPattern(parseGlob(pattern)).glob.match(value)).toBe(true)
    expect(arnLike(pattern, 'arn:aws:someservice:us-east-2:111122223333:finance/document.txt')).toBe(true)
  })

  it('is case-sensitive in every field (R68)', () => {
    expect(arnLike('arn:aws:iam::111122223333:user/Bob', 'arn:aws:iam::111122223333:user/bob')).toBe(false)
    expect(arnLike('arn:aws:S3:::b', 'arn:aws:s3:::b')).toBe(false)
    expect(arnLike('ARN:aws:s3:::b', 'arn:aws:s3:::b')).toBe(false)
  })

  it('exact patterns are string equality', () => {
    const m = compileArnPattern(parseGlob('arn:aws:s3:::bucket'))
    expect(m.match('arn:aws:s3:::bucket')).toBe(true)
    expect(m.match('arn:aws:s3:::bucket/x')).toBe(false)
    expect(m.match('arn:aws:s3:::bucke')).toBe(false)
  })
})

describe('R66: patterns with fewer than six fields', () => {
  it('lets only a trailing * of the last field absorb the remaining fields', () => {
    expect(arnLike('arn:aws:s3*', 'arn:aws:s3:::bucket/key')).toBe(true)
    expect(arnLike('arn:aws:*', 'arn:aws:s3:::bucket/key')).toBe(true)
    expect(arnLike('arn:*', 'arn:aws:s3:::bucket/key')).toBe(true)
    expect(arnLike('arn:aws:s3', 'arn:aws:s3:::bucket/key')).toBe(false)
    expect(arnLike('arn:aws:s3:', 'arn:aws:s3:::bucket/key')).toBe(false)
    expect(arnLike('arn:aws:s?', 'arn:aws:s3:::bucket/key')).toBe(false)
    expect(arnLike('arn:aws:iam::1111*', 'arn:aws:iam::111122223333:user/x')).toBe(true)
    expect(arnLike('arn:aws:iam::2222*', 'arn:aws:iam::111122223333:user/x')).toBe(false)
    // The last field itself must still match its own value field.
    expect(arnLike('arn:aws:ec2*', 'arn:aws:s3:::bucket')).toBe(false)
    expect(arnLike('arn:aws:s3*', 'arn:aws:s3x:::bucket')).toBe(true)
    // Other stars of the last field stay inside it.
    expect(arnLike('arn:aws:*3*', 'arn:aws:s3:::b')).toBe(true)
    expect(arnLike('arn:aws:*b*', 'arn:aws:s3:::b')).toBe(false)
    expect(arnLike('arn:aws:*x', 'arn:aws:s3:::x')).toBe(false)
    // Earlier fields never absorb anything.
    expect(arnLike('arn:*:s3:*', 'arn:aws:x:s3:::b')).toBe(false)
  })

  it('a literal * (e.g. from ${*}) is not a trailing wildcard', () => {
    const parts: GlobPart[] = ['arn:aws:', '*']
    expect(matchArnCondition(compileArnPattern(parts), 'arn:aws:s3:::b')).toBe(false)
    expect(matchArnConditionParts(parts, 'arn:aws:s3:::b')).toBe(false)
    expect(matchArnCondition(compileArnPattern(parts), 'arn:aws:*:::b')).toBe(false)
    const full: GlobPart[] = ['arn:aws:s3:::', '*']
    expect(matchArnCondition(compileArnPattern(full), 'arn:aws:s3:::*')).toBe(true)
    expect(matchArnCondition(compileArnPattern(full), 'arn:aws:s3:::b')).toBe(false)
  })

  it('colons inside substituted literal parts separate fields', () => {
    const parts: GlobPart[] = ['arn:aws:', 's3:us-east-1', ':', S, ':', 'b/', S]
    expect(matchArnParts(parts, 'arn:aws:s3:us-east-1:1:b/x')).toBe(true)
    expect(compileArnPattern(parts).match('arn:aws:s3:us-east-1:1:b/x')).toBe(true)
    expect(compileArnPattern(parts).fieldCount).toBe(6)
    expect(matchArnParts(parts, 'arn:aws:s3:us-east-1:1:2:b/x')).toBe(false)
  })
})

describe('R67: the resource field ignores /', () => {
  const pattern = 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*'
  const bucket = 'arn:aws:s3:::DOC-EXAMPLE-BUCKET'
  it.each([
    '/1/test/object.jpg',
    '/1/2/test/object.jpg',
    '/1/2/test/3/object.jpg',
    '/1/2/3/test/4/object.jpg',
    '/1///test///object.jpg',
    '/1/test/.jpg',
    '//test/object.jpg',
    '/1/test/',
  ])('matches %s', (key) => {
    expect(resource(pattern, bucket + key)).toBe(true)
    expect(arnLike(pattern, bucket + key)).toBe(true)
  })
  it.each(['/1-test/object.jpg', '/test/object.jpg', '/1/2/test.jpg'])('does not match %s', (key) => {
    expect(resource(pattern, bucket + key)).toBe(false)
    expect(arnLike(pattern, bucket + key)).toBe(false)
  })
})

describe('R65: Resource element semantics', () => {
  it('request * is matched only by the pattern *', () => {
    expect(resource('*', '*')).toBe(true)
    expect(resource('**', '*')).toBe(true)
    expect(resource('arn:aws:s3:::*', '*')).toBe(false)
    expect(resource('?', '*')).toBe(false)
    expect(resource('*:*', '*')).toBe(false)
    expect(matchResource(compileArnPattern(['*']), '*')).toBe(false)
    expect(matchResourceParts(['*'], '*')).toBe(false)
    expect(matchResourceParts(['', S, ''], '*')).toBe(true)
  })

  it('the pattern * matches every resource', () => {
    expect(resource('*', 'arn:aws:s3:::b/k')).toBe(true)
    expect(resource('*', 'not-an-arn')).toBe(true)
    expect(resource('*', '')).toBe(true)
  })

  it('non-ARN request resources are compared with the whole pattern by plain glob', () => {
    expect(resource('foo*', 'foobar')).toBe(true)
    expect(resource('foo:*', 'foo:a:b')).toBe(true)
    expect(resource('arn:aws:s3:::b', 'arn:aws:s3::b')).toBe(false)
    expect(resource('arn:aws:s3:*', 'arn:aws:s3::b')).toBe(true)
    expect(resource('arn:aws:s3:::*', 'bucket')).toBe(false)
  })

  it('ARN request resources use field matching', () => {
    expect(resource('arn:aws:s3:::*', 'arn:aws:s3:::b/k')).toBe(true)
    expect(resource('arn:aws:s3:::*', 'arn:aws:ec2:::b/k')).toBe(false)
    expect(resource('arn:aws:iam::111122223333:user/*', 'arn:aws:iam::111122223333:user/alice')).toBe(true)
  })
})

describe('R95: ARN condition operators', () => {
  it('a value that is not ARN-like never matches', () => {
    expect(arnLike('*', 'not-an-arn')).toBe(false)
    expect(arnLike('*', '*')).toBe(false)
    expect(arnLike('arn:*', 'arn:aws:s3')).toBe(false)
    expect(arnLike('*', 'arn:aws:s3:::b')).toBe(true)
  })
})

describe('differential properties against the field-splitting reference', () => {
  const char = fc.constantFrom('a', 'b', ':', '/', '*', '?')
  const literal = fc.string({ unit: char, maxLength: 4 })
  const part: fc.Arbitrary<GlobPart> = fc.oneof(
    { weight: 4, arbitrary: literal },
    { weight: 2, arbitrary: fc.constant<GlobPart>(S) },
    { weight: 1, arbitrary: fc.constant<GlobPart>(Q) },
  )
  const valueArb = fc.oneof(
    fc.string({ unit: char, maxLength: 14 }),
    fc.string({ unit: char, maxLength: 10 }).map((s) => `arn:${s}`),
    fc
      .tuple(...Array.from({ length: 6 }, () => fc.string({ unit: fc.constantFrom('a', 'b', '/', '*'), maxLength: 2 })))
      .map((f) => f.join(':')),
  )
  const patternArb = fc.oneof(
    fc.array(part, { maxLength: 8 }),
    // Patterns with literal leading fields exercise the prefix fast path.
    fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.array(part, { maxLength: 4 }))
      .map(([n, tail]): GlobPart[] => [`${'a:'.repeat(n)}`, ...tail]),
  )

  it('compiled, uncompiled and reference ARN matching agree', () => {
    fc.assert(
      fc.property(patternArb, valueArb, (parts, value) => {
        const expected = referenceArn(parts, value)
        expect(compileArnPattern(parts).match(value)).toBe(expected)
        expect(matchArnParts(parts, value)).toBe(expected)
      }),
      { numRuns: 100_000 },
    )
  })

  it('Resource and condition wrappers agree with the reference', () => {
    fc.assert(
      fc.property(patternArb, fc.oneof(valueArb, fc.constant('*')), (parts, value) => {
        const m = compileArnPattern(parts)
        expect(matchResource(m, value)).toBe(referenceResource(parts, value))
        expect(matchResourceParts(parts, value)).toBe(referenceResource(parts, value))
        const cond = isArnLike(value) && referenceArn(parts, value)
        expect(matchArnCondition(m, value)).toBe(cond)
        expect(matchArnConditionParts(parts, value)).toBe(cond)
      }),
      { numRuns: 30_000 },
    )
  })
})

describe('pathological inputs stay polynomial', () => {
  const head = 'arn:aws:s3:::'
  const big = 'a'.repeat(100_000)
  it('many stars in the resource field against a 100 KB resource', () => {
    const parts = parseGlob(`${head}${'*a'.repeat(100)}*b`)
    const m = compileArnPattern(parts)
    expect(matchArnCondition(m, head + big)).toBe(false)
    expect(matchArnConditionParts(parts, head + big)).toBe(false)
    expect(matchArnCondition(m, `${head}${big}b`)).toBe(true)
    expect(matchArnConditionParts(parts, `${head}${big}b`)).toBe(true)
  })

  it('stars in every field against 100 KB fields', () => {
    const parts = parseGlob(`arn:*a*a*:*a*b*:*:*a?a*:${'*a'.repeat(50)}*b`)
    const value = `arn:${big}:${big}:x:${big}:${big}`
    expect(compileArnPattern(parts).match(value)).toBe(false)
    expect(matchArnParts(parts, value)).toBe(false)
    const good = `arn:${big}:${big}b:x:${big}:${big}b`
    expect(compileArnPattern(parts).match(good)).toBe(true)
    expect(matchArnParts(parts, good)).toBe(true)
  })
})

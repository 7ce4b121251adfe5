import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { compareDecimal, parseDecimal, type Decimal } from '../../../src/conditions/values/number.js'

/** Reference: the exact value as a fraction n / 10^k with BigInt (small exponents only). */
function exact(text: string): { n: bigint; k: bigint } {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text)
  if (!m) throw new Error(`bad reference input ${text}`)
  const [, sign = '', int = '', frac = '', exp = '0'] = m
  let n = BigInt(`${int}${frac}` || '0')
  if (sign === '-') n = -n
  let k = BigInt(frac.length) - BigInt(exp)
  if (k < 0n) {
    n *= 10n ** -k
    k = 0n
  }
  return { n, k }
}

function referenceCompare(a: string, b: string): -1 | 0 | 1 {
  const x = exact(a)
  const y = exact(b)
  const k = x.k > y.k ? x.k : y.k
  const l = x.n * 10n ** (k - x.k)
  const r = y.n * 10n ** (k - y.k)
  return l < r ? -1 : l > r ? 1 : 0
}

function parse(value: string | number): Decimal {
  const d = parseDecimal(value)
  if (d === undefined) throw new Error(`expected ${String(value)} to parse`)
  return d
}

function cmp(a: string | number, b: string | number): -1 | 0 | 1 {
  return compareDecimal(parse(a), parse(b))
}

const digits = (max: number) => fc.string({ unit: fc.constantFrom('0', '0', '1', '5', '9'), maxLength: max })
const decimalText = fc
  .record({
    sign: fc.constantFrom('', '+', '-'),
    int: digits(20),
    dot: fc.boolean(),
    frac: digits(20),
    exp: fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 40 }), fc.nat(3)), {
      nil: undefined,
    }),
  })
  .filter(({ int, dot, frac }) => int.length > 0 || (dot && frac.length > 0))
  .map(({ sign, int, dot, frac, exp }) => {
    const mantissa = dot ? `${int}.${frac}` : int
    const e = exp === undefined ? '' : `${exp[0]}${exp[1]}${'0'.repeat(exp[3])}${exp[2]}`
    return `${sign}${mantissa}${e}`
  })

/** Rewrites a decimal into another spelling of the same value, or a close neighbour. */
const relatedTo = (text: string): fc.Arbitrary<string> =>
  fc.tuple(fc.nat(5), fc.integer({ min: -3, max: 3 })).map(([how, shift]) => {
    const { n, k } = exact(text)
    const abs = (n < 0n ? -n : n).toString().padStart(Number(k) + 1, '0')
    const sign = n < 0n ? '-' : ''
    const point = abs.length - Number(k)
    const plain = `${sign}${abs.slice(0, point)}.${abs.slice(point)}`
    switch (how) {
      case 0:
        return `${plain}000`
      case 1:
        return `${sign}00${abs}e-${k}`
      case 2:
        return `${sign}${abs}e${shift - Number(k)}`
      case 3:
        return `${sign}${abs}1e-${Number(k) + 5}`
      case 4:
        return `${plain}`.replace(/^(-?)/, '$1000')
      default:
        return text.replace(/^[+]/, '')
    }
  })
const pair = decimalText.chain((a) => relatedTo(a).map((b): [string, string] => [a, b]))

describe('parseDecimal', () => {
  it('accepts the C9 syntax', () => {
    for (const ok of ['0', '-0', '+0', '10', '1.', '.5', '-.5', '1.50', '1e5', '1E5', '1e+5', '1e-5', '007', '0.000', '+1.5e-3']) {
      expect(parseDecimal(ok), ok).toBeDefined()
    }
  })

  it('rejects everything else', () => {
    for (const bad of [
      '',
      '+',
      '-',
      '.',
      '-.',
      'e5',
      '.e5',
      '1e',
      '1e+',
      '1e-',
      '1.2.3',
      ' 1',
      '1 ',
      '1\n',
      '0x10',
      'Infinity',
      '-Infinity',
      'NaN',
      '1_000',
      '1,5',
      '١',
      '１',
      '--1',
      '+-1',
      '1e5.5',
      '1ee5',
      'true',
    ]) {
      expect(parseDecimal(bad), JSON.stringify(bad)).toBeUndefined()
    }
  })

  it('rejects non-finite numbers and non-numbers', () => {
    expect(parseDecimal(Number.NaN)).toBeUndefined()
    expect(parseDecimal(Number.POSITIVE_INFINITY)).toBeUndefined()
    expect(parseDecimal(Number.NEGATIVE_INFINITY)).toBeUndefined()
    expect(parseDecimal(true as unknown as number)).toBeUndefined()
    expect(parseDecimal(false as unknown as number)).toBeUndefined()
    expect(parseDecimal(null as unknown as number)).toBeUndefined()
  })

  it('normalises', () => {
    expect(parseDecimal('00123.4500')).toMatchObject({ sign: 1, digits: '12345', exponent: 3 })
    expect(parseDecimal('-0.00120')).toMatchObject({ sign: -1, digits: '12', exponent: -2 })
    expect(parseDecimal('1200')).toMatchObject({ sign: 1, digits: '12', exponent: 4 })
    expect(parseDecimal('-0.0e7')).toMatchObject({ sign: 0, digits: '' })
  })
})

describe('compareDecimal', () => {
  it('compares exactly', () => {
    expect(cmp('0.1', '0.10')).toBe(0)
    expect(cmp('9007199254740993', '9007199254740992')).toBe(1)
    expect(cmp('9007199254740992', '9007199254740993')).toBe(-1)
    expect(cmp('-9007199254740993', '-9007199254740992')).toBe(-1)
    expect(cmp('0.30000000000000000001', '0.3')).toBe(1)
    expect(cmp('1e2', '100')).toBe(0)
    expect(cmp('10', '9')).toBe(1)
    expect(cmp('-10', '9')).toBe(-1)
    expect(cmp('-10', '-9')).toBe(-1)
    expect(cmp('+5', '5.000e0')).toBe(0)
  })

  it('treats -0 as 0', () => {
    expect(cmp('-0', '0')).toBe(0)
    expect(cmp(-0, 0)).toBe(0)
    expect(cmp('-0.0e-9', 0)).toBe(0)
    expect(cmp('-1e-999999999', '0')).toBe(-1)
    expect(cmp('1e-999999999', '-0')).toBe(1)
  })

  it('reads JSON numbers as their shortest text', () => {
    expect(cmp(0.1, '0.1')).toBe(0)
    expect(cmp(1e21, '1000000000000000000000')).toBe(0)
    expect(cmp(5e-324, '5e-324')).toBe(0)
    expect(cmp(-1.5, '-1.50')).toBe(0)
    expect(cmp(10, '10')).toBe(0)
    expect(cmp(0.1, '0.1000000000000000055511151231257827')).toBe(-1)
  })

  it('handles huge exponents without materialising them', () => {
    expect(cmp('1e999999999', '1e999999998')).toBe(1)
    expect(cmp('1e999999999', '10e999999998')).toBe(0)
    expect(cmp('2e999999999', '1e999999999')).toBe(1)
    expect(cmp('-1e999999999', '1e999999999')).toBe(-1)
    expect(cmp('-2e999999999', '-1e999999999')).toBe(-1)
    expect(cmp('1e-999999999', '1e-999999998')).toBe(-1)
    expect(cmp('1e-999999999', '0')).toBe(1)
    expect(cmp('1e99999999999999999999999', '1e99999999999999999999998')).toBe(1)
    expect(cmp('1e99999999999999999999999', '10e99999999999999999999998')).toBe(0)
    expect(cmp('1e-99999999999999999999999', '1e-99999999999999999999998')).toBe(-1)
    expect(cmp('1e99999999999999999999999', '1e999999999')).toBe(1)
    // The same exponent reached as a number on one side and as a bigint on the other.
    expect(cmp('1e999999999999999', '.1e1000000000000000')).toBe(0)
    expect(cmp('1e999999999999999', '.2e1000000000000000')).toBe(-1)
  })

  it('agrees with a BigInt reference on random decimals', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(decimalText, decimalText), pair), ([a, b]) => {
        expect(cmp(a, b)).toBe(referenceCompare(a, b))
        expect(cmp(b, a)).toBe(referenceCompare(b, a))
      }),
      { numRuns: 30_000 },
    )
  })

  it('agrees with a BigInt reference on spellings of the same or neighbouring values', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(cmp(a, b)).toBe(referenceCompare(a, b))
      }),
      { numRuns: 10_000 },
    )
    fc.assert(
      fc.property(decimalText, fc.nat(3), (a, how) => {
        const { n, k } = exact(a)
        const b = how === 0 ? `${n}e-${k}` : how === 1 ? `${n}0e-${k + 1n}` : how === 2 ? `${n + 1n}e-${k}` : `${n - 1n}e-${k}`
        expect(cmp(a, b)).toBe(referenceCompare(a, b))
      }),
      { numRuns: 10_000 },
    )
  })

  it('numbers agree with their text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (x, y) => {
        const expected = x < y ? -1 : x > y ? 1 : 0
        expect(cmp(x, y)).toBe(expected)
        expect(cmp(x, String(x))).toBe(0)
      }),
      { numRuns: 10_000 },
    )
  })
})

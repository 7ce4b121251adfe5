/**
 * Numeric condition values (R90, R108, C9): parsing the accepted decimal syntax and comparing
 * two values exactly, without rounding and without ever materialising their magnitude (so
 * `1e999999999` costs no more than `1e9`).
 */

/**
 * A parsed decimal number.
 *
 * The exact value is `sign × 0.digits × 10^exponent`, with `digits` free of leading and trailing
 * zeros (zero is `sign` 0, `digits` ''). `approx` is the nearest double, used for a fast first
 * comparison.
 */
export interface Decimal {
  /** The nearest IEEE double (may be ±Infinity or ±0 for huge or tiny exponents). */
  readonly approx: number
  /** -1, 0 or 1. */
  readonly sign: -1 | 0 | 1
  /** Significant digits, first and last non-zero ('' for zero). */
  readonly digits: string
  /**
   * Decimal exponent of the digits read as a fraction `0.digits`. A `bigint` only when the
   * written exponent does not fit a safe integer (JavaScript compares number and bigint exactly).
   */
  readonly exponent: number | bigint
}

const ZERO_CODE = 48

/** Exponents with more significant digits than this are carried as bigint to stay exact. */
const MAX_SAFE_EXPONENT_DIGITS = 15

/**
 * Parses a numeric condition value (C9): a string matching
 * `^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$`, or a finite number (read as its shortest
 * round-trip text, so `0.1` is the decimal 0.1). Booleans and everything else are rejected.
 *
 * @param value - The policy or request value.
 * @returns The decimal, or `undefined` when the value is not a number.
 */
export function parseDecimal(value: string | number): Decimal | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined
    if (value === 0) return ZERO
    return parseText(String(value), value)
  }
  if (typeof value !== 'string') return undefined
  return parseText(value, undefined)
}

const ZERO: Decimal = { approx: 0, sign: 0, digits: '', exponent: 0 }

/** Parses the decimal syntax; `known` is the double when the text came from a number. */
function parseText(text: string, known: number | undefined): Decimal | undefined {
  const n = text.length
  let i = 0
  let negative = false
  const first = text.charCodeAt(0)
  if (first === 43 /* + */ || first === 45 /* - */) {
    negative = first === 45
    i = 1
  }
  // Mantissa: integer digits, optional '.', fraction digits; at least one digit overall.
  const intStart = i
  while (i < n && isDigit(text.charCodeAt(i))) i++
  const intEnd = i
  let fracStart = i
  let fracEnd = i
  if (i < n && text.charCodeAt(i) === 46 /* . */) {
    i++
    fracStart = i
    while (i < n && isDigit(text.charCodeAt(i))) i++
    fracEnd = i
  }
  if (intEnd === intStart && fracEnd === fracStart) return undefined
  // Exponent.
  let exponent: number | bigint = 0
  if (i < n) {
    const e = text.charCodeAt(i)
    if (e !== 101 /* e */ && e !== 69 /* E */) return undefined
    i++
    let expNegative = false
    const s = text.charCodeAt(i)
    if (s === 43 || s === 45) {
      expNegative = s === 45
      i++
    }
    const expStart = i
    while (i < n && isDigit(text.charCodeAt(i))) i++
    if (i === expStart || i !== n) return undefined
    let significant = expStart
    while (significant < i && text.charCodeAt(significant) === ZERO_CODE) significant++
    if (i - significant > MAX_SAFE_EXPONENT_DIGITS) {
      // Cold path: astronomically large or small exponents stay exact as bigint.
      const big = BigInt(text.slice(significant, i))
      exponent = expNegative ? -big : big
    } else {
      let e10 = 0
      for (let k = significant; k < i; k++) e10 = e10 * 10 + (text.charCodeAt(k) - ZERO_CODE)
      exponent = expNegative ? -e10 : e10
    }
  }

  // Significant digits: skip leading zeros of the integer part, then (if it was all zeros) of
  // the fraction; drop trailing zeros. The decimal point sits after the integer digits.
  let lead = intStart
  while (lead < intEnd && text.charCodeAt(lead) === ZERO_CODE) lead++
  let digits: string
  let pointShift: number
  if (lead < intEnd) {
    let last = fracEnd - 1
    while (last >= fracStart && text.charCodeAt(last) === ZERO_CODE) last--
    if (last >= fracStart) {
      digits = text.slice(lead, intEnd) + text.slice(fracStart, last + 1)
    } else {
      last = intEnd - 1
      while (text.charCodeAt(last) === ZERO_CODE) last--
      digits = text.slice(lead, last + 1)
    }
    pointShift = intEnd - lead
  } else {
    let fracLead = fracStart
    while (fracLead < fracEnd && text.charCodeAt(fracLead) === ZERO_CODE) fracLead++
    if (fracLead === fracEnd) return ZERO
    let last = fracEnd - 1
    while (text.charCodeAt(last) === ZERO_CODE) last--
    digits = text.slice(fracLead, last + 1)
    pointShift = fracStart - fracLead
  }
  const finalExponent = typeof exponent === 'bigint' ? exponent + BigInt(pointShift) : exponent + pointShift
  // Number() rounds to nearest, which is monotone in the exact value: unequal doubles already
  // order the values correctly.
  const approx = known ?? Number(text)
  return { approx, sign: negative ? -1 : 1, digits, exponent: finalExponent }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/**
 * Compares two decimals exactly.
 *
 * @param a - Left operand (the request value in a condition).
 * @param b - Right operand (the policy value).
 * @returns -1 when a < b, 0 when equal (`-0` equals `0`, `0.1` equals `0.10`), 1 when a > b.
 */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  if (a.approx < b.approx) return -1
  if (a.approx > b.approx) return 1
  // Equal doubles: decide on the exact representation.
  if (a.sign !== b.sign) return a.sign < b.sign ? -1 : 1
  if (a.sign === 0) return 0
  const sign = a.sign
  // Same sign, both non-zero and normalised: the larger exponent has the larger magnitude.
  // Relational operators (not `!==`) because they compare a number and a bigint by value.
  if (a.exponent < b.exponent) return -sign as -1 | 1
  if (a.exponent > b.exponent) return sign
  if (a.digits === b.digits) return 0
  // Without trailing zeros, plain string order of the digit strings is the order of 0.digits.
  return a.digits < b.digits ? (-sign as -1 | 1) : sign
}

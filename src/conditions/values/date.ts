/**
 * Date condition values (R91, R109, R110, C10): parsing UNIX epoch seconds and the W3C ISO 8601
 * profiles into epoch milliseconds, with strict field and calendar checks. Comparison is then
 * plain number comparison, done by the caller.
 */

import { parseDecimal } from './number.js'

/** Largest accepted magnitude in epoch milliseconds: the ECMAScript `Date` range (±275,760 years). */
const MAX_MS = 8.64e15
const MAX_SECONDS = MAX_MS / 1000

/**
 * Parses a date condition value (C10) into epoch milliseconds.
 *
 * Accepted:
 * - a JSON number, or a string of ASCII digits with an optional leading `-`: UNIX epoch seconds
 *   (so `"2020"` is 2020 seconds after the epoch, not a year); fractional numbers are floored to
 *   the millisecond;
 * - `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mm`, `YYYY-MM-DDThh:mm:ss`,
 *   `YYYY-MM-DDThh:mm:ss.s+` (one or more fraction digits, truncated to milliseconds), the time
 *   forms optionally followed by `Z` or `+hh:mm` / `-hh:mm` (missing = UTC); upper-case `T`/`Z`
 *   only; partial dates start at 00:00:00 UTC of the first day.
 *
 * Rejected: anything else, impossible calendar dates (`2023-02-29`), hour > 23, minute or second
 * > 59, offset hours > 23 or minutes > 59, and instants outside ±8.64e15 ms.
 *
 * @param value - The policy or request value.
 * @returns Epoch milliseconds (an integer, never `-0`), or `undefined` when not a date.
 */
export function parseDate(value: string | number): number | undefined {
  if (typeof value === 'number') return parseEpochNumber(value)
  if (typeof value !== 'string') return undefined
  const n = value.length
  if (n === 0) return undefined
  const first = value.charCodeAt(0)
  if (first === 45 /* - */ || (isDigit(first) && (n < 5 || value.charCodeAt(4) !== 45))) {
    return parseEpochDigits(value)
  }
  return parseIso(value)
}

/** Epoch seconds as a JSON number. */
function parseEpochNumber(value: number): number | undefined {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_SECONDS) return undefined
  if (Number.isInteger(value)) return value * 1000 + 0
  // Multiplying the double by 1000 would round (1.001 * 1000 = 1000.9999999999999); work on the
  // exact decimal of its shortest text instead and floor it to the millisecond.
  const d = parseDecimal(value)
  if (d === undefined || d.sign === 0 || typeof d.exponent !== 'number') return 0
  const wholeDigits = d.exponent + 3
  let ms = 0
  for (let k = 0; k < wholeDigits; k++) {
    ms = ms * 10 + (k < d.digits.length ? d.digits.charCodeAt(k) - 48 : 0)
  }
  const hasFraction = d.digits.length > Math.max(wholeDigits, 0)
  if (d.sign < 0) ms = -ms - (hasFraction ? 1 : 0)
  return ms + 0
}

/** Epoch seconds written as `-?\d+`. */
function parseEpochDigits(value: string): number | undefined {
  const n = value.length
  let i = value.charCodeAt(0) === 45 ? 1 : 0
  if (i === n) return undefined
  while (i < n && value.charCodeAt(i) === 48) i++
  let seconds = 0
  for (; i < n; i++) {
    const c = value.charCodeAt(i)
    if (!isDigit(c)) return undefined
    seconds = seconds * 10 + (c - 48)
    // Stop early so a megabyte of digits is rejected after a few characters.
    if (seconds > MAX_SECONDS) return undefined
  }
  const ms = seconds * 1000
  return value.charCodeAt(0) === 45 ? -ms + 0 : ms
}

/** The W3C ISO 8601 profiles of C10 (not the bare year, which is epoch seconds). */
function parseIso(s: string): number | undefined {
  const n = s.length
  if (n < 7) return undefined
  const year = digits4(s, 0)
  if (year < 0 || s.charCodeAt(4) !== 45) return undefined
  const month = digits2(s, 5)
  if (month < 1 || month > 12) return undefined
  if (n === 7) return daysFromCivil(year, month, 1) * 86_400_000
  if (n < 10 || s.charCodeAt(7) !== 45) return undefined
  const day = digits2(s, 8)
  if (day < 1 || day > daysInMonth(year, month)) return undefined
  const dayMs = daysFromCivil(year, month, day) * 86_400_000
  if (n === 10) return dayMs
  if (n < 16 || s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(13) !== 58 /* : */) return undefined
  const hour = digits2(s, 11)
  const minute = digits2(s, 14)
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined
  let i = 16
  let second = 0
  let millis = 0
  if (i < n && s.charCodeAt(i) === 58) {
    second = digits2(s, i + 1)
    if (second < 0 || second > 59) return undefined
    i += 3
    if (i < n && s.charCodeAt(i) === 46 /* . */) {
      i++
      const fracStart = i
      while (i < n && isDigit(s.charCodeAt(i))) {
        // Only the first three digits count: finer fractions are truncated (C10).
        if (i - fracStart < 3) millis = millis * 10 + (s.charCodeAt(i) - 48)
        i++
      }
      const count = i - fracStart
      if (count === 0) return undefined
      if (count === 1) millis *= 100
      else if (count === 2) millis *= 10
    }
  }
  let offsetMinutes = 0
  if (i < n) {
    const c = s.charCodeAt(i)
    if (c === 90 /* Z */) {
      i++
    } else if (c === 43 || c === 45) {
      if (n - i !== 6 || s.charCodeAt(i + 3) !== 58) return undefined
      const oh = digits2(s, i + 1)
      const om = digits2(s, i + 4)
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined
      offsetMinutes = (c === 45 ? -1 : 1) * (oh * 60 + om)
      i += 6
    } else {
      return undefined
    }
  }
  if (i !== n) return undefined
  // Local time = UTC + offset, so UTC = local - offset.
  return dayMs + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Two ASCII digits at `i` as a number, or -1. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48
  const b = s.charCodeAt(i + 1) - 48
  // NaN (past the end) fails both range checks.
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1
  return a * 10 + b
}

/** Four ASCII digits at `i` as a number, or -1. */
function digits4(s: string, i: number): number {
  const hi = digits2(s, i)
  const lo = digits2(s, i + 2)
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's algorithm). Used
 * instead of `Date.UTC`, which maps years 0-99 to 1900-1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const shiftedMonth = (month + 9) % 12
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

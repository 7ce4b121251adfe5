import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { parseDate } from '../../../src/conditions/values/date.js'

/** Reference instant through the platform Date (setUTCFullYear avoids the 0-99 → 1900 mapping). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0)
  date.setUTCFullYear(y, mo - 1, d)
  date.setUTCHours(h, mi, s, ms)
  return date.getTime()
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

describe('epoch seconds', () => {
  it('reads digit strings and numbers as seconds', () => {
    expect(parseDate('0')).toBe(0)
    expect(parseDate('1700000000')).toBe(1_700_000_000_000)
    expect(parseDate('-86400')).toBe(-86_400_000)
    expect(parseDate('-0')).toBe(0)
    expect(Object.is(parseDate('-0'), 0)).toBe(true)
    expect(parseDate('0001')).toBe(1000)
    expect(parseDate('2020')).toBe(2_020_000)
    expect(parseDate(1700000000)).toBe(1_700_000_000_000)
    expect(parseDate(-1)).toBe(-1000)
    expect(Object.is(parseDate(-0), 0)).toBe(true)
  })

  it('floors fractional numbers to the millisecond, exactly', () => {
    expect(parseDate(1.001)).toBe(1001)
    expect(parseDate(1.5)).toBe(1500)
    expect(parseDate(0.0001)).toBe(0)
    expect(parseDate(1e-7)).toBe(0)
    expect(parseDate(-1e-7)).toBe(-1)
    expect(parseDate(-1.0005)).toBe(-1001)
    expect(parseDate(-1.001)).toBe(-1001)
    expect(parseDate(1700000000.123456)).toBe(1_700_000_000_123)
  })

  it('rejects malformed and out-of-range epochs', () => {
    for (const bad of ['', '-', '+5', '1.5', '1e3', ' 5', '5 ', '--5', '99999999999999999999', '8640000000001', '-8640000000001']) {
      expect(parseDate(bad), JSON.stringify(bad)).toBeUndefined()
    }
    expect(parseDate('8640000000000')).toBe(8.64e15)
    expect(parseDate('-8640000000000')).toBe(-8.64e15)
    expect(parseDate(8.64e12 + 1)).toBeUndefined()
    expect(parseDate(Number.NaN)).toBeUndefined()
    expect(parseDate(Number.POSITIVE_INFINITY)).toBeUndefined()
    expect(parseDate(true as unknown as number)).toBeUndefined()
    expect(parseDate('1'.repeat(1_000_000))).toBeUndefined()
  })
})

describe('ISO 8601 profiles', () => {
  it('YYYY-MM and YYYY-MM-DD start at midnight UTC', () => {
    expect(parseDate('2020-02')).toBe(utc(2020, 2, 1))
    expect(parseDate('2020-02-29')).toBe(utc(2020, 2, 29))
    expect(parseDate('1969-12-31')).toBe(-86_400_000)
    expect(parseDate('0000-01-01')).toBe(utc(0, 1, 1))
    expect(parseDate('0050-03-01')).toBe(utc(50, 3, 1))
    expect(parseDate('9999-12-31')).toBe(utc(9999, 12, 31))
  })

  it('time forms', () => {
    expect(parseDate('2020-01-02T03:04')).toBe(utc(2020, 1, 2, 3, 4))
    expect(parseDate('2020-01-02T03:04Z')).toBe(utc(2020, 1, 2, 3, 4))
    expect(parseDate('2020-01-02T03:04:05')).toBe(utc(2020, 1, 2, 3, 4, 5))
    expect(parseDate('2020-01-02T03:04:05Z')).toBe(utc(2020, 1, 2, 3, 4, 5))
    expect(parseDate('2020-01-02T03:04:05.6Z')).toBe(utc(2020, 1, 2, 3, 4, 5, 600))
    expect(parseDate('2020-01-02T03:04:05.67Z')).toBe(utc(2020, 1, 2, 3, 4, 5, 670))
    expect(parseDate('2020-01-02T03:04:05.678Z')).toBe(utc(2020, 1, 2, 3, 4, 5, 678))
    expect(parseDate('2020-01-02T03:04:05.6789999Z')).toBe(utc(2020, 1, 2, 3, 4, 5, 678))
    expect(parseDate('2020-01-02T03:04:05.678')).toBe(utc(2020, 1, 2, 3, 4, 5, 678))
    expect(parseDate('2020-01-02T23:59:59.999Z')).toBe(utc(2020, 1, 3) - 1)
  })

  it('offsets', () => {
    expect(parseDate('2020-01-01T00:00+01:00')).toBe(utc(2019, 12, 31, 23))
    expect(parseDate('2020-01-01T00:00-01:30')).toBe(utc(2020, 1, 1, 1, 30))
    expect(parseDate('2020-01-01T00:00:00.5+00:00')).toBe(utc(2020, 1, 1, 0, 0, 0, 500))
    expect(parseDate('2020-01-01T00:00:00-00:00')).toBe(utc(2020, 1, 1))
    expect(parseDate('2020-01-01T12:00+23:59')).toBe(utc(2019, 12, 31, 12, 1))
    expect(parseDate('0000-01-01T00:00+01:00')).toBe(utc(0, 1, 1) - 3_600_000)
  })

  it('leap years', () => {
    expect(parseDate('2000-02-29')).toBe(utc(2000, 2, 29))
    expect(parseDate('2024-02-29')).toBe(utc(2024, 2, 29))
    expect(parseDate('0000-02-29')).toBe(utc(0, 2, 29))
    expect(parseDate('1900-02-29')).toBeUndefined()
    expect(parseDate('2023-02-29')).toBeUndefined()
    expect(parseDate('2100-02-29')).toBeUndefined()
  })

  it('rejects everything else', () => {
    for (const bad of [
      '2020-1',
      '2020-001',
      '2020-00',
      '2020-13',
      '2020-01-00',
      '2020-01-32',
      '2020-04-31',
      '2020-06-31',
      '2020-09-31',
      '2020-11-31',
      '2020-01-1',
      '20-01-01',
      '+2020-01-01',
      '2020/01/01',
      '2020-01-01T',
      '2020-01-01T03',
      '2020-01-01T3:04',
      '2020-01-01T03:4',
      '2020-01-01t03:04',
      '2020-01-01 03:04',
      '2020-01-01T03:04z',
      '2020-01-01T24:00',
      '2020-01-01T23:60',
      '2020-01-01T23:59:60',
      '2020-01-01T23:59:5',
      '2020-01-01T03:04:05.',
      '2020-01-01T03:04:05.Z',
      '2020-01-01T03:04.5',
      '2020-01-01T03:04:05,5',
      '2020-01-01T03:04+01',
      '2020-01-01T03:04+0100',
      '2020-01-01T03:04+1:00',
      '2020-01-01T03:04+24:00',
      '2020-01-01T03:04+01:60',
      '2020-01-01T03:04ZZ',
      '2020-01-01T03:04Z ',
      ' 2020-01-01',
      '2020-01-01Z',
      '2020-01Z',
      '2020-01-01T03:04:05.123x',
      '２０２０-01-01',
      'now',
      'T',
    ]) {
      expect(parseDate(bad), bad).toBeUndefined()
    }
  })

  it('agrees with the platform Date on random valid dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        (y, mo, d, h, mi, s, ms, offset) => {
          const probe = new Date(utc(y, mo, d))
          const valid = probe.getUTCDate() === d
          const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`
          const abs = Math.abs(offset)
          const tz = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
          const text = `${date}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(ms, 3)}${tz}`
          if (!valid) {
            expect(parseDate(date)).toBeUndefined()
            expect(parseDate(text)).toBeUndefined()
            return
          }
          expect(parseDate(date)).toBe(utc(y, mo, d))
          expect(parseDate(text)).toBe(utc(y, mo, d, h, mi, s, ms) - offset * 60_000)
          expect(parseDate(`${date}T${pad(h)}:${pad(mi)}`)).toBe(utc(y, mo, d, h, mi))
        },
      ),
      { numRuns: 20_000 },
    )
  })

  it('agrees with Date.parse on the canonical UTC form', () => {
    fc.assert(
      fc.property(fc.integer({ min: utc(0, 1, 1), max: utc(9999, 12, 31, 23, 59, 59, 999) }), (t) => {
        const text = new Date(t).toISOString()
        if (!/^\d{4}-/.test(text)) return
        expect(parseDate(text)).toBe(t)
      }),
      { numRuns: 10_000 },
    )
  })
})

import { describe, it, expect } from 'vitest'
import { parseBoolean } from '../../../src/conditions/values/bool.js'

describe('parseBoolean', () => {
  it('accepts JSON booleans', () => {
    expect(parseBoolean(true)).toBe(true)
    expect(parseBoolean(false)).toBe(false)
  })

  it('accepts true/false in any letter case', () => {
    for (const t of ['true', 'TRUE', 'True', 'tRuE']) expect(parseBoolean(t), t).toBe(true)
    for (const f of ['false', 'FALSE', 'False', 'fAlSe']) expect(parseBoolean(f), f).toBe(false)
  })

  it('rejects everything else', () => {
    for (const bad of [
      '',
      't',
      'f',
      'yes',
      'no',
      '1',
      '0',
      ' true',
      'true ',
      'truE\u0000',
      'tru',
      'truee',
      'fals',
      'falsy',
      'ｔrue',
      'trUe\n',
      'null',
    ]) {
      expect(parseBoolean(bad), JSON.stringify(bad)).toBeUndefined()
    }
    // Code units one bit away from the letters (the folding trick must not accept them).
    expect(parseBoolean('4RUE')).toBeUndefined()
    expect(parseBoolean('tr5e')).toBeUndefined()
    expect(parseBoolean(1)).toBeUndefined()
    expect(parseBoolean(0)).toBeUndefined()
    expect(parseBoolean(null as unknown as string)).toBeUndefined()
  })

  it('matches toLowerCase() semantics on every single-character substitution', () => {
    for (const word of ['true', 'false']) {
      for (let i = 0; i < word.length; i++) {
        for (let c = 0; c < 0x10000; c++) {
          const candidate = word.slice(0, i) + String.fromCharCode(c) + word.slice(i + 1)
          const lower = candidate.toLowerCase()
          const expected = lower === 'true' ? true : lower === 'false' ? false : undefined
          if (parseBoolean(candidate) !== expected) throw new Error(`mismatch on ${JSON.stringify(candidate)}`)
        }
      }
    }
  })
})

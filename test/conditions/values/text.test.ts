import { describe, it, expect } from 'vitest'
import { toConditionText } from '../../../src/conditions/values/text.js'

describe('toConditionText', () => {
  it('keeps strings', () => {
    expect(toConditionText('')).toBe('')
    expect(toConditionText('abc')).toBe('abc')
    expect(toConditionText('1.50')).toBe('1.50')
  })

  it('uses the shortest round-trip text for numbers', () => {
    expect(toConditionText(0)).toBe('0')
    expect(toConditionText(-0)).toBe('0')
    expect(toConditionText(10)).toBe('10')
    expect(toConditionText(1.5)).toBe('1.5')
    expect(toConditionText(0.1)).toBe('0.1')
    expect(toConditionText(-2)).toBe('-2')
    expect(toConditionText(1e21)).toBe('1e+21')
    expect(toConditionText(1e-7)).toBe('1e-7')
    expect(toConditionText(123456789012)).toBe('123456789012')
  })

  it('spells booleans', () => {
    expect(toConditionText(true)).toBe('true')
    expect(toConditionText(false)).toBe('false')
  })
})

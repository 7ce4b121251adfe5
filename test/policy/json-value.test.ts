/**
 * serializeJsonValue: the snapshot of a policy given as a JavaScript value. Its text keys the
 * compiled-policy cache, so it must be exactly JSON.stringify's for JSON data (one value, one
 * text), and anything that is not JSON data must be refused with the JSON pointer of the culprit.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { serializeJsonValue } from '../../src/policy/json-value.js'

describe('serializeJsonValue', () => {
  it('gives JSON.stringify text for any JSON value (strings with quotes, controls, lone surrogates)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5, stringUnit: 'binary' }), (value) => {
        expect(serializeJsonValue(value)).toBe(JSON.stringify(value))
      }),
      { numRuns: 2000 },
    )
  })

  it.each([
    ['a quote', 'say "hi"'],
    ['a backslash', 'a\\b'],
    ['a control character', 'tab\there'],
    ['a lone high surrogate', 'x\ud800y'],
    ['a lone low surrogate', '\udc00'],
    ['a surrogate pair', '\ud83d\ude00'],
    ['U+2028 (not escaped by JSON.stringify)', 'line\u2028separator'],
  ])('escapes %s as JSON.stringify does, in values and in member names', (_label, text) => {
    const value = { [text]: [text] }
    expect(serializeJsonValue(value)).toBe(JSON.stringify(value))
  })

  it.each([
    ['undefined member', { Statement: [{ Effect: undefined }] }, '/Statement/0/Effect'],
    ['a NaN', { Statement: [{ Condition: { NumericEquals: { k: Number.NaN } } }] }, '/Statement/0/Condition/NumericEquals/k'],
    ['a hole', { Statement: [1, , 3] }, '/Statement/1'],
    ['a function', { Version: () => '2012-10-17' }, '/Version'],
    ['a class instance', { Statement: [new Date(0)] }, '/Statement/0'],
    ['a pointer token with ~ and /', { 'a/b~c': undefined }, '/a~1b~0c'],
  ])('refuses %s at its JSON pointer', (_label, value, path) => {
    const result = serializeJsonValue(value)
    expect(typeof result).toBe('object')
    expect((result as { path: string }).path).toBe(path)
  })

  it('refuses a cycle at the member that closes it, and a value nested deeper than 64 levels', () => {
    const cyclic: Record<string, unknown> = { Statement: [{}] }
    ;(cyclic['Statement'] as Record<string, unknown>[])[0]!['Back'] = cyclic
    expect(serializeJsonValue(cyclic)).toEqual({ path: '/Statement/0/Back', message: 'the value refers to itself (a cycle)' })
    let deep: unknown = 1
    for (let level = 0; level < 65; level++) deep = [deep]
    expect((serializeJsonValue(deep) as { message: string }).message).toMatch(/nesting deeper than 64/)
  })

  it('shares subtrees that are not cycles (the same object twice is fine)', () => {
    const shared = { Effect: 'Allow' }
    expect(serializeJsonValue({ Statement: [shared, shared] })).toBe(JSON.stringify({ Statement: [shared, shared] }))
  })

  it('stops at the length limit, whatever the values are made of', () => {
    const manyBooleans = { Statement: Array.from({ length: 10_000 }, () => true) }
    expect((serializeJsonValue(manyBooleans, 1000) as { message: string }).message).toMatch(/larger than the limit of 1000/)
    const value = { a: 'x'.repeat(10) } // {"a":"xxxxxxxxxx"}: 18 characters
    expect(serializeJsonValue(value, 18)).toBe('{"a":"xxxxxxxxxx"}')
    // The string member passes 16 characters; the closing brace alone passes 17.
    expect(serializeJsonValue(value, 16)).toEqual({ path: '/a', message: 'the policy is larger than the limit of 16 characters' })
    expect(serializeJsonValue(value, 17)).toEqual({ path: '', message: 'the policy is larger than the limit of 17 characters' })
  })
})

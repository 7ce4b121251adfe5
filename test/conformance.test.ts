/**
 * The shared conformance suite (440 cases at the time of writing) through every evaluation path:
 * the per-call `evaluate` (on objects and on JSON text), a compiled `Authorizer`, and the
 * explained evaluation. Every case must give its expected decision on every path.
 */
import { describe, expect, it } from 'vitest'
import { compile, evaluate } from '../src/index.js'
import type { PolicySet } from '../src/index.js'
import { loadConformanceCases } from './support/conformance-cases.js'

const cases = loadConformanceCases()

/** The same policies with every document turned into JSON text. */
function asText(policies: Record<string, unknown>): PolicySet {
  const text = (value: unknown): unknown => JSON.stringify(value, null, 2)
  const result: Record<string, unknown> = {}
  for (const [slot, value] of Object.entries(policies)) {
    if (slot === 'scps' || slot === 'rcps') result[slot] = (value as unknown[][]).map((level) => level.map(text))
    else if (Array.isArray(value)) result[slot] = value.map(text)
    else result[slot] = text(value)
  }
  return result as PolicySet
}

describe('conformance suite', () => {
  it('has all the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(440)
  })

  describe.each([...new Set(cases.map((entry) => entry.file))])('%s', (file) => {
    it.each(cases.filter((entry) => entry.file === file).map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
      const policies = entry.policies as PolicySet
      const perCall = evaluate(entry.request, policies)
      expect(perCall.decision, perCall.reason).toBe(entry.expect)
      expect(evaluate(entry.request, asText(entry.policies)).decision).toBe(entry.expect)
      expect(compile(policies).evaluate(entry.request).decision).toBe(entry.expect)
      const explained = evaluate(entry.request, policies, { explain: true })
      expect(explained.decision).toBe(entry.expect)
      expect(explained.explanation).toBeDefined()
    })
  })
})

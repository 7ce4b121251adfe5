/**
 * The benchmark's workloads (bench/workloads) must keep meaning what the bench says they mean: each
 * request gets its expected decision from iam-eval. Nothing here is timed. Workload (d)'s comparison
 * with iam-simulate is left to the bench (it takes tens of seconds); here its requests are only
 * checked to be valid, decided the same by every iam-eval path, and varied.
 */
import { describe, expect, it } from 'vitest'
import { compile, evaluate, NO_LIMITS } from '../src/index.js'
import type { PolicySet } from '../src/index.js'
import { basicWorkloads, workloadB, workloadC } from '../bench/workloads/basic.mjs'
import { buildScalingWorkload } from '../bench/workloads/scaling.mjs'
import { pathologicalCases } from '../bench/workloads/pathological.mjs'
import { buildManagedWorkload } from '../bench/workloads/managed.mjs'
import { asJsonText } from '../bench/lib/policy-text.mjs'

describe('bench workloads (a)-(c)', () => {
  describe.each(basicWorkloads.map((w) => [w.title, w] as const))('%s', (_, workload) => {
    const policies = workload.policies as PolicySet
    it('compiled', () => {
      expect(compile(policies).evaluate(workload.request).decision).toBe(workload.expect)
    })
    it('per call, objects and JSON text', () => {
      expect(evaluate(workload.request, policies).decision).toBe(workload.expect)
      expect(evaluate(workload.request, asJsonText(policies) as PolicySet).decision).toBe(workload.expect)
    })
    it('the hand-written floor agrees', () => {
      expect(workload.floor(workload.request)).toBe(workload.expect)
    })
  })

  it('(c) is denied by the last statement of the last policy, after an Allow elsewhere', () => {
    const result = compile(workloadC.policies as PolicySet).evaluate(workloadC.request, { explain: true })
    expect(result.decision).toBe('ExplicitDeny')
    expect(result.decisiveStatements).toEqual([expect.objectContaining({ policyIndex: 19, statementIndex: 9, effect: 'Deny' })])
    const matched = result.explanation?.statements.filter((s) => s.matched).map((s) => s.statement.policyIndex)
    expect(matched).toContain(4)
    expect(matched).toContain(19)
  })

  it('(b) depends on each of its conditions', () => {
    const b = workloadB
    const without = (key: string, value?: string) => {
      const context: Record<string, string> = { ...b.request.context }
      if (value === undefined) delete context[key]
      else context[key] = value
      return { ...b.request, context }
    }
    const authorizer = compile(b.policies as PolicySet)
    for (const request of [
      without('aws:SourceIp', '203.0.114.1'),
      without('aws:MultiFactorAuthPresent', 'false'),
      without('aws:PrincipalTag/team', 'finance'),
      without('aws:SourceIp'),
    ]) {
      expect(authorizer.evaluate(request).decision).toBe('ImplicitDeny')
      expect(b.floor(request)).toBe('ImplicitDeny')
    }
    for (const ip of ['2001:db8:1::7', '2600:1f18:4abc::1', '10.10.200.3']) {
      expect(authorizer.evaluate(without('aws:SourceIp', ip)).decision).toBe('Allow')
      expect(b.floor(without('aws:SourceIp', ip))).toBe('Allow')
    }
    expect(authorizer.evaluate(without('aws:SourceIp', '2600:1f18:5000::1')).decision).toBe('ImplicitDeny')
    expect(b.floor(without('aws:SourceIp', '2600:1f18:5000::1'))).toBe('ImplicitDeny')
  })
})

describe('bench workload (e): scaling', () => {
  it.each([10, 100, 1_000, 10_000])('%i statements: hit allows, miss denies', (size) => {
    const w = buildScalingWorkload(size)
    const authorizer = compile(w.policies as PolicySet, { limits: NO_LIMITS })
    expect(authorizer.evaluate(w.hit).decision).toBe('Allow')
    expect(authorizer.evaluate(w.miss).decision).toBe('ImplicitDeny')
  })
})

describe('bench pathological cases', () => {
  it.each(Object.entries(pathologicalCases))('%s', (_, c) => {
    const authorizer = compile(c.policies as PolicySet, { limits: NO_LIMITS })
    expect(authorizer.evaluate(c.request).decision).toBe(c.expect)
  })
})

describe('bench workload (d): managed policies', () => {
  it('builds 50 policies and 1,000 valid requests that every iam-eval path decides alike', async () => {
    const w = await buildManagedWorkload({
      reject: (_name: string, doc: object) => {
        try {
          compile({ identity: [doc] } as PolicySet)
          return undefined
        } catch (error) {
          return String(error)
        }
      },
    })
    expect(w.policies.identity).toHaveLength(50)
    expect(w.requests).toHaveLength(1000)
    const policies = w.policies as PolicySet
    const text = asJsonText(policies) as PolicySet
    const authorizer = compile(policies)
    const counts: Record<string, number> = {}
    for (const request of w.requests) {
      const result = authorizer.evaluate(request)
      // A malformed request or an internal failure would be a deny at these gates.
      expect(result.failedGate?.kind === 'request' || result.failedGate?.kind === 'error', result.reason).toBe(false)
      expect(evaluate(request, text).decision).toBe(result.decision)
      counts[result.decision] = (counts[result.decision] ?? 0) + 1
    }
    expect(counts['Allow']).toBeGreaterThan(100)
    expect(counts['ImplicitDeny']).toBeGreaterThan(100)
    expect(counts['ExplicitDeny']).toBeGreaterThan(10)
  }, 60_000)
})

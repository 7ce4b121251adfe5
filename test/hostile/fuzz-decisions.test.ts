/**
 * Fuzzing decisions with fast-check (SECURITY.md, "Fuzzing"): mutated valid policy sets and
 * hostile requests (mutations of valid requests with values of every type, exotic context
 * members, arbitrary values as the whole request) into `evaluate`, `compile` and
 * `Authorizer.evaluate`. No request makes a decision throw; policy problems surface only as
 * `PolicyValidationError`, the same from both entry points; a request C1 refuses is an
 * ImplicitDeny at the `request` gate; a well-formed one is decided the same by every entry point
 * and for its plain-JSON copy; inputs are unchanged by every call; authorizers are frozen. The
 * checks are in fuzz-checks.ts; budget and replay as in fuzz-policies.test.ts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compile, evaluate, parsePolicy } from '../../src/index.js'
import type { EvaluationResult, PolicyKind, PolicySet } from '../../src/index.js'
import { caseArb, cloneJson, NOW } from '../support/arbitraries.js'
import type { GenPolicies } from '../support/arbitraries.js'
import { applyMutations, fingerprint, hostileValueArb, materialize, memberNameArb, mutationsArb } from './hostile-arbitraries.js'
import { assertProperty, checkDecision, expectWellFormed, SLOT_OF_KIND } from './fuzz-checks.js'
import { FUZZ_TIMEOUT, runs } from './support.js'

describe('mutated policy sets', () => {
  const mutatedSetArb = fc.tuple(caseArb, mutationsArb(hostileValueArb)).map(([generated, mutations]) => ({
    request: generated.request,
    policies: applyMutations(cloneJson(generated.policies), mutations),
  }))

  it(
    'compile and evaluate throw only PolicyValidationError, agree, and leave inputs unchanged',
    () => {
      assertProperty(
        'mutated-policy-sets',
        fc.property(mutatedSetArb, ({ request, policies }) => {
          checkDecision(request, materialize(policies))
        }),
        runs(300, 0.15),
      )
    },
    FUZZ_TIMEOUT,
  )

  it(
    'the same set given as JSON text, as plain values and as parsed policies decides the same',
    () => {
      assertProperty(
        'same-set-three-ways',
        fc.property(caseArb, ({ request, policies }) => {
          const decisions = new Set<string>()
          const asText = JSON.parse(JSON.stringify(policies), (key, value: unknown) => value) as GenPolicies
          const stringify = (p: GenPolicies): PolicySet => {
            const out: Record<string, unknown> = {}
            for (const [slot, value] of Object.entries(p)) {
              out[slot] =
                slot === 'scps' || slot === 'rcps'
                  ? (value as unknown[][]).map((level) => level.map((doc) => JSON.stringify(doc)))
                  : Array.isArray(value)
                    ? value.map((doc) => JSON.stringify(doc))
                    : JSON.stringify(value)
            }
            return out as PolicySet
          }
          const parse = (p: GenPolicies): PolicySet => {
            const out: Record<string, unknown> = {}
            for (const [slot, value] of Object.entries(p)) {
              const kind = (Object.entries(SLOT_OF_KIND).find(([, name]) => name === slot)?.[0] ?? 'identity') as PolicyKind
              out[slot] =
                slot === 'scps' || slot === 'rcps'
                  ? (value as unknown[][]).map((level) => level.map((doc) => parsePolicy(doc, { kind })))
                  : Array.isArray(value)
                    ? value.map((doc) => parsePolicy(doc, { kind }))
                    : parsePolicy(value, { kind })
            }
            return out as PolicySet
          }
          for (const set of [policies as PolicySet, stringify(asText), parse(asText)]) {
            decisions.add(evaluate(request, set, { now: NOW }).decision)
            decisions.add(compile(set).evaluate(request, { now: NOW }).decision)
          }
          expect(decisions.size).toBe(1)
        }),
        runs(100, 0),
      )
    },
    FUZZ_TIMEOUT,
  )
})

describe('hostile requests', () => {
  const hostileRequestArb = fc.oneof(
    {
      arbitrary: fc.tuple(caseArb, mutationsArb(hostileValueArb)).map(([generated, mutations]) => ({
        policies: generated.policies,
        request: applyMutations(cloneJson(generated.request), mutations),
      })),
      weight: 6,
    },
    {
      // A context member of every kind, under a key a policy may read.
      arbitrary: fc.tuple(caseArb, fc.dictionary(memberNameArb, hostileValueArb, { maxKeys: 4 })).map(([generated, extra]) => {
        const request = cloneJson(generated.request) as unknown as Record<string, unknown>
        const context = { ...((request['context'] as Record<string, unknown> | undefined) ?? {}) }
        for (const [key, value] of Object.entries(extra))
          Object.defineProperty(context, key, { value, enumerable: true, writable: true, configurable: true })
        request['context'] = context
        return { policies: generated.policies, request: request as unknown }
      }),
      weight: 3,
    },
    { arbitrary: fc.tuple(caseArb, hostileValueArb).map(([generated, request]) => ({ policies: generated.policies, request })), weight: 1 },
  )

  it(
    'never make evaluate or Authorizer.evaluate throw, are denied when C1 refuses them, and are left unchanged',
    () => {
      assertProperty(
        'hostile-requests',
        fc.property(hostileRequestArb, ({ request, policies }) => {
          checkDecision(materialize(request), policies)
        }),
        runs(400, 0.25),
      )
    },
    FUZZ_TIMEOUT,
  )

  it(
    'hostile request options (now, explain) never make a decision throw',
    () => {
      assertProperty(
        'hostile-request-options',
        fc.property(caseArb, hostileValueArb, hostileValueArb, ({ request, policies }, now, explain) => {
          const authorizer = compile(policies as PolicySet)
          const options = { now: materialize(now), explain: materialize(explain) } as unknown as { now: number; explain: boolean }
          const before = fingerprint(options)
          let result: EvaluationResult | undefined
          expect(() => (result = authorizer.evaluate(request, options))).not.toThrow()
          expectWellFormed(result as EvaluationResult)
          expect(fingerprint(options)).toEqual(before)
        }),
        runs(100, 0),
      )
    },
    FUZZ_TIMEOUT,
  )
})

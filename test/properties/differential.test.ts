/**
 * Differential test: the fast path against the naive reference evaluator.
 *
 * For random policy sets aimed at random requests (test/support/arbitraries.ts), the per-call
 * `evaluate`, a compiled `Authorizer`, the explained evaluation and `referenceEvaluate`
 * (test/reference/, written independently from the spec) must give the same decision. The
 * reference is slow and obviously shaped like the spec; the engine is fast and clever. Any
 * disagreement is a bug on one side, decided from the spec and docs/semantics-choices.md, and
 * pinned by a focused test (engine: test/evaluate/regressions.test.ts; reference: its own tests).
 *
 * The decision distribution is logged and each decision must be well represented, so that a
 * generator change cannot silently turn this into a test of "everything is ImplicitDeny".
 *
 * Runs: 5,000 by default (about 20 s on two idle cores, under a minute when they are busy);
 * `IAM_EVAL_FUZZ=1` raises it to 1,000,000 (or `IAM_EVAL_FUZZ=<n>` to n). `IAM_EVAL_SEED=<n>`
 * replays a seed fast-check reported. A failure prints fast-check's counterexample and a smaller
 * one cut down by `minimize.ts`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compile, evaluate } from '../../src/index.js'
import type { Decision } from '../../src/index.js'
import { referenceEvaluate } from '../reference/reference-evaluator.js'
import { caseArb, NOW } from '../support/arbitraries.js'
import { minimize } from './minimize.js'
import type { GenCase } from '../support/arbitraries.js'

function runsFromEnv(fallback: number): number {
  const fuzz = process.env.IAM_EVAL_FUZZ
  if (fuzz === undefined || fuzz === '' || fuzz === '0') return fallback
  const n = Number(fuzz)
  // `IAM_EVAL_FUZZ=1` means "fuzz mode"; a larger number is an explicit run count
  return Number.isInteger(n) && n > 1 ? n : 1_000_000
}

const NUM_RUNS = runsFromEnv(5_000)
const SEED = process.env.IAM_EVAL_SEED === undefined ? undefined : Number(process.env.IAM_EVAL_SEED)
const FUZZING = NUM_RUNS > 5_000

/** The four decisions of one case. */
function decisions(c: GenCase): { reference: Decision; perCall: Decision; compiled: Decision; explained: Decision } {
  const { request, policies } = c
  return {
    reference: referenceEvaluate(request, policies, { now: NOW }),
    perCall: evaluate(request, policies, { now: NOW }).decision,
    compiled: compile(policies).evaluate(request, { now: NOW }).decision,
    explained: evaluate(request, policies, { now: NOW, explain: true }).decision,
  }
}

/** True when the four paths do not all give the same decision. */
function disagree(c: GenCase): boolean {
  const d = decisions(c)
  return d.perCall !== d.reference || d.compiled !== d.reference || d.explained !== d.reference
}

describe('differential: evaluate / compile / explain vs the reference evaluator', () => {
  it(
    `agree on ${NUM_RUNS} random cases, with every decision well represented`,
    () => {
      const counts: Record<Decision, number> = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 }
      let runs = 0
      const details = fc.check(
        fc.property(caseArb, (c) => {
          const d = decisions(c)
          counts[d.reference]++
          runs++
          return d.perCall === d.reference && d.compiled === d.reference && d.explained === d.reference
        }),
        { numRuns: NUM_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      )
      if (details.failed) {
        // fast-check shrinks chained arbitraries poorly: cut the counterexample down further
        const found = details.counterexample?.[0]
        const small =
          found === undefined ? undefined : minimize({ request: found.request, policies: found.policies } as GenCase, disagree, 5_000)
        const verdict = small === undefined ? '' : JSON.stringify(decisions(small))
        throw new Error(
          `${fc.defaultReportMessage(details) ?? 'differential test failed'}\n\n` +
            `Minimized disagreement ${verdict}:\n${JSON.stringify(small, null, 2)}`,
        )
      }
      const share = (d: Decision): string => `${((100 * counts[d]) / runs).toFixed(1)}%`
      console.log(
        `differential: ${runs} cases — Allow ${counts.Allow} (${share('Allow')}), ` +
          `ExplicitDeny ${counts.ExplicitDeny} (${share('ExplicitDeny')}), ImplicitDeny ${counts.ImplicitDeny} (${share('ImplicitDeny')})`,
      )
      // Each decision must be at least 10% of the cases: otherwise the generators have drifted
      // and the agreement above proves little.
      for (const d of ['Allow', 'ExplicitDeny', 'ImplicitDeny'] as const) {
        expect(counts[d] / runs, `${d} share`).toBeGreaterThanOrEqual(0.1)
      }
    },
    FUZZING ? 24 * 3_600_000 : 120_000,
  )
})

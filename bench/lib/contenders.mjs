/**
 * The contenders for a one-request workload, each with a `decide()` (for the correctness check)
 * and a `fn()` (for timing). Peers that cannot express a workload carry `na: reason` instead.
 */
import { do_not_optimize } from 'mitata'
import {
  preparePbac,
  runSimulation,
  runUnsafeSimulation,
  simulateDecision,
  simulateUnsafeDecision,
  toPbacRequest,
  toSimulation,
} from './peers.mjs'
import { asJsonText } from './policy-text.mjs'

export { asJsonText }

export const CONTENDER_LABELS = {
  compiled: 'iam-eval compiled',
  text: 'iam-eval per-call (JSON text)',
  object: 'iam-eval per-call (objects)',
  simulate: 'iam-simulate runSimulation',
  unsafe: 'iam-simulate runUnsafeSimulation',
  pbac: 'pbac (prepared)',
  floor: 'hand-written floor',
}

/** Whether a pbac boolean is the right answer (pbac cannot tell an explicit deny from an implicit one). */
const pbacDecision = (allowed) => (allowed ? 'Allow' : 'Deny (explicit or implicit)')
export const decisionMatches = (answer, expected) =>
  answer === expected || (answer === 'Deny (explicit or implicit)' && expected !== 'Allow')

/**
 * Builds the contenders of a workload `{ request, policies, expect, floor, pbacNa? }`.
 * @param engine the built iam-eval module (`dist/index.js`)
 */
export function singleRequestContenders(workload, engine) {
  const { request, policies } = workload
  const list = []

  const authorizer = engine.compile(policies)
  list.push({
    id: 'compiled',
    decide: () => authorizer.evaluate(request).decision,
    fn: () => do_not_optimize(authorizer.evaluate(request)),
  })

  const text = asJsonText(policies)
  list.push({
    id: 'text',
    decide: () => engine.evaluate(request, text).decision,
    fn: () => do_not_optimize(engine.evaluate(request, text)),
  })
  list.push({
    id: 'object',
    decide: () => engine.evaluate(request, policies).decision,
    fn: () => do_not_optimize(engine.evaluate(request, policies)),
  })

  const simulation = toSimulation(request, policies)
  list.push({
    id: 'simulate',
    decide: async () => (await simulateDecision(simulation)).decision,
    fn: () => runSimulation(simulation, {}),
  })
  list.push({
    id: 'unsafe',
    decide: () => simulateUnsafeDecision(simulation),
    fn: () => do_not_optimize(runUnsafeSimulation(simulation, {})),
  })

  if (workload.pbacNa !== undefined) list.push({ id: 'pbac', na: workload.pbacNa })
  else if (Object.keys(policies).some((slot) => slot !== 'identity'))
    list.push({ id: 'pbac', na: 'pbac evaluates identity-style policies only' })
  else {
    const pbac = preparePbac(policies.identity)
    const pbacRequest = toPbacRequest(request)
    list.push({
      id: 'pbac',
      decide: () => pbacDecision(pbac.evaluate(pbacRequest)),
      fn: () => do_not_optimize(pbac.evaluate(pbacRequest)),
      note: 'pbac answers true/false: it cannot tell an explicit deny from an implicit one',
    })
  }

  if (workload.floor !== undefined)
    list.push({ id: 'floor', decide: () => workload.floor(request), fn: () => do_not_optimize(workload.floor(request)) })
  else list.push({ id: 'floor', na: 'no hand-written function for this workload' })

  for (const c of list) {
    c.label = CONTENDER_LABELS[c.id]
    c.heavy = c.id === 'object' || c.id === 'simulate' || c.id === 'unsafe' || c.id === 'pbac'
  }
  return list
}

/** Runs every contender's `decide()` once and records `answer`, `correct` (or the error it threw). */
export async function checkCorrectness(contenders, expected) {
  for (const c of contenders) {
    if (c.na !== undefined) continue
    try {
      c.answer = await c.decide()
      c.correct = decisionMatches(c.answer, expected)
    } catch (error) {
      c.answer = `threw: ${error instanceof Error ? error.message : String(error)}`
      c.correct = false
    }
  }
  return contenders
}

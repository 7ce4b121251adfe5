/**
 * Workload (e): ns per decision, compiled, as the number of exact-action statements grows.
 */
import { do_not_optimize } from 'mitata'
import { buildScalingWorkload } from '../workloads/scaling.mjs'
import { now, runRounds } from '../lib/harness.mjs'
import { fmtNs, fmtRatio } from '../lib/format.mjs'

/** One size of (e), compiled; plain data (it crosses a process boundary). */
export async function runScalingSize(size, engine, config, log) {
  const w = buildScalingWorkload(size)
  const t0 = now()
  const authorizer = engine.compile(w.policies, { limits: engine.NO_LIMITS })
  const compileNs = now() - t0
  const hit = authorizer.evaluate(w.hit).decision
  const miss = authorizer.evaluate(w.miss).decision
  const contenders = [
    { id: 'hit', label: `${size} hit`, fn: () => do_not_optimize(authorizer.evaluate(w.hit)) },
    { id: 'miss', label: `${size} miss`, fn: () => do_not_optimize(authorizer.evaluate(w.miss)) },
  ]
  const results = await runRounds(contenders, { rounds: config.rounds, budgetMs: config.budgetMs, log: config.verbose ? log : () => {} })
  const plain = (r) => ({ median: r.median, min: r.min, max: r.max, perRound: r.perRound })
  const entry = { size, compileNs, hit: plain(results.get('hit')), miss: plain(results.get('miss')), hitDecision: hit, missDecision: miss }
  log(
    `  ${String(size).padStart(7)} statements: compile ${fmtNs(compileNs)}, hit ${fmtNs(entry.hit.median)} (${hit}), miss ${fmtNs(entry.miss.median)} (${miss})`,
  )
  return entry
}

export function scalingTable(measured) {
  const base = measured[0]
  const rows = measured.map((m) => [
    m.size.toLocaleString('en-US'),
    `${fmtNs(m.hit.median)} (${fmtNs(m.hit.min)} – ${fmtNs(m.hit.max)})`,
    m.hitDecision === 'Allow' ? 'Allow (ok)' : `WRONG: ${m.hitDecision}`,
    fmtRatio(m.hit.median / base.hit.median),
    `${fmtNs(m.miss.median)} (${fmtNs(m.miss.min)} – ${fmtNs(m.miss.max)})`,
    m.missDecision === 'ImplicitDeny' ? 'ImplicitDeny (ok)' : `WRONG: ${m.missDecision}`,
    fmtRatio(m.miss.median / base.miss.median),
    fmtNs(m.compileNs),
  ])
  return {
    title: '(e) scaling: exact-action statements, iam-eval compiled',
    columns: [
      'Statements',
      'Hit: time / decision',
      'Hit decision',
      'Hit ÷ 10',
      'Miss: time / decision',
      'Miss decision',
      'Miss ÷ 10',
      'compile (once)',
    ],
    rows,
    notes: [
      'hit = the action of the last statement (worst place for a scan); miss = an action no statement names',
      'policies of at most 1,000 statements each, compiled with NO_LIMITS; each size in its own process; median of rounds (min – max)',
    ],
  }
}

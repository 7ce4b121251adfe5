/**
 * Interference: the same measurements in a fresh process and again after the process has also
 * decided other workloads ((b), (c) and (d), whose authorizers are then dropped and collected).
 * Not a target; it shows how much a long-lived process's JIT state changes the figures (this is why
 * every other workload runs in its own process).
 */
import { do_not_optimize } from 'mitata'
import { gc } from '../lib/expose-gc.mjs'
import { workloadA, workloadB, workloadC } from '../workloads/basic.mjs'
import { buildManagedWorkload } from '../workloads/managed.mjs'
import { buildScalingWorkload } from '../workloads/scaling.mjs'
import { now, runRounds } from '../lib/harness.mjs'
import { fmtNs, fmtRatio } from '../lib/format.mjs'

export async function runInterference(engine, config, log) {
  log('\ninterference (JIT state of a long-lived process)')
  const authA = engine.compile(workloadA.policies)
  const e = buildScalingWorkload(10)
  const authE = engine.compile(e.policies, { limits: engine.NO_LIMITS })
  const contenders = [
    { id: 'a', label: '(a) compiled', fn: () => do_not_optimize(authA.evaluate(workloadA.request)) },
    { id: 'e-hit', label: '(e) 10 statements, hit', fn: () => do_not_optimize(authE.evaluate(e.hit)) },
    { id: 'e-miss', label: '(e) 10 statements, miss', fn: () => do_not_optimize(authE.evaluate(e.miss)) },
  ]
  const options = { rounds: config.rounds, budgetMs: config.budgetMs, log: config.verbose ? log : () => {} }
  const before = await runRounds(contenders, options)
  {
    const busy = (ms, fn) => {
      const end = now() + ms * 1e6
      while (now() < end) fn()
    }
    for (const w of [workloadB, workloadC]) {
      const other = engine.compile(w.policies)
      busy(300, () => other.evaluate(w.request))
    }
    const d = await buildManagedWorkload()
    const other = engine.compile(d.policies)
    busy(1000, () => {
      for (const r of d.requests) other.evaluate(r)
    })
  }
  gc()
  const after = await runRounds(contenders, options)
  const rows = contenders.map((c) => {
    const b = before.get(c.id)
    const a = after.get(c.id)
    return [
      c.label,
      `${fmtNs(b.median)} (${fmtNs(b.min)} – ${fmtNs(b.max)})`,
      `${fmtNs(a.median)} (${fmtNs(a.min)} – ${fmtNs(a.max)})`,
      fmtRatio(a.median / b.median),
    ]
  })
  for (const r of rows) log(`  ${r.join('  ')}`)
  return {
    table: {
      title: 'Interference: fresh process vs after deciding other workloads in the same process (not a target)',
      columns: ['Measurement', 'Fresh process', 'After (b), (c), (d) ran', 'After ÷ fresh'],
      rows,
      notes: [
        '"after": the process first decided (b) and (c) for 0.3 s each and (d) for 1 s, then dropped those authorizers and collected garbage',
      ],
    },
  }
}

/**
 * The issue's performance targets, each next to the measured figure, marked met or missed.
 */
import { fmtBytes, fmtMs, fmtNs, fmtRatio } from './format.mjs'

const status = (ok) => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED')

export function evaluateTargets({ single, managed, scaling, cold, bundle }) {
  const rows = []
  const add = (target, goal, measured, ok) => rows.push({ target, goal, measured, ok })

  const byId = (contenders, id) => contenders.find((c) => c.id === id)
  const workloads = []
  for (const s of single ?? []) workloads.push({ id: s.workload.id, contenders: s.contenders })
  if (managed) workloads.push({ id: 'd', contenders: managed.contenders })

  const limits = { a: 150, b: 500, c: 500, d: 1500 }
  for (const w of workloads) {
    const c = byId(w.contenders, 'compiled')
    const correct = w.id === 'd' ? true : c.correct
    add(
      `(${w.id}) compiled time per decision`,
      `<= ${fmtNs(limits[w.id])}`,
      `${fmtNs(c.median)}${correct ? '' : ' (WRONG decision)'}`,
      c.median <= limits[w.id] && correct,
    )
  }
  if (scaling) {
    const small = scaling.measured.find((m) => m.size === 10)
    const large = scaling.measured.find((m) => m.size === 100_000)
    if (small && large) {
      const hit = large.hit.median / small.hit.median
      const miss = large.miss.median / small.miss.median
      add(
        '(e) 100,000 statements vs 10, exact action (hit)',
        '<= 4x',
        `${fmtRatio(hit)} (${fmtNs(large.hit.median)} vs ${fmtNs(small.hit.median)})`,
        hit <= 4,
      )
      add(
        '(e) 100,000 statements vs 10, exact action (miss)',
        '<= 4x',
        `${fmtRatio(miss)} (${fmtNs(large.miss.median)} vs ${fmtNs(small.miss.median)})`,
        miss <= 4,
      )
    }
  }
  for (const w of workloads) {
    const compiled = byId(w.contenders, 'compiled')
    for (const [id, name, goal] of [
      ['simulate', 'iam-simulate runSimulation', 100],
      ['unsafe', 'iam-simulate runUnsafeSimulation', 100],
      ['pbac', 'pbac prepared', 20],
    ]) {
      const peer = byId(w.contenders, id)
      if (peer === undefined || peer.na !== undefined || peer.median === undefined) {
        add(`(${w.id}) faster than ${name}`, `>= ${goal}x`, `n/a${peer?.na ? ` (${peer.na})` : ''}`, undefined)
        continue
      }
      const ratio = peer.median / compiled.median
      const wrong = w.id !== 'd' && peer.correct === false ? ' (peer answers wrongly)' : ''
      add(`(${w.id}) faster than ${name}`, `>= ${goal}x`, `${fmtRatio(ratio)}${wrong}`, ratio >= goal)
    }
  }
  for (const w of workloads.filter((x) => x.id === 'a' || x.id === 'b')) {
    const compiled = byId(w.contenders, 'compiled')
    const floor = byId(w.contenders, 'floor')
    const ratio = compiled.median / floor.median
    add(
      `(${w.id}) compiled vs hand-written floor`,
      '<= 3x the floor',
      `${fmtRatio(ratio)} (${fmtNs(compiled.median)} vs ${fmtNs(floor.median)})`,
      ratio <= 3,
    )
  }
  for (const w of workloads) {
    const compiled = byId(w.contenders, 'compiled')
    const text = byId(w.contenders, 'text')
    const ratio = text.median / compiled.median
    add(
      `(${w.id}) per-call on JSON text vs compiled`,
      '<= 1.5x',
      `${fmtRatio(ratio)} (${fmtNs(text.median)} vs ${fmtNs(compiled.median)})`,
      ratio <= 1.5,
    )
  }
  if (cold) {
    const s = cold.summary['iam-eval']
    add(
      "cold start beyond Node's own start (import + compile (b) + first decision)",
      '<= 10 ms',
      `${fmtMs(s.totalMs)} in the child (wall clock ${fmtMs(s.wallMs)} vs \`node -e 0\` ${fmtMs(cold.nodeMs)}: +${fmtMs(s.wallMs - cold.nodeMs)})`,
      s.totalMs <= 10,
    )
  }
  if (bundle) add('Lambda bundle, minified + gzip', '<= 30 KB', fmtBytes(bundle.gzipped), bundle.gzipped <= 30 * 1024)

  return {
    rows,
    table: {
      title: 'Targets',
      columns: ['Target', 'Goal', 'Measured', 'Status'],
      rows: rows.map((r) => [r.target, r.goal, r.measured, status(r.ok)]),
      notes: [
        `${rows.filter((r) => r.ok === true).length} met, ${rows.filter((r) => r.ok === false).length} missed, ${rows.filter((r) => r.ok === undefined).length} not applicable`,
        'ratios against peers use medians; a peer slower by more than the goal meets the target even if it answers wrongly (marked)',
      ],
    },
  }
}

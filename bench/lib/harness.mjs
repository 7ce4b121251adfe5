/**
 * The timing harness: contenders measured in interleaved rounds (each round runs every contender,
 * in a rotated order), mitata for the nanosecond-scale measurements, and plain `hrtime` for
 * contenders so slow that a round can only afford part of a workload (each round then takes a
 * different slice, so that together the rounds cover the workload once).
 *
 * A contender:
 *   { id, label, fn, heavy? }          fast: `fn()` does `opsPerCall` decisions (default 1); `heavy`:
 *                                       collect garbage after measuring it
 *   { id, label, slice(round, rounds) } slow: runs its share of the workload for this round and
 *                                       returns { ns, ops } (its own timing)
 * Each round records ns per decision; the report is the median over rounds with min and max.
 */
import { gc } from './expose-gc.mjs'
import { measure } from 'mitata'

const now = () => Number(process.hrtime.bigint())

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Runs a function repeatedly for about `ms` milliseconds (JIT warm-up before the first round). */
async function warm(fn, ms) {
  const end = now() + ms * 1e6
  let n = 0
  do {
    const r = fn()
    if (r instanceof Promise) await r
    n++
  } while (now() < end || n < 3)
}

/**
 * Measures the contenders in `rounds` interleaved rounds.
 * @returns a Map id -> { id, label, perRound: number[], median, min, max } (ns per decision)
 */
export async function runRounds(contenders, { rounds, budgetMs, warmupMs = budgetMs, log = () => {} }) {
  const results = new Map(contenders.map((c) => [c.id, { id: c.id, label: c.label, perRound: [] }]))
  gc()
  for (const c of contenders) if (c.fn !== undefined) await warm(c.fn, warmupMs)
  for (let round = 0; round < rounds; round++) {
    const shift = round % contenders.length
    const order = [...contenders.slice(shift), ...contenders.slice(0, shift)]
    for (const c of order) {
      let nsPerOp
      if (c.slice !== undefined) {
        const { ns, ops } = await c.slice(round, rounds)
        nsPerOp = ns / ops
        gc() // a slow contender's garbage is collected here, not in the next contender's timing
      } else {
        // No collection before each measurement: on a large heap a forced full GC costs up to half a
        // second and throws away optimized code (weak references), which is not what a steady-state
        // process sees. Each workload runs in a fresh process and the heap is collected once, after setup.
        const stats = await measure(c.fn, { min_cpu_time: budgetMs * 1e6, min_samples: 5, warmup_samples: 2, gc: false })
        nsPerOp = stats.p50 / (c.opsPerCall ?? 1)
        if (c.heavy) gc() // peers that allocate a lot: their garbage is not the next contender's cost
      }
      results.get(c.id).perRound.push(nsPerOp)
      log(`    round ${round + 1}/${rounds}  ${c.label.padEnd(40)} ${nsPerOp.toFixed(1)} ns/decision`)
    }
  }
  for (const r of results.values()) {
    r.median = median(r.perRound)
    r.min = Math.min(...r.perRound)
    r.max = Math.max(...r.perRound)
  }
  return results
}

/**
 * A slow contender over a list of items: round r decides items r, r + rounds, r + 2*rounds, ...
 * `decide(i)` may return a promise; its results are kept in `decisions[i]`.
 */
export function slicedContender({ id, label, count, decide, decisions = new Array(count), stride = 1 }) {
  return {
    id,
    label,
    decisions,
    async slice(round, rounds) {
      let ns = 0
      let ops = 0
      for (let i = round * stride; i < count; i += rounds * stride) {
        const t0 = now()
        let d = decide(i)
        if (d instanceof Promise) d = await d
        ns += now() - t0
        decisions[i] = d
        ops++
      }
      return { ns, ops: Math.max(ops, 1) }
    },
  }
}

/** Times `fn` (which may be async) over `iterations` calls; returns ns per call. */
export async function timeCalls(fn, iterations) {
  const t0 = now()
  for (let i = 0; i < iterations; i++) {
    const r = fn(i)
    if (r instanceof Promise) await r
  }
  return (now() - t0) / iterations
}

export { now }

/**
 * Workloads (a), (b), (c): one request each, every contender checked for the right decision, then
 * timed in interleaved rounds.
 */
import { basicWorkloads } from '../workloads/basic.mjs'
import { checkCorrectness, singleRequestContenders } from '../lib/contenders.mjs'
import { runRounds } from '../lib/harness.mjs'
import { contenderTable } from '../lib/report.mjs'

const plainContender = ({ id, label, na, note, answer, correct, median, min, max, perRound }) => ({
  id,
  label,
  na,
  note,
  answer,
  correct,
  median,
  min,
  max,
  perRound,
})

/** Checks and times one of (a)-(c); the result is plain data (it crosses a process boundary). */
export async function runSingleWorkload(id, engine, config, log) {
  const workload = basicWorkloads.find((w) => w.id === id)
  log(`\n${workload.title}`)
  const contenders = await checkCorrectness(singleRequestContenders(workload, engine), workload.expect)
  for (const c of contenders)
    log(
      `  check  ${c.label.padEnd(36)} ${c.na !== undefined ? `n/a: ${c.na}` : `${c.answer} ${c.correct ? 'ok' : `WRONG (expected ${workload.expect})`}`}`,
    )
  const timed = contenders.filter((c) => c.na === undefined && !String(c.answer).startsWith('threw'))
  const results = await runRounds(timed, { rounds: config.rounds, budgetMs: config.budgetMs, log: config.verbose ? log : () => {} })
  for (const c of contenders) if (results.has(c.id)) Object.assign(c, results.get(c.id))
  return { workload: { id: workload.id, title: workload.title, expect: workload.expect }, contenders: contenders.map(plainContender) }
}

export const singleTable = (result, config) => contenderTable(result.workload.title, result.workload.expect, result.contenders, config)

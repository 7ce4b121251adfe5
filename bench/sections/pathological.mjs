/**
 * Pathological timings: each case and engine in a child process with a timeout.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { pathologicalCases } from '../workloads/pathological.mjs'
import { fmtMs } from '../lib/format.mjs'
import { decisionMatches } from '../lib/contenders.mjs'

const CHILD = fileURLToPath(new URL('../children/pathological-child.mjs', import.meta.url))

export async function runPathological(config, log, distUrl) {
  log('\npathological inputs')
  const rows = []
  const results = {}
  for (const [name, c] of Object.entries(pathologicalCases)) {
    for (const engine of ['iam-eval', 'iam-simulate', 'pbac']) {
      const timeoutMs = engine === 'iam-eval' ? config.pathoTimeoutMs * 3 : config.pathoTimeoutMs
      const r = spawnSync(process.execPath, [CHILD, name, engine, distUrl, String(config.pathoBudgetMs)], {
        encoding: 'utf8',
        timeout: timeoutMs,
        maxBuffer: 1 << 24,
      })
      let cell
      let entry
      if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') {
        entry = { timedOut: true, timeoutMs }
        cell = [`> ${fmtMs(timeoutMs)} (killed)`, '—', 'timeout']
      } else if (r.status !== 0) {
        const lines = (r.stderr || '').trim().split('\n')
        entry = { failed: lines.find((l) => /Error\b/.test(l)) ?? lines.slice(-3).join(' ') }
        cell = ['—', '—', `failed: ${entry.failed.slice(0, 160)}`]
      } else {
        entry = JSON.parse(r.stdout)
        if (engine === 'iam-eval' && r.stderr) entry.defaults = JSON.parse(r.stderr).withDefaultLimits
        const ok = decisionMatches(entry.decision, c.expect)
        cell = [
          fmtMs(entry.medianMs),
          `${fmtMs(entry.firstMs)} – ${fmtMs(entry.maxMs)} (${entry.iterations} runs)`,
          ok ? `${entry.decision} (ok)` : `WRONG: ${entry.decision} (expected ${c.expect})`,
        ]
      }
      results[`${name}/${engine}`] = entry
      rows.push([c.title, engine, ...cell])
      log(`  ${name} ${engine}: ${cell.join('  ')}`)
    }
  }
  const defaultsNotes = Object.entries(pathologicalCases).map(([name]) => {
    const d = results[`${name}/iam-eval`]?.defaults
    return d ? `iam-eval with default limits on "${name}": ${d.decision} — ${d.reason}` : `iam-eval with default limits on "${name}": —`
  })
  return {
    results,
    table: {
      title: 'Pathological inputs (ms per decision; iam-eval compiled with NO_LIMITS)',
      columns: ['Case', 'Engine', 'Median / decision', 'Min – max', 'Decision'],
      rows,
      notes: [
        `each engine in its own process, timed for ~${config.pathoBudgetMs} ms (at most 200 decisions); peers killed after ${fmtMs(config.pathoTimeoutMs)}, iam-eval after ${fmtMs(config.pathoTimeoutMs * 3)}`,
        ...defaultsNotes,
      ],
    },
  }
}

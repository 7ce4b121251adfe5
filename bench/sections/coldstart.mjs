/**
 * Cold start: fresh `node` processes. Inside the child, from its first line: import the built ESM,
 * compile workload (b)'s policy, first decision. Node's own start (`node -e 0`) is measured apart,
 * in the same interleaved loop, by wall clock from the parent.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'
import { median, now } from '../lib/harness.mjs'
import { fmtMs } from '../lib/format.mjs'
import { workloadB } from '../workloads/basic.mjs'

const require = createRequire(import.meta.url)
const CHILD = fileURLToPath(new URL('../children/coldstart-child.mjs', import.meta.url))

export async function runColdStart(config, log, distUrl) {
  log('\ncold start')
  const payload = JSON.stringify({ policies: workloadB.policies, request: workloadB.request })
  const engines = {
    'iam-eval': distUrl,
    'iam-simulate': import.meta.resolve('@cloud-copilot/iam-simulate'),
    pbac: pathToFileURL(require.resolve('pbac')).href,
  }
  const samples = Object.fromEntries(Object.keys(engines).map((e) => [e, []]))
  const nodeWall = []
  const wall = (args) => {
    const t0 = now()
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' })
    const ms = (now() - t0) / 1e6
    if (r.status !== 0) throw new Error(`child failed: ${args.join(' ')}\n${r.stderr}`)
    return { ms, stdout: r.stdout }
  }
  for (let i = 0; i < config.coldRuns; i++) {
    nodeWall.push(wall(['-e', '0']).ms)
    for (const [engine, url] of Object.entries(engines)) {
      if (engine !== 'iam-eval' && i >= config.coldRunsPeers) continue
      const r = wall([CHILD, engine, url, payload])
      samples[engine].push({ ...JSON.parse(r.stdout), wallMs: r.ms })
    }
  }
  const summary = {}
  for (const [engine, list] of Object.entries(samples)) {
    const pick = (k) => median(list.map((s) => s[k]))
    summary[engine] = {
      runs: list.length,
      importMs: pick('importMs'),
      compileMs: pick('compileMs'),
      firstDecisionMs: pick('firstDecisionMs'),
      totalMs: pick('totalMs'),
      nodeStartMs: pick('nodeStartMs'),
      wallMs: pick('wallMs'),
      decision: list[0]?.decision,
    }
  }
  const nodeMs = median(nodeWall)
  const rows = Object.entries(summary).map(([engine, s]) => [
    engine,
    String(s.runs),
    fmtMs(s.importMs),
    fmtMs(s.compileMs),
    fmtMs(s.firstDecisionMs),
    fmtMs(s.totalMs),
    fmtMs(s.wallMs),
    fmtMs(s.wallMs - nodeMs),
    s.decision,
  ])
  for (const r of rows) log(`  ${r.join('  ')}`)
  return {
    summary,
    nodeMs,
    table: {
      title: 'Cold start (fresh node processes, workload (b))',
      columns: [
        'Engine',
        'Runs',
        'Import',
        'Compile / prepare',
        'First decision',
        'Total in child',
        'Child wall clock',
        'Wall − `node -e 0`',
        'Decision',
      ],
      rows,
      notes: [
        `Node's own start (\`node -e 0\`, wall clock from the parent): ${fmtMs(nodeMs)} (median of ${nodeWall.length})`,
        '"Total in child" = import + compile + first decision, measured with process.hrtime from the child\'s first line (the payload parse is excluded)',
        '"Wall − node -e 0" also counts loading the child script and ESM loader start-up, so it is an upper bound',
        'iam-simulate: runSimulation (validated, async); pbac: constructed with validateSchema: false; medians',
      ],
    },
  }
}

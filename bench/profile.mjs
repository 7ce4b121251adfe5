/**
 * Profiles one bench scenario with V8's sampling profilers (through node:inspector) and prints
 * where the time (or the allocation) goes, by function of dist/index.js. Not part of `npm run bench`.
 *
 *   node bench/profile.mjs <scenario> [seconds] [--alloc] [--no-inline]
 *
 * Scenarios: a|b|c-compiled, a|b|c-text, a|b|c-object, d-compiled, d-text, d-object,
 * e-<size>-hit, e-<size>-miss, patho-wildcard, patho-multivalue, cold-compile-b, and `cold`
 * (a fresh process under --cpu-prof: import + compile (b) + first decision).
 * The raw profile is written to bench/.tmp/<scenario>.cpuprofile (or .heapprofile), loadable in
 * Chrome DevTools. BENCH_DIST=path/to/index.js profiles another build than dist/.
 */
import fs from 'node:fs'
import v8 from 'node:v8'
import inspector from 'node:inspector/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { basicWorkloads, workloadB } from './workloads/basic.mjs'
import { buildManagedWorkload } from './workloads/managed.mjs'
import { buildScalingWorkload } from './workloads/scaling.mjs'
import { pathologicalCases } from './workloads/pathological.mjs'
import { asJsonText } from './lib/policy-text.mjs'
import { frameName, summarizeCpuProfile } from './lib/cpuprofile.mjs'

const engine = await import(
  process.env.BENCH_DIST ? pathToFileURL(path.resolve(process.env.BENCH_DIST)).href : new URL('../dist/index.js', import.meta.url).href
)
const [scenario, secondsArg, ...flags] = process.argv.slice(2)
const seconds = Number.isFinite(Number(secondsArg)) ? Number(secondsArg) : 3
const alloc = flags.includes('--alloc') || secondsArg === '--alloc'
// --no-inline: keep every function in its own frame (clearer attribution, somewhat slower code).
if (flags.includes('--no-inline') || secondsArg === '--no-inline') v8.setFlagsFromString('--max-inlined-bytecode-size=0')
if (!scenario) {
  console.error('usage: node bench/profile.mjs <scenario> [seconds] [--alloc]')
  process.exit(1)
}

/** Returns a function doing one unit of work, and how many decisions it makes. */
async function setup(name) {
  let m = /^([abc])-(compiled|text|object)$/.exec(name)
  if (m) {
    const w = basicWorkloads.find((x) => x.id === m[1])
    if (m[2] === 'compiled') {
      const a = engine.compile(w.policies)
      return { run: () => a.evaluate(w.request), decisions: 1 }
    }
    const policies = m[2] === 'text' ? asJsonText(w.policies) : w.policies
    return { run: () => engine.evaluate(w.request, policies), decisions: 1 }
  }
  m = /^d-(compiled|text|object)$/.exec(name)
  if (m) {
    const w = await buildManagedWorkload()
    const policies = m[1] === 'text' ? asJsonText(w.policies) : w.policies
    const a = engine.compile(w.policies)
    const decide = m[1] === 'compiled' ? (r) => a.evaluate(r) : (r) => engine.evaluate(r, policies)
    return {
      run: () => {
        for (const r of w.requests) decide(r)
      },
      decisions: w.requests.length,
    }
  }
  m = /^e-(\d+)-(hit|miss)$/.exec(name)
  if (m) {
    const w = buildScalingWorkload(Number(m[1]))
    const a = engine.compile(w.policies, { limits: engine.NO_LIMITS })
    const r = w[m[2]]
    return { run: () => a.evaluate(r), decisions: 1 }
  }
  m = /^patho-(\w+)$/.exec(name)
  if (m) {
    const c = pathologicalCases[m[1]]
    const a = engine.compile(c.policies, { limits: engine.NO_LIMITS })
    return { run: () => a.evaluate(c.request), decisions: 1 }
  }
  if (name === 'cold-compile-b') return { run: () => engine.compile(workloadB.policies).evaluate(workloadB.request), decisions: 1 }
  throw new Error(`unknown scenario ${name}`)
}

if (scenario === 'cold') {
  // A fresh process (the cold-start child) under --cpu-prof: import, compile (b), first decision.
  const { spawnSync } = await import('node:child_process')
  const dir = fileURLToPath(new URL('./.tmp/coldprof/', import.meta.url))
  fs.rmSync(dir, { recursive: true, force: true })
  const distUrl = process.env.BENCH_DIST
    ? pathToFileURL(path.resolve(process.env.BENCH_DIST)).href
    : new URL('../dist/index.js', import.meta.url).href
  const payload = JSON.stringify({ policies: workloadB.policies, request: workloadB.request })
  const child = fileURLToPath(new URL('./children/coldstart-child.mjs', import.meta.url))
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '100', child, 'iam-eval', distUrl, payload],
    { encoding: 'utf8' },
  )
  console.log(`child: ${r.stdout}`)
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
  for (const line of summarizeCpuProfile(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), 30)) console.log(line)
  console.log(`profile: ${path.join(dir, file)}`)
  process.exit(0)
}
const { run, decisions } = await setup(scenario)
// Warm up (JIT) before profiling.
const warmEnd = performance.now() + 500
while (performance.now() < warmEnd) run()

const session = new inspector.Session()
session.connect()
let count = 0
const t0 = performance.now()
if (alloc) {
  await session.post('HeapProfiler.enable')
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  })
} else {
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 50 })
  await session.post('Profiler.start')
}
const end = performance.now() + seconds * 1000
while (performance.now() < end) {
  for (let i = 0; i < 64; i++) run()
  count += 64
}
const elapsed = performance.now() - t0
const outDir = fileURLToPath(new URL('./.tmp/', import.meta.url))
fs.mkdirSync(outDir, { recursive: true })
console.log(`${scenario}: ${count} runs, ${((elapsed * 1e6) / (count * decisions)).toFixed(0)} ns per decision (under the profiler)`)

const where = frameName

if (alloc) {
  const { profile } = await session.post('HeapProfiler.stopSampling')
  fs.writeFileSync(`${outDir}${scenario}.heapprofile`, JSON.stringify(profile))
  const byFn = new Map()
  let total = 0
  const walk = (node) => {
    const self = node.selfSize
    total += self
    const key = where(node.callFrame)
    byFn.set(key, (byFn.get(key) ?? 0) + self)
    for (const child of node.children) walk(child)
  }
  walk(profile.head)
  console.log(
    `sampled allocation: ${(total / 1024 / 1024).toFixed(1)} MB allocated while profiling, about ${(total / (count * decisions)).toFixed(0)} bytes per decision; by allocating function:`,
  )
  for (const [fn, bytes] of [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${(bytes / 1024).toFixed(1).padStart(8)} KB  ${fn}`)
} else {
  const { profile } = await session.post('Profiler.stop')
  fs.writeFileSync(`${outDir}${scenario}.cpuprofile`, JSON.stringify(profile))
  for (const line of summarizeCpuProfile(profile)) console.log(line)
}
session.disconnect()

// One pathological case for one engine, in its own process (so a runaway matcher can be killed).
// Args: <case> <engine> <dist URL> <budget ms>. Prints one JSON line.
import { pathologicalCases } from '../workloads/pathological.mjs'
import { preparePbac, toPbacRequest, toSimulation, simulateDecision } from '../lib/peers.mjs'

const [caseName, engine, distUrl, budget] = process.argv.slice(2)
const c = pathologicalCases[caseName]
const budgetMs = Number(budget)
let decide
if (engine === 'iam-eval') {
  const { compile, NO_LIMITS } = await import(distUrl)
  const authorizer = compile(c.policies, { limits: NO_LIMITS })
  decide = () => authorizer.evaluate(c.request, {}).decision
  // Without raised limits, the request itself is refused up front: report that too.
  let withDefaultLimits
  try {
    const defaults = compile(c.policies).evaluate(c.request)
    withDefaultLimits = { decision: defaults.decision, reason: defaults.reason }
  } catch (error) {
    withDefaultLimits = { decision: 'compile refused', reason: error.message }
  }
  process.stderr.write(JSON.stringify({ withDefaultLimits }))
} else if (engine === 'iam-simulate') {
  const simulation = toSimulation(c.request, c.policies)
  decide = async () => (await simulateDecision(simulation)).decision
} else if (engine === 'pbac') {
  const pbac = preparePbac(c.policies.identity)
  const request = toPbacRequest(c.request)
  decide = () => (pbac.evaluate(request) ? 'Allow' : 'Deny (explicit or implicit)')
}
const times = []
let decision
const start = performance.now()
do {
  const t0 = performance.now()
  decision = await decide()
  times.push(performance.now() - t0)
} while (performance.now() - start < budgetMs && times.length < 200)
times.sort((a, b) => a - b)
process.stdout.write(
  JSON.stringify({
    decision,
    iterations: times.length,
    firstMs: times[0],
    medianMs: times[times.length >> 1],
    maxMs: times[times.length - 1],
  }),
)

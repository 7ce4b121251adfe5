// Cold start, measured from this file's first line: import the library, compile workload (b)'s
// policy and decide its request once. Prints one JSON line. Args: <engine> <module URL> <payload JSON>
const t0 = process.hrtime.bigint()
const sinceProcessStart = performance.now()
const [engine, moduleUrl, payloadJson] = process.argv.slice(2)
const ms = (a, b) => Number(b - a) / 1e6

const mod = await import(moduleUrl)
const t1 = process.hrtime.bigint()
const { policies, request } = JSON.parse(payloadJson)
const t2 = process.hrtime.bigint()
let decide
if (engine === 'iam-eval') {
  const authorizer = mod.compile(policies)
  decide = () => authorizer.evaluate(request).decision
} else if (engine === 'iam-simulate') {
  const simulation = {
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount },
      contextVariables: request.context ?? {},
    },
    identityPolicies: policies.identity.map((policy, i) => ({ name: `p${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  }
  decide = async () => (await mod.runSimulation(simulation, {})).overallResult
} else if (engine === 'pbac') {
  const PBAC = mod.default
  const wrap = (v) => (v === undefined || Array.isArray(v) ? v : [v])
  const docs = policies.identity.map((d) => ({
    ...d,
    Statement: d.Statement.map((s) => ({ ...s, Action: wrap(s.Action), Resource: wrap(s.Resource) })),
  }))
  const pbac = new PBAC(docs, { validateSchema: false })
  const context = {}
  for (const [k, v] of Object.entries(request.context ?? {})) (context[k.split(':')[0]] ??= {})[k.slice(k.indexOf(':') + 1)] = v
  decide = () => pbac.evaluate({ action: request.action, resource: request.resource, context })
}
const t3 = process.hrtime.bigint()
const decision = await decide()
const t4 = process.hrtime.bigint()
process.stdout.write(
  JSON.stringify({
    nodeStartMs: sinceProcessStart,
    importMs: ms(t0, t1),
    compileMs: ms(t2, t3),
    firstDecisionMs: ms(t3, t4),
    totalMs: ms(t0, t1) + ms(t2, t4),
    decision: String(decision),
  }),
)

/**
 * Adapters from the bench's request/policy format (iam-eval's, see shared/conformance/FORMAT.md) to
 * the peers': @cloud-copilot/iam-simulate (called only through its public API, as a black box) and
 * pbac (construct once, then evaluate).
 */
import { createRequire } from 'node:module'
import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate'

const require = createRequire(import.meta.url)
const PBAC = require('pbac')

// ---------------------------------------------------------------------------------------------
// iam-simulate

const SIMULATE_DECISIONS = { Allowed: 'Allow', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' }

/** iam-simulate's result (`Allowed`...) in the bench's vocabulary. */
export const fromSimulateResult = (result) => SIMULATE_DECISIONS[result] ?? `unknown (${String(result)})`

const contextValue = (value) => (Array.isArray(value) ? value.map(String) : String(value))

/** The iam-simulate `Simulation` for one request and policy set. */
export function toSimulation(request, policies) {
  const named = (docs, prefix) => docs.map((policy, i) => ({ name: `${prefix}${i}`, policy }))
  const levels = (list, prefix) =>
    (list ?? []).map((level, i) => ({ orgIdentifier: `${prefix}-${i}`, policies: named(level, `${prefix}${i}-`) }))
  const context = {}
  for (const [key, value] of Object.entries(request.context ?? {})) context[key] = contextValue(value)
  const simulation = {
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount ?? request.resource.split(':')[4] ?? '' },
      contextVariables: context,
    },
    identityPolicies: named(policies.identity ?? [], 'identity'),
    serviceControlPolicies: levels(policies.scps, 'scp'),
    resourceControlPolicies: levels(policies.rcps, 'rcp'),
  }
  if (policies.resource !== undefined) simulation.resourcePolicy = policies.resource
  if (policies.permissionsBoundary !== undefined) simulation.permissionBoundaryPolicies = named([policies.permissionsBoundary], 'boundary')
  if (policies.session !== undefined) simulation.sessionPolicy = policies.session
  if (policies.endpoint !== undefined) simulation.vpcEndpointPolicies = named(policies.endpoint, 'endpoint')
  return simulation
}

/**
 * iam-simulate's validated entry point (`runSimulation`, async). Returns the decision, or
 * `error: ...` when iam-simulate refuses the input.
 */
export async function simulateDecision(simulation) {
  const response = await runSimulation(simulation, {})
  if (response.resultType === 'error') return { decision: `error: ${response.errors.message}`, response }
  return { decision: fromSimulateResult(response.overallResult), response }
}

/** iam-simulate's unvalidated entry point (`runUnsafeSimulation`, synchronous). */
export function simulateUnsafeDecision(simulation) {
  return fromSimulateResult(runUnsafeSimulation(simulation, {}))
}

export { runSimulation, runUnsafeSimulation }

// ---------------------------------------------------------------------------------------------
// pbac

/** pbac's schema wants Action/Resource (and their Not forms) as arrays. */
export function toPbacPolicy(doc) {
  const wrap = (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])
  return {
    Version: doc.Version ?? '2012-10-17',
    Statement: (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]).map((st) => {
      const out = { ...st }
      for (const element of ['Action', 'NotAction', 'Resource', 'NotResource'])
        if (st[element] !== undefined) out[element] = wrap(st[element])
      return out
    }),
  }
}

/** pbac's context is nested: `aws:SourceIp` becomes `{ aws: { SourceIp } }`. */
export function toPbacRequest(request) {
  const context = {}
  for (const [key, value] of Object.entries(request.context ?? {})) {
    const at = key.indexOf(':')
    const prefix = at < 0 ? key : key.slice(0, at)
    const rest = at < 0 ? '' : key.slice(at + 1)
    ;(context[prefix] ??= {})[rest] = value
  }
  return { action: request.action, resource: request.resource, context }
}

/**
 * pbac prepared for identity policies (it has no notion of the other policy types). Its answer is
 * a boolean: `true` is Allow; `false` cannot say whether the deny was explicit or implicit.
 * Throws when pbac's schema rejects a policy.
 */
export function preparePbac(identityPolicies, { validate = true } = {}) {
  return new PBAC(identityPolicies.map(toPbacPolicy), { validateSchema: false, validatePolicies: validate })
}

/** Whether pbac's boolean agrees with an expected decision. */
export const pbacAgrees = (allowed, expected) => (allowed ? expected === 'Allow' : expected !== 'Allow')

/**
 * The decision flow of spec section 2 over a compiled policy set: explicit deny anywhere (R11),
 * the RCP, SCP and endpoint gates (R18-R21), then the grant rules for the shape of the request:
 * anonymous (R28), service principal (R29), resources whose own policy is mandatory (R32, R33),
 * the root user (R30), same account (R22-R27) and cross-account (R31). Only statements the action
 * plan lists are tested, and each test stops at the first element that fails.
 */
import type { ActionPlan, CompiledPolicySet, PlacedStatement } from '../compile/policy-set.js'
import { describeStatement } from '../compile/reference.js'
import type { StatementReference } from '../compile/reference.js'
import { NAMED_BY_ROLE, NAMED_DIRECTLY, NOT_NAMED } from '../match/principal.js'
import type { PrincipalMatchStrength } from '../match/principal.js'
import { statementStrength } from './match-statement.js'
import type { NormalizedRequest } from './request.js'
import type { EvaluationResult, FailedGate, GateExplanation, GateKind } from './result.js'

/** Hears each gate as the flow checks it (explanations only). */
export type GateListener = (gate: GateExplanation) => void

const NO_STATEMENTS: readonly StatementReference[] = Object.freeze([])

/** An implicit deny at a gate. */
export function implicitDeny(kind: GateKind, reason: string, position?: { level?: number; policyIndex?: number }): EvaluationResult {
  const failedGate: FailedGate = position === undefined ? { kind } : { kind, ...position }
  return { decision: 'ImplicitDeny', allowed: false, reason, decisiveStatements: NO_STATEMENTS, failedGate }
}

function allow(reason: string, statements: readonly StatementReference[]): EvaluationResult {
  return { decision: 'Allow', allowed: true, reason, decisiveStatements: statements }
}

/** Decides a normalized request against a policy set. */
export function decide(set: CompiledPolicySet, request: NormalizedRequest, onGate?: GateListener): EvaluationResult {
  const plan = set.planFor(request.actionLower)
  const caller = request.caller
  const hasBoundary = set.permissionsBoundary !== undefined

  const firstApplying = (statements: readonly PlacedStatement[]): PlacedStatement | undefined => {
    for (const entry of statements) {
      if (statementStrength(entry.statement, request, hasBoundary) !== NOT_NAMED) return entry
    }
    return undefined
  }

  // R11: an explicit deny in any applicable policy wins. SCPs apply only to IAM callers (C21).
  for (const entry of plan.denies) {
    if (entry.reference.policyType === 'scp' && !caller.subjectToScps) continue
    if (statementStrength(entry.statement, request, hasBoundary) !== NOT_NAMED) {
      onGate?.({ kind: 'explicit-deny', passed: false })
      return {
        decision: 'ExplicitDeny',
        allowed: false,
        reason: `explicitly denied by ${describeStatement(entry.reference)}`,
        decisiveStatements: entry.references,
      }
    }
  }
  onGate?.({ kind: 'explicit-deny', passed: true })

  // R20: every RCP level must allow, whoever the caller.
  const rcpFailure = levelGate('rcp', plan.rcpAllows, set.rcps !== undefined, firstApplying, onGate)
  if (rcpFailure !== undefined) return rcpFailure
  // R19: every SCP level must allow, for IAM callers of the member account.
  const scpFailure = levelGate('scp', plan.scpAllows, set.scps !== undefined && caller.subjectToScps, firstApplying, onGate)
  if (scpFailure !== undefined) return scpFailure
  // R21: every endpoint policy on the way must allow.
  if (set.endpoint !== undefined) {
    for (let index = 0; index < plan.endpointAllows.length; index++) {
      const passed = firstApplying(plan.endpointAllows[index] as readonly PlacedStatement[]) !== undefined
      onGate?.({ kind: 'endpoint', passed, policyIndex: index })
      if (!passed) {
        return implicitDeny('endpoint', `VPC endpoint policy #${index} has no statement that allows the request`, { policyIndex: index })
      }
    }
  }

  switch (caller.kind) {
    case 'unrecognized':
      onGate?.({ kind: 'principal', passed: false })
      return implicitDeny('principal', `'${caller.principal}' is not a caller IAM knows: expected an IAM or STS ARN, a service principal, or "*"`)
    case 'anonymous':
    case 'service':
      return resourceOnlyGrant(plan, request, firstApplying, onGate)
  }

  if (request.mandatoryResourcePolicy !== undefined && firstApplying(plan.resourceAllows) === undefined) {
    onGate?.({ kind: 'resource-policy', passed: false })
    return implicitDeny(
      'resource-policy',
      request.mandatoryResourcePolicy === 'trust'
        ? "the role's trust policy does not allow the caller: assuming a role always needs its trust policy (R32)"
        : 'the key policy does not allow the caller: a KMS key policy must allow access itself or enable IAM policies (R33)',
    )
  }

  if (caller.kind === 'root') {
    if (request.sameAccount) {
      return allow('the account root user has full access in its own account unless something denies it (R30)', NO_STATEMENTS)
    }
    const grant = firstApplying(plan.resourceAllows)
    onGate?.({ kind: 'resource-policy', passed: grant !== undefined })
    if (grant === undefined) return crossAccountWithoutResourceGrant()
    return allow(`allowed across accounts by ${describeStatement(grant.reference)} (R31)`, grant.references)
  }

  return request.sameAccount
    ? sameAccount(set, plan, request, hasBoundary, firstApplying, onGate)
    : crossAccount(set, plan, request, firstApplying, onGate)
}

function levelGate(
  kind: 'rcp' | 'scp',
  levels: readonly (readonly PlacedStatement[])[],
  applies: boolean,
  firstApplying: (statements: readonly PlacedStatement[]) => PlacedStatement | undefined,
  onGate: GateListener | undefined,
): EvaluationResult | undefined {
  if (!applies) return undefined
  for (let level = 0; level < levels.length; level++) {
    const passed = firstApplying(levels[level] as readonly PlacedStatement[]) !== undefined
    onGate?.({ kind, passed, level })
    if (!passed) {
      const name = kind === 'rcp' ? 'resource control policy' : 'service control policy'
      return implicitDeny(kind, `no ${name} at level ${level} allows the request (every level must allow, R18)`, { level })
    }
  }
  return undefined
}

/** R28, R29: anonymous and service callers are allowed only by a resource policy naming them. */
function resourceOnlyGrant(
  plan: ActionPlan,
  request: NormalizedRequest,
  firstApplying: (statements: readonly PlacedStatement[]) => PlacedStatement | undefined,
  onGate: GateListener | undefined,
): EvaluationResult {
  const grant = firstApplying(plan.resourceAllows)
  onGate?.({ kind: 'resource-policy', passed: grant !== undefined })
  if (grant !== undefined) return allow(`allowed by ${describeStatement(grant.reference)}`, grant.references)
  return implicitDeny(
    'resource-policy',
    request.caller.kind === 'anonymous'
      ? 'an anonymous caller is only allowed by a resource policy that grants to Principal "*" (R28)'
      : 'a service principal is only allowed by a resource policy that names it (R29)',
  )
}

function crossAccountWithoutResourceGrant(): EvaluationResult {
  return implicitDeny(
    'resource-policy',
    "no resource policy statement of the resource's account allows the caller: a cross-account request needs both sides to allow (R31)",
  )
}

/** R22-R27: within one account, the resource policy, identity policies, boundary and session policy. */
function sameAccount(
  set: CompiledPolicySet,
  plan: ActionPlan,
  request: NormalizedRequest,
  hasBoundary: boolean,
  firstApplying: (statements: readonly PlacedStatement[]) => PlacedStatement | undefined,
  onGate: GateListener | undefined,
): EvaluationResult {
  // R23: the most favourable way a resource-policy Allow names the caller (A46).
  let best: PrincipalMatchStrength = NOT_NAMED
  let bestGrant: PlacedStatement | undefined
  for (const entry of plan.resourceAllows) {
    const strength = statementStrength(entry.statement, request, hasBoundary)
    if (strength > best) {
      best = strength
      bestGrant = entry
      if (strength === NAMED_DIRECTLY) break
    }
  }
  if (best === NAMED_DIRECTLY && bestGrant !== undefined) {
    onGate?.({ kind: 'resource-policy', passed: true })
    return allow(
      `allowed by ${describeStatement(bestGrant.reference)}, which names the caller itself; identity policies, boundary and session policy cannot cut it back in the same account (R23)`,
      bestGrant.references,
    )
  }
  const roleGrant = best === NAMED_BY_ROLE ? bestGrant : undefined
  const identityGrant = roleGrant === undefined ? firstApplying(plan.identityAllows) : undefined
  const grant = roleGrant ?? identityGrant
  onGate?.({ kind: 'identity', passed: grant !== undefined })
  if (grant === undefined) {
    return implicitDeny('identity', 'no identity-based or resource-based policy statement allows the request (R22, R25)')
  }
  const limited = limitingPolicies(set, plan, request, firstApplying, onGate)
  if (limited !== undefined) return limited
  return allow(`allowed by ${describeStatement(grant.reference)}`, grant.references)
}

/** R31: both the caller's account (identity side) and the resource's account (resource policy) must allow. */
function crossAccount(
  set: CompiledPolicySet,
  plan: ActionPlan,
  request: NormalizedRequest,
  firstApplying: (statements: readonly PlacedStatement[]) => PlacedStatement | undefined,
  onGate: GateListener | undefined,
): EvaluationResult {
  const resourceGrant = firstApplying(plan.resourceAllows)
  onGate?.({ kind: 'resource-policy', passed: resourceGrant !== undefined })
  if (resourceGrant === undefined) return crossAccountWithoutResourceGrant()
  const identityGrant = firstApplying(plan.identityAllows)
  onGate?.({ kind: 'identity', passed: identityGrant !== undefined })
  if (identityGrant === undefined) {
    return implicitDeny('identity', "no identity-based policy of the caller's account allows the request: a cross-account request needs both sides to allow (R31)")
  }
  const limited = limitingPolicies(set, plan, request, firstApplying, onGate)
  if (limited !== undefined) return limited
  return allow(
    `allowed by ${describeStatement(identityGrant.reference)} and ${describeStatement(resourceGrant.reference)} (cross-account, R31)`,
    Object.freeze([identityGrant.reference, resourceGrant.reference]),
  )
}

/** R26, R27: the permissions boundary and the session policy limit what identity (or role) grants. */
function limitingPolicies(
  set: CompiledPolicySet,
  plan: ActionPlan,
  request: NormalizedRequest,
  firstApplying: (statements: readonly PlacedStatement[]) => PlacedStatement | undefined,
  onGate: GateListener | undefined,
): EvaluationResult | undefined {
  if (set.permissionsBoundary !== undefined) {
    const passed = firstApplying(plan.boundaryAllows) !== undefined
    onGate?.({ kind: 'permissions-boundary', passed })
    if (!passed) return implicitDeny('permissions-boundary', 'the permissions boundary does not allow the request (R26)')
  }
  if (!request.caller.isSession) return undefined
  if (set.session !== undefined) {
    const passed = firstApplying(plan.sessionAllows) !== undefined
    onGate?.({ kind: 'session-policy', passed })
    if (!passed) return implicitDeny('session-policy', 'the session policy does not allow the request (R27)')
  } else if (request.caller.kind === 'federated-user') {
    onGate?.({ kind: 'session-policy', passed: false })
    return implicitDeny(
      'session-policy',
      'a federated user session created without a session policy has no permissions of its own (R27, A48)',
    )
  }
  return undefined
}

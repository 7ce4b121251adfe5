/**
 * The decision flow of spec section 2 over a compiled policy set: explicit deny anywhere (R11),
 * the RCP, SCP and endpoint gates (R18-R21), then the grant rules for the shape of the request:
 * anonymous (R28), service principal (R29), resources whose own policy is mandatory (R32, R33),
 * the root user (R30), same account (R22-R27) and cross-account (R31). Only statements the action
 * plan lists are tested, and each test stops at the first element that fails. The common paths
 * allocate one result object at most: gate failures share frozen results.
 */
import type { ActionPlan, CompiledPolicySet, PlacedStatement } from '../compile/policy-set.js'
import type { StatementReference } from '../compile/reference.js'
import { NAMED_BY_ROLE, NAMED_DIRECTLY, NOT_NAMED } from '../match/principal.js'
import type { PrincipalMatchStrength } from '../match/principal.js'
import { firstApplying, statementStrength } from './match-statement.js'
import type { NormalizedRequest } from './request.js'
import type { EvaluationResult, FailedGate, GateExplanation, GateKind } from './result.js'

/** Hears each gate as the flow checks it (explanations only). */
export type GateListener = (gate: GateExplanation) => void

const NO_STATEMENTS: readonly StatementReference[] = Object.freeze([])

/** An implicit deny at a gate (frozen: results of gate failures are shared). */
export function implicitDeny(kind: GateKind, reason: string, position?: { level?: number; policyIndex?: number }): EvaluationResult {
  const failedGate: FailedGate = Object.freeze(position === undefined ? { kind } : { kind, ...position })
  return Object.freeze({ decision: 'ImplicitDeny', allowed: false, reason, decisiveStatements: NO_STATEMENTS, failedGate })
}

function allow(reason: string, statements: readonly StatementReference[]): EvaluationResult {
  return { decision: 'Allow', allowed: true, reason, decisiveStatements: statements }
}

const UNRECOGNIZED_SUFFIX = ' is not a caller IAM knows: expected an IAM or STS ARN, a service principal, or "*"'
const DENIED = {
  anonymous: implicitDeny('resource-policy', 'an anonymous caller is only allowed by a resource policy that grants to Principal "*" (R28)'),
  service: implicitDeny('resource-policy', 'a service principal is only allowed by a resource policy that names it (R29)'),
  trust: implicitDeny(
    'resource-policy',
    "the role's trust policy does not allow the caller: assuming a role always needs its trust policy (R32)",
  ),
  kms: implicitDeny(
    'resource-policy',
    'the key policy does not allow the caller: a KMS key policy must allow access itself or enable IAM policies (R33)',
  ),
  crossAccountResource: implicitDeny(
    'resource-policy',
    "no resource policy statement of the resource's account allows the caller: a cross-account request needs both sides to allow (R31)",
  ),
  sameAccountIdentity: implicitDeny('identity', 'no identity-based or resource-based policy statement allows the request (R22, R25)'),
  crossAccountIdentity: implicitDeny(
    'identity',
    "no identity-based policy of the caller's account allows the request: a cross-account request needs both sides to allow (R31)",
  ),
  boundary: implicitDeny('permissions-boundary', 'the permissions boundary does not allow the request (R26)'),
  session: implicitDeny('session-policy', 'the session policy does not allow the request (R27)'),
  federatedWithoutSession: implicitDeny(
    'session-policy',
    'a federated user session created without a session policy has no permissions of its own (R27, A48)',
  ),
} as const
const ROOT_ALLOW = Object.freeze(
  allow('the account root user has full access in its own account unless something denies it (R30)', NO_STATEMENTS),
)

// Level and endpoint failures, made on first use and shared afterwards.
const levelDenials = { rcp: [] as EvaluationResult[], scp: [] as EvaluationResult[], endpoint: [] as EvaluationResult[] }
function levelDenied(kind: 'rcp' | 'scp' | 'endpoint', index: number): EvaluationResult {
  const known = levelDenials[kind][index]
  if (known !== undefined) return known
  const made =
    kind === 'endpoint'
      ? implicitDeny('endpoint', `VPC endpoint policy #${index} has no statement that allows the request (R21)`, { policyIndex: index })
      : implicitDeny(
          kind,
          `no ${kind === 'rcp' ? 'resource' : 'service'} control policy at level ${index} allows the request (every level must allow, R18)`,
          { level: index },
        )
  if (index < 64) levelDenials[kind][index] = made
  return made
}

/** Decides a normalized request against a policy set. */
export function decide(set: CompiledPolicySet, request: NormalizedRequest, onGate?: GateListener): EvaluationResult {
  const plan = set.planFor(request.action)
  const caller = request.caller
  const hasBoundary = set.permissionsBoundary !== undefined

  // R11: an explicit deny in any applicable policy wins. SCPs apply only to IAM callers (C21).
  const denies = plan.denies
  for (let index = 0; index < denies.length; index++) {
    const entry = denies[index] as PlacedStatement
    if (entry.reference.policyType === 'scp' && !caller.subjectToScps) continue
    if (statementStrength(entry.statement, request, hasBoundary) !== NOT_NAMED) {
      onGate?.({ kind: 'explicit-deny', passed: false })
      return {
        decision: 'ExplicitDeny',
        allowed: false,
        reason: `explicitly denied by ${entry.description}`,
        decisiveStatements: entry.references,
      }
    }
  }
  onGate?.({ kind: 'explicit-deny', passed: true })

  // R20: every RCP level must allow, whoever the caller.
  if (set.rcps !== undefined) {
    const failed = failedLevel('rcp', plan.rcpAllows, request, hasBoundary, onGate)
    if (failed !== undefined) return failed
  }
  // R19: every SCP level must allow, for IAM callers of the member account.
  if (set.scps !== undefined && caller.subjectToScps) {
    const failed = failedLevel('scp', plan.scpAllows, request, hasBoundary, onGate)
    if (failed !== undefined) return failed
  }
  // R21: every endpoint policy on the way must allow.
  if (set.endpoint !== undefined) {
    const failed = failedLevel('endpoint', plan.endpointAllows, request, hasBoundary, onGate)
    if (failed !== undefined) return failed
  }

  switch (caller.kind) {
    case 'unrecognized':
      onGate?.({ kind: 'principal', passed: false })
      return implicitDeny('principal', `'${caller.principal}'${UNRECOGNIZED_SUFFIX}`)
    case 'anonymous':
    case 'service': {
      // R28, R29: allowed only by a resource policy naming them.
      const grant = firstApplying(plan.resourceAllows, request, hasBoundary)
      onGate?.({ kind: 'resource-policy', passed: grant !== undefined })
      if (grant !== undefined) return allow(`allowed by ${grant.description}`, grant.references)
      return caller.kind === 'anonymous' ? DENIED.anonymous : DENIED.service
    }
  }

  const mandatory = mandatoryResourcePolicy(plan, request)
  if (mandatory !== undefined && firstApplying(plan.resourceAllows, request, hasBoundary) === undefined) {
    onGate?.({ kind: 'resource-policy', passed: false })
    return mandatory === 'trust' ? DENIED.trust : DENIED.kms
  }

  if (caller.kind === 'root') {
    if (request.sameAccount) return ROOT_ALLOW // R30
    const grant = firstApplying(plan.resourceAllows, request, hasBoundary)
    onGate?.({ kind: 'resource-policy', passed: grant !== undefined })
    if (grant === undefined) return DENIED.crossAccountResource
    return allow(`allowed across accounts by ${grant.description} (R31)`, grant.references)
  }

  return request.sameAccount
    ? sameAccount(set, plan, request, hasBoundary, mandatory !== undefined, onGate)
    : crossAccount(set, plan, request, hasBoundary, onGate)
}

/** R32, R33: a role trust policy or a KMS key policy must allow by itself (C22). */
function mandatoryResourcePolicy(plan: ActionPlan, request: NormalizedRequest): 'trust' | 'kms' | undefined {
  if (plan.isTrustAction && ROLE_ARN.test(request.resource)) return 'trust'
  if (plan.isKmsAction && KMS_KEY_ARN.test(request.resource)) return 'kms'
  return undefined
}
const ROLE_ARN = /^arn:[^:]+:iam::\d{12}:role\//
const KMS_KEY_ARN = /^arn:[^:]+:kms:[^:]*:\d{12}:key\//

/** The first level (or endpoint policy) without an applying Allow, as its denial. */
function failedLevel(
  kind: 'rcp' | 'scp' | 'endpoint',
  levels: readonly (readonly PlacedStatement[])[],
  request: NormalizedRequest,
  hasBoundary: boolean,
  onGate: GateListener | undefined,
): EvaluationResult | undefined {
  for (let index = 0; index < levels.length; index++) {
    const passed = firstApplying(levels[index] as readonly PlacedStatement[], request, hasBoundary) !== undefined
    onGate?.(kind === 'endpoint' ? { kind, passed, policyIndex: index } : { kind, passed, level: index })
    if (!passed) return levelDenied(kind, index)
  }
  return undefined
}

/** R22-R27: within one account, the resource policy, identity policies, boundary and session policy. */
function sameAccount(
  set: CompiledPolicySet,
  plan: ActionPlan,
  request: NormalizedRequest,
  hasBoundary: boolean,
  mandatory: boolean,
  onGate: GateListener | undefined,
): EvaluationResult {
  // R23: the most favourable way a resource-policy Allow names the caller (A46).
  let best: PrincipalMatchStrength = NOT_NAMED
  let bestGrant: PlacedStatement | undefined
  const resourceAllows = plan.resourceAllows
  for (let index = 0; index < resourceAllows.length; index++) {
    const entry = resourceAllows[index] as PlacedStatement
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
      `allowed by ${bestGrant.description}, which names the caller itself; identity policies, boundary and session policy cannot cut it back in the same account (R23)`,
      bestGrant.references,
    )
  }
  const grant = (best === NAMED_BY_ROLE ? bestGrant : undefined) ?? firstApplying(plan.identityAllows, request, hasBoundary)
  onGate?.({ kind: 'identity', passed: grant !== undefined })
  if (grant === undefined) return DENIED.sameAccountIdentity
  const limited = limitingPolicies(set, plan, request, hasBoundary, onGate)
  if (limited !== undefined) return limited
  if (mandatory && bestGrant !== undefined && grant !== bestGrant) {
    // R32, R33: the trust or key policy had to allow too (naming the account); both decided.
    return allow(
      `allowed by ${grant.description} and ${bestGrant.description}, which the ${request.resource.includes(':kms:') ? 'key' : 'trust'} policy requires (R32, R33)`,
      Object.freeze([grant.reference, bestGrant.reference]),
    )
  }
  return allow(`allowed by ${grant.description}`, grant.references)
}

/** R31: both the caller's account (identity side) and the resource's account (resource policy) must allow. */
function crossAccount(
  set: CompiledPolicySet,
  plan: ActionPlan,
  request: NormalizedRequest,
  hasBoundary: boolean,
  onGate: GateListener | undefined,
): EvaluationResult {
  const resourceGrant = firstApplying(plan.resourceAllows, request, hasBoundary)
  onGate?.({ kind: 'resource-policy', passed: resourceGrant !== undefined })
  if (resourceGrant === undefined) return DENIED.crossAccountResource
  const identityGrant = firstApplying(plan.identityAllows, request, hasBoundary)
  onGate?.({ kind: 'identity', passed: identityGrant !== undefined })
  if (identityGrant === undefined) return DENIED.crossAccountIdentity
  return (
    limitingPolicies(set, plan, request, hasBoundary, onGate) ??
    allow(
      `allowed by ${identityGrant.description} and ${resourceGrant.description} (cross-account, R31)`,
      Object.freeze([identityGrant.reference, resourceGrant.reference]),
    )
  )
}

/** R26, R27: the permissions boundary and the session policy limit what identity (or role) grants. */
function limitingPolicies(
  set: CompiledPolicySet,
  plan: ActionPlan,
  request: NormalizedRequest,
  hasBoundary: boolean,
  onGate: GateListener | undefined,
): EvaluationResult | undefined {
  if (hasBoundary) {
    const passed = firstApplying(plan.boundaryAllows, request, hasBoundary) !== undefined
    onGate?.({ kind: 'permissions-boundary', passed })
    if (!passed) return DENIED.boundary
  }
  if (!request.caller.isSession) return undefined
  if (set.session !== undefined) {
    const passed = firstApplying(plan.sessionAllows, request, hasBoundary) !== undefined
    onGate?.({ kind: 'session-policy', passed })
    if (!passed) return DENIED.session
  } else if (request.caller.kind === 'federated-user') {
    onGate?.({ kind: 'session-policy', passed: false })
    return DENIED.federatedWithoutSession
  }
  return undefined
}

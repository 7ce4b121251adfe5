/**
 * The policies that apply to a request, placed in their slots (identity, resource, boundary,
 * session, SCP levels, RCP levels, endpoint policies), with every statement given its reference,
 * and a per-action plan: for one action, the Deny statements of every slot and the Allow
 * statements of each slot, so that a decision only runs resource, principal and condition tests
 * on statements that can apply. Plans are memoized per action in a bounded map.
 */
import { keysOfInterest } from '../conditions/context.js'
import type { KeysOfInterest } from '../conditions/context.js'
import type { CompiledPolicy } from './policy.js'
import { describeStatement } from './reference.js'
import type { PolicyType, StatementReference } from './reference.js'
import type { CompiledStatement } from './statement.js'

/** A statement as placed in a policy set: the compiled statement and how results name it. */
export class PlacedStatement {
  /** The reference as a one-element list, shared by every result that cites this statement alone. */
  readonly references: readonly StatementReference[]
  private describedAs: string | undefined

  constructor(
    readonly statement: CompiledStatement,
    readonly reference: StatementReference,
  ) {
    this.references = Object.freeze([reference])
  }

  /** `describeStatement(reference)`, computed on first use (sets may hold 100,000 statements). */
  get description(): string {
    return (this.describedAs ??= describeStatement(this.reference))
  }
}

/** A compiled policy in its slot. */
export interface PlacedPolicy {
  readonly policy: CompiledPolicy
  readonly policyType: PolicyType
  readonly policyIndex: number
  readonly level: number | undefined
  /** Parallel to `policy.statements`. */
  readonly statements: readonly PlacedStatement[]
  /** Placed statements for an action (document order). */
  statementsForAction(actionLower: string): readonly PlacedStatement[]
}

/** The statements that can apply to one action, by slot. */
export interface ActionPlan {
  /** The action lower-cased (actions are case-insensitive, R58). */
  readonly actionLower: string
  /** The action is one of the role-assumption actions whose trust policy must allow (R32, C22). */
  readonly isTrustAction: boolean
  /** The action is a KMS action, whose key policy must allow (R33, C22). */
  readonly isKmsAction: boolean
  /** Every Deny statement of every slot whose action test passes, in slot order. */
  readonly denies: readonly PlacedStatement[]
  readonly identityAllows: readonly PlacedStatement[]
  readonly resourceAllows: readonly PlacedStatement[]
  readonly boundaryAllows: readonly PlacedStatement[]
  readonly sessionAllows: readonly PlacedStatement[]
  /** One list per SCP level. */
  readonly scpAllows: readonly (readonly PlacedStatement[])[]
  /** One list per RCP level. */
  readonly rcpAllows: readonly (readonly PlacedStatement[])[]
  /** One list per endpoint policy. */
  readonly endpointAllows: readonly (readonly PlacedStatement[])[]
}

/**
 * The slots of a policy set holding values of type `T` (compiled policies here; the CLI holds
 * policy files in the same shape). Absent slots do not apply (R9).
 */
export interface PolicySlots<T> {
  readonly identity?: readonly T[]
  readonly resource?: T
  readonly permissionsBoundary?: T
  readonly session?: T
  /** By level: each level must allow (R18). */
  readonly scps?: readonly (readonly T[])[]
  readonly rcps?: readonly (readonly T[])[]
  readonly endpoint?: readonly T[]
}

/** Compiled policies by slot, before placement. */
export type CompiledSlots = PolicySlots<CompiledPolicy>

/** A policy set ready for decisions. Immutable apart from its bounded plan memo. */
export interface CompiledPolicySet {
  readonly identity: readonly PlacedPolicy[]
  readonly resource: PlacedPolicy | undefined
  readonly permissionsBoundary: PlacedPolicy | undefined
  readonly session: PlacedPolicy | undefined
  readonly scps: readonly (readonly PlacedPolicy[])[] | undefined
  readonly rcps: readonly (readonly PlacedPolicy[])[] | undefined
  readonly endpoint: readonly PlacedPolicy[] | undefined
  /** Every placed policy, in slot order (for explanations). */
  readonly all: readonly PlacedPolicy[]
  /** The context keys any statement of the set reads (a request's other keys are never looked up). */
  readonly keysOfInterest: KeysOfInterest
  /** The plan for an action as the request spells it (case-insensitive, R58). */
  planFor(action: string): ActionPlan
}

const PLAN_MEMO_LIMIT = 1024

/** Actions that assume a role or act on the assumption, lower-cased (R32, C22). */
const TRUST_ACTIONS: ReadonlySet<string> = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
])

function place(policy: CompiledPolicy, policyType: PolicyType, policyIndex: number, level: number | undefined): PlacedPolicy {
  const placed = new Map<CompiledStatement, PlacedStatement>()
  const statements = policy.statements.map((statement) => {
    const source = statement.source
    const reference: StatementReference = Object.freeze({
      policyType,
      policyIndex,
      ...(level === undefined ? {} : { level }),
      ...(policy.source.id === undefined ? {} : { policyId: policy.source.id }),
      statementIndex: source.index,
      ...(source.sid === undefined ? {} : { sid: source.sid }),
      effect: source.effect,
    })
    const entry = new PlacedStatement(statement, reference)
    placed.set(statement, entry)
    return entry
  })
  return Object.freeze({
    policy,
    policyType,
    policyIndex,
    level,
    statements: Object.freeze(statements),
    statementsForAction: (actionLower: string) =>
      policy.statementsForAction(actionLower).map((statement) => placed.get(statement) as PlacedStatement),
  })
}

/** Places compiled policies into a policy set. */
export function buildPolicySet(slots: CompiledSlots): CompiledPolicySet {
  const identity = (slots.identity ?? []).map((policy, index) => place(policy, 'identity', index, undefined))
  const resource = slots.resource && place(slots.resource, 'resource', 0, undefined)
  const permissionsBoundary = slots.permissionsBoundary && place(slots.permissionsBoundary, 'permissionsBoundary', 0, undefined)
  const session = slots.session && place(slots.session, 'session', 0, undefined)
  const levels = (list: readonly (readonly CompiledPolicy[])[] | undefined, type: 'scp' | 'rcp') =>
    list?.map((level, levelIndex) => Object.freeze(level.map((policy, index) => place(policy, type, index, levelIndex))))
  const scps = levels(slots.scps, 'scp')
  const rcps = levels(slots.rcps, 'rcp')
  const endpoint = slots.endpoint?.map((policy, index) => place(policy, 'endpoint', index, undefined))
  const all: PlacedPolicy[] = [
    ...identity,
    ...(resource ? [resource] : []),
    ...(permissionsBoundary ? [permissionsBoundary] : []),
    ...(session ? [session] : []),
    ...(scps ?? []).flat(),
    ...(rcps ?? []).flat(),
    ...(endpoint ?? []),
  ]

  const allows = (policies: readonly PlacedPolicy[], actionLower: string): readonly PlacedStatement[] => {
    const found: PlacedStatement[] = []
    for (const policy of policies) {
      for (const entry of policy.statementsForAction(actionLower)) if (entry.statement.effect === 'Allow') found.push(entry)
    }
    return Object.freeze(found)
  }
  const one = (policy: PlacedPolicy | undefined): readonly PlacedPolicy[] => (policy === undefined ? [] : [policy])
  // Keyed by the action as requests spell it, so a request needs no lower-casing once seen.
  const plans = new Map<string, ActionPlan>()
  const byLowerCase = new Map<string, ActionPlan>()
  const plan = (actionLower: string): ActionPlan => {
    const denies: PlacedStatement[] = []
    for (const policy of all) {
      for (const entry of policy.statementsForAction(actionLower)) if (entry.statement.effect === 'Deny') denies.push(entry)
    }
    return Object.freeze({
      actionLower,
      isTrustAction: TRUST_ACTIONS.has(actionLower),
      isKmsAction: actionLower.startsWith('kms:'),
      denies: Object.freeze(denies),
      identityAllows: allows(identity, actionLower),
      resourceAllows: allows(one(resource), actionLower),
      boundaryAllows: allows(one(permissionsBoundary), actionLower),
      sessionAllows: allows(one(session), actionLower),
      scpAllows: Object.freeze((scps ?? []).map((level) => allows(level, actionLower))),
      rcpAllows: Object.freeze((rcps ?? []).map((level) => allows(level, actionLower))),
      endpointAllows: Object.freeze((endpoint ?? []).map((policy) => allows([policy], actionLower))),
    })
  }

  // aws:PrincipalArn is always of interest: it refines a role session's identity (C4).
  const keys = ['aws:principalarn', ...all.flatMap((policy) => policy.policy.statements.flatMap((statement) => statement.keysRead))]
  return Object.freeze({
    keysOfInterest: keysOfInterest(keys),
    identity: Object.freeze(identity),
    resource,
    permissionsBoundary,
    session,
    scps: scps && Object.freeze(scps),
    rcps: rcps && Object.freeze(rcps),
    endpoint: endpoint && Object.freeze(endpoint),
    all: Object.freeze(all),
    planFor(action: string): ActionPlan {
      const known = plans.get(action)
      if (known !== undefined) return known
      const actionLower = action.toLowerCase()
      let made = byLowerCase.get(actionLower)
      if (made === undefined) {
        made = plan(actionLower)
        // Bounded: a flood of distinct actions only resets the memo.
        if (byLowerCase.size >= PLAN_MEMO_LIMIT) byLowerCase.clear()
        byLowerCase.set(actionLower, made)
      }
      if (plans.size >= PLAN_MEMO_LIMIT) plans.clear()
      plans.set(action, made)
      return made
    },
  })
}

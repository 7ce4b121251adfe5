/**
 * How results name a statement or a policy: the slot it was supplied in, its position, and what
 * it says of itself (`Id`, `Sid`). Built once per policy set, shared by every result that cites it.
 */
import type { Effect } from '../policy/model.js'

/** The policy slots of a request's policy set (the members of `PolicySet`). */
export type PolicyType = 'identity' | 'resource' | 'permissionsBoundary' | 'session' | 'scp' | 'rcp' | 'endpoint'

/** Names one statement of one supplied policy. */
export interface StatementReference {
  /** The slot the policy was supplied in. */
  readonly policyType: PolicyType
  /** Position of the policy in its list (`identity`, `endpoint`) or in its level (`scps`, `rcps`); 0 otherwise. */
  readonly policyIndex: number
  /** For `scp`/`rcp`: the level (0 = the first level given, usually the organization root). */
  readonly level?: number
  /** The policy's `Id`, when it has one. */
  readonly policyId?: string
  /** Position of the statement in the policy's `Statement` list. */
  readonly statementIndex: number
  /** The statement's `Sid`, when it has one. */
  readonly sid?: string
  /** The statement's effect. */
  readonly effect: Effect
}

/** A short human-readable name for a statement, e.g. `identity policy #2 statement #0 ("AllowRead")`. */
export function describeStatement(reference: StatementReference): string {
  const policy =
    reference.policyType === 'scp' || reference.policyType === 'rcp'
      ? `${reference.policyType.toUpperCase()} level ${reference.level ?? 0} policy #${reference.policyIndex}`
      : reference.policyType === 'identity' || reference.policyType === 'endpoint'
        ? `${POLICY_TYPE_LABELS[reference.policyType]} #${reference.policyIndex}`
        : POLICY_TYPE_LABELS[reference.policyType]
  const id = reference.policyId === undefined ? '' : ` (Id "${reference.policyId}")`
  const sid = reference.sid === undefined ? '' : ` ("${reference.sid}")`
  return `${policy}${id} statement #${reference.statementIndex}${sid}`
}

/** Labels of the policy slots in messages. */
export const POLICY_TYPE_LABELS: Readonly<Record<PolicyType, string>> = Object.freeze({
  identity: 'identity policy',
  resource: 'resource policy',
  permissionsBoundary: 'permissions boundary',
  session: 'session policy',
  scp: 'SCP',
  rcp: 'RCP',
  endpoint: 'VPC endpoint policy',
})

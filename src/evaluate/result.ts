/**
 * What a decision says: the decision itself, why in one sentence, the decisive statements or the
 * gate that failed, and, on request, a full explanation (every statement considered, every gate,
 * the context keys whose absence decided). Types only, plus the vocabulary of gates.
 */
import type { StatementReference } from '../compile/reference.js'

/** The three outcomes (R2). */
export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'

/**
 * The requirement that was not met when a request is implicitly denied:
 * - `request`: the request itself is malformed or over a limit (C1);
 * - `principal`: the caller string has no recognized shape (C3);
 * - `rcp`, `scp`: an RCP/SCP level has no matching Allow (R18-R20);
 * - `endpoint`: a VPC endpoint policy has no matching Allow (R21);
 * - `resource-policy`: a resource-policy Allow naming the caller was required and is missing
 *   (anonymous and service callers R28-R29, role trust R32, KMS keys R33, cross-account R31);
 * - `identity`: no identity-based (or, in the same account, resource-based) policy allows (R22, R25, R31);
 * - `permissions-boundary`: the boundary has no matching Allow (R26);
 * - `session-policy`: the session policy has no matching Allow, or a federated user has none (R27);
 * - `error`: an unexpected internal failure (the request is denied, never allowed).
 */
export type GateKind =
  | 'request'
  | 'principal'
  | 'rcp'
  | 'scp'
  | 'endpoint'
  | 'resource-policy'
  | 'identity'
  | 'permissions-boundary'
  | 'session-policy'
  | 'error'

/** A gate that failed, with its position where there are several (SCP/RCP levels, endpoint policies). */
export interface FailedGate {
  readonly kind: GateKind
  /** For `scp`/`rcp`: the level (0 = the first level given). */
  readonly level?: number
  /** For `endpoint`: which endpoint policy. */
  readonly policyIndex?: number
}

/** The element of a statement that did not match. */
export type StatementFailure =
  | { readonly element: 'inert'; readonly detail: string }
  | { readonly element: 'action' }
  | { readonly element: 'resource' }
  | { readonly element: 'principal' }
  | { readonly element: 'not-applicable'; readonly detail: string }
  | {
      readonly element: 'condition'
      readonly operator: string
      readonly key: string
      /** The request's value for the key; `undefined` when absent. */
      readonly requestValue: unknown
    }

/** One statement as the explanation saw it. */
export interface StatementExplanation {
  readonly statement: StatementReference
  /** Whether every element matched (for a resource-policy statement: and the principal names the caller). */
  readonly matched: boolean
  /** The first element that failed, when it did not match. */
  readonly failure?: StatementFailure
}

/** One gate of the decision flow, passed or not, in the order the flow checked them. */
export interface GateExplanation {
  readonly kind: GateKind | 'explicit-deny'
  readonly passed: boolean
  readonly level?: number
  readonly policyIndex?: number
}

/** The full story of a decision (with `{ explain: true }`). */
export interface Explanation {
  /** Every statement of every applicable policy, in slot order. */
  readonly statements: readonly StatementExplanation[]
  /** The gates checked. */
  readonly gates: readonly GateExplanation[]
  /**
   * Context keys whose absence decided a condition of a statement that otherwise matched (as
   * written in the policy): for a denied request, the keys that kept an Allow from applying; for an
   * explicit deny, the keys whose absence made the Deny apply; for an allowed request, the keys
   * whose absence kept a Deny away.
   */
  readonly missingContextKeys: readonly string[]
  /** How the request was understood. */
  readonly request: {
    readonly callerKind: string
    readonly sameAccount: boolean
    readonly resourceAccount: string | undefined
  }
}

/** The result of an evaluation. */
export interface EvaluationResult {
  readonly decision: Decision
  /** `decision === 'Allow'`. */
  readonly allowed: boolean
  /** One sentence saying why. */
  readonly reason: string
  /**
   * For `Allow`: the statements that granted (one, or for a cross-account request the identity and
   * the resource statement); for `ExplicitDeny`: the Deny statement; empty for `ImplicitDeny`.
   */
  readonly decisiveStatements: readonly StatementReference[]
  /** For `ImplicitDeny`: the requirement that was not met. */
  readonly failedGate?: FailedGate
  /** Present with `{ explain: true }`. */
  readonly explanation?: Explanation
}

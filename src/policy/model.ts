/**
 * The normalized policy model: what a valid IAM policy document means, independent of how it was
 * spelled. `parsePolicy` produces it (deeply frozen); the compiler and the linter read it. Lists are
 * always arrays, condition operators are decoded, principals classified. Nothing here depends on a
 * request.
 */

/** The kinds of policy document, which decide the grammar rules beyond the JSON Schema. */
export type PolicyKind = 'identity' | 'resource' | 'trust' | 'boundary' | 'session' | 'scp' | 'rcp' | 'endpoint'

/** All policy kinds, in a stable order. */
export const POLICY_KINDS: readonly PolicyKind[] = Object.freeze([
  'identity',
  'resource',
  'trust',
  'boundary',
  'session',
  'scp',
  'rcp',
  'endpoint',
])

/** The two `Version` values IAM accepts (R38). */
export type PolicyVersion = '2012-10-17' | '2008-10-17'

/** A scalar as JSON allows it in lists and condition values (R44, R107). */
export type PolicyScalar = string | number | boolean

/** `Allow` or `Deny` (R41). */
export type Effect = 'Allow' | 'Deny'

/** `Action` or `NotAction` (R58-R63): the patterns as written, and which element held them. */
export interface ActionElement {
  /** True for `NotAction`. */
  readonly negated: boolean
  /** The patterns as written (case is kept; matching is case-insensitive). */
  readonly patterns: readonly string[]
}

/** `Resource` or `NotResource` (R64-R72). */
export interface ResourceElement {
  /** True for `NotResource`. */
  readonly negated: boolean
  /** The patterns as written. */
  readonly patterns: readonly string[]
}

/** The key under which a principal entry was written (R46). */
export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser'

/**
 * What a principal entry designates (R46-R53, choices C6-C7):
 * - `all`: every caller (`"*"` or `{"AWS": "*"}`);
 * - `account`: every IAM identity of one account (12-digit id or `:root` ARN);
 * - `user`, `role`, `assumed-role`, `federated-user`: one identity, by ARN;
 * - `service`, `federated`, `canonical-user`: an exact non-ARN caller string;
 * - `none`: matches nothing (partial wildcards, unique ids such as `AROA...`, malformed values).
 */
export type PrincipalEntryForm =
  'all' | 'account' | 'user' | 'role' | 'assumed-role' | 'federated-user' | 'service' | 'federated' | 'canonical-user' | 'none'

/** One classified principal entry. */
export interface PrincipalEntry {
  /** The key it was written under; `"*"` as the whole element counts as `AWS`. */
  readonly type: PrincipalType
  /** The value as written. */
  readonly value: string
  /** What it designates. */
  readonly form: PrincipalEntryForm
  /** For `account` entries: the 12-digit account id. */
  readonly account?: string
  /** For `account` entries written as a `:root` ARN: the partition it is limited to (C7). */
  readonly partition?: string
  /** Why a `none` entry matches nothing, for explanations and the linter. */
  readonly note?: string
}

/** `Principal` or `NotPrincipal` (R46-R57). */
export interface PrincipalElement {
  /** True for `NotPrincipal`. */
  readonly negated: boolean
  /** Every entry of every key, OR-ed (R46). Empty means the statement is inert (R44). */
  readonly entries: readonly PrincipalEntry[]
}

/** The set qualifiers of R100. */
export type SetQualifier = 'ForAllValues' | 'ForAnyValue'

/** The condition operators of spec section 9, without qualifier or `IfExists`. */
export type BaseOperator =
  | 'StringEquals'
  | 'StringNotEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringNotEqualsIgnoreCase'
  | 'StringLike'
  | 'StringNotLike'
  | 'NumericEquals'
  | 'NumericNotEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'DateEquals'
  | 'DateNotEquals'
  | 'DateLessThan'
  | 'DateLessThanEquals'
  | 'DateGreaterThan'
  | 'DateGreaterThanEquals'
  | 'Bool'
  | 'BinaryEquals'
  | 'IpAddress'
  | 'NotIpAddress'
  | 'ArnEquals'
  | 'ArnLike'
  | 'ArnNotEquals'
  | 'ArnNotLike'
  | 'Null'

/** One key test of a `Condition` block: an operator applied to one context key (R73-R75). */
export interface ConditionTest {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string
  /** The set qualifier, if any. */
  readonly qualifier: SetQualifier | undefined
  /** The operator without qualifier and `IfExists`. */
  readonly baseOperator: BaseOperator
  /** Whether the `IfExists` suffix was present (R97). */
  readonly ifExists: boolean
  /** The condition key as written (kept for messages). */
  readonly key: string
  /** The key lower-cased for case-insensitive lookup (R78); locale-independent. */
  readonly keyLower: string
  /** The policy values, as written (a bare value becomes a one-element list). */
  readonly values: readonly PolicyScalar[]
}

/** One statement, normalized. */
export interface Statement {
  /** 0-based position in the document's `Statement` list. */
  readonly index: number
  /** `Sid`, when present. */
  readonly sid: string | undefined
  /** `Allow` or `Deny`. */
  readonly effect: Effect
  /** `Action` or `NotAction`. */
  readonly action: ActionElement
  /**
   * `Resource` or `NotResource`; `undefined` when the statement has neither, which for
   * resource-side kinds means "the resource the policy is attached to" (R36).
   */
  readonly resource: ResourceElement | undefined
  /** `Principal` or `NotPrincipal`, when present. */
  readonly principal: PrincipalElement | undefined
  /** Every operator/key pair of `Condition`, in document order; AND-ed (R74, R75). */
  readonly conditions: readonly ConditionTest[]
  /**
   * True when the statement can never match because a `Condition` object, or an operator's key
   * map, is empty (R83, C17).
   */
  readonly inertCondition: boolean
  /** JSON pointer of the statement in the source document. */
  readonly path: string
}

/** A parsed, validated, normalized policy document. Deeply frozen. */
export interface ParsedPolicy {
  /** The kind it was validated as. */
  readonly kind: PolicyKind
  /** `Version`, when present. */
  readonly version: PolicyVersion | undefined
  /** Whether `${...}` policy variables are substituted (only under `2012-10-17`, R38, R114). */
  readonly variablesEnabled: boolean
  /** `Id`, when present. */
  readonly id: string | undefined
  /** The statements, in document order. */
  readonly statements: readonly Statement[]
}

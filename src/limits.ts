/**
 * Size limits that bound the work of parsing, compiling and deciding. Defaults follow AWS's own
 * quotas (spec section 17) where AWS has one, and generous round numbers where it has none; all of
 * them can be raised or lowered per call. Past a limit a policy is refused with a typed error, and
 * a request is denied with a reason.
 */
import type { PolicyKind } from './policy/model.js'

/** Every configurable limit. */
export interface Limits {
  /**
   * Largest policy document per kind, in characters. For IAM kinds white space is not counted
   * (R143); for SCPs, RCPs and endpoint policies every character counts (R145, R146).
   */
  readonly policyLength: Readonly<Record<PolicyKind, number>>
  /** Most statements in one policy document. */
  readonly statementsPerPolicy: number
  /** Most values listed for one condition key in a policy. */
  readonly conditionValuesPerKey: number
  /** Longest request `principal`, `action` or `resource`, in characters. */
  readonly requestFieldLength: number
  /** Most keys in a request context. */
  readonly contextKeys: number
  /** Most values of one multivalued context key. */
  readonly contextValuesPerKey: number
  /** Longest context value (each value of a list), in characters. */
  readonly contextValueLength: number
  /** Longest context key name, in characters. */
  readonly contextKeyLength: number
}

/** Limits with every member optional, as callers give them. */
export type LimitsInput = {
  readonly [K in keyof Limits]?: K extends 'policyLength' ? Readonly<Partial<Record<PolicyKind, number>>> : Limits[K]
}

/** The defaults (AWS quotas; see the README's "Limits" section). */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  policyLength: Object.freeze({
    identity: 10_240, // the largest IAM identity quota: a role's inline policies together (R143)
    resource: 32_768, // the largest common resource policy: a KMS key policy (S3 bucket policies: 20 KB)
    trust: 4_096, // role trust policy, raised to its documented maximum (R143)
    boundary: 6_144, // a managed policy (R143)
    session: 6_144, // a managed session policy; an inline one is at most 2,048 (R144)
    scp: 5_120, // R145
    rcp: 5_120, // R145
    endpoint: 20_480, // R146
  }),
  statementsPerPolicy: 1_000,
  conditionValuesPerKey: 1_000,
  requestFieldLength: 4_096,
  contextKeys: 1_000,
  contextValuesPerKey: 1_000,
  contextValueLength: 8_192,
  contextKeyLength: 512,
})

/** Kinds whose quota counts every character; the others ignore white space (R143-R146). */
export const COUNTS_WHITESPACE: ReadonlySet<PolicyKind> = new Set(['scp', 'rcp', 'endpoint'])

/** Merges caller-given limits over the defaults. */
export function resolveLimits(input: LimitsInput | undefined): Limits {
  if (input === undefined) return DEFAULT_LIMITS
  return Object.freeze({
    ...DEFAULT_LIMITS,
    ...input,
    policyLength: Object.freeze({ ...DEFAULT_LIMITS.policyLength, ...(input.policyLength ?? {}) }),
  })
}

/** Limits that never stop anything (benchmarks, trusted inputs). */
export const NO_LIMITS: Limits = Object.freeze({
  policyLength: Object.freeze({
    identity: Infinity,
    resource: Infinity,
    trust: Infinity,
    boundary: Infinity,
    session: Infinity,
    scp: Infinity,
    rcp: Infinity,
    endpoint: Infinity,
  }),
  statementsPerPolicy: Infinity,
  conditionValuesPerKey: Infinity,
  requestFieldLength: Infinity,
  contextKeys: Infinity,
  contextValuesPerKey: Infinity,
  contextValueLength: Infinity,
  contextKeyLength: Infinity,
})

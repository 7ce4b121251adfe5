/**
 * `compile` and the `Authorizer` it returns: a policy set compiled once, then requests decided
 * with lookups and compares. Frozen and free of per-caller state, so one authorizer can serve
 * every request of a process. Every decision goes through `authorize`, which is also where the
 * "fail closed" promise lives: nothing a request contains can make it throw or allow by accident.
 */
import { loadPolicySet } from '../compile/load.js'
import type { PolicySet } from '../compile/load.js'
import type { CompiledPolicySet } from '../compile/policy-set.js'
import { resolveLimits } from '../limits.js'
import type { Limits, LimitsInput } from '../limits.js'
import { describeThrown } from '../util/describe-thrown.js'
import { decide, implicitDeny } from './decide.js'
import { explainDecision } from './explain.js'
import { normalizeRequest } from './request.js'
import type { AuthorizationRequest, NormalizeOptions } from './request.js'
import type { EvaluationResult } from './result.js'

/** Options fixed when policies are compiled. */
export interface CompileOptions {
  /** Size limits (defaults: AWS quotas; see `DEFAULT_LIMITS`). */
  readonly limits?: LimitsInput
  /**
   * Derive `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:username` and `aws:ResourceAccount` from
   * the request when the context lacks them (default `true`; C5).
   */
  readonly deriveContextKeys?: boolean
}

/** Options of one decision. */
export interface RequestOptions {
  /** Build `result.explanation` (slower; off by default). */
  readonly explain?: boolean
  /** The time for `aws:CurrentTime` / `aws:EpochTime` when the context lacks them (default: the clock). */
  readonly now?: Date | number
}

/** A compiled policy set. Reusable, frozen, safe to share. */
export interface Authorizer {
  /** Decides a request. Never throws: a malformed request or an internal failure is a deny with a reason. */
  evaluate(request: AuthorizationRequest, options?: RequestOptions): EvaluationResult
}

/** Settings of a decision after defaults (also the normalization options when no `now` is given). */
export interface DecisionSettings extends NormalizeOptions {
  readonly limits: Limits
  readonly deriveContextKeys: boolean
}

/** Decides one request against a loaded set; never throws. */
export function authorize(
  set: CompiledPolicySet,
  request: unknown,
  settings: DecisionSettings,
  options: RequestOptions | undefined,
): EvaluationResult {
  try {
    let explain = false
    let normalizeOptions: NormalizeOptions = settings
    if (options !== undefined && options !== null) {
      explain = options.explain === true
      const now = options.now
      if (now !== undefined) normalizeOptions = { limits: settings.limits, deriveContextKeys: settings.deriveContextKeys, now }
    }
    const normalized = normalizeRequest(request, normalizeOptions, set.keysOfInterest)
    if ('invalid' in normalized) return implicitDeny('request', `the request is invalid: ${normalized.invalid}`)
    return explain ? explainDecision(set, normalized) : decide(set, normalized)
  } catch (error) {
    return implicitDeny('error', `denied because evaluation failed unexpectedly: ${describeThrown(error)}`)
  }
}

/** The settings of `CompileOptions` after defaults. */
export function decisionSettings(options: CompileOptions | undefined): DecisionSettings {
  return Object.freeze({
    limits: resolveLimits(options?.limits),
    deriveContextKeys: options?.deriveContextKeys !== false,
    now: undefined,
  })
}

/**
 * Compiles a policy set once for many decisions. Policies may be JSON text, plain values or parsed
 * policies; they are read once (later changes to the caller's objects have no effect).
 * @throws PolicyValidationError when a policy is invalid.
 */
export function compile(policies: PolicySet, options?: CompileOptions): Authorizer {
  const settings = decisionSettings(options)
  const set = loadPolicySet(policies, settings.limits, undefined)
  return Object.freeze({
    evaluate: (request: AuthorizationRequest, requestOptions?: RequestOptions): EvaluationResult =>
      authorize(set, request, settings, requestOptions),
  })
}

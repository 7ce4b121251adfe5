/**
 * The one-call API: `evaluate(request, policies, options)`. It reuses compiled forms where that is
 * safe (JSON text by content, parsed policies by identity, plain values by a per-call snapshot of
 * their content), so callers who never heard of `compile` are fast too.
 */
import { createPolicyCaches, loadPolicySet } from '../compile/load.js'
import type { PolicySet } from '../compile/load.js'
import { authorize, decisionSettings } from './authorizer.js'
import type { CompileOptions, DecisionSettings, RequestOptions } from './authorizer.js'
import type { AuthorizationRequest } from './request.js'
import type { EvaluationResult } from './result.js'

/** Options of `evaluate`: those of `compile` and of one decision. */
export interface EvaluateOptions extends CompileOptions, RequestOptions {}

const caches = createPolicyCaches()
const defaultSettings = decisionSettings(undefined)

/**
 * Decides whether AWS would allow `request` under `policies`: `Allow`, `ExplicitDeny` or
 * `ImplicitDeny`, with the reason. Synchronous; never mutates its inputs.
 * @throws PolicyValidationError when a policy is invalid (AWS would have refused it). Nothing in
 * the request can make it throw: a malformed request is denied with a reason.
 */
export function evaluate(request: AuthorizationRequest, policies: PolicySet, options?: EvaluateOptions): EvaluationResult {
  const settings: DecisionSettings =
    options === undefined || (options.limits === undefined && options.deriveContextKeys === undefined)
      ? defaultSettings
      : decisionSettings(options)
  const set = loadPolicySet(policies, settings.limits, caches)
  return authorize(set, request, settings, options)
}

/**
 * Whether one policy is acceptable as its kind, exactly as the library decides: the grammar and
 * per-kind rules (`validatePolicy`), then the size limits that only loading applies (`compile`
 * of a one-policy set). Every command checks policies through here, so `validate`, `evaluate`
 * and `test` can never disagree about a file.
 */
import { compile, DEFAULT_LIMITS, PolicyValidationError, validatePolicy } from '../../index.js'
import type { CompileOptions, PolicyInput, PolicyIssue, PolicyKind, PolicySet } from '../../index.js'

/** A set holding only `input`, in the slot that validates it as `kind`. */
function singleSlot(kind: PolicyKind, input: PolicyInput): PolicySet {
  switch (kind) {
    case 'identity':
      return { identity: [input] }
    case 'resource':
    case 'trust':
      return { resource: input }
    case 'boundary':
      return { permissionsBoundary: input }
    case 'session':
      return { session: input }
    case 'scp':
      return { scps: [[input]] }
    case 'rcp':
      return { rcps: [[input]] }
    case 'endpoint':
      return { endpoint: [input] }
  }
}

/**
 * Every problem of `input` as a policy of `kind` (empty when it is fine).
 * Trust policies travel in the `resource` slot; they are checked against the trust rules first,
 * then loaded with the trust size quota in place of the resource-policy one.
 */
export function checkPolicy(input: PolicyInput, kind: PolicyKind): readonly PolicyIssue[] {
  const result = validatePolicy(input, { kind })
  if (!result.valid) return result.errors
  const options: CompileOptions | undefined =
    kind === 'trust' ? { limits: { policyLength: { resource: DEFAULT_LIMITS.policyLength.trust } } } : undefined
  try {
    compile(singleSlot(kind, input), options)
  } catch (error) {
    if (error instanceof PolicyValidationError) return error.issues
    throw error
  }
  return []
}

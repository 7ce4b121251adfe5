/**
 * The uniform shape of a condition operator (after ajv's keyword definitions): prepare each policy
 * value once at compile time, prepare each request value per request, then a positive test of one
 * against the other. Negation, `IfExists`, set qualifiers and missing keys are applied by the
 * generic engine in `condition.ts`, so a definition is only the comparison itself.
 */
import type { PolicyScalar } from '../../policy/model.js'
import type { TemplatePart } from '../../policy/variables.js'
import type { ContextScalar, ContextView } from '../context.js'

/** A comparison on prepared values. `P`: prepared policy value; `R`: prepared request value. */
export interface OperatorDefinition<P = unknown, R = unknown> {
  /**
   * Prepares a policy value. `template` is given when the value holds policy variables or escapes
   * and the operator honours them. Returns `undefined` for a value that can never match.
   */
  preparePolicyValue(value: PolicyScalar, template: readonly TemplatePart[] | undefined): P | undefined
  /** Prepares a request value; `undefined` when it can never match (e.g. a malformed address, R112). */
  prepareRequestValue(value: ContextScalar): R | undefined
  /** Whether the request value satisfies the operator for this policy value. */
  test(requestValue: R, policyValue: P, context: ContextView): boolean
}

/** Helps TypeScript check a definition while the table stores it type-erased. */
export function defineOperator<P, R>(definition: OperatorDefinition<P, R>): OperatorDefinition {
  return Object.freeze(definition) as unknown as OperatorDefinition
}

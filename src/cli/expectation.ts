/**
 * What a test or `--expect` may expect: one of the three decisions, or `Deny` for "either kind
 * of deny" when the distinction does not matter to the author.
 */
import type { Decision } from '../index.js'

/** An expected outcome. */
export type Expectation = Decision | 'Deny'

/** Every accepted expectation, canonical spelling. */
export const EXPECTATIONS: readonly Expectation[] = ['Allow', 'ExplicitDeny', 'ImplicitDeny', 'Deny']

/** Whether `decision` satisfies `expectation`. */
export function matchesExpectation(decision: Decision, expectation: Expectation): boolean {
  return expectation === 'Deny' ? decision !== 'Allow' : decision === expectation
}

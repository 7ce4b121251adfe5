/**
 * Whether a statement applies to a request, once its action test has passed (the action index
 * did that): resource (R64-R72), principal (R46-R57), conditions (sections 8-12), in that order,
 * cheapest first. One code path serves the fast evaluation and the explanation: the explanation
 * only passes a callback that hears which element failed.
 */
import type { PlacedStatement } from '../compile/policy-set.js'
import type { CompiledStatement } from '../compile/statement.js'
import { NAMED_DIRECTLY, NOT_NAMED } from '../match/principal.js'
import type { PrincipalMatchStrength } from '../match/principal.js'
import type { NormalizedRequest } from './request.js'
import type { StatementFailure } from './result.js'

/** Hears why a statement did not apply (explanations only). */
export type FailureListener = (failure: StatementFailure) => void

/**
 * How the statement applies: `NOT_NAMED` (0) when it does not; otherwise, for a `Principal`, how
 * strongly it names the caller, and `NAMED_DIRECTLY` for statements without one.
 */
export function statementStrength(
  statement: CompiledStatement,
  request: NormalizedRequest,
  hasBoundary: boolean,
  onFailure?: FailureListener,
): PrincipalMatchStrength {
  if (!statement.matchesResource(request, request.context)) {
    onFailure?.({ element: 'resource' })
    return NOT_NAMED
  }
  let strength: PrincipalMatchStrength = NAMED_DIRECTLY
  const principal = statement.principal
  if (principal !== undefined) {
    if (statement.principalNegated) {
      if (principal.excludes(request.caller, request.roleArn, hasBoundary)) {
        onFailure?.({ element: 'principal' })
        return NOT_NAMED
      }
    } else {
      strength = principal.strength(request.caller, request.roleArn)
      if (strength === NOT_NAMED) {
        onFailure?.({ element: 'principal' })
        return NOT_NAMED
      }
    }
  }
  const conditions = statement.conditions
  for (let index = 0; index < conditions.length; index++) {
    const condition = conditions[index] as (typeof conditions)[number]
    if (!condition.evaluate(request.context)) {
      if (onFailure !== undefined) {
        const source = condition.source
        onFailure({ element: 'condition', operator: source.operator, key: source.key, requestValue: request.context.get(source.keyLower) })
      }
      return NOT_NAMED
    }
  }
  return strength
}

/** The first statement of a list that applies to the request, if any. */
export function firstApplying(
  statements: readonly PlacedStatement[],
  request: NormalizedRequest,
  hasBoundary: boolean,
): PlacedStatement | undefined {
  for (let index = 0; index < statements.length; index++) {
    const entry = statements[index] as PlacedStatement
    if (statementStrength(entry.statement, request, hasBoundary) !== NOT_NAMED) return entry
  }
  return undefined
}

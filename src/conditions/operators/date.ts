/** Date operators (R91, R109, C10): instants in epoch milliseconds, request value on the left. */
import { parseDate } from '../values/date.js'
import type { ContextScalar } from '../context.js'
import { defineOperator } from './definition.js'
import type { OperatorDefinition } from './definition.js'

const parse = (value: ContextScalar): number | undefined => (typeof value === 'boolean' ? undefined : parseDate(value))

function date(holds: (request: number, policy: number) => boolean): OperatorDefinition {
  return defineOperator<number, number>({ preparePolicyValue: parse, prepareRequestValue: parse, test: holds })
}

/** `DateEquals` (and, negated, `DateNotEquals`). */
export const dateEquals = date((request, policy) => request === policy)
/** `DateLessThan`. */
export const dateLessThan = date((request, policy) => request < policy)
/** `DateLessThanEquals`. */
export const dateLessThanEquals = date((request, policy) => request <= policy)
/** `DateGreaterThan`. */
export const dateGreaterThan = date((request, policy) => request > policy)
/** `DateGreaterThanEquals`. */
export const dateGreaterThanEquals = date((request, policy) => request >= policy)

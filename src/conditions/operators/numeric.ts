/** Numeric operators (R90, R108, C9): exact decimal comparison, request value on the left. */
import { compareDecimal, parseDecimal } from '../values/number.js'
import type { Decimal } from '../values/number.js'
import type { ContextScalar } from '../context.js'
import { defineOperator } from './definition.js'
import type { OperatorDefinition } from './definition.js'

const parse = (value: ContextScalar): Decimal | undefined => (typeof value === 'boolean' ? undefined : parseDecimal(value))

function numeric(holds: (order: -1 | 0 | 1) => boolean): OperatorDefinition {
  return defineOperator<Decimal, Decimal>({
    preparePolicyValue: parse,
    prepareRequestValue: parse,
    test: (requestValue, policyValue) => holds(compareDecimal(requestValue, policyValue)),
  })
}

/** `NumericEquals` (and, negated, `NumericNotEquals`). */
export const numericEquals = numeric((order) => order === 0)
/** `NumericLessThan`. */
export const numericLessThan = numeric((order) => order < 0)
/** `NumericLessThanEquals`. */
export const numericLessThanEquals = numeric((order) => order <= 0)
/** `NumericGreaterThan`. */
export const numericGreaterThan = numeric((order) => order > 0)
/** `NumericGreaterThanEquals`. */
export const numericGreaterThanEquals = numeric((order) => order >= 0)

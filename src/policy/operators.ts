/**
 * The catalogue of condition operator names (spec section 9) and the decoding of a written
 * operator (`ForAnyValue:StringLikeIfExists`) into qualifier, base operator and `IfExists`.
 * Names are matched case-sensitively (R84). The behaviour of each operator lives in
 * `conditions/`; this file only knows names and the static facts the grammar needs.
 */
import type { BaseOperator, SetQualifier } from './model.js'

/** The value family an operator works on; decides value parsing and variable support. */
export type OperatorFamily = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null'

/** Static facts about one base operator. */
export interface OperatorInfo {
  /** The family of values it compares. */
  readonly family: OperatorFamily
  /** Negated operators combine values with NOR and hold when the key is absent (R77, R80). */
  readonly negated: boolean
  /** Whether `${...}` policy variables are substituted in its values (R115, R92). */
  readonly variables: boolean
}

const info = (family: OperatorFamily, negated: boolean, variables: boolean): OperatorInfo => Object.freeze({ family, negated, variables })

/** Every base operator with its facts (the summary table of section 9.9). */
export const OPERATORS: Readonly<Record<BaseOperator, OperatorInfo>> = Object.freeze({
  StringEquals: info('string', false, true),
  StringNotEquals: info('string', true, true),
  StringEqualsIgnoreCase: info('string', false, true),
  StringNotEqualsIgnoreCase: info('string', true, true),
  StringLike: info('string', false, true),
  StringNotLike: info('string', true, true),
  NumericEquals: info('numeric', false, false),
  NumericNotEquals: info('numeric', true, false),
  NumericLessThan: info('numeric', false, false),
  NumericLessThanEquals: info('numeric', false, false),
  NumericGreaterThan: info('numeric', false, false),
  NumericGreaterThanEquals: info('numeric', false, false),
  DateEquals: info('date', false, false),
  DateNotEquals: info('date', true, false),
  DateLessThan: info('date', false, false),
  DateLessThanEquals: info('date', false, false),
  DateGreaterThan: info('date', false, false),
  DateGreaterThanEquals: info('date', false, false),
  Bool: info('bool', false, false),
  BinaryEquals: info('binary', false, false),
  IpAddress: info('ip', false, false),
  NotIpAddress: info('ip', true, false),
  ArnEquals: info('arn', false, true),
  ArnLike: info('arn', false, true),
  ArnNotEquals: info('arn', true, true),
  ArnNotLike: info('arn', true, true),
  Null: info('null', false, false),
})

/** A decoded operator name. */
export interface DecodedOperator {
  readonly qualifier: SetQualifier | undefined
  readonly baseOperator: BaseOperator
  readonly ifExists: boolean
}

/** Why an operator name was refused. */
export type OperatorNameProblem = 'unknown' | 'null-with-if-exists'

const IF_EXISTS = 'IfExists'

function isBaseOperator(name: string): name is BaseOperator {
  return Object.prototype.hasOwnProperty.call(OPERATORS, name)
}

/**
 * Decodes a written operator name. Returns the problem instead when the name is not an operator
 * (unknown base, bad qualifier, misspelt suffix) or is `Null` with `IfExists`.
 */
export function decodeOperator(written: string): DecodedOperator | OperatorNameProblem {
  let rest = written
  let qualifier: SetQualifier | undefined
  const colon = rest.indexOf(':')
  if (colon !== -1) {
    const prefix = rest.slice(0, colon)
    if (prefix !== 'ForAllValues' && prefix !== 'ForAnyValue') return 'unknown'
    qualifier = prefix
    rest = rest.slice(colon + 1)
  }
  let ifExists = false
  if (rest.endsWith(IF_EXISTS) && rest.length > IF_EXISTS.length) {
    const base = rest.slice(0, -IF_EXISTS.length)
    if (isBaseOperator(base)) {
      if (base === 'Null') return 'null-with-if-exists'
      return { qualifier, baseOperator: base, ifExists: true }
    }
    ifExists = false
  }
  if (!isBaseOperator(rest)) return 'unknown'
  return { qualifier, baseOperator: rest, ifExists }
}

/** Every valid written operator name, for suggestions in messages. */
export function operatorNames(): string[] {
  const names: string[] = []
  for (const base of Object.keys(OPERATORS)) {
    names.push(base)
    if (base !== 'Null') names.push(base + IF_EXISTS)
  }
  return names
}

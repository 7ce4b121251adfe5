/**
 * Which definition implements each base operator. A negated operator uses the definition of its
 * positive twin; the engine applies the negation (R77).
 */
import type { BaseOperator } from '../policy/model.js'
import { arnLike } from './operators/arn.js'
import { binaryEquals, bool } from './operators/bool-binary.js'
import { dateEquals, dateGreaterThan, dateGreaterThanEquals, dateLessThan, dateLessThanEquals } from './operators/date.js'
import type { OperatorDefinition } from './operators/definition.js'
import { ipAddress } from './operators/ip.js'
import { numericEquals, numericGreaterThan, numericGreaterThanEquals, numericLessThan, numericLessThanEquals } from './operators/numeric.js'
import { stringEquals, stringEqualsIgnoreCase, stringLike } from './operators/string.js'

/** The comparison behind every base operator except `Null`, which tests presence instead. */
export const OPERATOR_DEFINITIONS: Readonly<Record<Exclude<BaseOperator, 'Null'>, OperatorDefinition>> = Object.freeze({
  StringEquals: stringEquals,
  StringNotEquals: stringEquals,
  StringEqualsIgnoreCase: stringEqualsIgnoreCase,
  StringNotEqualsIgnoreCase: stringEqualsIgnoreCase,
  StringLike: stringLike,
  StringNotLike: stringLike,
  NumericEquals: numericEquals,
  NumericNotEquals: numericEquals,
  NumericLessThan: numericLessThan,
  NumericLessThanEquals: numericLessThanEquals,
  NumericGreaterThan: numericGreaterThan,
  NumericGreaterThanEquals: numericGreaterThanEquals,
  DateEquals: dateEquals,
  DateNotEquals: dateEquals,
  DateLessThan: dateLessThan,
  DateLessThanEquals: dateLessThanEquals,
  DateGreaterThan: dateGreaterThan,
  DateGreaterThanEquals: dateGreaterThanEquals,
  Bool: bool,
  BinaryEquals: binaryEquals,
  IpAddress: ipAddress,
  NotIpAddress: ipAddress,
  ArnEquals: arnLike,
  ArnLike: arnLike,
  ArnNotEquals: arnLike,
  ArnNotLike: arnLike,
})

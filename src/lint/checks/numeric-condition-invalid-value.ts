/**
 * Check `numeric-condition-invalid-value`: a value under a `Numeric*` operator that is not a
 * number (R90, R108).
 */
import { parseDecimal } from '../../conditions/values/number.js'
import { invalidConditionValueCheck } from '../check-factories.js'
import { quote } from '../facts.js'
import { statementExample } from '../examples.js'

/** The `numeric-condition-invalid-value` lint check (what it reports: see the module comment). */
export const numericConditionInvalidValue = invalidConditionValueCheck({
  code: 'numeric-condition-invalid-value',
  severity: 'warning',
  description: 'A value under a `Numeric*` operator is not a number.',
  rationale:
    'Numeric operators parse the policy value as a decimal number (R108). A value that does not parse never satisfies a positive operator, and makes a negated one always true, so the condition does not test what it seems to.',
  fix: 'Write a decimal number such as 10 or "3600".',
  rules: ['R90', 'R108', 'C9'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:ListBucket',
    Resource: '*',
    Condition: { NumericLessThanEquals: { 's3:max-keys': 'ten' } },
  }),
  families: ['numeric'],
  parses: (value) => typeof value !== 'boolean' && parseDecimal(value) !== undefined,
  message: (value) => `${quote(value)} is not a number; a numeric operator never matches it (R108)`,
})

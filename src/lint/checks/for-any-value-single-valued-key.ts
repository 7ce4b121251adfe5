/**
 * Check `for-any-value-single-valued-key`: `ForAnyValue:` on a key that carries one value per
 * request (R99, R100, R102).
 */
import { singleValuedQualifierCheck } from '../check-factories.js'
import { statementExample } from '../examples.js'

/** The `for-any-value-single-valued-key` lint check (what it reports: see the module comment). */
export const forAnyValueSingleValuedKey = singleValuedQualifierCheck({
  code: 'for-any-value-single-valued-key',
  severity: 'suggestion',
  description: '`ForAnyValue:` is used with a single-valued key.',
  rationale:
    'Set qualifiers are meant for multivalued keys (R100). On a single-valued key `ForAnyValue:` behaves like the plain operator, except that a negated operator becomes false when the key is absent (R102) — a difference that is easy to miss.',
  fix: 'Drop the ForAnyValue: prefix for single-valued keys.',
  rules: ['R99', 'R100', 'R102'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
  }),
  qualifier: 'ForAnyValue',
  message: (test) => `${test.key} is single-valued; the ForAnyValue: qualifier is not needed (R100)`,
})

/**
 * Check `bool-condition-invalid-value`: a value under `Bool` or `Null` that is not `true` or
 * `false` (R92, R96, R111, C18).
 */
import { parseBoolean } from '../../conditions/values/bool.js'
import { invalidConditionValueCheck } from '../check-factories.js'
import { quote } from '../facts.js'
import { statementExample } from '../examples.js'

/** The `bool-condition-invalid-value` lint check (what it reports: see the module comment). */
export const boolConditionInvalidValue = invalidConditionValueCheck({
  code: 'bool-condition-invalid-value',
  severity: 'warning',
  description: 'A value under `Bool` or `Null` is not `true` or `false`.',
  rationale:
    '`Bool` compares a key with `true` or `false`, and `Null` takes `true` (key absent) or `false` (key present) (R92, R96). Any other value never matches, so the statement silently stops applying.',
  fix: 'Write "true" or "false".',
  rules: ['R92', 'R96', 'R111', 'C11', 'C18'],
  example: statementExample('identity', {
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: { Bool: { 'aws:SecureTransport': 'no' } },
  }),
  families: ['bool', 'null'],
  parses: (value) => parseBoolean(value) !== undefined,
  message: (value, test) => `${quote(value)} is not true or false; ${test.operator} never matches it (R111)`,
})

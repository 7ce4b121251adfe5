/**
 * Check `bool-condition-invalid-value`: a value under `Bool` or `Null` that is not `true` or
 * `false` (R92, R96, R111, C18).
 */
import { parseBoolean } from '../../conditions/values/bool.js'
import { forEachConditionValue, quote } from '../facts.js'
import { hasVariableSyntax, hasWildcard } from '../patterns.js'
import type { Finding, LintCheck } from '../types.js'

/** The `bool-condition-invalid-value` lint check (what it reports: see the module comment). */
export const boolConditionInvalidValue: LintCheck = {
  code: 'bool-condition-invalid-value',
  severity: 'warning',
  description: 'A value under `Bool` or `Null` is not `true` or `false`.',
  rationale:
    '`Bool` compares a key with `true` or `false`, and `Null` takes `true` (key absent) or `false` (key present) (R92, R96). Any other value never matches, so the statement silently stops applying.',
  fix: 'Write "true" or "false".',
  rules: ['R92', 'R96', 'R111', 'C11', 'C18'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'no' } } }],
    },
  },
  check(context) {
    const findings: Finding[] = []
    forEachConditionValue(context, ['bool', 'null'], (value, test) => {
      if (hasVariableSyntax(value.value) || (typeof value.value === 'string' && hasWildcard(value.value))) return
      if (parseBoolean(value.value) !== undefined) return
      findings.push(
        context.finding(
          boolConditionInvalidValue,
          value.path,
          `${quote(value.value)} is not true or false; ${test.operator} never matches it (R111)`,
        ),
      )
    })
    return findings
  },
}

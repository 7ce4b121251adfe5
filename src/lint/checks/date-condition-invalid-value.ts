/**
 * Check `date-condition-invalid-value`: a value under a `Date*` operator that is neither a W3C
 * ISO 8601 date nor epoch seconds (R91, R109).
 */
import { parseDate } from '../../conditions/values/date.js'
import { invalidConditionValueCheck } from '../check-factories.js'
import { quote } from '../facts.js'
import { statementExample } from '../examples.js'

/** The `date-condition-invalid-value` lint check (what it reports: see the module comment). */
export const dateConditionInvalidValue = invalidConditionValueCheck({
  code: 'date-condition-invalid-value',
  severity: 'warning',
  description: 'A value under a `Date*` operator is not a date.',
  rationale:
    'Date operators accept the W3C profiles of ISO 8601 (`2024-01-31`, `2024-01-31T12:00:00Z`) and UNIX epoch seconds (R109). Any other value never satisfies a positive operator and makes a negated one always true.',
  fix: 'Write an ISO 8601 date such as "2025-06-30T00:00:00Z".',
  rules: ['R91', 'R109', 'C10'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { DateLessThan: { 'aws:CurrentTime': '31/12/2025' } },
  }),
  families: ['date'],
  parses: (value) => typeof value !== 'boolean' && parseDate(value) !== undefined,
  message: (value) => `${quote(value)} is not a date; a date operator never matches it (R109)`,
})

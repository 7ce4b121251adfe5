/**
 * Check `wildcard-in-typed-operator`: `*` or `?` in a value of a numeric, date, Boolean, binary,
 * IP address or `Null` operator, none of which support wildcards (R90-R96).
 */
import { forEachConditionValue, quote, TYPED_FAMILIES } from '../facts.js'
import { hasVariableSyntax, hasWildcard } from '../patterns.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `wildcard-in-typed-operator` lint check (what it reports: see the module comment). */
export const wildcardInTypedOperator: LintCheck = {
  code: 'wildcard-in-typed-operator',
  severity: 'warning',
  description:
    'A value of a `Numeric*`, `Date*`, `Bool`, `BinaryEquals`, `IpAddress`/`NotIpAddress` or `Null` operator contains `*` or `?`.',
  rationale:
    'These operators compare parsed numbers, instants, booleans, bytes or address ranges; none supports wildcards (section 9.9), so the value is simply malformed and never matches.',
  fix: 'Write the exact value (for IP addresses, a CIDR range such as 10.0.0.0/8 replaces 10.*).',
  rules: ['R90', 'R91', 'R92', 'R93', 'R94', 'R96'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.*' } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionValue(context, TYPED_FAMILIES, (value, test) => {
      // Variable syntax is reported by `variable-in-unsupported-operator`.
      if (typeof value.value !== 'string' || hasVariableSyntax(value.value) || !hasWildcard(value.value)) return
      findings.push(
        context.finding(
          wildcardInTypedOperator,
          value.path,
          `${quote(value.value)} contains a wildcard, which ${test.operator} does not support; it never matches`,
        ),
      )
    })
    return findings
  },
}

/**
 * Check `variable-in-unsupported-operator`: `${...}` in a value of a numeric, date, Boolean,
 * binary, IP address or `Null` operator, which do not substitute variables (R115, R92).
 */
import { forEachConditionValue, quote, TYPED_FAMILIES } from '../facts.js'
import { hasVariableSyntax } from '../patterns.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `variable-in-unsupported-operator` lint check (what it reports: see the module comment). */
export const variableInUnsupportedOperator: LintCheck = {
  code: 'variable-in-unsupported-operator',
  severity: 'error',
  description:
    'A policy variable (`${...}`) appears in a value of a `Numeric*`, `Date*`, `Bool`, `BinaryEquals`, `IpAddress`/`NotIpAddress` or `Null` operator.',
  rationale:
    'Only string and ARN operators substitute variables (R115; for `Bool` see R92/A27). Elsewhere the value stays literal, cannot be parsed as a number, date, Boolean or address, and never matches. IAM Access Analyzer reports "invalid variable for operator" as an error.',
  fix: 'Use a literal value, or a String/Arn operator if the value must come from a variable.',
  rules: ['R115', 'R92'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { DateLessThan: { 'aws:CurrentTime': '${aws:TokenIssueTime}' } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionValue(context, TYPED_FAMILIES, (value, test) => {
      if (!hasVariableSyntax(value.value)) return
      findings.push(
        context.finding(
          variableInUnsupportedOperator,
          value.path,
          `${quote(value.value)} contains '\${', but ${test.operator} does not support policy variables (R115)`,
        ),
      )
    })
    return findings
  },
}

/**
 * Check `endpoint-identifier-wildcard`: in a VPC endpoint policy, a wildcard or a numeric operator
 * used with a global key that holds a system-generated identifier (R141).
 */
import { hasVariableSyntax, hasWildcard } from '../patterns.js'
import { forEachConditionTest, quote } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** Global keys whose values are identifiers AWS generates (accounts, organizations, VPCs, ...). */
const IDENTIFIER_KEYS: ReadonlySet<string> = new Set([
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:resourceaccount',
  'aws:resourceorgid',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:vpceaccount',
  'aws:vpceorgid',
  'aws:userid',
])

/** The `endpoint-identifier-wildcard` lint check (what it reports: see the module comment). */
export const endpointIdentifierWildcard: LintCheck = {
  code: 'endpoint-identifier-wildcard',
  severity: 'warning',
  description:
    'A VPC endpoint policy uses a wildcard value or a numeric operator with a key that holds a system-generated identifier (`aws:PrincipalAccount`, `aws:SourceVpc`, ...).',
  rationale:
    'Endpoint policies cannot use wildcards or numeric condition operators with global keys that reference system-generated identifiers such as account, organization, VPC or endpoint ids (R141).',
  fix: 'List the exact identifiers with StringEquals.',
  rules: ['R141'],
  example: statementExample('endpoint', {
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { StringLike: { 'aws:PrincipalAccount': '1111*' } },
  }),
  check(context) {
    if (context.kind !== 'endpoint') return []
    const findings: Finding[] = []
    forEachConditionTest(context, (test) => {
      if (!IDENTIFIER_KEYS.has(test.keyLower)) return
      if (test.family === 'numeric') {
        findings.push(
          context.finding(
            endpointIdentifierWildcard,
            test.keyPath,
            `${test.operator} cannot be used with ${test.key} in an endpoint policy (R141)`,
            { at: 'key' },
          ),
        )
        return
      }
      for (const value of test.values) {
        if (typeof value.value !== 'string' || hasVariableSyntax(value.value) || !hasWildcard(value.value)) continue
        findings.push(
          context.finding(
            endpointIdentifierWildcard,
            value.path,
            `${quote(value.value)} uses a wildcard with ${test.key}, which endpoint policies do not support (R141)`,
          ),
        )
      }
    })
    return findings
  },
}

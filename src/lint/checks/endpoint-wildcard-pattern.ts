/**
 * Check `endpoint-wildcard-pattern`: in a VPC endpoint policy, a string-operator wildcard without
 * six consecutive literal characters before or after it, or an ARN whose account field mixes an
 * account id and a wildcard (R141).
 */
import { forEachConditionValue, forEachResource, quote } from '../facts.js'
import { arnFields, hasVariableSyntax, hasWildcard, isAllStars } from '../patterns.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

const MINIMUM_LITERAL_RUN = 6

function isWildcardCode(code: number): boolean {
  return code === 42 || code === 63
}

/** Whether every wildcard has at least six consecutive literal characters before or after it. */
function wildcardsAnchored(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isWildcardCode(text.charCodeAt(i))) continue
    let before = 0
    while (i - before - 1 >= 0 && !isWildcardCode(text.charCodeAt(i - before - 1)) && before < MINIMUM_LITERAL_RUN) before++
    let after = 0
    while (i + after + 1 < text.length && !isWildcardCode(text.charCodeAt(i + after + 1)) && after < MINIMUM_LITERAL_RUN) after++
    if (before < MINIMUM_LITERAL_RUN && after < MINIMUM_LITERAL_RUN) return false
  }
  return true
}

/** Whether an ARN's account field mixes digits and wildcards (`1111*`). */
function mixedAccount(arn: string): string | undefined {
  if (!arn.startsWith('arn:')) return undefined
  const fields = arnFields(arn)
  const account = fields[4]
  if (fields.length !== 6 || account === undefined || !hasWildcard(account) || isAllStars(account)) return undefined
  return account
}

/** The `endpoint-wildcard-pattern` lint check (what it reports: see the module comment). */
export const endpointWildcardPattern: LintCheck = {
  code: 'endpoint-wildcard-pattern',
  severity: 'warning',
  description:
    'A VPC endpoint policy has a string-operator wildcard without six consecutive literal characters before or after it, or an ARN whose account field mixes an account id and a wildcard.',
  rationale:
    'In endpoint policies, string condition operators need at least six consecutive non-wildcard characters before or after each wildcard, and the account part of an ARN can be an account id or a wildcard, not both (R141). Other patterns are refused or do not behave as in IAM policies.',
  fix: 'Lengthen the literal part next to the wildcard, or list exact values; write the account field as a full account id or as *.',
  rules: ['R141'],
  example: statementExample('endpoint', {
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::bucket/*',
    Condition: { StringLike: { 'aws:userid': 'AI*' } },
  }),
  check(context) {
    if (context.kind !== 'endpoint') return []
    const findings: Finding[] = []
    forEachConditionValue(context, ['string'], (value, test) => {
      if (typeof value.value !== 'string' || hasVariableSyntax(value.value) || !hasWildcard(value.value)) return
      // Under the Equals operators `*` and `?` are literal (R88): only Like operators have wildcards.
      if (test.baseOperator !== 'StringLike' && test.baseOperator !== 'StringNotLike') return
      if (wildcardsAnchored(value.value)) return
      findings.push(
        context.finding(
          endpointWildcardPattern,
          value.path,
          `${quote(value.value)} has a wildcard without six consecutive literal characters before or after it (R141)`,
        ),
      )
    })
    const checkArn = (path: string, arn: string): void => {
      const account = mixedAccount(arn)
      if (account !== undefined)
        findings.push(
          context.finding(
            endpointWildcardPattern,
            path,
            `the account field ${quote(account)} of ${quote(arn)} mixes an account id and a wildcard (R141)`,
          ),
        )
    }
    forEachResource(context, (value) => checkArn(value.path, value.value))
    forEachConditionValue(context, ['arn'], (value) => {
      if (typeof value.value === 'string') checkArn(value.path, value.value)
    })
    return findings
  },
}

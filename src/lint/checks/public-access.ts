/**
 * Check `public-access`: an `Allow` to every principal (`"*"` or `{"AWS": "*"}`) in a resource or
 * trust policy with no condition that narrows who can use it (R28, R47).
 */
import type { LintConditionTest } from '../context.js'
import { isAllStars } from '../patterns.js'
import type { PolicyKind } from '../../policy/model.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

const KINDS: ReadonlySet<PolicyKind> = new Set(['resource', 'trust'])

/** Global keys that identify the caller, its organization or where the request comes from. */
const RESTRICTING_GLOBAL_KEYS: ReadonlySet<string> = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalisawsservice',
  'aws:principalservicename',
  'aws:principalservicenameslist',
  'aws:userid',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourceowner',
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourcevpcarn',
  'aws:vpcsourceip',
  'aws:vpceaccount',
  'aws:vpceorgid',
  'aws:vpceorgpaths',
])

/**
 * Whether a test narrows the callers: a positive, non-`IfExists`, non-`ForAllValues` test (all of
 * which hold for an anonymous caller that lacks the key, R80, R97, R101) on an identifying global
 * key or on a service key (service and identity-provider keys such as `kms:CallerAccount` or
 * `token.actions.githubusercontent.com:sub` are assumed to narrow), with a value that is not `*`.
 */
function restricts(test: LintConditionTest): boolean {
  if (test.baseOperator === undefined || test.baseOperator === 'Null' || test.negated || test.ifExists || test.qualifier === 'ForAllValues')
    return false
  const identifying = test.keyLower.startsWith('aws:')
    ? RESTRICTING_GLOBAL_KEYS.has(test.keyLower) || test.keyLower.startsWith('aws:principaltag/')
    : true
  return identifying && test.values.some((value) => typeof value.value !== 'string' || !isAllStars(value.value))
}

/** The `public-access` lint check (what it reports: see the module comment). */
export const publicAccess: LintCheck = {
  code: 'public-access',
  severity: 'security',
  description:
    'A resource or trust policy allows every principal (`"*"` or `{"AWS": "*"}`) without a condition that narrows who the callers are.',
  rationale:
    '`"Principal": "*"` covers every AWS account and anonymous callers (R28, R47). Without a condition on the caller or its network (`aws:PrincipalOrgID`, `aws:PrincipalArn`, `aws:SourceVpce`, `aws:SourceAccount`, ...), the statement makes the resource public.',
  fix: 'Name the principals, or add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce or aws:SourceArn.',
  rules: ['R28', 'R47', 'R23'],
  example: statementExample('resource', { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }),
  check(context) {
    if (!KINDS.has(context.kind)) return []
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      const principal = statement.principal
      if (statement.effect !== 'Allow' || principal === undefined || principal.negated) continue
      const everyone = principal.entries.find((entry) => entry.entry.form === 'all')
      if (everyone === undefined) continue
      // An empty Condition or operator map makes the statement inert (R83, C17).
      if (statement.condition?.empty === true || statement.condition?.operators.some((operator) => operator.empty) === true) continue
      if (statement.tests.some(restricts)) continue
      findings.push(
        context.finding(
          publicAccess,
          everyone.path,
          'this Allow applies to every principal, including anonymous callers and every AWS account, and no condition narrows it (R47)',
        ),
      )
    }
    return findings
  },
}

/**
 * Check `pass-role-all-resources`: an identity policy that allows `iam:PassRole` (directly or
 * through `iam:*`, `*` or `NotAction`) on every role (R59, R61).
 */
import { actionElementCovers, coversEverything } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `pass-role-all-resources` lint check (what it reports: see the module comment). */
export const passRoleAllResources: LintCheck = {
  code: 'pass-role-all-resources',
  severity: 'security',
  description: 'An identity policy allows `iam:PassRole` on `"*"` or with `NotResource` (also through `iam:*`, `*` or `NotAction`).',
  rationale:
    '`iam:PassRole` lets the caller hand a role to a service (an EC2 instance, a Lambda function, ...), which then acts with that role\'s permissions. Allowing it on every role lets the caller obtain the permissions of any role in the account, including administrator roles. IAM Access Analyzer reports the "pass role with ..." security warnings.',
  fix: 'Allow iam:PassRole only on the ARNs of the roles that must be passed, and restrict iam:PassedToService.',
  rules: ['R59', 'R61', 'R71'],
  example: statementExample('identity', { Effect: 'Allow', Action: ['ec2:RunInstances', 'iam:PassRole'], Resource: '*' }),
  check(context) {
    if (context.kind !== 'identity') return []
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      const action = statement.action
      const resource = statement.resource
      if (statement.effect !== 'Allow' || action === undefined || resource === undefined) continue
      if (!resource.negated && !coversEverything(resource)) continue
      if (!actionElementCovers(action, 'iam:PassRole')) continue
      const how = resource.negated ? 'on every role not listed in NotResource' : 'on every role'
      findings.push(
        context.finding(
          passRoleAllResources,
          action.path,
          `this Allow grants iam:PassRole ${how}; the caller can pass any role to a service`,
        ),
      )
    }
    return findings
  },
}

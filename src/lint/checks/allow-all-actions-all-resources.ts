/**
 * Check `allow-all-actions-all-resources`: an `Allow` of action `"*"` on resource `"*"` in an
 * identity or resource policy — full administrator access (R59, R65).
 */
import { coversEverything } from '../facts.js'
import type { PolicyKind } from '../../policy/model.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/**
 * Only where it grants: in boundaries, session policies, SCPs, RCPs and endpoint policies an
 * allow-everything statement is the normal "no restriction" form (FullAWSAccess, R130).
 */
const KINDS: ReadonlySet<PolicyKind> = new Set(['identity', 'resource'])

/** The `allow-all-actions-all-resources` lint check (what it reports: see the module comment). */
export const allowAllActionsAllResources: LintCheck = {
  code: 'allow-all-actions-all-resources',
  severity: 'security',
  description: 'An `Allow` statement of an identity or resource policy grants action `"*"` on resource `"*"`.',
  rationale:
    'Action `"*"` on resource `"*"` is full administrator access: every action of every service on every resource (R59, R65), including IAM changes that grant even more. IAM Access Analyzer reports "star in action and resource".',
  fix: 'Grant only the actions and resources that are needed.',
  rules: ['R59', 'R65'],
  example: statementExample('identity', { Effect: 'Allow', Action: '*', Resource: '*' }),
  check(context) {
    if (!KINDS.has(context.kind)) return []
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      if (statement.effect !== 'Allow' || !coversEverything(statement.action)) continue
      // In a resource policy a statement without Resource applies to the resource itself (R36).
      const everyResource = statement.resource === undefined ? context.kind === 'resource' : coversEverything(statement.resource)
      if (!everyResource || statement.action === undefined) continue
      findings.push(context.finding(allowAllActionsAllResources, statement.action.path, 'this Allow grants every action on every resource'))
    }
    return findings
  },
}

/**
 * Check `scp-allow-legacy-syntax`: an SCP `Allow` statement using what older Organizations
 * documentation did not allow there — a `Condition`, a `Resource` other than `"*"` (or
 * `NotResource`), or a wildcard anywhere but at the end of an action (R131).
 */
import { hasWildcard, isAllStars } from '../patterns.js'
import { quote } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** True when the only wildcard of an action is one `*` at its very end (`s3:Get*`). */
function wildcardOnlyAtEnd(action: string): boolean {
  if (isAllStars(action)) return true
  const body = action.endsWith('*') ? action.slice(0, -1) : action
  return !hasWildcard(body)
}

/** The `scp-allow-legacy-syntax` lint check (what it reports: see the module comment). */
export const scpAllowLegacySyntax: LintCheck = {
  code: 'scp-allow-legacy-syntax',
  severity: 'warning',
  description:
    'An SCP `Allow` statement has a `Condition`, a `Resource` other than `"*"` (or `NotResource`), or an action with a wildcard that is not at its end.',
  rationale:
    'Older Organizations documentation restricted SCP `Allow` statements to `Action` with `Resource: "*"`, no `Condition`, and wildcards only at the end of action names; current documentation accepts all of these (R131), and IAM Access Analyzer still reports them as "SCP syntax error" findings. An allow-list SCP written this way may be refused by tooling built on the older rules. (`NotAction` in an `Allow` is reported by `allow-with-not-action`.)',
  fix: 'In allow-list SCPs, keep Allow statements to Action lists with "Resource": "*"; express restrictions as Deny statements.',
  rules: ['R131'],
  example: statementExample('scp', {
    Effect: 'Allow',
    Action: 's3:*',
    Resource: '*',
    Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
  }),
  check(context) {
    if (context.kind !== 'scp') return []
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      if (statement.effect !== 'Allow') continue
      if (statement.condition !== undefined) {
        findings.push(
          context.finding(
            scpAllowLegacySyntax,
            statement.condition.path,
            'older SCP documentation did not allow Condition in Allow statements (R131)',
          ),
        )
      }
      const resource = statement.resource
      if (resource !== undefined && (resource.negated || !resource.values.every((value) => isAllStars(value.value)))) {
        findings.push(
          context.finding(
            scpAllowLegacySyntax,
            resource.path,
            `older SCP documentation allowed only "Resource": "*" in Allow statements, not this ${resource.name} (R131)`,
          ),
        )
      }
      if (statement.action?.negated === false) {
        for (const value of statement.action.values) {
          if (wildcardOnlyAtEnd(value.value)) continue
          findings.push(
            context.finding(
              scpAllowLegacySyntax,
              value.path,
              `${quote(value.value)} has a wildcard before its end; older SCP documentation allowed wildcards only at the end of Allow actions (R131)`,
            ),
          )
        }
      }
    }
    return findings
  },
}

/**
 * Check `principal-never-matches`: an `AWS` principal entry that designates no caller — a unique
 * principal id left behind by a deleted user or role, or an ARN of no principal type (R49, R53).
 */
import { hasWildcard } from '../patterns.js'
import { quote } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `principal-never-matches` lint check (what it reports: see the module comment). */
export const principalNeverMatches: LintCheck = {
  code: 'principal-never-matches',
  severity: 'warning',
  description:
    'An `AWS` principal entry is not `*`, an account id, or the ARN of an account, user, role, role session or federated user (for example a unique id such as `AROAEXAMPLEID`).',
  rationale:
    'When a user or role named in a policy is deleted, AWS replaces its ARN by a unique id (R53); that id never matches a new principal of the same name. Other malformed entries match nothing either (R49). In an `Allow` the entry grants nothing; in `NotPrincipal` it excludes nothing.',
  fix: 'Replace the entry by the ARN of the intended principal, or remove it.',
  rules: ['R49', 'R53', 'C7'],
  example: statementExample('trust', { Effect: 'Allow', Principal: { AWS: 'AROAEXAMPLEROLEID1234' }, Action: 'sts:AssumeRole' }),
  check(context) {
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      const principal = statement.principal
      if (principal === undefined) continue
      const dead = principal.entries.filter((entry) => entry.entry.form === 'none')
      // Partial wildcards are `principal-partial-wildcard`.
      for (const entry of dead.filter((candidate) => !hasWildcard(candidate.value))) {
        const all =
          dead.length === principal.entries.length
            ? principal.negated
              ? '; NotPrincipal excludes nothing'
              : '; no entry of this statement can match, so it never applies'
            : ''
        findings.push(
          context.finding(
            principalNeverMatches,
            entry.path,
            `${quote(entry.value)} designates no principal: ${entry.entry.note ?? 'it matches nothing'}${all}`,
          ),
        )
      }
    }
    return findings
  },
}

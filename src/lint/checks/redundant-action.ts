/**
 * Check `redundant-action`: an entry of `Action`/`NotAction` already covered by another entry of
 * the same element (`s3:GetObject` next to `s3:*`), or repeated (R58-R60).
 */
import { coveredEntries, quote } from '../facts.js'
import { globCovers, hasWildcard } from '../patterns.js'
import type { Finding, LintCheck } from '../types.js'

/** The literal service prefix of a lower-cased action pattern, or `undefined` when it has wildcards. */
function literalService(pattern: string): string | undefined {
  const colon = pattern.indexOf(':')
  if (colon === -1) return undefined
  const service = pattern.slice(0, colon)
  return hasWildcard(service) ? undefined : service
}

/** The `redundant-action` lint check (what it reports: see the module comment). */
export const redundantAction: LintCheck = {
  code: 'redundant-action',
  severity: 'suggestion',
  description:
    'An action of `Action`/`NotAction` is already covered by another entry of the same list (for example `s3:GetObject` next to `s3:*`), or is repeated.',
  rationale:
    'The entries of a list are OR-ed (R60) and compared case-insensitively (R58), so the covered entry changes nothing. Removing it keeps the policy short. IAM Access Analyzer suggests "redundant action".',
  fix: 'Remove the covered entry.',
  rules: ['R58', 'R59', 'R60'],
  example: {
    kind: 'identity',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3:GetObject'], Resource: '*' }] },
  },
  check(context) {
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      const list = statement.action
      if (list === undefined || list.values.length < 2) continue
      const covered = coveredEntries(list.values, (text) => text.toLowerCase(), literalService, globCovers)
      for (const [entry, by] of covered) {
        findings.push(
          context.finding(
            redundantAction,
            entry.path,
            `${quote(entry.value)} is already covered by ${quote(by.value)} in the same ${list.name} (R60)`,
          ),
        )
      }
    }
    return findings
  },
}

/**
 * Check `redundant-action`: an entry of `Action`/`NotAction` already covered by another entry of
 * the same element (`s3:GetObject` next to `s3:*`), or repeated (R58-R60).
 */
import { redundantEntryCheck } from '../check-factories.js'
import { actionService, globCovers, hasWildcard } from '../patterns.js'
import { statementExample } from '../examples.js'

/** The literal service prefix of a lower-cased action pattern, or `undefined` when it has wildcards. */
function literalService(pattern: string): string | undefined {
  const service = actionService(pattern)
  return service === undefined || hasWildcard(service) ? undefined : service
}

/** The `redundant-action` lint check (what it reports: see the module comment). */
export const redundantAction = redundantEntryCheck({
  code: 'redundant-action',
  severity: 'suggestion',
  description:
    'An action of `Action`/`NotAction` is already covered by another entry of the same list (for example `s3:GetObject` next to `s3:*`), or is repeated.',
  rationale:
    'The entries of a list are OR-ed (R60) and compared case-insensitively (R58), so the covered entry changes nothing. Removing it keeps the policy short. IAM Access Analyzer suggests "redundant action".',
  fix: 'Remove the covered entry.',
  rules: ['R58', 'R59', 'R60'],
  example: statementExample('identity', { Effect: 'Allow', Action: ['s3:*', 's3:GetObject'], Resource: '*' }),
  element: 'action',
  // Actions are compared case-insensitively (R58).
  coverage: { normalize: (text) => text.toLowerCase(), group: literalService, covers: globCovers },
  rule: 'R60',
})

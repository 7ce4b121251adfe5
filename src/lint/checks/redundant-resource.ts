/**
 * Check `redundant-resource`: an entry of `Resource`/`NotResource` already covered by another
 * entry of the same element (`arn:aws:s3:::bucket/a` next to `arn:aws:s3:::bucket/*`), or
 * repeated (R66, R70).
 */
import { redundantEntryCheck } from '../check-factories.js'
import { arnFields, globCovers, hasWildcard, isAllStars } from '../patterns.js'
import type { WorkBudget } from '../patterns.js'
import { statementExample } from '../examples.js'

/** The literal service field of a resource pattern, or `undefined` when it is not literal. */
function literalService(pattern: string): string | undefined {
  const fields = arnFields(pattern)
  if (fields.length !== 6) return undefined
  const service = fields[2] as string
  return hasWildcard(service) ? undefined : service
}

/**
 * ARN-aware coverage (R66): `*` covers everything; otherwise both must have six fields and each
 * field of `general` must cover the same field of `specific` (a `*` of the first five fields never
 * crosses a colon). Shorter patterns are never claimed to cover anything.
 */
function arnCovers(general: string, specific: string, budget: WorkBudget): boolean | undefined {
  if (isAllStars(general)) return true
  const left = arnFields(general)
  const right = arnFields(specific)
  if (left.length !== 6 || right.length !== 6) return false
  for (let i = 0; i < 6; i++) {
    const covered = globCovers(left[i] as string, right[i] as string, budget)
    if (covered !== true) return covered
  }
  return true
}

/** The `redundant-resource` lint check (what it reports: see the module comment). */
export const redundantResource = redundantEntryCheck({
  code: 'redundant-resource',
  severity: 'suggestion',
  description: 'A resource of `Resource`/`NotResource` is already covered by another entry of the same list, or is repeated.',
  rationale:
    'The entries of a list are OR-ed (R70), so an entry covered by a wildcard entry changes nothing. IAM Access Analyzer suggests "redundant resource".',
  fix: 'Remove the covered entry.',
  rules: ['R66', 'R67', 'R70'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/reports/*'],
  }),
  element: 'resource',
  // Resource matching is case-sensitive (R68).
  coverage: { normalize: (text) => text, group: literalService, covers: arnCovers },
  rule: 'R70',
})

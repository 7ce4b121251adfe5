/**
 * Check `id-in-identity-policy`: an `Id` element in an identity, boundary or session policy (R39).
 */
import type { PolicyKind } from '../../policy/model.js'
import type { LintCheck } from '../types.js'

const KINDS: ReadonlySet<PolicyKind> = new Set(['identity', 'boundary', 'session'])

/** The `id-in-identity-policy` lint check (what it reports: see the module comment). */
export const idInIdentityPolicy: LintCheck = {
  code: 'id-in-identity-policy',
  severity: 'warning',
  description: 'An identity policy, permissions boundary or session policy has an `Id` element.',
  rationale:
    'The grammar reserves `Id` for resource-based policies; it must not appear in identity-based ones (R39). It has no effect on evaluation, and IAM may refuse it.',
  fix: 'Remove the Id element.',
  rules: ['R39'],
  example: {
    kind: 'identity',
    policy: { Version: '2012-10-17', Id: 'MyPolicy', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
  },
  check(context) {
    const id = context.document.id
    if (!KINDS.has(context.kind) || id === undefined) return []
    return [
      context.finding(
        idInIdentityPolicy,
        id.path,
        'Id belongs in resource-based policies; identity-based policies must not have it (R39)',
        { at: 'key' },
      ),
    ]
  },
}

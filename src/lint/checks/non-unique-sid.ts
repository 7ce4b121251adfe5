/**
 * Check `non-unique-sid`: two statements with the same `Sid` in a policy not stored by IAM
 * (resource, session, SCP, RCP, endpoint), where uniqueness is recommended (R40).
 */
import { IAM_STORED_KINDS, quote, repeatedSids } from '../facts.js'
import type { Finding, LintCheck } from '../types.js'

/** The `non-unique-sid` lint check (what it reports: see the module comment). */
export const nonUniqueSid: LintCheck = {
  code: 'non-unique-sid',
  severity: 'warning',
  description: 'Two statements of a resource, session, SCP, RCP or endpoint policy have the same `Sid`.',
  rationale:
    'A `Sid` labels a statement so people and tools can refer to it; a repeated one makes references ambiguous, and some services refuse it (R40). IAM Access Analyzer reports "unique Sids recommended".',
  fix: 'Give each statement its own Sid, or remove the Sid.',
  rules: ['R40'],
  example: {
    kind: 'resource',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' },
        { Sid: 'Read', Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' },
      ],
    },
  },
  check(context) {
    if (IAM_STORED_KINDS.has(context.kind)) return []
    return repeatedSids(context).map(([path, sid, earlier]): Finding =>
      context.finding(nonUniqueSid, path, `Sid ${quote(sid)} is already used by statement ${earlier}`),
    )
  },
}

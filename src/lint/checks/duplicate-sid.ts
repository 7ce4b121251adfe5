/**
 * Check `duplicate-sid`: two statements of an IAM-stored policy (identity, boundary, trust) with
 * the same `Sid`, which IAM refuses (R40).
 */
import { IAM_STORED_KINDS, quote, repeatedSids } from '../facts.js'
import type { Finding, LintCheck } from '../types.js'

/** The `duplicate-sid` lint check (what it reports: see the module comment). */
export const duplicateSid: LintCheck = {
  code: 'duplicate-sid',
  severity: 'error',
  description: 'Two statements of an identity policy, permissions boundary or role trust policy have the same `Sid`.',
  rationale:
    'In IAM policies a `Sid` must be unique within the policy (R40); IAM refuses the document. IAM Access Analyzer reports "unique Sids required".',
  fix: 'Give each statement its own Sid, or remove the Sid.',
  rules: ['R40'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        { Sid: 'Read', Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' },
      ],
    },
  },
  check(context) {
    if (!IAM_STORED_KINDS.has(context.kind)) return []
    return repeatedSids(context).map(([path, sid, earlier]): Finding =>
      context.finding(
        duplicateSid,
        path,
        `Sid ${quote(sid)} is already used by statement ${earlier}; Sids must be unique in IAM policies (R40)`,
      ),
    )
  },
}

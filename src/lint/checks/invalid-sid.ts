/**
 * Check `invalid-sid`: a `Sid` with characters other than ASCII letters and digits in an IAM
 * policy (R40).
 */
import type { PolicyKind } from '../../policy/model.js'
import { quote } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** IAM policies: identity-type kinds and role trust policies. */
const KINDS: ReadonlySet<PolicyKind> = new Set(['identity', 'boundary', 'session', 'trust'])
const ALPHANUMERIC = /^[A-Za-z0-9]*$/

/** The `invalid-sid` lint check (what it reports: see the module comment). */
export const invalidSid: LintCheck = {
  code: 'invalid-sid',
  severity: 'error',
  description: 'A `Sid` of an identity, boundary, session or trust policy contains characters other than ASCII letters and digits.',
  rationale:
    'In IAM policies a `Sid` may contain only `A-Z`, `a-z` and `0-9` (R40); IAM refuses other characters (spaces, hyphens, underscores). Other services are more permissive.',
  fix: 'Use only letters and digits in the Sid, for example AllowS3Read.',
  rules: ['R40'],
  example: statementExample('identity', { Sid: 'allow-s3-read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
  check(context) {
    if (!KINDS.has(context.kind)) return []
    const findings: Finding[] = []
    for (const statement of context.document.statements) {
      const sid = statement.sid
      if (sid === undefined || ALPHANUMERIC.test(sid.value)) continue
      findings.push(
        context.finding(invalidSid, sid.path, `Sid ${quote(sid.value)} contains characters other than ASCII letters and digits (R40)`),
      )
    }
    return findings
  },
}

/**
 * Check `missing-version`: a document without `Version` (R38).
 */
import type { LintCheck } from '../types.js'

/** The `missing-version` lint check (what it reports: see the module comment). */
export const missingVersion: LintCheck = {
  code: 'missing-version',
  severity: 'warning',
  description: 'The document has no `Version` element.',
  rationale:
    'Without `Version` the legacy language applies: policy variables such as `${aws:username}` are literal text (R38). IAM Access Analyzer reports "missing version".',
  fix: 'Add "Version": "2012-10-17".',
  rules: ['R38'],
  example: {
    kind: 'identity',
    policy: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
  },
  check(context) {
    if (!context.document.isObject || context.document.version !== undefined) return []
    return [
      context.finding(
        missingVersion,
        '',
        'the policy has no Version; policy variables are literal text without "Version": "2012-10-17" (R38)',
      ),
    ]
  },
}

/**
 * Check `legacy-version`: `"Version": "2008-10-17"` (R38).
 */
import type { LintCheck } from '../types.js'

/** The `legacy-version` lint check (what it reports: see the module comment). */
export const legacyVersion: LintCheck = {
  code: 'legacy-version',
  severity: 'suggestion',
  description: '`Version` is the legacy `2008-10-17`.',
  rationale:
    'Under `2008-10-17` policy variables are literal text (R38), and newer language features are documented for `2012-10-17` only.',
  fix: 'Use "Version": "2012-10-17".',
  rules: ['R38'],
  example: {
    kind: 'resource',
    policy: {
      Version: '2008-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }],
    },
  },
  check(context) {
    const version = context.document.version
    if (version?.value !== '2008-10-17') return []
    return [
      context.finding(
        legacyVersion,
        version.path,
        'Version 2008-10-17 is the legacy language version; policy variables are literal text under it (R38)',
      ),
    ]
  },
}

/**
 * Check `variable-unsupported-version`: `${...}` where variables would be honoured, in a document
 * whose `Version` is `2008-10-17` or missing, so it is literal text (R38, R114).
 */
import { forEachConditionValue, forEachResource, quote } from '../facts.js'
import { hasVariableSyntax } from '../patterns.js'
import type { Finding, LintCheck } from '../types.js'

/** The `variable-unsupported-version` lint check (what it reports: see the module comment). */
export const variableUnsupportedVersion: LintCheck = {
  code: 'variable-unsupported-version',
  severity: 'error',
  description: 'A policy variable (`${...}`) is used but `Version` is `2008-10-17` or missing.',
  rationale:
    'Policy variables are only substituted under `"Version": "2012-10-17"`; otherwise `${aws:username}` is literal text (R38, R114), so `arn:aws:s3:::bucket/${aws:username}/*` matches only a folder literally named `${aws:username}`. IAM Access Analyzer reports "variable unsupported in version" as an error.',
  fix: 'Add "Version": "2012-10-17" at the top of the document.',
  rules: ['R38', 'R114', 'E24'],
  example: {
    kind: 'identity',
    policy: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:username}/*' }] },
  },
  check(context) {
    const document = context.document
    if (!document.isObject || document.variablesEnabled) return []
    const version = document.version === undefined ? 'there is no Version' : `Version is ${JSON.stringify(document.version.value)}`
    const findings: Finding[] = []
    const report = (path: string, value: string): void => {
      findings.push(
        context.finding(
          variableUnsupportedVersion,
          path,
          `${quote(value)} looks like a policy variable, but ${version}, so it is literal text (R38)`,
        ),
      )
    }
    forEachResource(context, (value) => {
      if (hasVariableSyntax(value.value)) report(value.path, value.value)
    })
    forEachConditionValue(context, ['string', 'arn'], (value) => {
      if (typeof value.value === 'string' && hasVariableSyntax(value.value)) report(value.path, value.value)
    })
    return findings
  },
}

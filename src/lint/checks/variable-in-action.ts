/**
 * Check `variable-in-action`: `${...}` in `Action`/`NotAction`, where variables are never
 * substituted (R63, R115).
 */
import { forEachAction, quote } from '../facts.js'
import { hasVariableSyntax } from '../patterns.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `variable-in-action` lint check (what it reports: see the module comment). */
export const variableInAction: LintCheck = {
  code: 'variable-in-action',
  severity: 'error',
  description: 'A policy variable (`${...}`) appears in `Action` or `NotAction`.',
  rationale:
    'Variables are only substituted in resources and in string/ARN condition values (R115); in `Action` the text `${...}` is literal (R63) and matches no real action. IAM Access Analyzer reports "variable unsupported in element" as an error.',
  fix: 'Write the action names explicitly (wildcards such as s3:Get* are allowed).',
  rules: ['R63', 'R115'],
  example: statementExample('identity', { Effect: 'Allow', Action: 's3:${aws:PrincipalTag/action}', Resource: '*' }),
  check(context) {
    const findings: Finding[] = []
    forEachAction(context, (value, list) => {
      if (!hasVariableSyntax(value.value)) return
      findings.push(
        context.finding(
          variableInAction,
          value.path,
          `${quote(value.value)} contains '\${', but variables are not supported in ${list.name}; it is literal text (R63)`,
        ),
      )
    })
    return findings
  },
}

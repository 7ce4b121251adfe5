/**
 * Check `variable-before-resource-field`: `${...}` before the fifth colon of a resource ARN,
 * where the library treats it as literal text (R72, A20).
 */
import { resourceVariableStart } from '../../policy/variables.js'
import { forEachResource, quote } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `variable-before-resource-field` lint check (what it reports: see the module comment). */
export const variableBeforeResourceField: LintCheck = {
  code: 'variable-before-resource-field',
  severity: 'warning',
  description: 'A policy variable appears in a resource ARN before its resource part (in the partition, service, region or account field).',
  rationale:
    'AWS documents variables in `Resource` only in the resource part, after the fifth colon (R72). Elsewhere in the ARN this library treats `${...}` as literal text (A20), so the pattern may not match what was intended; some AWS managed policies do use a variable in the account field.',
  fix: 'Write the partition, service, region and account literally (or as *), and restrict the account with a condition such as aws:ResourceAccount.',
  rules: ['R72', 'A20'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 'kms:Decrypt',
    Resource: 'arn:aws:kms:*:${aws:PrincipalAccount}:key/*',
  }),
  check(context) {
    if (!context.document.variablesEnabled) return []
    const findings: Finding[] = []
    forEachResource(context, (value) => {
      const at = value.value.indexOf('${')
      if (at === -1) return
      const start = resourceVariableStart(value.value)
      if (start !== -1 && at >= start) return
      findings.push(
        context.finding(
          variableBeforeResourceField,
          value.path,
          `${quote(value.value)} has a variable before the resource part of the ARN; it is literal text there (R72)`,
        ),
      )
    })
    return findings
  },
}

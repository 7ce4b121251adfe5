/**
 * Check `arn-condition-invalid-value`: an `Arn*` condition value that can never match an ARN
 * (R95, A30).
 */
import { forEachConditionValue, quote } from '../facts.js'
import { canMatchAnArn, hasVariableSyntax } from '../patterns.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `arn-condition-invalid-value` lint check (what it reports: see the module comment). */
export const arnConditionInvalidValue: LintCheck = {
  code: 'arn-condition-invalid-value',
  severity: 'warning',
  description: 'A value under `ArnEquals`/`ArnLike`/`ArnNotEquals`/`ArnNotLike` cannot match any ARN.',
  rationale:
    'ARN operators compare the six colon-separated fields of an ARN (R95). A value that does not start with `arn:` (or a wildcard that can stand for it), or that has fewer than six fields without a final `*`, never matches: the positive operators are then always false and the negated ones always true.',
  fix: 'Write a full ARN pattern such as arn:aws:iam::111122223333:role/*, or use a String operator for non-ARN values.',
  rules: ['R95', 'R66'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 'sns:Publish',
    Resource: '*',
    Condition: { ArnLike: { 'aws:SourceArn': 'my-topic' } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionValue(context, ['arn'], (value) => {
      // A substituted variable may well produce an ARN.
      if (context.document.variablesEnabled && hasVariableSyntax(value.value)) return
      const text = String(value.value)
      if (canMatchAnArn(text)) return
      findings.push(
        context.finding(
          arnConditionInvalidValue,
          value.path,
          `${quote(value.value)} is not an ARN pattern; an ARN operator never matches it (R95)`,
        ),
      )
    })
    return findings
  },
}

/**
 * Check `wildcard-without-like-operator`: `*` or `?` in a value of a `StringEquals`-family
 * operator, where they are literal characters (R88).
 */
import { forEachConditionValue, quote } from '../facts.js'
import { hasWildcard, literalText } from '../patterns.js'
import type { BaseOperator } from '../../policy/model.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

const EQUALS_OPERATORS: ReadonlySet<BaseOperator> = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
])

/** The `wildcard-without-like-operator` lint check (what it reports: see the module comment). */
export const wildcardWithoutLikeOperator: LintCheck = {
  code: 'wildcard-without-like-operator',
  severity: 'warning',
  description: 'A `StringEquals`/`StringNotEquals` (or `...IgnoreCase`) value contains `*` or `?`.',
  rationale:
    'Only `StringLike`/`StringNotLike` treat `*` and `?` as wildcards; under the `Equals` operators they are ordinary characters (R88), so `"admin-*"` matches only the literal text `admin-*`. IAM Access Analyzer reports this as "wildcard without like operator".',
  fix: 'Use StringLike / StringNotLike for patterns, or remove the wildcard.',
  rules: ['R87', 'R88'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 'ec2:StartInstances',
    Resource: '*',
    Condition: { StringEquals: { 'aws:ResourceTag/team': 'dev-*' } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionValue(context, ['string'], (value, test) => {
      if (typeof value.value !== 'string' || test.baseOperator === undefined || !EQUALS_OPERATORS.has(test.baseOperator)) return
      // `${*}`/`${?}` and substituted values are literal anyway (R119, R120).
      if (!hasWildcard(literalText(value.value, context.document.variablesEnabled))) return
      const like = test.operator.replace('Equals', 'Like').replace('IgnoreCase', '')
      findings.push(
        context.finding(
          wildcardWithoutLikeOperator,
          value.path,
          `${quote(value.value)} contains a wildcard, but ${test.operator} compares it literally (R88)`,
          {
            fix: `Use ${like} if a pattern was meant, or remove the wildcard.`,
          },
        ),
      )
    })
    return findings
  },
}

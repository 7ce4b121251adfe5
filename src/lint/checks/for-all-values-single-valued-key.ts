/**
 * Check `for-all-values-single-valued-key`: `ForAllValues:` on a key that carries one value per
 * request (R99-R101).
 */
import { singleValuedQualifierCheck } from '../check-factories.js'
import { statementExample } from '../examples.js'

/** The `for-all-values-single-valued-key` lint check (what it reports: see the module comment). */
export const forAllValuesSingleValuedKey = singleValuedQualifierCheck({
  code: 'for-all-values-single-valued-key',
  severity: 'security',
  description:
    '`ForAllValues:` is used with a single-valued key (a documented single-valued global key or a tag key such as `aws:RequestTag/team`).',
  rationale:
    '`ForAllValues:` is true when the key is absent (R101). On a single-valued key it adds nothing but that: a request without the key passes, so an `Allow` grants to requests that do not carry the tag or value at all. IAM Access Analyzer reports it as a security warning.',
  fix: 'Drop the ForAllValues: prefix (use the plain operator) for single-valued keys.',
  rules: ['R99', 'R100', 'R101'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 'ec2:CreateTags',
    Resource: '*',
    Condition: { 'ForAllValues:StringEquals': { 'aws:RequestTag/team': 'dev' } },
  }),
  qualifier: 'ForAllValues',
  message: (test) => `${test.key} is single-valued; ${test.operator} is also true when the key is absent (R101)`,
})

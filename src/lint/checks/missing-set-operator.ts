/**
 * Check `missing-set-operator`: a plain (unqualified) operator on a multivalued key (R99, R105).
 */
import { isKnownMultivalued } from '../condition-keys.js'
import { forEachConditionTest } from '../facts.js'
import { statementExample } from '../examples.js'
import type { Finding, LintCheck } from '../types.js'

/** The `missing-set-operator` lint check (what it reports: see the module comment). */
export const missingSetOperator: LintCheck = {
  code: 'missing-set-operator',
  severity: 'warning',
  description:
    'A multivalued key (`aws:TagKeys`, `aws:CalledVia`, `aws:PrincipalOrgPaths`, `aws:ResourceOrgPaths`, `aws:PrincipalServiceNamesList`, or a service key typed `ArrayOf...`) is tested without `ForAllValues:`/`ForAnyValue:`.',
  rationale:
    'A multivalued key can carry several values in one request (R99). Without a set qualifier AWS does not document how the values are combined (R105; IAM Access Analyzer calls it "missing qualifier"), and the usual intent — "only these tag keys" or "at least one of these" — needs `ForAllValues:` or `ForAnyValue:`.',
  fix: 'Prefix the operator with ForAnyValue: (at least one value matches) or ForAllValues: (every value matches).',
  rules: ['R99', 'R100', 'R105'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 'ec2:CreateTags',
    Resource: '*',
    Condition: { StringEquals: { 'aws:TagKeys': ['team', 'project'] } },
  }),
  check(context) {
    const findings: Finding[] = []
    forEachConditionTest(context, (test) => {
      // Null tests presence, which needs no qualifier.
      if (
        test.qualifier !== undefined ||
        test.baseOperator === undefined ||
        test.baseOperator === 'Null' ||
        !isKnownMultivalued(test.keyLower)
      )
        return
      findings.push(
        context.finding(
          missingSetOperator,
          test.keyPath,
          `${test.key} is multivalued; ${test.operator} has no ForAllValues:/ForAnyValue: qualifier (R105)`,
          {
            at: 'key',
          },
        ),
      )
    })
    return findings
  },
}

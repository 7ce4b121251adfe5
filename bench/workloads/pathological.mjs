/**
 * Pathological inputs for the hardening work (decision must stay fast and bounded):
 * - `wildcard`: a StringLike value `*a*a*...*b` with 100 stars against a 100 KB context value of
 *   `a`s (no `b`: a naive backtracking matcher explores a huge number of splits);
 * - `multivalue`: ForAnyValue:StringEquals with 1,000 policy values against a context key with
 *   10,000 values, none shared (every pair compared by a naive loop: 10 million comparisons).
 * Both need limits raised (NO_LIMITS): the defaults refuse such requests up front.
 */
import { ACCOUNT, PRINCIPAL } from './basic.mjs'

const V = '2012-10-17'

export const WILDCARD_PATTERN = `${'*a'.repeat(99)}*b`

export const pathologicalCases = {
  wildcard: {
    title: 'StringLike `*a*a*…*b` (100 stars) vs a 100 KB value',
    policies: {
      identity: [
        {
          Version: V,
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: '*',
              Condition: { StringLike: { 'aws:PrincipalTag/team': WILDCARD_PATTERN } },
            },
          ],
        },
      ],
    },
    request: {
      principal: PRINCIPAL,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket/key',
      resourceAccount: ACCOUNT,
      context: { 'aws:PrincipalTag/team': 'a'.repeat(100 * 1024) },
    },
    expect: 'ImplicitDeny',
  },
  multivalue: {
    title: 'ForAnyValue:StringEquals, 1,000 policy values vs 10,000 context values',
    policies: {
      identity: [
        {
          Version: V,
          Statement: [
            {
              Effect: 'Allow',
              Action: 'ec2:CreateTags',
              Resource: '*',
              Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': Array.from({ length: 1_000 }, (_, i) => `policy-key-${i}`) } },
            },
          ],
        },
      ],
    },
    request: {
      principal: PRINCIPAL,
      action: 'ec2:CreateTags',
      resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123456789abcdef0`,
      resourceAccount: ACCOUNT,
      context: { 'aws:TagKeys': Array.from({ length: 10_000 }, (_, i) => `request-key-${i}`) },
    },
    expect: 'ImplicitDeny',
  },
}

/**
 * One row per lint check: documents that must trigger it (asserting the exact code, severity and
 * JSON pointer) and documents that must not. A last test makes sure every check of the table has
 * a row, and that each check's documented example triggers it.
 */
import { describe, expect, it } from 'vitest'
import { LINT_CHECKS, lintPolicy } from '../../src/lint/index.js'
import type { PolicyKind } from '../../src/policy/model.js'

type Json = Record<string, unknown>

const V = '2012-10-17'
const doc = (statements: Json[], extra: Json = {}): Json => ({ Version: V, ...extra, Statement: statements })
const allow = (more: Json = {}): Json => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...more })
const identity = (more: Json = {}, extra: Json = {}): Json => doc([allow(more)], extra)
const condition = (block: Json, more: Json = {}): Json => identity({ Condition: block, ...more })
const resource = (more: Json = {}, extra: Json = {}): Json =>
  doc([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*', ...more }], extra)
const big = (count: number, make: (i: number) => string): string[] => Array.from({ length: count }, (_, i) => make(i))

interface Case {
  readonly kind?: PolicyKind
  readonly policy: unknown
}
interface Trigger extends Case {
  readonly path: string
}
interface Row {
  readonly code: string
  readonly triggers: readonly Trigger[]
  readonly clean: readonly Case[]
}

const KEY = '/Statement/0/Condition'
const keyPath = (operator: string, key: string): string => `${KEY}/${operator}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`

const ROWS: readonly Row[] = [
  {
    code: 'missing-version',
    triggers: [{ policy: { Statement: [allow()] }, path: '' }],
    clean: [{ policy: identity() }],
  },
  {
    code: 'legacy-version',
    triggers: [{ kind: 'resource', policy: resource({}, { Version: '2008-10-17' }), path: '/Version' }],
    clean: [{ kind: 'resource', policy: resource() }],
  },
  {
    code: 'id-in-identity-policy',
    triggers: [
      { policy: identity({}, { Id: 'P1' }), path: '/Id' },
      { kind: 'boundary', policy: identity({}, { Id: 'P1' }), path: '/Id' },
    ],
    clean: [{ kind: 'resource', policy: resource({}, { Id: 'P1' }) }, { policy: identity() }],
  },
  {
    code: 'duplicate-sid',
    triggers: [{ policy: doc([allow({ Sid: 'A' }), allow({ Sid: 'A', Action: 's3:PutObject' })]), path: '/Statement/1/Sid' }],
    clean: [
      { policy: doc([allow({ Sid: 'A' }), allow({ Sid: 'B', Action: 's3:PutObject' })]) },
      {
        kind: 'resource',
        policy: doc([
          { Sid: 'A', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
          { Sid: 'A', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' },
        ]),
      },
    ],
  },
  {
    code: 'non-unique-sid',
    triggers: [
      {
        kind: 'resource',
        policy: doc([
          { Sid: 'Read', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
          { Sid: 'Read', Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        ]),
        path: '/Statement/1/Sid',
      },
    ],
    clean: [{ policy: doc([allow({ Sid: 'A' }), allow({ Sid: 'A', Action: 's3:PutObject' })]) }],
  },
  {
    code: 'invalid-sid',
    triggers: [
      { policy: identity({ Sid: 'allow-read' }), path: '/Statement/0/Sid' },
      {
        kind: 'trust',
        policy: doc([{ Sid: 'Trust me', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
        path: '/Statement/0/Sid',
      },
    ],
    clean: [{ policy: identity({ Sid: 'AllowRead1' }) }, { kind: 'resource', policy: resource({ Sid: 'allow read' }) }],
  },
  {
    code: 'empty-sid',
    triggers: [{ policy: identity({ Sid: '' }), path: '/Statement/0/Sid' }],
    clean: [{ policy: identity({ Sid: 'A' }) }],
  },
  {
    code: 'duplicate-statement',
    triggers: [
      {
        policy: doc([
          allow({ Sid: 'A', Action: ['s3:GetObject', 's3:PutObject'] }),
          { Resource: '*', Action: ['s3:PutObject', 's3:GetObject', 's3:PutObject'], Effect: 'Allow', Sid: 'B' },
        ]),
        path: '/Statement/1',
      },
    ],
    clean: [{ policy: doc([allow(), allow({ Action: 's3:PutObject' })]) }],
  },
  {
    code: 'empty-element',
    triggers: [
      { policy: identity({ Action: [] }), path: '/Statement/0/Action' },
      { policy: identity({ Resource: [] }), path: '/Statement/0/Resource' },
      { kind: 'resource', policy: resource({ Principal: {} }), path: '/Statement/0/Principal' },
      { kind: 'resource', policy: resource({ Principal: { AWS: [] } }), path: '/Statement/0/Principal' },
    ],
    clean: [
      { policy: identity({ Action: ['s3:GetObject'] }) },
      { kind: 'resource', policy: resource({ Principal: { AWS: [], Service: 's3.amazonaws.com' } }) },
    ],
  },
  {
    code: 'empty-condition',
    triggers: [
      { policy: condition({}), path: KEY },
      { policy: condition({ StringEquals: {} }), path: `${KEY}/StringEquals` },
    ],
    clean: [{ policy: condition({ StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } }) }, { policy: identity() }],
  },
  {
    code: 'empty-condition-values',
    triggers: [
      { policy: condition({ StringEquals: { 'aws:PrincipalOrgID': [] } }), path: keyPath('StringEquals', 'aws:PrincipalOrgID') },
      { policy: condition({ 'ForAnyValue:StringLike': { 'aws:TagKeys': [] } }), path: keyPath('ForAnyValue:StringLike', 'aws:TagKeys') },
    ],
    clean: [{ policy: condition({ StringEquals: { 'aws:PrincipalOrgID': ['o-abc'] } }) }],
  },
  {
    code: 'action-service-uppercase',
    triggers: [
      { policy: identity({ Action: 'S3:GetObject' }), path: '/Statement/0/Action' },
      { policy: identity({ Action: ['s3:GetObject', 'SNS:Publish'] }), path: '/Statement/0/Action/1' },
    ],
    clean: [{ policy: identity({ Action: ['s3:getobject', 's3:GETOBJECT2', '*'] }) }],
  },
  {
    code: 'wildcard-in-service-name',
    triggers: [{ policy: identity({ Action: '*:List*' }), path: '/Statement/0/Action' }],
    clean: [{ policy: identity({ Action: ['s3:List*', '*'] }) }],
  },
  {
    code: 'redundant-action',
    triggers: [
      { policy: identity({ Action: ['s3:*', 's3:GetObject'] }), path: '/Statement/0/Action/1' },
      { policy: identity({ Action: ['s3:GetObject', 'S3:getobject'] }), path: '/Statement/0/Action/1' },
      { policy: identity({ Action: ['s3:Get?bject', 's3:*?bject'] }), path: '/Statement/0/Action/0' },
      { policy: identity({ Action: ['s3:GetObject', '*'] }), path: '/Statement/0/Action/0' },
      { policy: identity({ Action: undefined, NotAction: ['iam:*', 'iam:PassRole'] }), path: '/Statement/0/NotAction/1' },
    ],
    clean: [
      { policy: identity({ Action: ['s3:Get*', 's3:PutObject', 'ec2:GetConsoleOutput'] }) },
      { policy: identity({ Action: ['s3:Get?', 's3:Ge*t'] }) },
      // `s3:Get?bject` also matches s3:GetXbject, which `s3:*Object` does not.
      { policy: identity({ Action: ['s3:Get?bject', 's3:*Object'] }) },
    ],
  },
  {
    code: 'variable-in-action',
    triggers: [{ policy: identity({ Action: 's3:${aws:username}' }), path: '/Statement/0/Action' }],
    clean: [{ policy: identity({ Resource: 'arn:aws:s3:::b/${aws:username}' }) }],
  },
  {
    code: 'resource-invalid-arn',
    triggers: [
      { policy: identity({ Resource: 's3:::bucket/*' }), path: '/Statement/0/Resource' },
      { policy: identity({ Resource: ['*', 'arn:aws:s3:bucket'] }), path: '/Statement/0/Resource/1' },
      { policy: identity({ Resource: undefined, NotResource: 'ARN:aws:s3:::bucket' }), path: '/Statement/0/NotResource' },
    ],
    clean: [{ policy: identity({ Resource: ['*', 'arn:aws:s3:::b/*', 'arn:aws:waf:*', 'arn:aws:iam::111122223333:role/x:y'] }) }],
  },
  {
    code: 'resource-wildcard-in-service',
    triggers: [{ policy: identity({ Resource: 'arn:aws:s3*:::bucket' }), path: '/Statement/0/Resource' }],
    clean: [{ policy: identity({ Resource: ['arn:aws:s3:::b*', 'arn:*:s3:*:*:*', '*'] }) }],
  },
  {
    code: 'redundant-resource',
    triggers: [
      { policy: identity({ Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/y'] }), path: '/Statement/0/Resource/1' },
      { policy: identity({ Resource: ['arn:aws:s3:::b/x', '*'] }), path: '/Statement/0/Resource/0' },
      { policy: identity({ Resource: ['arn:aws:s3:::b/x', 'arn:aws:s3:::b/x'] }), path: '/Statement/0/Resource/1' },
    ],
    clean: [
      { policy: identity({ Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/x'] }) },
      // A `*` in the region field does not cross colons (R66): neither covers the other.
      { policy: identity({ Resource: ['arn:aws:sns:*:111122223333:t', 'arn:aws:sns:us-east-1:111122223333:t:x'] }) },
      // Matching is case-sensitive (R68).
      { policy: identity({ Resource: ['arn:aws:s3:::B/*', 'arn:aws:s3:::b/x'] }) },
    ],
  },
  {
    code: 'variable-before-resource-field',
    triggers: [{ policy: identity({ Resource: 'arn:aws:kms:*:${aws:PrincipalAccount}:key/*' }), path: '/Statement/0/Resource' }],
    clean: [{ policy: identity({ Resource: 'arn:aws:s3:::b/${aws:username}/*' }) }],
  },
  {
    code: 'principal-partial-wildcard',
    triggers: [
      {
        kind: 'resource',
        policy: resource({ Principal: { AWS: 'arn:aws:iam::111122223333:user/*' } }),
        path: '/Statement/0/Principal/AWS',
      },
      {
        kind: 'resource',
        policy: resource({ Principal: { Service: ['s3.amazonaws.com', '*.amazonaws.com'] } }),
        path: '/Statement/0/Principal/Service/1',
      },
    ],
    clean: [{ kind: 'resource', policy: resource({ Principal: { AWS: ['*', 'arn:aws:iam::111122223333:user/alice'] } }) }],
  },
  {
    code: 'principal-never-matches',
    triggers: [
      {
        kind: 'trust',
        policy: doc([{ Effect: 'Allow', Principal: { AWS: 'AROAEXAMPLEROLEID1234' }, Action: 'sts:AssumeRole' }]),
        path: '/Statement/0/Principal/AWS',
      },
      {
        kind: 'resource',
        policy: resource({ Principal: { AWS: ['111122223333', 'arn:aws:iam::111122223333:group/devs'] } }),
        path: '/Statement/0/Principal/AWS/1',
      },
    ],
    clean: [{ kind: 'resource', policy: resource({ Principal: { AWS: ['111122223333', 'arn:aws:sts::111122223333:assumed-role/R/s'] } }) }],
  },
  {
    code: 'variable-in-principal',
    triggers: [
      {
        kind: 'resource',
        policy: resource({ Principal: { AWS: 'arn:aws:iam::111122223333:user/${aws:username}' } }),
        path: '/Statement/0/Principal/AWS',
      },
    ],
    clean: [{ kind: 'resource', policy: resource({ Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' } }) }],
  },
  {
    code: 'null-with-if-exists',
    triggers: [{ policy: condition({ NullIfExists: { 'aws:TokenIssueTime': 'false' } }), path: `${KEY}/NullIfExists` }],
    clean: [{ policy: condition({ Null: { 'aws:TokenIssueTime': 'false' } }) }],
  },
  {
    code: 'null-with-set-operator',
    triggers: [
      { policy: condition({ 'ForAnyValue:Null': { 'aws:TagKeys': 'false' } }), path: keyPath('ForAnyValue:Null', 'aws:TagKeys') },
      { policy: condition({ 'ForAllValues:Null': { 'aws:TagKeys': 'true' } }), path: keyPath('ForAllValues:Null', 'aws:TagKeys') },
    ],
    clean: [{ policy: condition({ Null: { 'aws:TagKeys': 'false' } }) }],
  },
  {
    code: 'if-exists-negated-in-allow',
    triggers: [
      {
        policy: condition({ StringNotEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } }),
        path: keyPath('StringNotEqualsIfExists', 'aws:RequestedRegion'),
      },
    ],
    clean: [
      { policy: condition({ StringNotEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } }, { Effect: 'Deny' }) },
      { policy: condition({ StringEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } }) },
    ],
  },
  {
    code: 'for-all-values-single-valued-key',
    triggers: [
      {
        policy: condition({ 'ForAllValues:StringEquals': { 'aws:RequestTag/team': 'dev' } }),
        path: keyPath('ForAllValues:StringEquals', 'aws:RequestTag/team'),
      },
      {
        policy: condition({ 'ForAllValues:StringLike': { 'AWS:SourceVpce': 'vpce-1*' } }, { Effect: 'Deny' }),
        path: keyPath('ForAllValues:StringLike', 'AWS:SourceVpce'),
      },
    ],
    clean: [
      { policy: condition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' }, Null: { 'aws:TagKeys': 'false' } }) },
      { policy: condition({ StringEquals: { 'aws:RequestTag/team': 'dev' } }) },
    ],
  },
  {
    code: 'for-any-value-single-valued-key',
    triggers: [
      {
        policy: condition({ 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': 'o-abc' } }),
        path: keyPath('ForAnyValue:StringEquals', 'aws:PrincipalOrgID'),
      },
    ],
    clean: [
      { policy: condition({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }) },
      { policy: condition({ 'ForAnyValue:StringEquals': { 's3:prefix': 'x' } }) },
    ],
  },
  {
    code: 'missing-set-operator',
    triggers: [
      { policy: condition({ StringEquals: { 'aws:TagKeys': ['team', 'project'] } }), path: keyPath('StringEquals', 'aws:TagKeys') },
      {
        policy: condition({ StringLike: { 'dynamodb:LeadingKeys': '${aws:userid}' } }),
        path: keyPath('StringLike', 'dynamodb:LeadingKeys'),
      },
    ],
    clean: [
      { policy: condition({ Null: { 'aws:TagKeys': 'false' }, 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'athena.amazonaws.com' } }) },
    ],
  },
  {
    code: 'for-all-values-matches-missing-key',
    triggers: [
      {
        policy: condition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'project'] } }),
        path: keyPath('ForAllValues:StringEquals', 'aws:TagKeys'),
      },
    ],
    clean: [
      { policy: condition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, Null: { 'aws:TagKeys': 'false' } }) },
      {
        policy: condition({
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] },
          'ForAnyValue:StringEquals': { 'aws:tagkeys': 'team' },
        }),
      },
      { policy: condition({ 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'secret*' } }, { Effect: 'Deny' }) },
    ],
  },
  {
    code: 'unknown-global-condition-key',
    triggers: [
      {
        policy: condition({ StringEquals: { 'aws:PrincipalOrgIdentifier': 'o-abc' } }),
        path: keyPath('StringEquals', 'aws:PrincipalOrgIdentifier'),
      },
      { policy: condition({ StringEquals: { 'aws:RequestTag/': 'x' } }), path: keyPath('StringEquals', 'aws:RequestTag/') },
    ],
    clean: [{ policy: condition({ StringEquals: { 'AWS:PRINCIPALORGID': 'o-abc', 'aws:RequestTag/team': 'x', 's3:prefix': 'home/' } }) }],
  },
  {
    code: 'condition-key-type-mismatch',
    triggers: [
      { policy: condition({ StringLike: { 'aws:SourceIp': '203.0.113.*' } }), path: keyPath('StringLike', 'aws:SourceIp') },
      { policy: condition({ StringEquals: { 'aws:SecureTransport': 'true' } }), path: keyPath('StringEquals', 'aws:SecureTransport') },
    ],
    clean: [
      {
        policy: condition({
          IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
          NumericLessThan: { 'aws:EpochTime': 1700000000 },
          ArnLike: { 'aws:RequestTag/owner': 'arn:aws:iam::*:role/x', 'aws:PrincipalArn': 'arn:aws:iam::*:role/x' },
          StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/x' },
          Null: { 'aws:SourceIp': 'false' },
        }),
      },
    ],
  },
  {
    code: 'wildcard-without-like-operator',
    triggers: [
      { policy: condition({ StringEquals: { 'aws:ResourceTag/team': 'dev-*' } }), path: keyPath('StringEquals', 'aws:ResourceTag/team') },
      {
        policy: condition({ 'ForAnyValue:StringNotEqualsIgnoreCase': { 'aws:TagKeys': ['a', 'b?'] } }),
        path: `${keyPath('ForAnyValue:StringNotEqualsIgnoreCase', 'aws:TagKeys')}/1`,
      },
    ],
    clean: [
      { policy: condition({ StringLike: { 'aws:ResourceTag/team': 'dev-*' }, StringEquals: { 'aws:ResourceTag/x': 'a${*}b${?}' } }) },
    ],
  },
  {
    code: 'wildcard-in-typed-operator',
    triggers: [
      { policy: condition({ IpAddress: { 'aws:SourceIp': '203.0.113.*' } }), path: keyPath('IpAddress', 'aws:SourceIp') },
      { policy: condition({ NumericLessThan: { 's3:max-keys': '1*' } }), path: keyPath('NumericLessThan', 's3:max-keys') },
    ],
    clean: [{ policy: condition({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }) }],
  },
  {
    code: 'arn-condition-invalid-value',
    triggers: [
      { policy: condition({ ArnLike: { 'aws:SourceArn': 'my-topic' } }), path: keyPath('ArnLike', 'aws:SourceArn') },
      {
        policy: condition({ ArnEquals: { 'aws:SourceArn': ['arn:aws:sns:us-east-1:111122223333:t', 'arn:aws:sns'] } }),
        path: `${keyPath('ArnEquals', 'aws:SourceArn')}/1`,
      },
    ],
    clean: [
      { policy: condition({ ArnLike: { 'aws:SourceArn': ['arn:aws:sns:*:*:t', '*', 'arn:aws:sns:*', '${aws:PrincipalTag/arn}'] } }) },
    ],
  },
  {
    code: 'numeric-condition-invalid-value',
    triggers: [
      { policy: condition({ NumericLessThanEquals: { 's3:max-keys': 'ten' } }), path: keyPath('NumericLessThanEquals', 's3:max-keys') },
      { policy: condition({ NumericEquals: { 's3:max-keys': [1, true] } }), path: `${keyPath('NumericEquals', 's3:max-keys')}/1` },
    ],
    clean: [{ policy: condition({ NumericLessThanEquals: { 's3:max-keys': [10, '3600', '-1.5', '1e3'] } }) }],
  },
  {
    code: 'date-condition-invalid-value',
    triggers: [
      { policy: condition({ DateLessThan: { 'aws:CurrentTime': '31/12/2025' } }), path: keyPath('DateLessThan', 'aws:CurrentTime') },
    ],
    clean: [
      { policy: condition({ DateLessThan: { 'aws:CurrentTime': ['2025-12-31T00:00:00Z', '2025-12-31', 1700000000, '1700000000'] } }) },
    ],
  },
  {
    code: 'ip-condition-invalid-value',
    triggers: [
      { policy: condition({ IpAddress: { 'aws:SourceIp': '203.0.113.300/24' } }), path: keyPath('IpAddress', 'aws:SourceIp') },
      {
        policy: condition({ NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/129'] } }),
        path: `${keyPath('NotIpAddress', 'aws:SourceIp')}/1`,
      },
    ],
    clean: [{ policy: condition({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8::/32', '198.51.100.7', '203.0.113.*'] } }) }],
  },
  {
    code: 'ip-range-host-bits',
    triggers: [{ policy: condition({ IpAddress: { 'aws:SourceIp': '203.0.113.5/24' } }), path: keyPath('IpAddress', 'aws:SourceIp') }],
    clean: [
      {
        policy: condition({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '203.0.113.5', '2001:db8::/32', '::ffff:203.0.113.0/120'] } }),
      },
    ],
  },
  {
    code: 'private-ip-source-ip',
    triggers: [
      { policy: condition({ IpAddress: { 'aws:SourceIp': '10.0.0.0/16' } }), path: keyPath('IpAddress', 'aws:SourceIp') },
      {
        policy: condition({ NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '192.168.1.1'] } }, { Effect: 'Deny' }),
        path: `${keyPath('NotIpAddress', 'aws:SourceIp')}/1`,
      },
    ],
    clean: [
      { policy: condition({ IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/16' } }) },
      { policy: condition({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '10.0.0.0/7', '172.32.0.0/16'] } }) },
    ],
  },
  {
    code: 'bool-condition-invalid-value',
    triggers: [
      { policy: condition({ Bool: { 'aws:SecureTransport': 'no' } }), path: keyPath('Bool', 'aws:SecureTransport') },
      { policy: condition({ Null: { 'aws:TokenIssueTime': 'maybe' } }), path: keyPath('Null', 'aws:TokenIssueTime') },
    ],
    clean: [{ policy: condition({ Bool: { 'aws:SecureTransport': 'TRUE' }, Null: { 'aws:TokenIssueTime': false } }) }],
  },
  {
    code: 'bool-multiple-values',
    triggers: [{ policy: condition({ Bool: { 'aws:SecureTransport': ['true', 'false'] } }), path: keyPath('Bool', 'aws:SecureTransport') }],
    clean: [{ policy: condition({ Bool: { 'aws:SecureTransport': ['true'] } }) }],
  },
  {
    code: 'binary-condition-invalid-value',
    triggers: [{ policy: condition({ BinaryEquals: { 'example:key': 'not base64!' } }), path: keyPath('BinaryEquals', 'example:key') }],
    clean: [{ policy: condition({ BinaryEquals: { 'example:key': 'QmluYXJ5VmFsdWU=' } }) }],
  },
  {
    code: 'variable-unsupported-version',
    triggers: [
      { policy: { Statement: [allow({ Resource: 'arn:aws:s3:::b/${aws:username}/*' })] }, path: '/Statement/0/Resource' },
      {
        policy: { Version: '2008-10-17', Statement: [allow({ Condition: { StringEquals: { 's3:prefix': '${aws:username}' } } })] },
        path: keyPath('StringEquals', 's3:prefix'),
      },
    ],
    clean: [{ policy: identity({ Resource: 'arn:aws:s3:::b/${aws:username}/*' }) }],
  },
  {
    code: 'variable-in-unsupported-operator',
    triggers: [
      {
        policy: condition({ DateLessThan: { 'aws:CurrentTime': '${aws:TokenIssueTime}' } }),
        path: keyPath('DateLessThan', 'aws:CurrentTime'),
      },
    ],
    clean: [{ policy: condition({ StringEquals: { 's3:prefix': '${aws:username}' } }) }],
  },
  {
    code: 'malformed-variable',
    triggers: [
      { policy: identity({ Resource: 'arn:aws:s3:::b/${aws:username/*' }), path: '/Statement/0/Resource' },
      { policy: condition({ StringEquals: { 's3:prefix': '${aws:username, default}' } }), path: keyPath('StringEquals', 's3:prefix') },
    ],
    clean: [
      { policy: condition({ StringEquals: { 's3:prefix': "${aws:username, 'none'}" } }) },
      { policy: { Statement: [allow({ Resource: 'arn:aws:s3:::b/${aws:username/*' })] } },
    ],
  },
  {
    code: 'multivalued-key-variable',
    triggers: [{ policy: identity({ Resource: 'arn:aws:s3:::b/${aws:TagKeys}/*' }), path: '/Statement/0/Resource' }],
    clean: [{ policy: identity({ Resource: 'arn:aws:s3:::b/${aws:username}/*' }) }],
  },
  {
    code: 'public-access',
    triggers: [
      { kind: 'resource', policy: resource({ Principal: '*' }), path: '/Statement/0/Principal' },
      { kind: 'resource', policy: resource({ Principal: { AWS: ['111122223333', '*'] } }), path: '/Statement/0/Principal/AWS/1' },
      {
        kind: 'resource',
        policy: resource({
          Principal: '*',
          Condition: { StringNotEquals: { 'aws:PrincipalAccount': '111122223333' }, Bool: { 'aws:SecureTransport': 'true' } },
        }),
        path: '/Statement/0/Principal',
      },
      {
        kind: 'trust',
        policy: doc([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]),
        path: '/Statement/0/Principal/AWS',
      },
    ],
    clean: [
      { kind: 'resource', policy: resource({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }) },
      { kind: 'resource', policy: resource({ Principal: '*', Effect: 'Deny' }) },
      { kind: 'endpoint', policy: resource({ Principal: '*' }) },
    ],
  },
  {
    code: 'allow-all-actions-all-resources',
    triggers: [
      { policy: identity({ Action: '*', Resource: '*' }), path: '/Statement/0/Action' },
      {
        kind: 'resource',
        policy: doc([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: ['*'] }]),
        path: '/Statement/0/Action',
      },
    ],
    clean: [
      { kind: 'scp', policy: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]) },
      { policy: identity({ Action: '*', Resource: 'arn:aws:s3:::b/*' }) },
      { policy: identity({ Action: '*', Resource: '*', Effect: 'Deny' }) },
    ],
  },
  {
    code: 'pass-role-all-resources',
    triggers: [
      { policy: identity({ Action: ['ec2:RunInstances', 'iam:PassRole'] }), path: '/Statement/0/Action' },
      { policy: identity({ Action: undefined, NotAction: 's3:*' }), path: '/Statement/0/NotAction' },
      {
        policy: identity({ Action: 'IAM:pass*', Resource: undefined, NotResource: 'arn:aws:iam::111122223333:role/admin' }),
        path: '/Statement/0/Action',
      },
    ],
    clean: [
      { policy: identity({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app' }) },
      { policy: identity({ Action: undefined, NotAction: 'iam:*' }) },
      { policy: identity({ Action: 'iam:PassRole', Effect: 'Deny' }) },
    ],
  },
  {
    code: 'allow-with-not-action',
    triggers: [{ policy: identity({ Action: undefined, NotAction: 'iam:*' }), path: '/Statement/0/NotAction' }],
    clean: [{ policy: identity({ Action: undefined, NotAction: 'iam:*', Effect: 'Deny' }) }],
  },
  {
    code: 'allow-with-not-resource',
    triggers: [{ policy: identity({ Resource: undefined, NotResource: 'arn:aws:s3:::secret/*' }), path: '/Statement/0/NotResource' }],
    clean: [{ policy: identity({ Resource: undefined, NotResource: 'arn:aws:s3:::secret/*', Effect: 'Deny' }) }],
  },
  {
    code: 'deny-with-not-principal',
    triggers: [
      {
        kind: 'resource',
        policy: resource({ Effect: 'Deny', Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/admin' } }),
        path: '/Statement/0/NotPrincipal',
      },
    ],
    clean: [
      {
        kind: 'resource',
        policy: resource({
          Effect: 'Deny',
          Principal: '*',
          Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/admin' } },
        }),
      },
    ],
  },
  {
    code: 'scp-allow-legacy-syntax',
    triggers: [
      {
        kind: 'scp',
        policy: doc([allow({ Action: 's3:*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } })]),
        path: KEY,
      },
      { kind: 'scp', policy: doc([allow({ Resource: 'arn:aws:s3:::b/*' })]), path: '/Statement/0/Resource' },
      { kind: 'scp', policy: doc([allow({ Action: ['s3:Get*', 's3:*Object'] })]), path: '/Statement/0/Action/1' },
    ],
    clean: [
      {
        kind: 'scp',
        policy: doc([
          allow({ Action: ['s3:*', 'ec2:Describe*', '*'] }),
          { Effect: 'Deny', Action: 's3:*Object', Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ]),
      },
      { policy: condition({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }) },
    ],
  },
  {
    code: 'rcp-allow-statement',
    triggers: [
      { kind: 'rcp', policy: doc([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }]), path: '/Statement/0' },
    ],
    clean: [
      { kind: 'rcp', policy: doc([{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }]) },
      {
        kind: 'rcp',
        policy: doc([
          { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ]),
      },
    ],
  },
  {
    code: 'rcp-principal-not-star',
    triggers: [
      {
        kind: 'rcp',
        policy: doc([{ Effect: 'Deny', Principal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }]),
        path: '/Statement/0/Principal',
      },
    ],
    clean: [{ kind: 'rcp', policy: doc([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }]) }],
  },
  {
    code: 'endpoint-identifier-wildcard',
    triggers: [
      {
        kind: 'endpoint',
        policy: resource({ Principal: '*', Condition: { StringLike: { 'aws:PrincipalAccount': '1111*' } } }),
        path: keyPath('StringLike', 'aws:PrincipalAccount'),
      },
      {
        kind: 'endpoint',
        policy: resource({ Principal: '*', Condition: { NumericEquals: { 'aws:PrincipalAccount': 111122223333 } } }),
        path: keyPath('NumericEquals', 'aws:PrincipalAccount'),
      },
    ],
    clean: [
      { kind: 'endpoint', policy: resource({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }) },
      { kind: 'resource', policy: resource({ Principal: '*', Condition: { StringLike: { 'aws:PrincipalAccount': '1111*' } } }) },
    ],
  },
  {
    code: 'endpoint-wildcard-pattern',
    triggers: [
      {
        kind: 'endpoint',
        policy: resource({ Principal: '*', Condition: { StringLike: { 'aws:userid': 'AI*' } } }),
        path: keyPath('StringLike', 'aws:userid'),
      },
      {
        kind: 'endpoint',
        policy: resource({ Principal: '*', Resource: 'arn:aws:sqs:us-east-1:1111*:queue' }),
        path: '/Statement/0/Resource',
      },
    ],
    clean: [
      {
        kind: 'endpoint',
        policy: resource({
          Principal: '*',
          Resource: 'arn:aws:sqs:us-east-1:*:queue',
          Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin-*' } },
        }),
      },
      { kind: 'identity', policy: condition({ StringLike: { 'aws:userid': 'AI*' } }) },
    ],
  },
  {
    code: 'policy-size-identity',
    triggers: [{ policy: identity({ Resource: big(200, (i) => `arn:aws:s3:::example-bucket-${i}/*`) }), path: '' }],
    clean: [
      { policy: identity({ Resource: big(150, (i) => `arn:aws:s3:::example-bucket-${i}/*`) }) },
      // White space is not counted (R143): 6,000 characters plus indentation stay under 6,144.
      { policy: JSON.stringify(identity({ Resource: big(150, (i) => `arn:aws:s3:::example-bucket-${i}/*`) }), null, 8) },
    ],
  },
  {
    code: 'policy-size-trust',
    triggers: [
      {
        kind: 'trust',
        policy: doc([
          {
            Effect: 'Allow',
            Principal: { AWS: big(50, (i) => `arn:aws:iam::111122223333:role/example-role-${i}`) },
            Action: 'sts:AssumeRole',
          },
        ]),
        path: '',
      },
    ],
    clean: [
      {
        kind: 'trust',
        policy: doc([
          {
            Effect: 'Allow',
            Principal: { AWS: big(30, (i) => `arn:aws:iam::111122223333:role/example-role-${i}`) },
            Action: 'sts:AssumeRole',
          },
        ]),
      },
      {
        kind: 'trust',
        policy: doc([
          {
            Effect: 'Allow',
            Principal: { AWS: big(100, (i) => `arn:aws:iam::111122223333:role/example-role-${i}`) },
            Action: 'sts:AssumeRole',
          },
        ]),
      },
    ],
  },
  {
    code: 'policy-size-trust-maximum',
    triggers: [
      {
        kind: 'trust',
        policy: doc([
          {
            Effect: 'Allow',
            Principal: { AWS: big(100, (i) => `arn:aws:iam::111122223333:role/example-role-${i}`) },
            Action: 'sts:AssumeRole',
          },
        ]),
        path: '',
      },
    ],
    clean: [
      {
        kind: 'trust',
        policy: doc([
          {
            Effect: 'Allow',
            Principal: { AWS: big(50, (i) => `arn:aws:iam::111122223333:role/example-role-${i}`) },
            Action: 'sts:AssumeRole',
          },
        ]),
      },
    ],
  },
  {
    code: 'policy-size-session',
    triggers: [{ kind: 'session', policy: identity({ Resource: big(80, (i) => `arn:aws:s3:::example-bucket-${i}/*`) }), path: '' }],
    clean: [{ kind: 'session', policy: identity({ Resource: big(40, (i) => `arn:aws:s3:::example-bucket-${i}/*`) }) }],
  },
  {
    code: 'policy-size-organizations',
    triggers: [
      { kind: 'scp', policy: doc([{ Effect: 'Deny', Action: big(300, (i) => `ec2:ExampleAction${i}`), Resource: '*' }]), path: '' },
      // Organizations counts every character, indentation included (R145).
      {
        kind: 'rcp',
        policy: JSON.stringify(
          doc([{ Effect: 'Deny', Principal: '*', Action: big(150, (i) => `s3:ExampleAction${i}`), Resource: '*' }]),
          null,
          8,
        ),
        path: '',
      },
    ],
    clean: [
      {
        kind: 'rcp',
        policy: JSON.stringify(doc([{ Effect: 'Deny', Principal: '*', Action: big(150, (i) => `s3:ExampleAction${i}`), Resource: '*' }])),
      },
    ],
  },
  {
    code: 'policy-size-endpoint',
    triggers: [
      { kind: 'endpoint', policy: resource({ Principal: '*', Resource: big(600, (i) => `arn:aws:s3:::example-bucket-${i}/*`) }), path: '' },
    ],
    clean: [{ kind: 'endpoint', policy: resource({ Principal: '*', Resource: big(300, (i) => `arn:aws:s3:::example-bucket-${i}/*`) }) }],
  },
]

/** JSON.stringify drops `undefined` members: this is how rows remove an element. */
const normalize = (policy: unknown): unknown => (typeof policy === 'string' ? policy : JSON.parse(JSON.stringify(policy)))

describe('lint checks', () => {
  const severities = new Map(LINT_CHECKS.map((check) => [check.code, check.severity]))

  for (const row of ROWS) {
    describe(row.code, () => {
      row.triggers.forEach((trigger, index) => {
        it(`reports trigger ${index + 1} at ${trigger.path === '' ? '(document)' : trigger.path}`, () => {
          const findings = lintPolicy(normalize(trigger.policy), { kind: trigger.kind ?? 'identity' }).filter(
            (finding) => finding.code === row.code,
          )
          expect(findings.map((finding) => finding.path)).toContain(trigger.path)
          for (const finding of findings) {
            expect(finding.severity).toBe(severities.get(row.code))
            expect(finding.message.length).toBeGreaterThan(0)
            expect(finding.fix?.length ?? 0).toBeGreaterThan(0)
          }
        })
      })
      row.clean.forEach((clean, index) => {
        it(`does not report clean case ${index + 1}`, () => {
          const findings = lintPolicy(normalize(clean.policy), { kind: clean.kind ?? 'identity' }).filter(
            (finding) => finding.code === row.code,
          )
          expect(findings).toEqual([])
        })
      })
    })
  }

  it('has a row for every check of the table, and no row for an unknown code', () => {
    const codes = LINT_CHECKS.map((check) => check.code).sort()
    expect(ROWS.map((row) => row.code).sort()).toEqual(codes)
  })

  it('gives every check a unique kebab-case code, and an example that triggers it', () => {
    const codes = LINT_CHECKS.map((check) => check.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const check of LINT_CHECKS) {
      expect(check.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(check.rules.length).toBeGreaterThan(0)
      const findings = lintPolicy(check.example.policy, { kind: check.example.kind })
      expect(
        findings.map((finding) => finding.code),
        check.code,
      ).toContain(check.code)
    }
  })
})

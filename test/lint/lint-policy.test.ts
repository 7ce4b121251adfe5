/**
 * The linter core: input forms (text with positions, values, parsed policies), invalid documents
 * (validation errors first, then the checks that can still run), ordering, de-duplication of
 * findings that restate a validation error, and robustness on hostile input (never throws, stays
 * fast).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePolicy, validatePolicy } from '../../src/index.js'
import { buildDocument, measureValue } from '../../src/lint/context.js'
import { LINT_CHECKS, lintPolicy, SEVERITIES, VALIDATION_CODES } from '../../src/lint/index.js'
import type { Finding } from '../../src/lint/index.js'
import { comparePointers, globCovers, workBudget } from '../../src/lint/patterns.js'

const codes = (findings: readonly Finding[]): string[] => findings.map((finding) => finding.code)

describe('lintPolicy', () => {
  it('returns no finding for a clean identity policy', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }],
    }
    expect(lintPolicy(policy)).toEqual([])
    expect(lintPolicy(JSON.stringify(policy, null, 2), { kind: 'identity' })).toEqual([])
  })

  it('gives line and column when the input is JSON text, and none for a value', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["s3:*", "s3:GetObject"], "Resource": "*" }\n  ]\n}'
    const finding = lintPolicy(text).find((candidate) => candidate.code === 'redundant-action')
    expect(finding).toMatchObject({ code: 'redundant-action', severity: 'suggestion', path: '/Statement/0/Action/1', line: 4, column: 45 })
    const fromValue = lintPolicy(JSON.parse(text) as unknown).find((candidate) => candidate.code === 'redundant-action')
    expect(fromValue?.line).toBeUndefined()
    expect(fromValue?.path).toBe('/Statement/0/Action/1')
  })

  it('positions findings about condition keys on the key', () => {
    const text =
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",\n"Condition":{"StringEquals":{"aws:TagKeys":"a"}}}}'
    const finding = lintPolicy(text).find((candidate) => candidate.code === 'missing-set-operator')
    expect(finding).toMatchObject({ path: '/Statement/Condition/StringEquals/aws:TagKeys', line: 2, column: 30 })
  })

  it('reports validation errors as error findings, then the checks that still run', () => {
    const findings = lintPolicy({ Statement: [{ Effect: 'allow', Action: ['S3:GetObject', 's3:*'], Resource: 'bucket' }] })
    expect(findings.filter((finding) => finding.severity === 'error').map((finding) => [finding.code, finding.path])).toEqual(
      expect.arrayContaining([
        ['invalid-effect', '/Statement/0/Effect'],
        ['resource-invalid-arn', '/Statement/0/Resource'],
      ]),
    )
    expect(codes(findings)).toEqual(expect.arrayContaining(['missing-version', 'action-service-uppercase', 'redundant-action']))
    const invalidEffect = findings.find((finding) => finding.code === 'invalid-effect')
    expect(invalidEffect?.fix).toBe(VALIDATION_CODES['invalid-effect'].fix)
  })

  it('reports a validation error and a check with the same code and place once', () => {
    const findings = lintPolicy({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { NullIfExists: { 'aws:TokenIssueTime': 'true' } } },
      ],
    })
    expect(findings.filter((finding) => finding.code === 'null-with-if-exists')).toHaveLength(1)
    expect(findings[0]).toMatchObject({ code: 'null-with-if-exists', severity: 'error', path: '/Statement/0/Condition/NullIfExists' })
  })

  it('returns only the validation errors when the text is not JSON or the value cannot be read', () => {
    expect(codes(lintPolicy('{"Statement": ['))).toEqual(['invalid-json'])
    expect(codes(lintPolicy('{"Version":"2012-10-17","Version":"2012-10-17","Statement":[]}'))).toEqual(['duplicate-key'])
    const hostile = {
      get Statement(): unknown {
        throw new Error('boom')
      },
    }
    expect(codes(lintPolicy(hostile))).toEqual(['unreadable-input'])
    expect(codes(lintPolicy({ Statement: [] }, { kind: 'nonsense' as never }))).toEqual(['invalid-kind'])
  })

  it('lints the document JSON values that are not objects without failing', () => {
    for (const input of [null, 42, 'null', '[]', [], true]) {
      const findings = lintPolicy(input)
      expect(findings.length).toBeGreaterThan(0)
      expect(findings.every((finding) => finding.severity === 'error')).toBe(true)
    }
  })

  it('accepts a policy returned by parsePolicy', () => {
    const parsed = parsePolicy({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:*', 's3:GetObject'], Resource: '*', Condition: { StringEquals: { 'aws:TagKeys': 'a' } } },
      ],
    })
    expect(codes(lintPolicy(parsed))).toEqual(['redundant-action', 'missing-set-operator'])
  })

  it('sorts findings by pointer, array positions numerically', () => {
    const statements = Array.from({ length: 12 }, (_, i) => ({ Effect: 'Allow', Action: `S3:Get${i}`, Resource: '*' }))
    const paths = lintPolicy({ Version: '2012-10-17', Statement: statements }).map((finding) => finding.path)
    expect(paths).toEqual(statements.map((_, i) => `/Statement/${i}/Action`))
    expect(comparePointers('/Statement/2', '/Statement/10')).toBeLessThan(0)
    expect(comparePointers('', '/Statement')).toBeLessThan(0)
  })

  it('uses the severity of the check for every finding', () => {
    const severities = new Map(LINT_CHECKS.map((check) => [check.code, check.severity]))
    for (const check of LINT_CHECKS) {
      for (const finding of lintPolicy(check.example.policy, { kind: check.example.kind })) {
        const expected = severities.get(finding.code) ?? 'error'
        expect(finding.severity).toBe(expected)
      }
    }
  })
})

describe('pattern coverage', () => {
  it('is sound: whenever globCovers says yes, every sample the specific pattern matches is matched by the general one', () => {
    const alphabet = fc.constantFrom('a', 'b', '*', '?')
    const pattern = fc.array(alphabet, { maxLength: 6 }).map((chars) => chars.join(''))
    const concrete = fc.array(fc.constantFrom('a', 'b'), { maxLength: 8 }).map((chars) => chars.join(''))
    const globToRegExp = (glob: string): RegExp =>
      // Test oracle only: patterns here are at most six characters long.
      new RegExp(`^${glob.replace(/[*]/g, '.*').replace(/[?]/g, '.')}$`)
    fc.assert(
      fc.property(pattern, pattern, fc.array(concrete, { maxLength: 20 }), (general, specific, samples) => {
        if (globCovers(general, specific, workBudget()) !== true) return
        const g = globToRegExp(general)
        const s = globToRegExp(specific)
        for (const sample of samples) if (s.test(sample)) expect(g.test(sample)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('stops within its work budget', () => {
    const budget = workBudget(100)
    expect(globCovers('a*b*c', 'a'.repeat(1000), budget)).toBeUndefined()
  })
})

describe('robustness', () => {
  it('never throws and returns well-formed findings, on any JSON value or text', () => {
    const kinds = fc.constantFrom('identity', 'resource', 'trust', 'boundary', 'session', 'scp', 'rcp', 'endpoint' as const)
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.json(), fc.string()), kinds, (input, kind) => {
        const findings = lintPolicy(input, { kind })
        for (const finding of findings) {
          expect(typeof finding.code).toBe('string')
          expect(SEVERITIES).toContain(finding.severity)
          expect(typeof finding.path).toBe('string')
          expect(finding.code).not.toBe('lint-check-failed')
        }
      }),
      { numRuns: 300 },
    )
  })

  it('never throws on policy-shaped documents with arbitrary values', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom('*', '${aws:username}', '${', 'arn:aws:s3:::b/*', '10.0.0.0/8', 'true'),
      fc.integer(),
      fc.boolean(),
    )
    const list = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }))
    const operator = fc.constantFrom(
      'StringEquals',
      'ForAllValues:StringLike',
      'ForAnyValue:Null',
      'NumericLessThan',
      'DateGreaterThan',
      'Bool',
      'BinaryEquals',
      'IpAddress',
      'ArnLike',
      'NullIfExists',
      'Bogus',
    )
    const key = fc.constantFrom('aws:TagKeys', 'aws:SourceIp', 'aws:RequestTag/x', 'aws:Unknown', 's3:prefix', 'aws:PrincipalAccount')
    const statement = fc.record(
      {
        Sid: fc.oneof(fc.string(), fc.constant('A')),
        Effect: fc.constantFrom('Allow', 'Deny', 'allow'),
        Action: list,
        Resource: list,
        Principal: fc.oneof(fc.constant('*'), fc.record({ AWS: list, Service: list })),
        Condition: fc.dictionary(operator, fc.dictionary(key, list)),
      },
      { requiredKeys: ['Effect'] },
    )
    const policy = fc.record(
      { Version: fc.constantFrom('2012-10-17', '2008-10-17', 'x'), Statement: fc.array(statement, { maxLength: 4 }) },
      { requiredKeys: ['Statement'] },
    )
    const kinds = fc.constantFrom('identity', 'resource', 'trust', 'scp', 'rcp', 'endpoint' as const)
    fc.assert(
      fc.property(policy, kinds, (input, kind) => {
        const findings = lintPolicy(input, { kind })
        expect(findings.every((finding) => finding.code !== 'lint-check-failed')).toBe(true)
        const text = lintPolicy(JSON.stringify(input), { kind })
        expect(text.map((finding) => [finding.code, finding.path])).toEqual(findings.map((finding) => [finding.code, finding.path]))
      }),
      { numRuns: 300 },
    )
  })

  it('stays fast on long lists of long wildcard patterns', () => {
    const actions = Array.from({ length: 3000 }, (_, i) => `s3:${'a*'.repeat(200)}${i}`)
    const resources = Array.from({ length: 3000 }, (_, i) => `arn:aws:s3:::${'b*'.repeat(200)}${i}`)
    const started = performance.now()
    const findings = lintPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resources }] })
    expect(performance.now() - started).toBeLessThan(5000)
    expect(findings.every((finding) => finding.code !== 'lint-check-failed')).toBe(true)
  })

  it('stays fast on long strings that tempt backtracking', () => {
    const long = `\${${'a'.repeat(100_000)}`
    const started = performance.now()
    lintPolicy({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: `s3:${'*a'.repeat(20_000)}`,
          Resource: `arn:${'*:'.repeat(10)}${'?'.repeat(50_000)}`,
          Condition: {
            StringLike: { 's3:prefix': long },
            IpAddress: { 'aws:SourceIp': '1'.repeat(100_000) },
            DateLessThan: { 'aws:CurrentTime': '9'.repeat(100_000) },
          },
        },
      ],
    })
    expect(performance.now() - started).toBeLessThan(5000)
  })
})

describe('the tolerant view', () => {
  it('holds exactly what the normalized model holds, for valid documents', () => {
    const scalar = fc.oneof(
      fc.constantFrom('*', 'a', '${aws:username}', 'arn:aws:s3:::b/*', '10.0.0.0/8', 'true'),
      fc.integer(),
      fc.boolean(),
    )
    const strings = (values: string[]) => fc.oneof(fc.constantFrom(...values), fc.array(fc.constantFrom(...values), { maxLength: 3 }))
    const statement = fc.record(
      {
        Sid: fc.constantFrom('A', 'B'),
        Effect: fc.constantFrom('Allow', 'Deny'),
        Action: strings(['s3:GetObject', 's3:*', '*', 'iam:PassRole']),
        Resource: strings(['*', 'arn:aws:s3:::b/*']),
        Principal: fc.oneof(
          fc.constant('*'),
          fc.record(
            { AWS: strings(['*', '111122223333', 'arn:aws:iam::111122223333:user/*']), Service: strings(['s3.amazonaws.com']) },
            { requiredKeys: [] },
          ),
        ),
        Condition: fc.dictionary(
          fc.constantFrom('StringEquals', 'ForAnyValue:StringLike', 'NumericLessThan', 'Bool', 'Null', 'IpAddressIfExists'),
          fc.dictionary(fc.constantFrom('aws:TagKeys', 'aws:SourceIp', 's3:prefix'), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }))),
        ),
      },
      { requiredKeys: ['Effect', 'Action', 'Principal'] },
    )
    const policy = fc.record({
      Version: fc.constantFrom('2012-10-17', '2008-10-17'),
      Statement: fc.oneof(statement, fc.array(statement, { maxLength: 3 })),
    })
    fc.assert(
      fc.property(policy, (input) => {
        const result = validatePolicy(input, { kind: 'resource' })
        if (!result.valid) return
        const view = buildDocument(input, measureValue(JSON.stringify(input)))
        expect(view.variablesEnabled).toBe(result.policy.variablesEnabled)
        expect(
          view.statements.map((s) => ({
            path: s.path,
            sid: s.sid?.value,
            effect: s.effect,
            action: s.action === undefined ? undefined : { negated: s.action.negated, patterns: s.action.values.map((v) => v.value) },
            resource:
              s.resource === undefined ? undefined : { negated: s.resource.negated, patterns: s.resource.values.map((v) => v.value) },
            principal:
              s.principal === undefined ? undefined : { negated: s.principal.negated, entries: s.principal.entries.map((e) => e.entry) },
            conditions: s.tests.map((t) => ({
              operator: t.operator,
              qualifier: t.qualifier,
              baseOperator: t.baseOperator,
              ifExists: t.ifExists,
              key: t.key,
              values: t.values.map((v) => v.value),
            })),
            inert: s.condition !== undefined && (s.condition.empty || s.condition.operators.some((o) => o.empty)),
          })),
        ).toEqual(
          result.policy.statements.map((s) => ({
            path: s.path,
            sid: s.sid,
            effect: s.effect,
            action: { negated: s.action.negated, patterns: [...s.action.patterns] },
            resource: s.resource === undefined ? undefined : { negated: s.resource.negated, patterns: [...s.resource.patterns] },
            principal: s.principal === undefined ? undefined : { negated: s.principal.negated, entries: [...s.principal.entries] },
            conditions: s.conditions.map((c) => ({
              operator: c.operator,
              qualifier: c.qualifier,
              baseOperator: c.baseOperator,
              ifExists: c.ifExists,
              key: c.key,
              values: [...c.values],
            })),
            inert: s.inertCondition,
          })),
        )
      }),
      { numRuns: 300 },
    )
  })
})

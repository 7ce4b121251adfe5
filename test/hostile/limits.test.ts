/**
 * Configurable limits (spec section 17; SECURITY.md, "Limits"): each default is what
 * `DEFAULT_LIMITS` says (AWS's quotas where AWS has one), an input just at a limit passes, one
 * just past it is refused (a `PolicyValidationError` with code `limit-exceeded` at compile time, a
 * deny whose reason names the limit at request time), and raising the limit through the `limits`
 * option (or `NO_LIMITS`) lets the input through. Both entry points are checked, and so is that a
 * cached compilation under raised limits never slips past the defaults of a later call.
 */
import { describe, expect, it } from 'vitest'
import { compile, DEFAULT_LIMITS, evaluate, NO_LIMITS, parsePolicy, PolicyValidationError } from '../../src/index.js'
import type { AuthorizationRequest, EvaluationResult, LimitsInput, PolicyKind, PolicySet } from '../../src/index.js'
import { ALICE, allowS3, BASE_REQUEST, expectRequestDenied, NOW } from './support.js'

function limitError(attempt: () => unknown): PolicyValidationError {
  let thrown: unknown
  try {
    attempt()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(PolicyValidationError)
  const error = thrown as PolicyValidationError
  expect(error.issues.map((issue) => issue.code)).toContain('limit-exceeded')
  return error
}

/** Both entry points refuse the set with `limit-exceeded`. */
function expectCompileLimit(policies: PolicySet, limits?: LimitsInput): void {
  const options = limits === undefined ? undefined : { limits }
  limitError(() => evaluate(BASE_REQUEST, policies, options))
  limitError(() => compile(policies, options))
}

/** Both entry points accept the set, and decide `expected`. */
function expectAccepted(policies: PolicySet, limits: LimitsInput | undefined, expected: string, request: unknown = BASE_REQUEST): void {
  const options = limits === undefined ? {} : { limits }
  expect(evaluate(request as AuthorizationRequest, policies, { ...options, now: NOW }).decision).toBe(expected)
  expect(compile(policies, options).evaluate(request as AuthorizationRequest, { now: NOW }).decision).toBe(expected)
}

function decideBoth(request: unknown, policies: PolicySet, limits?: LimitsInput): EvaluationResult[] {
  const options = limits === undefined ? {} : { limits }
  return [
    evaluate(request as AuthorizationRequest, policies, { ...options, now: NOW }),
    compile(policies, options).evaluate(request as AuthorizationRequest, { now: NOW }),
  ]
}

describe('the defaults', () => {
  it('follow AWS quotas (spec R143-R146) and are frozen', () => {
    expect(DEFAULT_LIMITS.policyLength).toEqual({
      identity: 10_240,
      resource: 32_768,
      trust: 4_096,
      boundary: 6_144,
      session: 6_144,
      scp: 5_120,
      rcp: 5_120,
      endpoint: 20_480,
    })
    expect(DEFAULT_LIMITS.statementsPerPolicy).toBe(1_000)
    expect(DEFAULT_LIMITS.conditionValuesPerKey).toBe(1_000)
    expect(DEFAULT_LIMITS.requestFieldLength).toBe(4_096)
    expect(DEFAULT_LIMITS.contextKeys).toBe(1_000)
    expect(DEFAULT_LIMITS.contextValuesPerKey).toBe(1_000)
    expect(DEFAULT_LIMITS.contextValueLength).toBe(8_192)
    expect(DEFAULT_LIMITS.contextKeyLength).toBe(512)
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true)
    expect(Object.isFrozen(DEFAULT_LIMITS.policyLength)).toBe(true)
    expect(Object.isFrozen(NO_LIMITS)).toBe(true)
    expect(Object.isFrozen(NO_LIMITS.policyLength)).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// Compile-time limits
// ---------------------------------------------------------------------------------------------

/** A valid policy of `kind` whose size (as the kind counts it) is exactly `size` characters. */
function policyOfSize(kind: PolicyKind, size: number): string {
  const needsPrincipal = kind === 'resource' || kind === 'trust' || kind === 'rcp' || kind === 'endpoint'
  const statement: Record<string, unknown> = { Sid: '', Effect: 'Allow', Action: kind === 'trust' ? 'sts:AssumeRole' : 's3:*' }
  if (needsPrincipal) statement['Principal'] = { AWS: ALICE }
  if (kind !== 'trust') statement['Resource'] = '*'
  const document = { Version: '2012-10-17', Statement: [statement] }
  const base = JSON.stringify(document).length
  // Pad with Sid characters (no white space, so both ways of counting agree).
  statement['Sid'] = 'S'.repeat(size - base)
  const text = JSON.stringify(document)
  expect(text.length).toBe(size)
  return text
}

/** The slot that validates as `kind`. */
function slotFor(kind: PolicyKind, policy: string): PolicySet {
  switch (kind) {
    case 'identity':
      return { identity: [policy] }
    case 'resource':
    case 'trust':
      return { resource: policy }
    case 'boundary':
      return { permissionsBoundary: policy }
    case 'session':
      return { session: policy }
    case 'scp':
      return { scps: [[policy]] }
    case 'rcp':
      return { rcps: [[policy]] }
    case 'endpoint':
      return { endpoint: [policy] }
  }
}

describe('policy size per kind', () => {
  const kinds: PolicyKind[] = ['identity', 'resource', 'boundary', 'session', 'scp', 'rcp', 'endpoint']
  it.each(kinds)('%s: at the default limit passes, one past it is limit-exceeded, raising it lets it through', (kind) => {
    const limit = DEFAULT_LIMITS.policyLength[kind]
    const atLimit = slotFor(kind, policyOfSize(kind, limit))
    const pastLimit = slotFor(kind, policyOfSize(kind, limit + 1))
    expect(() => evaluate(BASE_REQUEST, atLimit)).not.toThrow()
    expect(() => compile(atLimit)).not.toThrow()
    expectCompileLimit(pastLimit)
    const error = limitError(() => compile(pastLimit))
    expect(error.message).toContain(String(limit))
    expect(() => evaluate(BASE_REQUEST, pastLimit, { limits: { policyLength: { [kind]: limit + 1 } } })).not.toThrow()
    expect(() => compile(pastLimit, { limits: { policyLength: { [kind]: limit + 1 } } })).not.toThrow()
    expect(() => compile(pastLimit, { limits: NO_LIMITS })).not.toThrow()
    // And the raised limit of one call does not stick to the next (the text cache is per limits).
    expectCompileLimit(pastLimit)
  })

  it('a plain object is measured by its JSON text, with the same limit', () => {
    const policy = JSON.parse(policyOfSize('identity', DEFAULT_LIMITS.policyLength.identity + 1)) as Record<string, unknown>
    expectCompileLimit({ identity: [policy] })
    expectAccepted({ identity: [policy] }, { policyLength: { identity: 20_000 } }, 'Allow')
  })

  it('IAM kinds do not count white space (R143); SCPs, RCPs and endpoint policies do (R145, R146)', () => {
    const spaced = (kind: PolicyKind): string => {
      const text = policyOfSize(kind, 1_000)
      return text.replace(/,/g, ',' + ' '.repeat(6_000)) // past every kind's limit, counting the spaces
    }
    expect(() => compile({ identity: [spaced('identity')] })).not.toThrow()
    expect(() => compile({ permissionsBoundary: spaced('boundary') })).not.toThrow()
    expectCompileLimit({ scps: [[spaced('scp')]] })
    expectCompileLimit({ rcps: [[spaced('rcp')]] })
    expectCompileLimit({ endpoint: [spaced('endpoint')] })
  })

  it('a role trust policy is limited as a trust policy when parsed as one', () => {
    const text = policyOfSize('trust', DEFAULT_LIMITS.policyLength.trust + 1)
    expect(() => parsePolicy(text, { kind: 'trust' })).not.toThrow() // parsePolicy applies no size limit of its own
    expect(() => parsePolicy(text, { kind: 'trust', maxLength: DEFAULT_LIMITS.policyLength.trust })).toThrow(PolicyValidationError)
  })
})

function statements(count: number): string {
  const list = Array.from({ length: count }, (_, index) => ({ Sid: `S${index}`, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }))
  return JSON.stringify({ Version: '2012-10-17', Statement: list })
}

describe('statements per policy', () => {
  const big = { policyLength: { identity: Number.POSITIVE_INFINITY } }
  it('1,000 pass, 1,001 are limit-exceeded, raising the limit lets them through', () => {
    expectAccepted({ identity: [statements(1_000)] }, big, 'Allow')
    expectCompileLimit({ identity: [statements(1_001)] }, big)
    expectAccepted({ identity: [statements(1_001)] }, { ...big, statementsPerPolicy: 1_001 }, 'Allow')
    expectAccepted({ identity: [statements(1_001)] }, NO_LIMITS, 'Allow')
  })

  it('a lowered limit applies too', () => {
    expectCompileLimit({ identity: [statements(3)] }, { statementsPerPolicy: 2 })
    expectAccepted({ identity: [statements(2)] }, { statementsPerPolicy: 2 }, 'Allow')
  })

  it('a parsed policy of 1,001 statements compiled once under raised limits is still refused under the defaults', () => {
    const parsed = parsePolicy(statements(1_001))
    expect(evaluate(BASE_REQUEST, { identity: [parsed] }, { limits: NO_LIMITS }).decision).toBe('Allow')
    // The compiled form is cached by the parsed policy's identity; the check must not be.
    expectCompileLimit({ identity: [parsed] })
  })

  it('a parsed policy over the limit is refused even on the first call', () => {
    expectCompileLimit({ identity: [parsePolicy(statements(1_001))] })
  })
})

function conditionValues(count: number): Record<string, unknown> {
  const values = Array.from({ length: count }, (_, index) => `v${index}`)
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'app:k': values } } }],
  }
}

describe('condition values per key', () => {
  const big = { policyLength: { identity: Number.POSITIVE_INFINITY } }
  const request = { ...BASE_REQUEST, context: { 'app:k': 'v999' } }
  it('1,000 pass, 1,001 are limit-exceeded naming the key, raising the limit lets them through', () => {
    expectAccepted({ identity: [conditionValues(1_000)] }, big, 'Allow', request)
    expectCompileLimit({ identity: [conditionValues(1_001)] }, big)
    const error = limitError(() => compile({ identity: [conditionValues(1_001)] }, { limits: big }))
    expect(error.message).toContain('app:k')
    expectAccepted({ identity: [conditionValues(1_001)] }, { ...big, conditionValuesPerKey: 1_001 }, 'Allow', request)
    expectAccepted({ identity: [conditionValues(5_000)] }, NO_LIMITS, 'Allow', request)
  })

  it('a parsed policy with 1,001 condition values compiled once under raised limits is still refused under the defaults', () => {
    const parsed = parsePolicy(conditionValues(1_001))
    expect(evaluate(request, { identity: [parsed] }, { limits: NO_LIMITS }).decision).toBe('Allow')
    expectCompileLimit({ identity: [parsed] })
  })
})

// ---------------------------------------------------------------------------------------------
// Request-time limits
// ---------------------------------------------------------------------------------------------

describe('request field length', () => {
  const policies = { identity: [{ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }] }
  it.each(['principal', 'action', 'resource', 'resourceAccount'] as const)(
    '%s: 4,096 characters pass, 4,097 are a deny naming the field, raising the limit lets it through',
    (field) => {
      const value = (length: number): string => {
        switch (field) {
          case 'principal':
            return `arn:aws:iam::111122223333:user/${'a'.repeat(length - 'arn:aws:iam::111122223333:user/'.length)}`
          case 'action':
            return `s3:${'A'.repeat(length - 3)}`
          case 'resource':
            return `arn:aws:s3:::${'r'.repeat(length - 'arn:aws:s3:::'.length)}`
          case 'resourceAccount':
            return '1'.repeat(length)
        }
      }
      const at = { ...BASE_REQUEST, [field]: value(4_096) }
      const past = { ...BASE_REQUEST, [field]: value(4_097) }
      for (const result of decideBoth(at, policies)) expect(result.failedGate?.kind).not.toBe('request')
      for (const result of decideBoth(past, policies)) expectRequestDenied(result, field, '4096')
      for (const result of decideBoth(past, policies, { requestFieldLength: 4_097 })) expect(result.failedGate?.kind).not.toBe('request')
      for (const result of decideBoth(past, policies, NO_LIMITS)) expect(result.failedGate?.kind).not.toBe('request')
    },
  )
})

describe('context limits', () => {
  const policies = { identity: [allowS3()] }
  const keys = (count: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: count }, (_, index) => [`app:k${index}`, 'v']))

  it('1,000 keys pass, 1,001 are a deny, raising the limit lets them through', () => {
    for (const result of decideBoth({ ...BASE_REQUEST, context: keys(1_000) }, policies)) expect(result.decision).toBe('Allow')
    for (const result of decideBoth({ ...BASE_REQUEST, context: keys(1_001) }, policies)) expectRequestDenied(result, 'context', '1000')
    for (const result of decideBoth({ ...BASE_REQUEST, context: keys(1_001) }, policies, { contextKeys: 1_001 }))
      expect(result.decision).toBe('Allow')
    for (const result of decideBoth({ ...BASE_REQUEST, context: keys(1_001) }, policies, NO_LIMITS)) expect(result.decision).toBe('Allow')
  })

  it('1,000 values of a key pass, 1,001 are a deny naming the key, raising the limit lets them through', () => {
    const values = (count: number): string[] => Array.from({ length: count }, (_, index) => `v${index}`)
    for (const result of decideBoth({ ...BASE_REQUEST, context: { 'aws:TagKeys': values(1_000) } }, policies))
      expect(result.decision).toBe('Allow')
    for (const result of decideBoth({ ...BASE_REQUEST, context: { 'aws:TagKeys': values(1_001) } }, policies)) {
      expectRequestDenied(result, 'aws:TagKeys', '1000')
    }
    for (const result of decideBoth({ ...BASE_REQUEST, context: { 'aws:TagKeys': values(1_001) } }, policies, {
      contextValuesPerKey: 1_001,
    })) {
      expect(result.decision).toBe('Allow')
    }
  })

  it('a value of 8,192 characters passes, 8,193 are a deny naming the key, in a list too; raising the limit lets it through', () => {
    for (const result of decideBoth({ ...BASE_REQUEST, context: { 'app:v': 'x'.repeat(8_192) } }, policies))
      expect(result.decision).toBe('Allow')
    for (const result of decideBoth({ ...BASE_REQUEST, context: { 'app:v': 'x'.repeat(8_193) } }, policies))
      expectRequestDenied(result, 'app:v', '8192')
    for (const result of decideBoth({ ...BASE_REQUEST, context: { 'app:v': ['ok', 'x'.repeat(8_193)] } }, policies))
      expectRequestDenied(result, 'app:v')
    for (const result of decideBoth({ ...BASE_REQUEST, context: { 'app:v': 'x'.repeat(8_193) } }, policies, {
      contextValueLength: 8_193,
    })) {
      expect(result.decision).toBe('Allow')
    }
  })

  it('a key of 512 characters passes, 513 are a deny, raising the limit lets it through', () => {
    const key = (length: number): string => `app:${'k'.repeat(length - 4)}`
    for (const result of decideBoth({ ...BASE_REQUEST, context: { [key(512)]: 'v' } }, policies)) expect(result.decision).toBe('Allow')
    for (const result of decideBoth({ ...BASE_REQUEST, context: { [key(513)]: 'v' } }, policies))
      expectRequestDenied(result, 'context key', '512')
    for (const result of decideBoth({ ...BASE_REQUEST, context: { [key(513)]: 'v' } }, policies, { contextKeyLength: 513 }))
      expect(result.decision).toBe('Allow')
  })

  it('limits apply whether or not a policy reads the key (C1)', () => {
    const reads = {
      identity: [
        {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringLike: { 'app:v': '*' } } }],
        },
      ],
    }
    for (const set of [policies, reads]) {
      for (const result of decideBoth({ ...BASE_REQUEST, context: { 'app:v': 'x'.repeat(8_193) } }, set))
        expectRequestDenied(result, 'app:v')
    }
  })

  it('a request limit of a compiled authorizer is the one it was compiled with', () => {
    const authorizer = compile(policies, { limits: { contextValueLength: 10 } })
    expectRequestDenied(authorizer.evaluate({ ...BASE_REQUEST, context: { 'app:v': 'x'.repeat(11) } }), 'app:v')
    const relaxed = compile(policies, { limits: NO_LIMITS })
    expect(relaxed.evaluate({ ...BASE_REQUEST, context: { 'app:v': 'x'.repeat(100_000) } }).decision).toBe('Allow')
  })
})

/**
 * Bounded work (SECURITY.md, "Guarantees"): every matcher and condition is linear in its input (at
 * worst input × pattern, with the pattern bounded by the policy size limit), and no input can
 * overflow the stack. Pathological wildcard patterns (`*a*a*...*b`, 100 stars) as Action, Resource,
 * StringLike and ArnLike values against 100 KB strings, 10,000-value keys under ForAnyValue and
 * ForAllValues, 100,000 levels of JSON nesting, `1e999999999` in numeric and date conditions,
 * very long IPv6 and base64 strings. Each test asserts completion and the exact result; there are
 * no timing assertions, but each input is sized to finish in well under a second when the code is
 * linear and to take minutes (or overflow the stack) when it is not.
 */
import { describe, expect, it } from 'vitest'
import { createPolicyCaches, loadPolicySet } from '../../src/compile/load.js'
import { compile, DEFAULT_LIMITS, evaluate, NO_LIMITS, parsePolicy, PolicyValidationError, validatePolicy } from '../../src/index.js'
import { resolveLimits } from '../../src/limits.js'
import type { AuthorizationRequest, Decision, PolicySet } from '../../src/index.js'
import { lintPolicy } from '../../src/lint/index.js'
import { ALICE, BASE_REQUEST, NOW } from './support.js'

const LONG = 100_000
/** `*a*a*...*a*b` with 100 stars: the classic exponential-backtracking pattern. */
const EVIL = `${'*a'.repeat(99)}*b`
const AS = 'a'.repeat(LONG)

function decide(request: unknown, policies: PolicySet): Decision {
  const viaEvaluate = evaluate(request as AuthorizationRequest, policies, { limits: NO_LIMITS, now: NOW }).decision
  const viaCompile = compile(policies, { limits: NO_LIMITS }).evaluate(request as AuthorizationRequest, { now: NOW }).decision
  expect(viaCompile).toBe(viaEvaluate)
  return viaEvaluate
}

function allow(statement: Record<string, unknown>): PolicySet {
  return { identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', ...statement }] }] }
}

describe('pathological wildcard patterns against 100 KB strings', () => {
  it('as Action', () => {
    const policies = allow({ Action: `s3:${EVIL}` })
    expect(decide({ ...BASE_REQUEST, action: `s3:${AS}` }, policies)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, action: `s3:${AS}b` }, policies)).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, action: `s3:${'a'.repeat(98)}b` }, policies)).toBe('ImplicitDeny') // 99 a's are needed
    expect(decide({ ...BASE_REQUEST, action: `s3:${'a'.repeat(99)}b` }, policies)).toBe('Allow')
  })

  it('as Action with ? runs', () => {
    const policies = allow({ Action: `s3:*${'a?'.repeat(50)}b*` })
    expect(decide({ ...BASE_REQUEST, action: `s3:${AS}` }, policies)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, action: `s3:${AS}${'ax'.repeat(50)}b` }, policies)).toBe('Allow')
  })

  it('as Resource, inside the sixth ARN field and across fields', () => {
    const policies = allow({ Resource: `arn:aws:s3:::${EVIL}` })
    expect(decide({ ...BASE_REQUEST, resource: `arn:aws:s3:::${AS}` }, policies)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, resource: `arn:aws:s3:::${AS}b` }, policies)).toBe('Allow')
    // The account field stays the caller's, so that the request is same-account (R6, R7).
    const fields = allow({ Resource: `arn:aws:${EVIL}:${EVIL}:111122223333:${EVIL}` })
    expect(decide({ ...BASE_REQUEST, resource: `arn:aws:${AS}:${AS}:111122223333:${AS}` }, fields)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, resource: `arn:aws:${AS}b:${AS}b:111122223333:${AS}b` }, fields)).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, resource: `arn:aws:${AS}b:${AS}:111122223333:${AS}b` }, fields)).toBe('ImplicitDeny')
    // A non-ARN resource is matched as a plain glob (R65).
    expect(decide({ ...BASE_REQUEST, resource: AS }, allow({ Resource: EVIL }))).toBe('ImplicitDeny')
  })

  it('as Resource with many colons in the value', () => {
    const policies = allow({ Resource: `arn:aws:s3:::${'*:'.repeat(50)}b` })
    expect(decide({ ...BASE_REQUEST, resource: `arn:aws:s3:::${':'.repeat(LONG)}` }, policies)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, resource: `arn:aws:s3:::${':'.repeat(LONG)}b` }, policies)).toBe('Allow')
  })

  it('as StringLike and StringNotLike values', () => {
    const like = allow({ Condition: { StringLike: { 'app:v': EVIL } } })
    expect(decide({ ...BASE_REQUEST, context: { 'app:v': AS } }, like)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, context: { 'app:v': `${AS}b` } }, like)).toBe('Allow')
    const notLike = allow({ Condition: { StringNotLike: { 'app:v': [EVIL, `${EVIL}*`, `*${EVIL}`] } } })
    expect(decide({ ...BASE_REQUEST, context: { 'app:v': AS } }, notLike)).toBe('Allow')
  })

  it('as a StringLike value built from a policy variable', () => {
    const policies = allow({ Condition: { StringLike: { 'app:v': `\${app:pattern}${EVIL}` } } })
    // The substituted value is literal text (R120): its stars match only stars.
    expect(decide({ ...BASE_REQUEST, context: { 'app:v': `${AS}b`, 'app:pattern': EVIL } }, policies)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, context: { 'app:v': `${EVIL}${AS}b`, 'app:pattern': EVIL } }, policies)).toBe('Allow')
  })

  it('as ArnLike values', () => {
    const policies = allow({ Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:${EVIL}:*:*:${EVIL}` } } })
    expect(decide({ ...BASE_REQUEST, context: { 'aws:SourceArn': `arn:aws:${AS}:r:1:${AS}` } }, policies)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, context: { 'aws:SourceArn': `arn:aws:${AS}b:r:1:${AS}b` } }, policies)).toBe('Allow')
  })

  it('many pathological patterns in one statement', () => {
    const patterns = Array.from({ length: 50 }, (_, index) => `arn:aws:s3:::${'*a'.repeat(20 + index)}*b`)
    expect(decide({ ...BASE_REQUEST, resource: `arn:aws:s3:::${AS}` }, allow({ Resource: patterns }))).toBe('ImplicitDeny')
  })
})

describe('multivalued keys with 10,000 values', () => {
  const values = Array.from({ length: 10_000 }, (_, index) => `value-${index}`)
  const policyValues = Array.from({ length: 1_000 }, (_, index) => `value-${index * 10}`)
  const request = (list: string[]): unknown => ({ ...BASE_REQUEST, context: { 'aws:TagKeys': list } })

  it('ForAnyValue:StringEquals and ForAllValues:StringEquals against 1,000 policy values', () => {
    expect(decide(request(values), allow({ Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': policyValues } } }))).toBe('Allow')
    expect(decide(request(values), allow({ Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': policyValues } } }))).toBe(
      'ImplicitDeny',
    )
    const every = values.filter((_, index) => index % 10 === 0)
    expect(decide(request(every), allow({ Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': policyValues } } }))).toBe('Allow')
    expect(decide(request(values), allow({ Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['none'] } } }))).toBe('ImplicitDeny')
  })

  it('ForAnyValue and ForAllValues with StringLike, IgnoreCase and negated operators', () => {
    expect(decide(request(values), allow({ Condition: { 'ForAllValues:StringLike': { 'aws:TagKeys': ['value-*'] } } }))).toBe('Allow')
    expect(decide(request(values), allow({ Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': [EVIL] } } }))).toBe('ImplicitDeny')
    expect(
      decide(
        request(values),
        allow({ Condition: { 'ForAllValues:StringEqualsIgnoreCase': { 'aws:TagKeys': policyValues.map((v) => v.toUpperCase()) } } }),
      ),
    ).toBe('ImplicitDeny')
    expect(decide(request(values), allow({ Condition: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': policyValues } } }))).toBe(
      'ImplicitDeny',
    )
    expect(decide(request(values), allow({ Condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': policyValues } } }))).toBe('Allow')
  })

  it('numbers, dates and IP addresses', () => {
    const numbers = Array.from({ length: 10_000 }, (_, index) => index)
    expect(
      decide(
        { ...BASE_REQUEST, context: { 'app:n': numbers } },
        allow({ Condition: { 'ForAllValues:NumericLessThan': { 'app:n': '10000' } } }),
      ),
    ).toBe('Allow')
    expect(
      decide(
        { ...BASE_REQUEST, context: { 'app:n': numbers } },
        allow({ Condition: { 'ForAnyValue:NumericGreaterThan': { 'app:n': '1e999999999' } } }),
      ),
    ).toBe('ImplicitDeny')
    const dates = numbers.map((n) => new Date(NOW + n * 1000).toISOString())
    expect(
      decide(
        { ...BASE_REQUEST, context: { 'app:d': dates } },
        allow({ Condition: { 'ForAllValues:DateGreaterThanEquals': { 'app:d': new Date(NOW).toISOString() } } }),
      ),
    ).toBe('Allow')
    const ips = numbers.map((n) => `10.0.${Math.floor(n / 256) % 256}.${n % 256}`)
    expect(
      decide(
        { ...BASE_REQUEST, context: { 'app:ip': ips } },
        allow({ Condition: { 'ForAllValues:IpAddress': { 'app:ip': '10.0.0.0/8' } } }),
      ),
    ).toBe('Allow')
  })

  it('without a qualifier (R105)', () => {
    expect(decide(request(values), allow({ Condition: { StringEquals: { 'aws:TagKeys': 'value-9999' } } }))).toBe('Allow')
  })

  it('10,000 keys in one context, one of them with 10,000 values', () => {
    const context: Record<string, string | string[]> = Object.fromEntries(
      Array.from({ length: 10_000 }, (_, index) => [`app:k${index}`, `value-${index}`]),
    )
    context['app:k9999'] = values
    expect(decide({ ...BASE_REQUEST, context }, allow({ Condition: { StringEquals: { 'app:k9999': 'value-0' } } }))).toBe('Allow')
  })
})

describe('deeply nested JSON', () => {
  const DEPTH = 100_000
  const nestedArrays = '['.repeat(DEPTH) + ']'.repeat(DEPTH)
  const nestedObjects = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH)
  const nestedInStatement = `{"Statement": [{"Effect": "Allow", "Action": ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}, "Resource": "*"}]}`
  const unclosed = '['.repeat(DEPTH)

  it.each([
    ['arrays', nestedArrays],
    ['objects', nestedObjects],
    ['arrays inside a statement', nestedInStatement],
    ['unclosed arrays', unclosed],
  ])('100,000 levels of %s: parsePolicy throws a typed invalid-json error, no stack overflow', (_label, text) => {
    let thrown: unknown
    try {
      parsePolicy(text)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(PolicyValidationError)
    expect((thrown as PolicyValidationError).issues[0]?.code).toBe('invalid-json')
    expect(validatePolicy(text).valid).toBe(false)
    expect(() => evaluate(BASE_REQUEST, { identity: [text] }, { limits: NO_LIMITS })).toThrow(PolicyValidationError)
    expect(() => compile({ identity: [text] }, { limits: NO_LIMITS })).toThrow(PolicyValidationError)
    // Under the default limits the size check refuses it first, also typed.
    expect(() => evaluate(BASE_REQUEST, { identity: [text] })).toThrow(PolicyValidationError)
    const findings = lintPolicy(text)
    expect(findings.some((finding) => finding.severity === 'error')).toBe(true)
  })

  it('100,000 levels of a JavaScript value: refused typed, no stack overflow', () => {
    let value: unknown = 1
    for (let level = 0; level < DEPTH; level++) value = { a: value }
    let list: unknown = []
    for (let level = 0; level < DEPTH; level++) list = [list]
    for (const policy of [{ Statement: value }, { Statement: [{ Effect: 'Allow', Action: list, Resource: '*' }] }]) {
      expect(() => parsePolicy(policy)).toThrow(PolicyValidationError)
      expect(validatePolicy(policy).valid).toBe(false)
      expect(() => evaluate(BASE_REQUEST, { identity: [policy] }, { limits: NO_LIMITS })).toThrow(PolicyValidationError)
      expect(() => lintPolicy(policy)).not.toThrow()
    }
  })

  it('100,000 levels of arrays as a context value: a deny naming the key', () => {
    let list: unknown = ['x']
    for (let level = 0; level < DEPTH; level++) list = [list]
    const result = evaluate({ ...BASE_REQUEST, context: { 'app:deep': list } } as AuthorizationRequest, allow({}))
    expect(result.decision).toBe('ImplicitDeny')
    expect(result.reason).toContain('app:deep')
  })

  it('a policy set nested 100,000 levels deep is refused typed', () => {
    let levels: unknown = []
    for (let level = 0; level < DEPTH; level++) levels = [levels]
    expect(() => evaluate(BASE_REQUEST, { scps: levels } as PolicySet)).toThrow(PolicyValidationError)
  })
})

describe('huge numbers', () => {
  const numeric = (operator: string, value: unknown): PolicySet => allow({ Condition: { [operator]: { 'app:n': value } } })

  it('1e999999999 as a policy value of numeric conditions compares exactly', () => {
    expect(decide({ ...BASE_REQUEST, context: { 'app:n': Number.MAX_VALUE } }, numeric('NumericLessThan', '1e999999999'))).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: { 'app:n': '1e999999998' } }, numeric('NumericLessThan', '1e999999999'))).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: { 'app:n': '1e999999999' } }, numeric('NumericEquals', '10e999999998'))).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: { 'app:n': '1e999999999' } }, numeric('NumericGreaterThan', '1e999999999'))).toBe(
      'ImplicitDeny',
    )
    expect(decide({ ...BASE_REQUEST, context: { 'app:n': '1e-999999999' } }, numeric('NumericGreaterThan', '0'))).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: { 'app:n': '1e-999999999' } }, numeric('NumericLessThan', '1e-999999998'))).toBe('Allow')
  })

  it('exponents of thousands of digits are compared without materializing the number', () => {
    const exponent = '9'.repeat(5_000)
    expect(
      decide({ ...BASE_REQUEST, context: { 'app:n': `1e${exponent}` } }, numeric('NumericGreaterThan', `9e${exponent.slice(1)}`)),
    ).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: { 'app:n': `1e-${exponent}` } }, numeric('NumericLessThan', `1e-${exponent.slice(1)}`))).toBe(
      'Allow',
    )
    expect(decide({ ...BASE_REQUEST, context: { 'app:n': `${'9'.repeat(LONG)}` } }, numeric('NumericLessThan', `1e${LONG}`))).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: { 'app:n': `${'9'.repeat(LONG)}` } }, numeric('NumericGreaterThanEquals', `1e${LONG}`))).toBe(
      'ImplicitDeny',
    )
    expect(decide({ ...BASE_REQUEST, context: { 'app:n': `0.${'0'.repeat(LONG)}1` } }, numeric('NumericGreaterThan', '0'))).toBe('Allow')
  })

  it('1e999999999 as a JSON number in policy text is refused or never matches, never Infinity', () => {
    const text = `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"NumericLessThan": {"app:n": 1e999999999}}}]}`
    let decision: Decision | undefined
    try {
      decision = evaluate({ ...BASE_REQUEST, context: { 'app:n': 5 } }, { identity: [text] }).decision
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyValidationError)
    }
    // If accepted, the value is 1e999999999 (not a lossy Infinity that every finite number is below).
    if (decision !== undefined) expect(decision).toBe('Allow')
    const denyText = text.replace('"Allow"', '"Deny"').replace('NumericLessThan', 'NumericGreaterThan')
    const both = `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, ${JSON.stringify((JSON.parse(denyText.replace('1e999999999', '0')) as { Statement: unknown[] }).Statement[0]).replace('"app:n":0', '"app:n":1e999999999')}]}`
    try {
      // A Deny on "n > 1e999999999" must not apply to n = 1e308.
      expect(evaluate({ ...BASE_REQUEST, context: { 'app:n': 1e308 } }, { identity: [both] }).decision).toBe('Allow')
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyValidationError)
    }
  })

  it('1e999999999 and giant epochs in date conditions', () => {
    const date = (operator: string, value: unknown): PolicySet => allow({ Condition: { [operator]: { 'aws:CurrentTime': value } } })
    // C10: digits only is epoch seconds; anything else must be a W3C date. "1e999999999" is neither.
    expect(decide(BASE_REQUEST, date('DateLessThan', '1e999999999'))).toBe('ImplicitDeny')
    expect(decide(BASE_REQUEST, date('DateGreaterThan', '1e999999999'))).toBe('ImplicitDeny')
    // Epochs beyond the ECMAScript Date range (±8.64e15 ms) are not dates (date.ts): they match nothing,
    // whichever way the comparison goes, and a negated operator holds.
    for (const huge of ['9'.repeat(LONG), `-${'9'.repeat(LONG)}`, '9'.repeat(20)]) {
      expect(decide(BASE_REQUEST, date('DateLessThan', huge))).toBe('ImplicitDeny')
      expect(decide(BASE_REQUEST, date('DateGreaterThan', huge))).toBe('ImplicitDeny')
      expect(decide(BASE_REQUEST, date('DateNotEquals', huge))).toBe('Allow')
    }
    for (const huge of ['9'.repeat(LONG), 1e308, -1e308, `${'9'.repeat(LONG)}-01-01`]) {
      expect(decide({ ...BASE_REQUEST, context: { 'aws:CurrentTime': huge } }, date('DateGreaterThan', '2020-01-01T00:00:00Z'))).toBe(
        'ImplicitDeny',
      )
      expect(decide({ ...BASE_REQUEST, context: { 'aws:CurrentTime': huge } }, date('DateLessThan', '2020-01-01T00:00:00Z'))).toBe(
        'ImplicitDeny',
      )
    }
    expect(decide({ ...BASE_REQUEST, context: { 'aws:CurrentTime': 1e11 } }, date('DateGreaterThan', '2020-01-01T00:00:00Z'))).toBe('Allow')
    expect(
      decide(
        { ...BASE_REQUEST, context: { 'aws:CurrentTime': `2020-01-01T00:00:00.${'9'.repeat(LONG)}Z` } },
        date('DateLessThan', '2020-01-01T00:00:01Z'),
      ),
    ).toBe('Allow')
  })

  it('1e999999999 as an epoch in aws:EpochTime', () => {
    const policies = allow({ Condition: { NumericLessThan: { 'aws:EpochTime': '1e999999999' } } })
    expect(decide(BASE_REQUEST, policies)).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: { 'aws:EpochTime': '1e999999999' } }, policies)).toBe('ImplicitDeny')
  })
})

describe('very long addresses and encodings', () => {
  it('very long IPv6-like strings never match and finish', () => {
    const policies = allow({ Condition: { IpAddress: { 'aws:SourceIp': ['::/0', '2001:db8::/32', '0.0.0.0/0'] } } })
    const hostile = [
      '1:'.repeat(LONG / 2),
      `::${'f'.repeat(LONG)}`,
      `${'0:'.repeat(LONG / 2)}1`,
      `::ffff:${'1.'.repeat(LONG / 2)}1`,
      ':'.repeat(LONG),
      `2001:db8::${'1'.repeat(LONG)}`,
      `${'::'.repeat(LONG / 2)}`,
      `2001:db8::1%${'e'.repeat(LONG)}`,
      `2001:db8::/${'1'.repeat(LONG)}`,
    ]
    for (const value of hostile) expect(decide({ ...BASE_REQUEST, context: { 'aws:SourceIp': value } }, policies)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, context: { 'aws:SourceIp': '2001:db8::1' } }, policies)).toBe('Allow')
    const notIp = allow({ Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })
    // An unreadable address matches no range, so NotIpAddress holds (R112).
    for (const value of hostile) expect(decide({ ...BASE_REQUEST, context: { 'aws:SourceIp': value } }, notIp)).toBe('Allow')
  })

  it('very long IPv6-like policy values are refused or never match', () => {
    for (const value of ['1:'.repeat(LONG / 2), `::/${'9'.repeat(LONG)}`, `${'f'.repeat(LONG)}::/64`]) {
      try {
        expect(
          decide({ ...BASE_REQUEST, context: { 'aws:SourceIp': '::1' } }, allow({ Condition: { IpAddress: { 'aws:SourceIp': value } } })),
        ).toBe('ImplicitDeny')
      } catch (error) {
        expect(error).toBeInstanceOf(PolicyValidationError)
      }
    }
  })

  it('very long base64 values in BinaryEquals', () => {
    const long = 'QUJD'.repeat(LONG / 4)
    const policies = allow({ Condition: { BinaryEquals: { 'app:b': long } } })
    expect(decide({ ...BASE_REQUEST, context: { 'app:b': long } }, policies)).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: { 'app:b': `${long.slice(0, -1)}=` } }, policies)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, context: { 'app:b': '='.repeat(LONG) } }, policies)).toBe('ImplicitDeny')
  })

  it('very long ARNs in ArnEquals, and principals and caller ARNs', () => {
    const long = `arn:aws:iam::111122223333:user/${'p/'.repeat(LONG / 2)}alice`
    const policies = allow({ Condition: { ArnEquals: { 'aws:PrincipalArn': long } } })
    expect(decide({ ...BASE_REQUEST, principal: long }, policies)).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, principal: `${long}x` }, policies)).toBe('ImplicitDeny')
    expect(
      decide({ ...BASE_REQUEST, principal: `arn:aws:sts::111122223333:assumed-role/${'r'.repeat(LONG)}/${'s'.repeat(LONG)}` }, allow({})),
    ).toBe('Allow')
  })

  it('long policy-variable strings', () => {
    const template = '${app:x}'.repeat(1_000)
    const policies = allow({ Condition: { StringEquals: { 'app:v': template } } })
    expect(decide({ ...BASE_REQUEST, context: { 'app:v': 'ab'.repeat(1_000), 'app:x': 'ab' } }, policies)).toBe('Allow')
    const unterminated = `\${${'a'.repeat(LONG)}`
    expect(
      validatePolicy({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'app:v': unterminated } } }],
      }).valid,
    ).toBe(false)
  })

  it('a 100 KB request against a policy with every kind of element', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:*', `s3:${EVIL}`],
          Resource: [`arn:aws:s3:::${EVIL}`, 'arn:aws:s3:::*'],
          Condition: { StringLike: { 'app:v': [EVIL, '*'] }, StringEqualsIgnoreCase: { 'app:v': AS } },
        },
        { Effect: 'Deny', NotAction: `s3:${EVIL}`, NotResource: `arn:aws:s3:::${EVIL}`, Condition: { StringNotLike: { 'app:v': EVIL } } },
      ],
    }
    expect(
      decide(
        { principal: ALICE, action: `s3:${AS}`, resource: `arn:aws:s3:::${AS}`, context: { 'app:v': AS.toUpperCase() } },
        { identity: [policy] },
      ),
    ).toBe('ExplicitDeny')
  })
})

describe('bounded memory in the caches of the per-call API', () => {
  // White-box: the caches are internal (src/compile/load.ts), and their size cannot be seen
  // through `evaluate`. A cache that grows with every call is a slow memory leak an attacker
  // can drive by sending requests.
  const request = { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key' }

  it('the empty-set cache does not grow with each call that brings its own limits', () => {
    const caches = createPolicyCaches()
    for (let call = 0; call < 2_000; call++) {
      // What `evaluate(request, {}, { limits })` does on every call: resolve the limits afresh.
      loadPolicySet({}, resolveLimits({ contextKeys: 5 }), caches)
    }
    expect(caches.empty.size).toBeLessThanOrEqual(64)
  })

  it('the text cache keeps at most its bound per kind, however many distinct texts', () => {
    const caches = createPolicyCaches()
    for (let index = 0; index < 2_000; index++) {
      const text = JSON.stringify({ Statement: [{ Sid: `S${index}`, Effect: 'Allow', Action: 's3:*', Resource: '*' }] })
      loadPolicySet({ identity: [text] }, DEFAULT_LIMITS, caches)
    }
    const group = caches.text.get('identity') as unknown as { entries: Map<string, unknown> } | undefined
    expect(group?.entries.size).toBeLessThanOrEqual(512)
  })

  it('a flood of distinct actions through one authorizer keeps deciding correctly', () => {
    const authorizer = compile({ identity: [{ Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] }] })
    for (let index = 0; index < 5_000; index++) {
      expect(authorizer.evaluate({ ...request, action: `s3:Get${index}` }).decision).toBe('Allow')
      expect(authorizer.evaluate({ ...request, action: `s3:Put${index}` }).decision).toBe('ImplicitDeny')
    }
  })
})

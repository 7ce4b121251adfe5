/**
 * Fail closed (SECURITY.md, "Guarantees"): no request can make `evaluate` or
 * `Authorizer.evaluate` throw or allow by accident, and no policy value can make them throw
 * anything but `PolicyValidationError`. Also: policy objects changed between calls are honoured
 * (no stale cache), compiled authorizers are frozen and unaffected by later changes to their
 * sources, and results handed to callers cannot poison later decisions.
 *
 * Every hostile request starts from a request the policies allow (support.ts), so a hostile part
 * that is silently ignored shows up as an Allow. Each case runs through both entry points, since
 * `evaluate` caches and `compile` does not.
 */
import { describe, expect, it } from 'vitest'
import { compile, evaluate, parsePolicy, PolicyValidationError } from '../../src/index.js'
import type { AuthorizationRequest, EvaluationResult, PolicySet } from '../../src/index.js'
import {
  ALICE,
  allowS3,
  BASE_REQUEST,
  denyWhenBlocked,
  expectRequestDenied,
  guardedPolicy,
  NOW,
  OBJECT,
  poisonedThrowable,
  revokedProxy,
  throwingProxy,
  withThrowingGetter,
} from './support.js'

type Entry = (request: unknown, policies: PolicySet) => EvaluationResult

/** Both ways of deciding, so each hostile case is tried on the cached and the compiled path. */
const ENTRIES: readonly [string, Entry][] = [
  ['evaluate', (request, policies) => evaluate(request as AuthorizationRequest, policies, { now: NOW })],
  ['compile().evaluate', (request, policies) => compile(policies).evaluate(request as AuthorizationRequest, { now: NOW })],
]

function decideBoth(request: unknown, policies: PolicySet = { identity: [guardedPolicy()] }): EvaluationResult[] {
  return ENTRIES.map(([, entry]) => {
    let result: EvaluationResult | undefined
    expect(() => (result = entry(request, policies))).not.toThrow()
    return result as EvaluationResult
  })
}

describe('the baseline', () => {
  it('allows the base request and denies it when the caller is tagged blocked', () => {
    for (const result of decideBoth(BASE_REQUEST)) expect(result.decision).toBe('Allow')
    for (const result of decideBoth({ ...BASE_REQUEST, context: { 'aws:PrincipalTag/blocked': 'true' } })) {
      expect(result.decision).toBe('ExplicitDeny')
    }
  })
})

describe('requests that are not objects', () => {
  const cases: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['NaN', Number.NaN],
    ['a string', 'arn:aws:iam::111122223333:user/alice'],
    ['a boolean', true],
    ['a symbol', Symbol('request')],
    ['a bigint', 10n],
    ['a function', () => BASE_REQUEST],
    ['an array', [BASE_REQUEST]],
    ['an array-like with the fields', Object.assign([], BASE_REQUEST)],
  ]
  it.each(cases)('%s is denied with a reason', (_label, request) => {
    for (const result of decideBoth(request)) expectRequestDenied(result, 'request')
  })

  it('a revoked Proxy as the request is denied', () => {
    for (const result of decideBoth(revokedProxy())) expectRequestDenied(result, 'request')
  })
})

describe('request fields of the wrong type', () => {
  const values: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['NaN', Number.NaN],
    ['an object', { toString: () => ALICE }],
    ['an array', [ALICE]],
    ['a symbol', Symbol('x')],
    ['a bigint', 1n],
    ['a function', () => ALICE],
    ['a String object', new String(ALICE)],
  ]
  for (const field of ['principal', 'action', 'resource', 'resourceAccount'] as const) {
    it.each(values.filter(([label]) => field !== 'resourceAccount' || label !== 'undefined'))(
      `${field} as %s is denied naming the field`,
      (_label, value) => {
        for (const result of decideBoth({ ...BASE_REQUEST, [field]: value })) expectRequestDenied(result, field)
      },
    )
  }

  it('a missing field is denied naming it', () => {
    for (const field of ['principal', 'action', 'resource'] as const) {
      const request: Record<string, unknown> = { ...BASE_REQUEST }
      delete request[field]
      for (const result of decideBoth(request)) expectRequestDenied(result, field)
    }
  })
})

describe('requests with members the request shape does not have (C1)', () => {
  // A misspelt `Context` would otherwise drop every condition key silently: the Deny below only
  // applies when the context is read, so ignoring the member is an Allow by accident.
  const blocked = { 'aws:PrincipalTag/blocked': 'true' }
  it.each([
    ['Context', { Context: blocked }],
    ['contexts', { contexts: blocked }],
    ['condition', { condition: blocked }],
    ['Principal', { Principal: ALICE }],
    ['extra', { extra: 1 }],
  ])('a request with "%s" is denied naming the member', (member, extra) => {
    for (const result of decideBoth({ ...BASE_REQUEST, ...extra })) expectRequestDenied(result, member)
  })

  // Telling extra members apart means listing the members; a request whose members cannot be
  // listed cannot be checked, so it is refused rather than decided on the members that happened to read.
  it.each([['ownKeys'], ['getOwnPropertyDescriptor']] as const)('a request Proxy whose %s trap throws is a deny', (trap) => {
    for (const result of decideBoth(throwingProxy({ ...BASE_REQUEST }, [trap]))) expectRequestDenied(result, 'request')
  })

  // Reading own enumerable members only must not turn into ignoring members the caller meant:
  // a context behind a class getter or a non-enumerable member would be dropped, and the Deny
  // that needed it with it.
  it('a request that is a class instance (its context a getter on the prototype) is a deny naming the request', () => {
    class Request {
      readonly principal = BASE_REQUEST.principal
      readonly action = BASE_REQUEST.action
      readonly resource = BASE_REQUEST.resource
      get context(): Record<string, string> {
        return { 'aws:PrincipalTag/blocked': 'true' }
      }
    }
    for (const result of decideBoth(new Request())) expectRequestDenied(result, 'request')
  })

  it('a non-enumerable context member is a deny, not an absent context', () => {
    const request = Object.defineProperty({ ...BASE_REQUEST }, 'context', {
      value: { 'aws:PrincipalTag/blocked': 'true' },
      enumerable: false,
    })
    for (const result of decideBoth(request)) expectRequestDenied(result, 'context')
  })

  it('a non-enumerable context key is a deny naming the key, not an absent key', () => {
    const context = Object.defineProperty({}, 'aws:PrincipalTag/blocked', { value: 'true', enumerable: false })
    for (const result of decideBoth({ ...BASE_REQUEST, context })) expectRequestDenied(result, 'aws:PrincipalTag/blocked')
  })

  it('a member inherited from the prototype is not a member of the request', () => {
    const request = Object.assign(Object.create({ context: { 'aws:PrincipalTag/blocked': 'false' } }) as object, BASE_REQUEST)
    // Either refused, or decided without the inherited member; never both ways at once.
    for (const result of decideBoth(request)) expect(['Allow', 'ImplicitDeny']).toContain(result.decision)
  })
})

describe('throwing getters and Proxies in the request', () => {
  for (const field of ['principal', 'action', 'resource', 'resourceAccount', 'context'] as const) {
    it(`a getter on ${field} that throws is a deny naming ${field}`, () => {
      for (const result of decideBoth(withThrowingGetter(BASE_REQUEST, field))) expectRequestDenied(result, field)
    })
  }

  it('a getter that throws a value which itself throws on every operation is a deny', () => {
    for (const result of decideBoth(withThrowingGetter(BASE_REQUEST, 'principal', poisonedThrowable()))) {
      expectRequestDenied(result)
    }
    for (const result of decideBoth({ ...BASE_REQUEST, context: withThrowingGetter({}, 'aws:SourceIp', poisonedThrowable()) })) {
      expectRequestDenied(result, 'aws:SourceIp')
    }
  })

  it.each([['getPrototypeOf'], ['has'], ['defineProperty'], ['set']] as const)(
    'a request Proxy whose %s trap throws (a trap reading a request needs not use) never throws',
    (trap) => {
      for (const result of decideBoth(throwingProxy({ ...BASE_REQUEST }, [trap]))) {
        // Either decided on the members read, or refused as unreadable; never a throw.
        if (result.decision !== 'Allow') expectRequestDenied(result)
      }
    },
  )

  it('a request Proxy whose get trap throws is a deny naming the member it could not read', () => {
    for (const result of decideBoth(throwingProxy({ ...BASE_REQUEST }, ['get']))) expectRequestDenied(result, 'principal')
  })

  it('each request member is read at most once, so a getter cannot show the checks one value and the engine another', () => {
    const reads = new Map<PropertyKey, number>()
    // Valid on the first read, a different type on every later one.
    const flipping = new Proxy(
      { ...BASE_REQUEST, context: { 'aws:PrincipalTag/blocked': 'false' } },
      {
        get(target, key, receiver) {
          const count = (reads.get(key) ?? 0) + 1
          reads.set(key, count)
          if (count > 1) return key === 'context' ? { 'aws:PrincipalTag/blocked': 'true' } : 42
          return Reflect.get(target, key, receiver) as unknown
        },
      },
    )
    for (const [, entry] of ENTRIES) {
      reads.clear()
      const result = entry(flipping, { identity: [guardedPolicy()] })
      expect(result.decision).toBe('Allow') // decided on the first read, consistently
      for (const [key, count] of reads) expect(count, `member ${String(key)} read ${count} times`).toBe(1)
    }
  })

  it('a context Proxy whose values change on every read is read once per key', () => {
    const reads = new Map<PropertyKey, number>()
    let flips = 0
    const context = new Proxy(
      { 'aws:PrincipalTag/blocked': 'x', 'aws:SourceIp': 'x' },
      {
        get(_target, key) {
          reads.set(key, (reads.get(key) ?? 0) + 1)
          flips += 1
          // A value that passes the checks on odd reads and is an object on even ones.
          return flips % 2 === 1 ? 'true' : { nested: true }
        },
      },
    )
    for (const [, entry] of ENTRIES) {
      reads.clear()
      flips = 0
      const result = entry({ ...BASE_REQUEST, context }, { identity: [guardedPolicy()] })
      expect(result.decision).not.toBe('Allow')
      for (const [key, count] of reads) expect(count, `context key ${String(key)} read ${count} times`).toBe(1)
    }
  })

  /**
   * A context Proxy that holds `aws:PrincipalTag/blocked` = 'true' in the listings `shows` picks
   * (numbered from 1) and nothing in the others; `listings()` counts the listings so far.
   */
  function changingContext(shows: (listing: number) => boolean): { context: Record<string, string>; listings: () => number } {
    let calls = 0
    const context = new Proxy({} as Record<string, string>, {
      ownKeys() {
        calls += 1
        return shows(calls) ? ['aws:PrincipalTag/blocked'] : []
      },
      getOwnPropertyDescriptor() {
        return { value: 'true', enumerable: true, configurable: true, writable: true }
      },
      get() {
        return 'true'
      },
    })
    return { context, listings: () => calls }
  }

  it('a context Proxy whose ownKeys trap returns different keys each time is decided on one reading', () => {
    // The reader lists the keys once for the decision, and a second time only to look for
    // non-enumerable members (a deliberate speed trade-off: checking enumerability key by key
    // costs more than a second listing on every request). Whatever the second listing says, the
    // decision follows the first one: here it holds the key, so the guard's Deny applies.
    for (const [, entry] of ENTRIES) {
      const { context, listings } = changingContext((listing) => listing % 2 === 1)
      expect(entry({ ...BASE_REQUEST, context }, { identity: [guardedPolicy()] }).decision).toBe('ExplicitDeny')
      expect(listings()).toBeLessThanOrEqual(2)
    }
  })

  it('a context Proxy whose first listing is empty and whose second shows a key is decided on the first', () => {
    for (const [, entry] of ENTRIES) {
      const { context } = changingContext((listing) => listing % 2 === 0)
      // The first listing is empty: the context holds no key, so the guard does not apply.
      expect(entry({ ...BASE_REQUEST, context }, { identity: [guardedPolicy()] }).decision).toBe('Allow')
    }
  })

  it.each([['ownKeys'], ['getOwnPropertyDescriptor'], ['get']] as const)(
    'a context Proxy whose %s trap throws is a deny naming the context',
    (trap) => {
      for (const result of decideBoth({ ...BASE_REQUEST, context: throwingProxy({ 'aws:PrincipalTag/blocked': 'true' }, [trap]) })) {
        expectRequestDenied(result, /context/)
      }
    },
  )

  it('a revoked Proxy as the context is a deny naming the context', () => {
    for (const result of decideBoth({ ...BASE_REQUEST, context: revokedProxy() })) expectRequestDenied(result, 'context')
  })

  it('a revoked Proxy as a context value is a deny naming the key', () => {
    for (const result of decideBoth({ ...BASE_REQUEST, context: { 'aws:TagKeys': revokedProxy() } })) {
      expectRequestDenied(result, 'aws:TagKeys')
    }
  })

  it('a list value whose length and items change on every read is read once', () => {
    for (const [, entry] of ENTRIES) {
      let lengthReads = 0
      const itemReads = new Map<PropertyKey, number>()
      const list = new Proxy(['a', 'b'], {
        get(target, key, receiver) {
          if (key === 'length') return ++lengthReads === 1 ? 2 : 1_000_000
          itemReads.set(key, (itemReads.get(key) ?? 0) + 1)
          return (itemReads.get(key) ?? 0) > 1 ? { not: 'a scalar' } : (Reflect.get(target, key, receiver) as unknown)
        },
      })
      expect(entry({ ...BASE_REQUEST, context: { 'aws:TagKeys': list } }, { identity: [guardedPolicy()] }).decision).toBe('Allow')
      expect(lengthReads).toBe(1)
      for (const [key, count] of itemReads) expect(count, `item ${String(key)} read ${count} times`).toBe(1)
    }
  })
})

describe('context values of types IAM does not have (C1)', () => {
  const sparse = ['a', , 'b']
  const cases: [string, unknown][] = [
    ['an object', { value: 'true' }],
    ['an empty object', {}],
    ['a function', () => 'true'],
    ['a symbol', Symbol('true')],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a bigint', 10n ** 400n],
    ['null', null],
    ['undefined', undefined],
    ['a sparse array', sparse],
    ['a nested array', ['true', ['true']]],
    ['a deeply nested array', [[[[['true']]]]]],
    ['an array holding an object', ['true', { value: 'true' }]],
    ['an array holding NaN', [1, Number.NaN]],
    ['an array holding null', ['true', null]],
    ['a Date', new Date(NOW)],
    ['a String object', new String('true')],
    ['a Map', new Map([['value', 'true']])],
    ['a RegExp', /true/],
  ]
  it.each(cases)('%s is a deny naming the key', (_label, value) => {
    for (const result of decideBoth({ ...BASE_REQUEST, context: { 'aws:PrincipalTag/blocked': value } })) {
      expectRequestDenied(result, 'aws:PrincipalTag/blocked')
    }
  })

  it('a bad value under a key no policy reads is still a deny (C1: every key is checked)', () => {
    for (const result of decideBoth({ ...BASE_REQUEST, context: { 'app:unused': { value: 1 } } })) {
      expectRequestDenied(result, 'app:unused')
    }
  })

  describe('numbers that are valid are decided correctly', () => {
    const numeric = (operator: string, value: unknown): PolicySet => ({
      identity: [
        {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { [operator]: { 'app:n': value } } }],
        },
      ],
    })
    it('-0 equals 0', () => {
      for (const result of decideBoth({ ...BASE_REQUEST, context: { 'app:n': -0 } }, numeric('NumericEquals', '0'))) {
        expect(result.decision).toBe('Allow')
      }
      for (const result of decideBoth({ ...BASE_REQUEST, context: { 'app:n': -0 } }, numeric('StringEquals', '0'))) {
        expect(result.decision).toBe('Allow') // C14: -0 is written "0"
      }
    })
    it('huge and tiny finite numbers compare exactly', () => {
      for (const result of decideBoth(
        { ...BASE_REQUEST, context: { 'app:n': Number.MAX_VALUE } },
        numeric('NumericGreaterThan', '1e307'),
      )) {
        expect(result.decision).toBe('Allow')
      }
      for (const result of decideBoth(
        { ...BASE_REQUEST, context: { 'app:n': Number.MAX_VALUE } },
        numeric('NumericGreaterThan', '1e309'),
      )) {
        expect(result.decision).toBe('ImplicitDeny')
      }
      for (const result of decideBoth({ ...BASE_REQUEST, context: { 'app:n': Number.MIN_VALUE } }, numeric('NumericGreaterThan', '0'))) {
        expect(result.decision).toBe('Allow')
      }
      // 2^53 + 2 is exact as a double; the policy's 2^53 + 1 lies between it and 2^53.
      for (const result of decideBoth(
        { ...BASE_REQUEST, context: { 'app:n': 2 ** 53 + 2 } },
        numeric('NumericGreaterThan', '9007199254740993'),
      )) {
        expect(result.decision).toBe('Allow')
      }
    })
  })
})

describe('contexts that are not plain objects (C1)', () => {
  const cases: [string, unknown][] = [
    ['null', null],
    ['a string', 'aws:PrincipalTag/blocked=true'],
    ['a number', 1],
    ['a boolean', true],
    ['an array', [['aws:PrincipalTag/blocked', 'true']]],
    ['a function', Object.assign(() => undefined, { 'aws:PrincipalTag/blocked': 'true' })],
    ['a symbol', Symbol('context')],
  ]
  it.each(cases)('%s is a deny naming the context', (_label, context) => {
    for (const result of decideBoth({ ...BASE_REQUEST, context })) expectRequestDenied(result, 'context')
  })

  // A Map's entries are not members: reading it as an object would drop them, and the Deny with
  // them (an Allow by accident). C1 requires a plain object.
  it.each([
    ['a Map', new Map([['aws:PrincipalTag/blocked', 'true']])],
    ['a Date', new Date(NOW)],
    [
      'a class instance',
      new (class Context {
        get ['aws:PrincipalTag/blocked'](): string {
          return 'true'
        }
      })(),
    ],
    ['an object inheriting its keys', Object.create({ 'aws:PrincipalTag/blocked': 'true' }) as object],
  ])('%s is a deny naming the context', (_label, context) => {
    for (const result of decideBoth({ ...BASE_REQUEST, context })) expectRequestDenied(result, 'context')
  })

  it('a null-prototype object is a plain object and is read', () => {
    const context = Object.assign(Object.create(null) as Record<string, string>, { 'aws:PrincipalTag/blocked': 'true' })
    for (const result of decideBoth({ ...BASE_REQUEST, context })) expect(result.decision).toBe('ExplicitDeny')
  })
})

describe('policies that cannot be read are refused with PolicyValidationError only', () => {
  function expectRefused(policies: unknown): void {
    const attempts: [string, () => unknown][] = [
      ['evaluate', () => evaluate(BASE_REQUEST, policies as PolicySet)],
      ['compile', () => compile(policies as PolicySet)],
    ]
    for (const [name, attempt] of attempts) {
      let thrown: unknown
      try {
        attempt()
      } catch (error) {
        thrown = error
      }
      expect(thrown, `${name} must throw`).toBeDefined()
      expect(thrown, `${name} threw ${String(thrown)}`).toBeInstanceOf(PolicyValidationError)
      expect((thrown as PolicyValidationError).issues.length).toBeGreaterThan(0)
    }
  }
  function expectParseRefused(policy: unknown): void {
    let thrown: unknown
    try {
      parsePolicy(policy)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(PolicyValidationError)
  }

  const statement = (): Record<string, unknown> => ({ Effect: 'Allow', Action: 's3:*', Resource: '*' })
  const hostilePolicies: [string, () => unknown][] = [
    ['a getter on Statement', () => withThrowingGetter({ Version: '2012-10-17' }, 'Statement')],
    ['a getter on Version', () => withThrowingGetter({ Statement: [statement()] }, 'Version')],
    ['a getter on a statement member', () => ({ Statement: [withThrowingGetter(statement(), 'Effect')] })],
    [
      'a getter on an array index',
      () => ({
        Statement: Object.defineProperty([], 0, {
          enumerable: true,
          get: () => {
            throw new Error('index')
          },
        }),
      }),
    ],
    [
      'a getter on a Condition key',
      () => ({ Statement: [{ ...statement(), Condition: { StringEquals: withThrowingGetter({}, 'aws:SourceVpc') } }] }),
    ],
    ['a getter throwing a poisoned value', () => withThrowingGetter({}, 'Statement', poisonedThrowable())],
    ['a Proxy whose get trap throws', () => throwingProxy({ Statement: [statement()] }, ['get'])],
    ['a Proxy whose ownKeys trap throws', () => throwingProxy({ Statement: [statement()] }, ['ownKeys'])],
    ['a Proxy whose getPrototypeOf trap throws', () => throwingProxy({ Statement: [statement()] }, ['getPrototypeOf'])],
    ['a Proxy whose getOwnPropertyDescriptor trap throws', () => throwingProxy({ Statement: [statement()] }, ['getOwnPropertyDescriptor'])],
    ['a statement Proxy whose get trap throws', () => ({ Statement: [throwingProxy(statement(), ['get'])] })],
    ['an array Proxy whose get trap throws', () => ({ Statement: throwingProxy([statement()], ['get']) })],
    ['a revoked Proxy', () => revokedProxy()],
    ['a revoked Proxy as a statement', () => ({ Statement: [revokedProxy()] })],
    [
      'a cycle',
      () => {
        const policy: Record<string, unknown> = { Statement: [] }
        ;(policy['Statement'] as unknown[]).push(policy)
        return policy
      },
    ],
    ['a function member', () => ({ Statement: [{ ...statement(), Action: () => 's3:*' }] })],
    ['a symbol member', () => ({ Statement: [{ ...statement(), Action: Symbol('s3:*') }] })],
    ['a symbol key', () => ({ Statement: [{ ...statement(), [Symbol('x')]: 1 }] })],
    ['a bigint', () => ({ Statement: [{ ...statement(), Condition: { NumericEquals: { 'app:n': 1n } } }] })],
    ['NaN', () => ({ Statement: [{ ...statement(), Condition: { NumericEquals: { 'app:n': Number.NaN } } }] })],
    ['Infinity', () => ({ Statement: [{ ...statement(), Condition: { NumericLessThan: { 'app:n': Number.POSITIVE_INFINITY } } }] })],
    ['undefined', () => ({ Statement: [{ ...statement(), Sid: undefined }] })],
    ['a sparse array', () => ({ Statement: [statement(), , statement()] })],
    ['a Date', () => ({ Statement: [{ ...statement(), Condition: { DateLessThan: { 'aws:CurrentTime': new Date(NOW) } } }] })],
    [
      'a class instance',
      () =>
        new (class Policy {
          Statement = [statement()]
        })(),
    ],
    ['a Map', () => new Map([['Statement', [statement()]]])],
    ['an object with toJSON (never called)', () => ({ toJSON: () => ({ Statement: [statement()] }) })],
    // Skipping it would drop the condition and widen the Allow to every request.
    [
      'a non-enumerable Condition',
      () => ({
        Statement: [
          Object.defineProperty(statement(), 'Condition', { value: { Bool: { 'aws:SecureTransport': 'true' } }, enumerable: false }),
        ],
      }),
    ],
    ['a number', () => 42],
    ['null', () => null],
    ['a symbol', () => Symbol('policy')],
    ['a function', () => () => allowS3()],
  ]

  it.each(hostilePolicies)('%s in an identity slot', (_label, make) => {
    expectRefused({ identity: [make()] })
  })
  it.each(hostilePolicies)('%s as the resource policy', (_label, make) => {
    expectRefused({ resource: make() })
  })
  it.each(hostilePolicies.filter(([label]) => !['a number', 'null', 'a symbol', 'a function'].includes(label)))(
    '%s into parsePolicy',
    (_label, make) => {
      expectParseRefused(make())
    },
  )
  it.each([
    ['a number', 42],
    ['null', null],
    ['a symbol', Symbol('p')],
    ['a function', () => undefined],
    ['undefined', undefined],
  ])('%s into parsePolicy', (_label, value) => {
    expectParseRefused(value)
  })

  it.each([
    ['a Proxy set whose ownKeys trap throws', () => throwingProxy({ identity: [allowS3()] }, ['ownKeys'])],
    ['a Proxy set whose get trap throws', () => throwingProxy({ identity: [allowS3()] }, ['get'])],
    ['a revoked Proxy set', () => revokedProxy()],
    ['a getter on the identity slot', () => withThrowingGetter({}, 'identity')],
    ['a getter on the scps slot', () => withThrowingGetter({}, 'scps')],
    ['an identity list Proxy whose get trap throws', () => ({ identity: throwingProxy([allowS3()], ['get']) })],
    ['an SCP level that is a revoked Proxy', () => ({ scps: [revokedProxy()] })],
    [
      'an SCP levels getter that flips between array and not',
      () => {
        let reads = 0
        return {
          scps: new Proxy([[allowS3()]], {
            get: (target, key, receiver) => (key === '0' && ++reads > 1 ? 'not a level' : (Reflect.get(target, key, receiver) as unknown)),
          }),
        }
      },
    ],
    ['an unknown slot', () => ({ identity: [allowS3()], Identity: [allowS3()] })],
    ['a set that is a string', () => 'identity'],
    ['a set that is null', () => null],
    ['a set that is an array', () => [allowS3()]],
    ['a slot that is a number', () => ({ identity: 42 })],
  ])('%s', (_label, make) => {
    expectRefused(make())
  })

  it('a policy member read by a getter is read once per call, and what is read is what is compiled', () => {
    let reads = 0
    const policy = {
      Version: '2012-10-17',
      get Statement(): unknown {
        reads += 1
        // Allow on the first read of a call; a Deny if anything reads again.
        return reads % 2 === 1 ? [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] : [{ Effect: 'Deny', Action: '*', Resource: '*' }]
      },
    }
    Object.defineProperty(policy, 'Statement', { enumerable: true })
    reads = 0
    expect(evaluate(BASE_REQUEST, { identity: [policy] }).decision).toBe('Allow')
    expect(reads).toBe(1)
    reads = 0
    expect(compile({ identity: [policy] }).evaluate(BASE_REQUEST).decision).toBe('Allow')
    expect(reads).toBe(1)
  })
})

describe('no stale cache: a changed policy object is honoured on the next call', () => {
  it('adding a Deny statement to a shared plain object between two evaluate calls', () => {
    const shared = allowS3()
    const policies = { identity: [shared] }
    expect(evaluate(BASE_REQUEST, policies).decision).toBe('Allow')
    shared.Statement.push({ Sid: 'Now', Effect: 'Deny', Action: 's3:GetObject', Resource: '*' })
    const second = evaluate(BASE_REQUEST, policies)
    expect(second.decision).toBe('ExplicitDeny')
    expect(second.decisiveStatements[0]?.sid).toBe('Now')
  })

  it('changing a value deep inside (Effect, an action, a condition value) in place', () => {
    const shared = guardedPolicy()
    const policies: PolicySet = { identity: [shared] }
    const request = { ...BASE_REQUEST, context: { 'aws:PrincipalTag/blocked': 'yes' } }
    expect(evaluate(request, policies).decision).toBe('Allow')
    const deny = shared.Statement[1] as { Condition: { StringEquals: Record<string, string> } }
    deny.Condition.StringEquals['aws:PrincipalTag/blocked'] = 'yes'
    expect(evaluate(request, policies).decision).toBe('ExplicitDeny')
    ;(shared.Statement[0] as Record<string, unknown>)['Action'] = 'ec2:*'
    deny.Condition.StringEquals['aws:PrincipalTag/blocked'] = 'no'
    expect(evaluate(request, policies).decision).toBe('ImplicitDeny')
    ;(shared.Statement[0] as Record<string, unknown>)['Action'] = 's3:GetObject'
    expect(evaluate(request, policies).decision).toBe('Allow')
    ;(shared.Statement[0] as Record<string, unknown>)['Effect'] = 'Deny'
    expect(evaluate(request, policies).decision).toBe('ExplicitDeny')
  })

  it('replacing and removing slots of a shared policy set object', () => {
    const policies: { identity?: unknown[]; permissionsBoundary?: unknown; scps?: unknown[][] } = { identity: [allowS3()] }
    expect(evaluate(BASE_REQUEST, policies as PolicySet).decision).toBe('Allow')
    policies.permissionsBoundary = { Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] }
    expect(evaluate(BASE_REQUEST, policies as PolicySet).decision).toBe('ImplicitDeny')
    delete policies.permissionsBoundary
    policies.scps = [[]]
    expect(evaluate(BASE_REQUEST, policies as PolicySet).decision).toBe('ImplicitDeny')
    policies.scps = [[{ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }]]
    expect(evaluate(BASE_REQUEST, policies as PolicySet).decision).toBe('Allow')
    ;(policies.identity as unknown[]).length = 0
    expect(evaluate(BASE_REQUEST, policies as PolicySet).decision).toBe('ImplicitDeny')
  })

  it('the same object used alternately as a valid and an invalid policy', () => {
    const shared = allowS3()
    const policies = { identity: [shared] }
    for (let round = 0; round < 3; round++) {
      ;(shared.Statement[0] as Record<string, unknown>)['Effect'] = 'allow' // invalid: Effect is case-sensitive
      expect(() => evaluate(BASE_REQUEST, policies)).toThrow(PolicyValidationError)
      ;(shared.Statement[0] as Record<string, unknown>)['Effect'] = 'Allow'
      expect(evaluate(BASE_REQUEST, policies).decision).toBe('Allow')
    }
  })

  it('the same JSON text as two kinds is validated per kind', () => {
    const text = JSON.stringify(allowS3())
    expect(evaluate(BASE_REQUEST, { identity: [text] }).decision).toBe('Allow')
    // A resource policy needs a Principal: the cached identity compilation must not be reused.
    expect(() => evaluate(BASE_REQUEST, { resource: text })).toThrow(PolicyValidationError)
    expect(evaluate(BASE_REQUEST, { identity: [text] }).decision).toBe('Allow')
  })
})

describe('a compiled authorizer', () => {
  it('is frozen, and so is its evaluate', () => {
    const authorizer = compile({ identity: [allowS3()] })
    expect(Object.isFrozen(authorizer)).toBe(true)
    expect(Object.isFrozen(compile({}))).toBe(true)
    expect(() => {
      ;(authorizer as { evaluate: unknown }).evaluate = () => ({ decision: 'Allow' })
    }).toThrow(TypeError)
    expect(authorizer.evaluate({ ...BASE_REQUEST, action: 'ec2:RunInstances' }).decision).toBe('ImplicitDeny')
  })

  it('is unaffected by later changes to its source objects', () => {
    const source = guardedPolicy()
    const policies: { identity: unknown[]; permissionsBoundary?: unknown } = { identity: [source] }
    const authorizer = compile(policies as PolicySet)
    source.Statement.push({ Effect: 'Deny', Action: '*', Resource: '*' })
    ;(source.Statement[0] as Record<string, unknown>)['Action'] = 'ec2:*'
    ;(source.Statement[1] as Record<string, unknown>)['Effect'] = 'Allow'
    policies.identity.push({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] })
    policies.permissionsBoundary = { Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] }
    expect(authorizer.evaluate(BASE_REQUEST).decision).toBe('Allow')
    expect(authorizer.evaluate({ ...BASE_REQUEST, context: { 'aws:PrincipalTag/blocked': 'true' } }).decision).toBe('ExplicitDeny')
  })

  it('is unaffected by changes to the compile options object', () => {
    const options = { limits: { requestFieldLength: 100_000 }, deriveContextKeys: true }
    const authorizer = compile({ identity: [allowS3()] }, options)
    options.limits.requestFieldLength = 1
    options.deriveContextKeys = false
    expect(authorizer.evaluate(BASE_REQUEST).decision).toBe('Allow')
  })

  it('keeps deciding correctly after it denied hostile requests', () => {
    const authorizer = compile({ identity: [guardedPolicy()] })
    const hostile: unknown[] = [
      null,
      revokedProxy(),
      withThrowingGetter(BASE_REQUEST, 'action'),
      { ...BASE_REQUEST, context: { x: Number.NaN } },
    ]
    for (const request of hostile) expect(authorizer.evaluate(request as AuthorizationRequest).decision).toBe('ImplicitDeny')
    expect(authorizer.evaluate(BASE_REQUEST).decision).toBe('Allow')
    expect(authorizer.evaluate({ ...BASE_REQUEST, context: { 'aws:PrincipalTag/blocked': 'true' } }).decision).toBe('ExplicitDeny')
  })
})

describe('results cannot poison later decisions', () => {
  function vandalize(value: unknown, depth = 0): void {
    if (typeof value !== 'object' || value === null || depth > 6) return
    for (const key of Reflect.ownKeys(value)) {
      const member = (value as Record<PropertyKey, unknown>)[key]
      vandalize(member, depth + 1)
      try {
        ;(value as Record<PropertyKey, unknown>)[key] = key === 'decision' ? 'Allow' : key === 'allowed' ? true : 'vandalized'
      } catch {
        // frozen: as it should be
      }
    }
    try {
      if (Array.isArray(value)) value.push('vandalized')
    } catch {
      // frozen
    }
  }

  it.each([
    ['an Allow', BASE_REQUEST, {}],
    ['an ExplicitDeny', { ...BASE_REQUEST, context: { 'aws:PrincipalTag/blocked': 'true' } }, {}],
    ['an ImplicitDeny', { ...BASE_REQUEST, action: 'ec2:RunInstances' }, {}],
    ['a request problem', { ...BASE_REQUEST, principal: 42 }, {}],
    ['an explained Allow', BASE_REQUEST, { explain: true }],
    ['an explained ExplicitDeny', { ...BASE_REQUEST, context: { 'aws:PrincipalTag/blocked': 'true' } }, { explain: true }],
  ])('vandalizing %s result changes nothing later', (_label, request, options) => {
    const policies = { identity: [guardedPolicy()] }
    const authorizer = compile(policies)
    const first = evaluate(request as AuthorizationRequest, policies, { ...options, now: NOW })
    const expected = structuredClone(first)
    vandalize(first)
    expect(evaluate(request as AuthorizationRequest, policies, { ...options, now: NOW })).toStrictEqual(expected)
    const compiled = authorizer.evaluate(request as AuthorizationRequest, { ...options, now: NOW })
    const compiledExpected = structuredClone(compiled)
    vandalize(compiled)
    expect(authorizer.evaluate(request as AuthorizationRequest, { ...options, now: NOW })).toStrictEqual(compiledExpected)
  })
})

describe('a parsed policy', () => {
  it('is deeply frozen', () => {
    const parsed = parsePolicy(guardedPolicy())
    const walk = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return
      expect(Object.isFrozen(value)).toBe(true)
      for (const member of Object.values(value)) walk(member)
    }
    walk(parsed)
  })

  it('cannot be changed to change a decision', () => {
    const parsed = parsePolicy({ Statement: [denyWhenBlocked(), { Effect: 'Allow', Action: 's3:*', Resource: OBJECT }] })
    expect(() => {
      ;(parsed.statements[0] as { effect: string }).effect = 'Allow'
    }).toThrow(TypeError)
    expect(evaluate({ ...BASE_REQUEST, context: { 'aws:PrincipalTag/blocked': 'true' } }, { identity: [parsed] }).decision).toBe(
      'ExplicitDeny',
    )
  })
})

/**
 * No prototype pollution (SECURITY.md, "Guarantees"): `__proto__`, `constructor` and `prototype`
 * as context keys, tag names, condition keys, policy-variable keys, principal map keys, Sids,
 * actions, resources and JSON members never touch a built-in prototype, never change the outcome of
 * another evaluation, and are decided like any other name (a condition on `__proto__` matches a
 * context key `__proto__`). After every test the built-in prototypes have exactly their own
 * members and `({}).polluted` is `undefined`.
 *
 * The last block goes the other way: a process whose `Object.prototype` was polluted by someone
 * else must not have that pollution read as request members or policy elements.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compile, evaluate, parsePolicy, PolicyValidationError, validatePolicy } from '../../src/index.js'
import type { AuthorizationRequest, PolicySet } from '../../src/index.js'
import { lintPolicy } from '../../src/lint/index.js'
import { ACCOUNT, ALICE, allowS3, BASE_REQUEST, expectPrototypesClean, NOW, OBJECT, prototypeSnapshot } from './support.js'

const DANGEROUS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__lookupGetter__',
] as const

let before: Map<string, string[]>
beforeEach(() => {
  before = prototypeSnapshot()
})
afterEach(() => {
  expectPrototypesClean(before)
})

/** A context object holding `key` as an own data member, the way JSON.parse would make it. */
function contextWith(key: string, value: unknown): Record<string, unknown> {
  const context: Record<string, unknown> = {}
  Object.defineProperty(context, key, { value, enumerable: true, writable: true, configurable: true })
  return context
}

/** The same, from JSON text (`JSON.parse` makes `__proto__` an own member). */
function contextFromJson(key: string, value: unknown): Record<string, unknown> {
  return JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`) as Record<string, unknown>
}

function conditionPolicy(operator: string, key: string, value: unknown, effect: 'Allow' | 'Deny' = 'Allow'): Record<string, unknown> {
  const statement: Record<string, unknown> = {
    Effect: effect,
    Action: 's3:*',
    Resource: '*',
    Condition: { [operator]: contextWith(key, value) },
  }
  return {
    Version: '2012-10-17',
    Statement: effect === 'Allow' ? [statement] : [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }, statement],
  }
}

function decide(request: unknown, policies: PolicySet): string {
  const viaEvaluate = evaluate(request as AuthorizationRequest, policies, { now: NOW }).decision
  const viaCompile = compile(policies).evaluate(request as AuthorizationRequest, { now: NOW }).decision
  expect(viaCompile).toBe(viaEvaluate)
  return viaEvaluate
}

describe('dangerous names as context keys', () => {
  it.each(DANGEROUS)('%s is an ordinary key: a condition on it matches the key, and only the key', (key) => {
    const policies = { identity: [conditionPolicy('StringEquals', key, 'yes')] }
    for (const make of [contextWith, contextFromJson]) {
      expect(decide({ ...BASE_REQUEST, context: make(key, 'yes') }, policies)).toBe('Allow')
      expect(decide({ ...BASE_REQUEST, context: make(key, 'no') }, policies)).toBe('ImplicitDeny')
    }
    // Absent: an empty context, and a context with other keys, must not find an inherited member.
    expect(decide({ ...BASE_REQUEST, context: {} }, policies)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, context: { other: 'yes' } }, policies)).toBe('ImplicitDeny')
    expect(decide(BASE_REQUEST, policies)).toBe('ImplicitDeny')
  })

  it.each(DANGEROUS)('%s is absent for Null and IfExists unless supplied', (key) => {
    const isAbsent = { identity: [conditionPolicy('Null', key, 'true')] }
    expect(decide({ ...BASE_REQUEST, context: {} }, isAbsent)).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: contextWith(key, 'x') }, isAbsent)).toBe('ImplicitDeny')
    const denyIfPresent = { identity: [conditionPolicy('StringEqualsIfExists', key, 'nothing-matches', 'Deny')] }
    expect(decide({ ...BASE_REQUEST, context: {} }, denyIfPresent)).toBe('ExplicitDeny') // IfExists on an absent key: true
    expect(decide({ ...BASE_REQUEST, context: contextWith(key, 'x') }, denyIfPresent)).toBe('Allow')
  })

  it.each(DANGEROUS)('%s in any letter case is the same key (R78)', (key) => {
    const policies = { identity: [conditionPolicy('StringEquals', key.toUpperCase(), 'yes')] }
    expect(decide({ ...BASE_REQUEST, context: contextWith(key, 'yes') }, policies)).toBe('Allow')
  })

  it.each(DANGEROUS)('%s as a tag name (aws:PrincipalTag/%s) is an ordinary key', (name) => {
    const key = `aws:PrincipalTag/${name}`
    const policies = { identity: [conditionPolicy('StringEquals', key, 'admin')] }
    expect(decide({ ...BASE_REQUEST, context: contextWith(key, 'admin') }, policies)).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: { 'aws:PrincipalTag/other': 'admin' } }, policies)).toBe('ImplicitDeny')
  })

  it.each(DANGEROUS)('%s as a multivalued key under ForAnyValue and ForAllValues', (key) => {
    const any = { identity: [conditionPolicy('ForAnyValue:StringEquals', key, ['a', 'b'])] }
    const all = { identity: [conditionPolicy('ForAllValues:StringEquals', key, ['a', 'b'])] }
    expect(decide({ ...BASE_REQUEST, context: contextWith(key, ['b', 'z']) }, any)).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: contextWith(key, ['b', 'z']) }, all)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, context: contextWith(key, ['a', 'b']) }, all)).toBe('Allow')
  })

  it.each(DANGEROUS)('%s as a policy variable resolves from the context only', (key) => {
    const policies = {
      identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: `arn:aws:s3:::bucket/\${${key}}` }] }],
    }
    expect(decide({ ...BASE_REQUEST, resource: 'arn:aws:s3:::bucket/v', context: contextWith(key, 'v') }, policies)).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, resource: 'arn:aws:s3:::bucket/v' }, policies)).toBe('ImplicitDeny')
    // An inherited member's text (e.g. "[object Object]" or a function's source) is never substituted.
    expect(decide({ ...BASE_REQUEST, resource: 'arn:aws:s3:::bucket/[object Object]' }, policies)).toBe('ImplicitDeny')
    expect(decide({ ...BASE_REQUEST, resource: `arn:aws:s3:::bucket/${String(({} as Record<string, unknown>)[key])}` }, policies)).toBe(
      'ImplicitDeny',
    )
  })

  it('a context polluted through one request does not leak into the next', () => {
    const policies = { identity: [conditionPolicy('StringEquals', 'isAdmin', 'true')] }
    const attack = JSON.parse('{"__proto__": {"isAdmin": "true"}, "constructor": {"prototype": {"isAdmin": "true"}}}') as Record<
      string,
      unknown
    >
    expect(decide({ ...BASE_REQUEST, context: attack }, policies)).toBe('ImplicitDeny') // a list of objects is no value at all
    expect(decide({ ...BASE_REQUEST, context: {} }, policies)).toBe('ImplicitDeny')
    expect(decide(BASE_REQUEST, policies)).toBe('ImplicitDeny')
  })
})

describe('dangerous names inside policies', () => {
  it('JSON text with "__proto__" members parses them as own members, never as prototypes', () => {
    const text = `{
      "Version": "2012-10-17",
      "__proto__": { "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }] },
      "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "${OBJECT}" }]
    }`
    const result = validatePolicy(text)
    expect(result.valid).toBe(false) // __proto__ is not an element of a policy
    expect(result.errors.some((issue) => issue.path === '/__proto__')).toBe(true)
    expect(() => evaluate(BASE_REQUEST, { identity: [text] })).toThrow(PolicyValidationError)
  })

  it.each(['__proto__', 'constructor', 'prototype'])('"%s" as a statement member is an unknown element', (member) => {
    const text = `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "${member}": {"Effect": "Deny"}}]}`
    const result = validatePolicy(text)
    expect(result.valid).toBe(false)
    expect(result.errors.map((issue) => issue.path)).toContain(`/Statement/0/${member}`)
    expect(lintPolicy(text).some((finding) => finding.severity === 'error')).toBe(true)
  })

  it('a statement that inherits its elements from a polluting "__proto__" member is not valid', () => {
    // Parsed with JSON.parse, {"__proto__": {...}} is an own member; built with an object literal it would be the prototype.
    const text = '{"Statement": {"__proto__": {"Effect": "Allow", "Action": "*", "Resource": "*"}}}'
    expect(validatePolicy(text).valid).toBe(false)
    expect(() => evaluate(BASE_REQUEST, { identity: [text] })).toThrow(PolicyValidationError)
    const value = JSON.parse(text) as unknown
    expect(validatePolicy(value).valid).toBe(false)
    const literal = { Statement: { __proto__: { Effect: 'Allow', Action: '*', Resource: '*' } } }
    expect(validatePolicy(literal).valid).toBe(false) // a statement with inherited members only has no members
  })

  it.each(['__proto__', 'constructor', 'prototype', 'hasOwnProperty'])(
    '"%s" as a principal map key is an invalid principal type',
    (key) => {
      const text = `{"Statement": [{"Effect": "Allow", "Principal": {"${key}": "*"}, "Action": "s3:*", "Resource": "*"}]}`
      expect(validatePolicy(text, { kind: 'resource' }).valid).toBe(false)
      const value = JSON.parse(text) as unknown
      expect(validatePolicy(value, { kind: 'resource' }).valid).toBe(false)
      expect(() => evaluate(BASE_REQUEST, { resource: text })).toThrow(PolicyValidationError)
    },
  )

  it.each(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'])(
    '"%s" as an operator name is an unknown operator',
    (operator) => {
      const text = `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"${operator}": {"k": "v"}}}]}`
      const result = validatePolicy(text)
      expect(result.valid).toBe(false)
      expect(result.errors.map((issue) => issue.code)).toContain('unknown-operator')
      const qualified = text.replace(`"${operator}"`, `"ForAnyValue:${operator}"`)
      expect(validatePolicy(qualified).valid).toBe(false)
      const ifExists = text.replace(`"${operator}"`, `"${operator}IfExists"`)
      expect(validatePolicy(ifExists).valid).toBe(false)
    },
  )

  it.each(DANGEROUS)('"%s" as a condition key in JSON text matches the context key of that name', (key) => {
    const text = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"${key}": "yes"}}}]}`
    expect(decide({ ...BASE_REQUEST, context: contextFromJson(key, 'yes') }, { identity: [text] })).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, context: {} }, { identity: [text] })).toBe('ImplicitDeny')
    const parsed = parsePolicy(text)
    expect(parsed.statements[0]?.conditions[0]?.key).toBe(key)
  })

  it.each(DANGEROUS)('"%s" as a Sid, an action and a resource is plain text', (name) => {
    const policy = { Statement: [{ Sid: name, Effect: 'Allow', Action: `s3:${name}`, Resource: `arn:aws:s3:::${name}` }] }
    const result = evaluate({ ...BASE_REQUEST, action: `s3:${name}`, resource: `arn:aws:s3:::${name}` }, { identity: [policy] })
    expect(result.decision).toBe('Allow')
    expect(result.decisiveStatements[0]?.sid).toBe(name)
    expect(decide({ ...BASE_REQUEST, action: 's3:GetObject' }, { identity: [policy] })).toBe('ImplicitDeny')
    // Actions are looked up in per-action memos: the name must not find a built-in there.
    expect(decide({ ...BASE_REQUEST, action: name }, { identity: [allowS3()] })).toBe('ImplicitDeny')
    expect(
      decide(
        { ...BASE_REQUEST, action: name.toUpperCase() },
        { identity: [{ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }] },
      ),
    ).toBe('Allow')
  })

  it('"__proto__" as a policy-set slot and as a slot inside a JSON-parsed set is refused', () => {
    const set = JSON.parse(`{"__proto__": {"identity": [${JSON.stringify(JSON.stringify(allowS3()))}]}}`) as PolicySet
    expect(() => evaluate(BASE_REQUEST, set)).toThrow(PolicyValidationError)
    expect(() => compile(set)).toThrow(PolicyValidationError)
  })

  it('a set whose prototype carries slots is decided on its own slots only', () => {
    const inherited = Object.create({ identity: [allowS3()] }) as PolicySet
    expect(decide(BASE_REQUEST, inherited)).toBe('ImplicitDeny')
  })

  it('the per-call API keeps deciding correctly for ordinary names after dangerous ones', () => {
    const policies = { identity: [allowS3()] }
    for (const name of DANGEROUS) {
      evaluate({ ...BASE_REQUEST, action: name, context: contextWith(name, name) } as AuthorizationRequest, policies)
      evaluate({ ...BASE_REQUEST, resource: name, context: contextFromJson(name, [name]) } as AuthorizationRequest, policies)
    }
    expect(decide(BASE_REQUEST, policies)).toBe('Allow')
    expect(decide({ ...BASE_REQUEST, action: 'ec2:RunInstances' }, policies)).toBe('ImplicitDeny')
  })
})

describe('a process whose Object.prototype is already polluted', () => {
  // Someone else's bug polluted the prototype; our decisions must read own members only. Each test
  // removes what it added before the prototype check of afterEach runs.
  function withPollution(member: string, value: unknown, run: () => void): void {
    Object.defineProperty(Object.prototype, member, { value, configurable: true, writable: true, enumerable: false })
    try {
      run()
    } finally {
      delete (Object.prototype as Record<string, unknown>)[member]
    }
  }

  const crossAccount = { principal: `arn:aws:iam::444455556666:user/mallory`, action: 's3:GetObject', resource: OBJECT }

  it('an inherited resourceAccount does not make a cross-account request same-account', () => {
    const policies = { identity: [allowS3()] }
    const expected = decide(crossAccount, policies)
    expect(expected).toBe('Allow') // S3 ARNs carry no account: R6 takes the caller's, so this is same-account
    const withOwner = { ...crossAccount, resourceAccount: ACCOUNT }
    expect(decide(withOwner, policies)).toBe('ImplicitDeny')
    withPollution('resourceAccount', '444455556666', () => {
      const request = { principal: crossAccount.principal, action: 's3:GetObject', resource: `arn:aws:s3:us-east-1:${ACCOUNT}:thing` }
      expect(decide(request, policies)).toBe('ImplicitDeny')
    })
  })

  it('an inherited context is not the request context', () => {
    const policies = {
      identity: [
        {
          Statement: [
            { Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'admins' } } },
          ],
        },
      ],
    }
    withPollution('context', { 'aws:PrincipalTag/team': 'admins' }, () => {
      expect(decide(BASE_REQUEST, policies)).toBe('ImplicitDeny')
    })
  })

  it('an inherited Condition does not attach itself to statements without one', () => {
    const policies = {
      identity: [
        {
          Statement: [
            { Effect: 'Allow', Action: 's3:*', Resource: '*' },
            { Effect: 'Deny', Action: '*', Resource: '*' },
          ],
        },
      ],
    }
    withPollution('Condition', { StringEquals: { 'app:never': 'x' } }, () => {
      expect(decide(BASE_REQUEST, policies)).toBe('ExplicitDeny')
      expect(decide(BASE_REQUEST, { identity: [JSON.stringify(policies.identity[0])] })).toBe('ExplicitDeny')
    })
  })

  it('an inherited Principal, NotResource or Sid changes nothing', () => {
    const policies = { identity: [{ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }] }
    for (const [member, value] of [
      ['Principal', { AWS: '*' }],
      ['NotResource', ['*']],
      ['NotAction', ['*']],
      ['Sid', 'Inherited'],
      ['Version', '2008-10-17'],
    ] as const) {
      withPollution(member, value, () => {
        const result = evaluate(BASE_REQUEST, policies, { now: NOW })
        expect(result.decision, member).toBe('Allow')
        expect(result.decisiveStatements[0]?.sid, member).toBeUndefined()
      })
    }
  })

  it('an inherited slot is not a policy', () => {
    withPollution('permissionsBoundary', { Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] }, () => {
      expect(decide(BASE_REQUEST, { identity: [allowS3()] })).toBe('Allow')
    })
  })

  it('the caller is still who the request says', () => {
    withPollution('principal', ALICE, () => {
      expect(evaluate({ action: 's3:GetObject', resource: OBJECT } as AuthorizationRequest, { identity: [allowS3()] }).decision).toBe(
        'ImplicitDeny',
      )
    })
  })
})

/**
 * Unicode (spec R86, A26; SECURITY.md, "Guarantees"): case-insensitive matching lower-cases with
 * `toLowerCase`, which is locale-independent: the same decision on a Turkish or German machine as
 * anywhere else. Checked for action names, condition key names (including `İ`, whose lower-case
 * form is two code units: see `keysOfInterest` in src/conditions/context.ts) and
 * StringEqualsIgnoreCase values, with Turkish dotted and dotless i (`İ` U+0130, `ı` U+0131),
 * German sharp s (`ß`, capital `ẞ` U+1E9E, and `SS`), and combining characters (`e` + U+0301 is
 * not `é`: no normalization). A last block proves no locale-dependent string method is called.
 */
import { describe, expect, it } from 'vitest'
import { compile, evaluate, parsePolicy } from '../../src/index.js'
import type { AuthorizationRequest, PolicySet } from '../../src/index.js'
import { BASE_REQUEST, NOW } from './support.js'

const DOTTED_CAPITAL_I = '\u0130' // İ; toLowerCase gives 'i' + U+0307
const DOTLESS_I = '\u0131' // ı; its own lower case
const COMBINING_DOT = '\u0307'
const SHARP_S = '\u00df' // ß
const CAPITAL_SHARP_S = '\u1e9e' // ẞ; toLowerCase gives ß
const E_ACUTE = '\u00e9' // é, precomposed
const CAPITAL_E_ACUTE = '\u00c9' // É
const COMBINING_ACUTE = '\u0301'
const KELVIN = '\u212a' // K (Kelvin sign); toLowerCase gives 'k'

function decide(request: unknown, policies: PolicySet): string {
  const viaEvaluate = evaluate(request as AuthorizationRequest, policies, { now: NOW }).decision
  const viaCompile = compile(policies).evaluate(request as AuthorizationRequest, { now: NOW }).decision
  expect(viaCompile).toBe(viaEvaluate)
  return viaEvaluate
}

function allowAction(action: string): PolicySet {
  return { identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] }] }
}

function allowWhen(operator: string, key: string, value: unknown): PolicySet {
  return {
    identity: [
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { [operator]: { [key]: value } } }],
      },
    ],
  }
}

function action(name: string): unknown {
  return { ...BASE_REQUEST, action: name }
}

function context(values: Record<string, unknown>): unknown {
  return { ...BASE_REQUEST, context: values }
}

describe('the lower-casing itself (what the rules below rest on)', () => {
  it('is the locale-independent Unicode mapping', () => {
    expect(DOTTED_CAPITAL_I.toLowerCase()).toBe(`i${COMBINING_DOT}`)
    expect('I'.toLowerCase()).toBe('i')
    expect(DOTLESS_I.toLowerCase()).toBe(DOTLESS_I)
    expect(CAPITAL_SHARP_S.toLowerCase()).toBe(SHARP_S)
    expect('SS'.toLowerCase()).toBe('ss')
    expect(`e${COMBINING_ACUTE}`).not.toBe(E_ACUTE)
  })
})

describe('action names are case-insensitive, locale-independently (R58, R86)', () => {
  it('ASCII case is ignored', () => {
    expect(decide(action('S3:GETOBJECT'), allowAction('s3:getobject'))).toBe('Allow')
    expect(decide(action('s3:getobject'), allowAction('S3:GetObject'))).toBe('Allow')
  })

  it(`Turkish: 'I' lower-cases to 'i' (not dotless), '${DOTTED_CAPITAL_I}' to 'i' + U+0307`, () => {
    expect(decide(action('svc:index'), allowAction('svc:INDEX'))).toBe('Allow')
    expect(decide(action(`svc:${DOTLESS_I}ndex`), allowAction('svc:INDEX'))).toBe('ImplicitDeny')
    expect(decide(action(`svc:${DOTTED_CAPITAL_I}NDEX`), allowAction(`svc:${DOTTED_CAPITAL_I}ndex`))).toBe('Allow')
    expect(decide(action(`svc:i${COMBINING_DOT}ndex`), allowAction(`svc:${DOTTED_CAPITAL_I}ndex`))).toBe('Allow')
    expect(decide(action(`svc:${DOTTED_CAPITAL_I}ndex`), allowAction(`svc:i${COMBINING_DOT}ndex`))).toBe('Allow')
    expect(decide(action('svc:index'), allowAction(`svc:${DOTTED_CAPITAL_I}ndex`))).toBe('ImplicitDeny')
    expect(decide(action(`svc:${DOTTED_CAPITAL_I}ndex`), allowAction('svc:index'))).toBe('ImplicitDeny')
    expect(decide(action(`svc:${DOTLESS_I}ndex`), allowAction('svc:index'))).toBe('ImplicitDeny')
    expect(decide(action(`svc:${DOTLESS_I}ndex`), allowAction(`svc:${DOTLESS_I.toUpperCase()}NDEX`))).toBe('ImplicitDeny') // ı upper-cases to I, which lower-cases to i
  })

  it(`German: '${SHARP_S}' is not 'SS', but '${CAPITAL_SHARP_S}' is '${SHARP_S}'`, () => {
    expect(decide(action('svc:STRASSE'), allowAction(`svc:Stra${SHARP_S}e`))).toBe('ImplicitDeny')
    expect(decide(action(`svc:Stra${SHARP_S}e`), allowAction('svc:STRASSE'))).toBe('ImplicitDeny')
    expect(decide(action(`svc:STRA${CAPITAL_SHARP_S}E`), allowAction(`svc:stra${SHARP_S}e`))).toBe('Allow')
    expect(decide(action(`svc:stra${SHARP_S}e`), allowAction(`svc:STRA${CAPITAL_SHARP_S}E`))).toBe('Allow')
  })

  it('combining characters are not normalized', () => {
    expect(decide(action(`svc:caf${E_ACUTE}`), allowAction(`svc:caf${E_ACUTE}`))).toBe('Allow')
    expect(decide(action(`svc:CAF${CAPITAL_E_ACUTE}`), allowAction(`svc:caf${E_ACUTE}`))).toBe('Allow')
    expect(decide(action(`svc:cafe${COMBINING_ACUTE}`), allowAction(`svc:caf${E_ACUTE}`))).toBe('ImplicitDeny')
    expect(decide(action(`svc:caf${E_ACUTE}`), allowAction(`svc:cafe${COMBINING_ACUTE}`))).toBe('ImplicitDeny')
    expect(decide(action(`svc:CAFE${COMBINING_ACUTE}`), allowAction(`svc:cafe${COMBINING_ACUTE}`))).toBe('Allow')
  })

  it('wildcards compare lower-cased forms', () => {
    expect(decide(action(`svc:${DOTTED_CAPITAL_I}ndexAll`), allowAction(`svc:${DOTTED_CAPITAL_I}ndex*`))).toBe('Allow')
    expect(decide(action('svc:IndexAll'), allowAction(`svc:${DOTTED_CAPITAL_I}ndex*`))).toBe('ImplicitDeny')
    expect(decide(action(`svc:Stra${CAPITAL_SHARP_S}eNord`), allowAction(`svc:*${SHARP_S}e*`))).toBe('Allow')
  })

  it('the Kelvin sign lower-cases to k (Unicode mapping, as R86 chose)', () => {
    expect(decide(action(`svc:${KELVIN}ey`), allowAction('svc:key'))).toBe('Allow')
  })

  it('the per-action memo keeps spellings that lower-case differently apart', () => {
    const policies = allowAction(`svc:${DOTTED_CAPITAL_I}ndex`)
    const authorizer = compile(policies)
    for (let round = 0; round < 3; round++) {
      expect(authorizer.evaluate(action(`svc:${DOTTED_CAPITAL_I}ndex`) as AuthorizationRequest).decision).toBe('Allow')
      expect(authorizer.evaluate(action('svc:Index') as AuthorizationRequest).decision).toBe('ImplicitDeny')
      expect(authorizer.evaluate(action(`svc:${DOTLESS_I}ndex`) as AuthorizationRequest).decision).toBe('ImplicitDeny')
    }
  })
})

describe('condition key names are case-insensitive, locale-independently (R78)', () => {
  it(`a policy key with '${DOTTED_CAPITAL_I}' finds the context key in every spelling of its lower case`, () => {
    const policies = allowWhen('StringEquals', `app:${DOTTED_CAPITAL_I}d`, 'x')
    expect(decide(context({ [`app:${DOTTED_CAPITAL_I}d`]: 'x' }), policies)).toBe('Allow')
    expect(decide(context({ [`APP:${DOTTED_CAPITAL_I}D`]: 'x' }), policies)).toBe('Allow')
    expect(decide(context({ [`app:i${COMBINING_DOT}d`]: 'x' }), policies)).toBe('Allow')
    expect(decide(context({ [`APP:I${COMBINING_DOT}D`]: 'x' }), policies)).toBe('Allow')
    expect(decide(context({ 'app:id': 'x' }), policies)).toBe('ImplicitDeny')
    expect(decide(context({ 'app:ID': 'x' }), policies)).toBe('ImplicitDeny')
    expect(decide(context({ [`app:${DOTLESS_I}d`]: 'x' }), policies)).toBe('ImplicitDeny')
  })

  it(`a context key with '${DOTTED_CAPITAL_I}' (one code unit shorter than its lower case) is found`, () => {
    const policies = allowWhen('StringEquals', `app:i${COMBINING_DOT}d`, 'x')
    expect(decide(context({ [`app:${DOTTED_CAPITAL_I}d`]: 'x' }), policies)).toBe('Allow')
    expect(decide(context({ [`app:${DOTTED_CAPITAL_I}D`]: 'x' }), policies)).toBe('Allow')
  })

  it(`several '${DOTTED_CAPITAL_I}' in one key, spelt either way in policy and context`, () => {
    const policies = allowWhen('StringEquals', `app:${DOTTED_CAPITAL_I}${DOTTED_CAPITAL_I}i${COMBINING_DOT}`, 'x')
    for (const key of [
      `app:${DOTTED_CAPITAL_I}${DOTTED_CAPITAL_I}${DOTTED_CAPITAL_I}`,
      `app:i${COMBINING_DOT}i${COMBINING_DOT}i${COMBINING_DOT}`,
      `APP:${DOTTED_CAPITAL_I}I${COMBINING_DOT}${DOTTED_CAPITAL_I}`,
    ]) {
      expect(decide(context({ [key]: 'x' }), policies), key).toBe('Allow')
    }
    expect(decide(context({ 'app:iii': 'x' }), policies)).toBe('ImplicitDeny')
    expect(decide(context({ [`app:${DOTTED_CAPITAL_I}${DOTTED_CAPITAL_I}`]: 'x' }), policies)).toBe('ImplicitDeny')
  })

  it(`'I' in a policy key matches 'i', never dotless '${DOTLESS_I}'`, () => {
    const policies = allowWhen('StringEquals', 'app:ID', 'x')
    expect(decide(context({ 'app:id': 'x' }), policies)).toBe('Allow')
    expect(decide(context({ [`app:${DOTLESS_I}d`]: 'x' }), policies)).toBe('ImplicitDeny')
    expect(decide(context({ [`app:${DOTTED_CAPITAL_I}d`]: 'x' }), policies)).toBe('ImplicitDeny')
  })

  it(`sharp s: '${SHARP_S}' is not 'SS' in key names`, () => {
    const policies = allowWhen('StringEquals', `app:ma${SHARP_S}`, 'x')
    expect(decide(context({ 'APP:MASS': 'x' }), policies)).toBe('ImplicitDeny')
    expect(decide(context({ [`APP:MA${CAPITAL_SHARP_S}`]: 'x' }), policies)).toBe('Allow')
  })

  it('combining characters in key names are not normalized', () => {
    const policies = allowWhen('StringEquals', `app:caf${E_ACUTE}`, 'x')
    expect(decide(context({ [`app:CAF${CAPITAL_E_ACUTE}`]: 'x' }), policies)).toBe('Allow')
    expect(decide(context({ [`app:cafe${COMBINING_ACUTE}`]: 'x' }), policies)).toBe('ImplicitDeny')
  })

  it(`two spellings of one key with '${DOTTED_CAPITAL_I}' are case variants (R79)`, () => {
    const policies = allowWhen('StringEquals', `app:${DOTTED_CAPITAL_I}d`, 'x')
    // Any variant may satisfy a positive operator.
    expect(decide(context({ [`app:${DOTTED_CAPITAL_I}d`]: 'y', [`app:i${COMBINING_DOT}d`]: 'x' }), policies)).toBe('Allow')
    const negated = allowWhen('StringNotEquals', `app:${DOTTED_CAPITAL_I}d`, 'x')
    // All variants must satisfy a negated one.
    expect(decide(context({ [`app:${DOTTED_CAPITAL_I}d`]: 'y', [`app:i${COMBINING_DOT}d`]: 'x' }), negated)).toBe('ImplicitDeny')
  })

  it(`a tag key and a policy variable with '${DOTTED_CAPITAL_I}'`, () => {
    const tag = `aws:PrincipalTag/${DOTTED_CAPITAL_I}sim`
    expect(decide(context({ [`aws:principaltag/i${COMBINING_DOT}sim`]: 'ali' }), allowWhen('StringEquals', tag, 'ali'))).toBe('Allow')
    const variable: PolicySet = {
      identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: `arn:aws:s3:::bucket/\${${tag}}/*` }] }],
    }
    expect(
      decide(
        { ...BASE_REQUEST, resource: 'arn:aws:s3:::bucket/ali/file', context: { [`AWS:PRINCIPALTAG/${DOTTED_CAPITAL_I}SIM`]: 'ali' } },
        variable,
      ),
    ).toBe('Allow')
    expect(
      decide({ ...BASE_REQUEST, resource: 'arn:aws:s3:::bucket/ali/file', context: { 'aws:principaltag/isim': 'ali' } }, variable),
    ).toBe('ImplicitDeny')
  })

  it('the parsed model keeps the key as written and its locale-independent lower case', () => {
    const parsed = parsePolicy({
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { [`App:${DOTTED_CAPITAL_I}d`]: 'x' } } }],
    })
    const test = parsed.statements[0]?.conditions[0]
    expect(test?.key).toBe(`App:${DOTTED_CAPITAL_I}d`)
    expect(test?.keyLower).toBe(`app:i${COMBINING_DOT}d`)
  })
})

describe('StringEqualsIgnoreCase values (R86)', () => {
  const ignoreCase = (value: string): PolicySet => allowWhen('StringEqualsIgnoreCase', 'app:v', value)
  const value = (text: unknown): unknown => context({ 'app:v': text })

  it('Turkish dotted and dotless i', () => {
    expect(decide(value(`i${COMBINING_DOT}stanbul`), ignoreCase(`${DOTTED_CAPITAL_I}STANBUL`))).toBe('Allow')
    expect(decide(value(`${DOTTED_CAPITAL_I}stanbul`), ignoreCase(`i${COMBINING_DOT}STANBUL`))).toBe('Allow')
    expect(decide(value('istanbul'), ignoreCase(`${DOTTED_CAPITAL_I}STANBUL`))).toBe('ImplicitDeny')
    expect(decide(value('ISTANBUL'), ignoreCase(`${DOTTED_CAPITAL_I}stanbul`))).toBe('ImplicitDeny')
    expect(decide(value(`${DOTLESS_I}stanbul`), ignoreCase('ISTANBUL'))).toBe('ImplicitDeny')
    expect(decide(value('istanbul'), ignoreCase('ISTANBUL'))).toBe('Allow')
  })

  it('German sharp s', () => {
    expect(decide(value(`stra${SHARP_S}e`), ignoreCase('STRASSE'))).toBe('ImplicitDeny')
    expect(decide(value('strasse'), ignoreCase(`STRA${SHARP_S}E`))).toBe('ImplicitDeny')
    expect(decide(value(`stra${SHARP_S}e`), ignoreCase(`STRA${CAPITAL_SHARP_S}E`))).toBe('Allow')
    expect(decide(value(`STRA${CAPITAL_SHARP_S}E`), ignoreCase(`Stra${SHARP_S}e`))).toBe('Allow')
  })

  it('combining characters are different strings', () => {
    expect(decide(value(`CAF${CAPITAL_E_ACUTE}`), ignoreCase(`caf${E_ACUTE}`))).toBe('Allow')
    expect(decide(value(`cafe${COMBINING_ACUTE}`), ignoreCase(`caf${E_ACUTE}`))).toBe('ImplicitDeny')
    expect(decide(value(`CAFE${COMBINING_ACUTE}`), ignoreCase(`cafe${COMBINING_ACUTE}`))).toBe('Allow')
  })

  it('StringNotEqualsIgnoreCase is the negation', () => {
    const not = allowWhen('StringNotEqualsIgnoreCase', 'app:v', `${DOTTED_CAPITAL_I}STANBUL`)
    expect(decide(value(`i${COMBINING_DOT}stanbul`), not)).toBe('ImplicitDeny')
    expect(decide(value('istanbul'), not)).toBe('Allow')
  })

  it('set qualifiers and policy variables use the same lower-casing', () => {
    expect(
      decide(value(['x', `i${COMBINING_DOT}d`]), allowWhen('ForAnyValue:StringEqualsIgnoreCase', 'app:v', `${DOTTED_CAPITAL_I}D`)),
    ).toBe('Allow')
    expect(
      decide(value(['id', `i${COMBINING_DOT}d`]), allowWhen('ForAllValues:StringEqualsIgnoreCase', 'app:v', `${DOTTED_CAPITAL_I}D`)),
    ).toBe('ImplicitDeny')
    const variable = allowWhen('StringEqualsIgnoreCase', 'app:v', '${app:expected}')
    expect(decide(context({ 'app:v': `i${COMBINING_DOT}d`, 'app:expected': `${DOTTED_CAPITAL_I}D` }), variable)).toBe('Allow')
    expect(decide(context({ 'app:v': 'id', 'app:expected': `${DOTTED_CAPITAL_I}D` }), variable)).toBe('ImplicitDeny')
  })

  it('case-sensitive operators do not fold at all', () => {
    expect(decide(value(`i${COMBINING_DOT}d`), allowWhen('StringEquals', 'app:v', `${DOTTED_CAPITAL_I}d`))).toBe('ImplicitDeny')
    expect(decide(value(`STRA${CAPITAL_SHARP_S}E`), allowWhen('StringLike', 'app:v', `stra${SHARP_S}*`))).toBe('ImplicitDeny')
  })
})

describe('no locale-dependent string operation is ever called', () => {
  // If a decision consulted the process locale, it would differ on a Turkish machine. Replace the
  // locale-sensitive methods with ones that throw, run every path, and restore them.
  const METHODS = ['toLocaleLowerCase', 'toLocaleUpperCase', 'localeCompare', 'normalize'] as const

  it('evaluate, compile, parsePolicy and explanations run without them', () => {
    const prototype = String.prototype as unknown as Record<string, unknown>
    const saved = METHODS.map((name) => [name, prototype[name]] as const)
    const calls: string[] = []
    for (const name of METHODS) {
      Object.defineProperty(String.prototype, name, {
        configurable: true,
        writable: true,
        value() {
          calls.push(name)
          throw new Error(`${name} must not be called`)
        },
      })
    }
    const results: string[] = []
    try {
      const policies: PolicySet = {
        identity: [
          {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: `svc:${DOTTED_CAPITAL_I}ndex*`,
                Resource: '*',
                Condition: { StringEqualsIgnoreCase: { [`app:${DOTTED_CAPITAL_I}d`]: `STRA${CAPITAL_SHARP_S}E` } },
              },
              { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { [`APP:${DOTLESS_I}`]: 'x' } } },
            ],
          },
        ],
      }
      parsePolicy(JSON.stringify(policies.identity as unknown[]).slice(1, -1))
      const request = {
        ...BASE_REQUEST,
        action: `SVC:${DOTTED_CAPITAL_I}NDEXALL`,
        context: { [`APP:I${COMBINING_DOT}D`]: `stra${SHARP_S}e`, [`app:${DOTLESS_I}`]: 'y' },
      }
      results.push(evaluate(request, policies, { now: NOW }).decision)
      results.push(evaluate(request, policies, { now: NOW, explain: true }).decision)
      results.push(compile(policies).evaluate(request, { now: NOW }).decision)
      results.push(evaluate({ ...request, context: { [`app:${DOTLESS_I}`]: 'x' } }, policies, { now: NOW }).decision)
    } finally {
      for (const [name, method] of saved)
        Object.defineProperty(String.prototype, name, { configurable: true, writable: true, value: method })
    }
    expect(calls).toEqual([])
    expect(results).toEqual(['Allow', 'Allow', 'Allow', 'ExplicitDeny'])
  })
})

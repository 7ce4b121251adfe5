/**
 * `iam-eval/vitest`: the three matchers on policy sets and compiled authorizers, passing and
 * failing, negated, with the explanation in the failure message; plain-object matchers usable by
 * any `expect.extend` (jest's too); mistakes in the subject are errors, not failed assertions.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compile, parsePolicy, PolicyValidationError } from '../src/index.js'
import { explanationLines } from '../src/format/explanation.js'
import type { AuthorizationRequest, PolicySet } from '../src/index.js'
import { iamMatchers, installMatchers } from '../src/vitest.js'

installMatchers(expect)

const principal = 'arn:aws:iam::111122223333:user/alice'
const policies: PolicySet = {
  identity: [
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadWithMfa',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::bucket/*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
        { Sid: 'NoDeletes', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
        {
          Sid: 'UntilDeadline',
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: '*',
          Condition: { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
        },
      ],
    },
  ],
}
const read: AuthorizationRequest = {
  principal,
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::bucket/key',
  context: { 'aws:MultiFactorAuthPresent': 'true' },
}
const readWithoutMfa: AuthorizationRequest = { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key' }
const remove: AuthorizationRequest = { principal, action: 's3:DeleteObject', resource: 'arn:aws:s3:::bucket/key' }

/** The message of the assertion error `assertion` throws. */
function failureOf(assertion: () => void): string {
  try {
    assertion()
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  throw new Error('the assertion did not fail')
}

describe('iam-eval/vitest matchers', () => {
  it('pass on a policy set for each decision', () => {
    expect(policies).toAllow(read)
    expect(policies).toImplicitlyDeny(readWithoutMfa)
    expect(policies).toExplicitlyDeny(remove)
  })

  it('pass on a compiled Authorizer', () => {
    const authorizer = compile(policies)
    expect(authorizer).toAllow(read)
    expect(authorizer).toImplicitlyDeny(readWithoutMfa)
    expect(authorizer).toExplicitlyDeny(remove)
  })

  it('can be negated', () => {
    expect(policies).not.toAllow(readWithoutMfa)
    expect(policies).not.toExplicitlyDeny(read)
    expect(policies).not.toImplicitlyDeny(remove)
  })

  it('take the time as an option', () => {
    const list: AuthorizationRequest = { principal, action: 's3:ListBucket', resource: 'arn:aws:s3:::bucket' }
    expect(policies).toAllow(list, { now: new Date('2029-06-01T00:00:00Z') })
    expect(policies).toImplicitlyDeny(list, { now: Date.parse('2031-06-01T00:00:00Z') })
  })

  it('explain a failure: decision, request, failed gate, missing keys and near misses', () => {
    const message = failureOf(() => expect(policies).toAllow(readWithoutMfa))
    expect(message).toContain(
      `expected the policies to allow s3:GetObject on arn:aws:s3:::bucket/key by ${principal}, but the decision was ImplicitDeny`,
    )
    expect(message).toContain('failed gate: identity')
    expect(message).toContain('missing context keys: aws:MultiFactorAuthPresent')
    expect(message).toContain('statements that almost matched:')
    expect(message).toContain(
      'identity policy #0 statement #0 ("ReadWithMfa"): condition Bool on aws:MultiFactorAuthPresent failed (request value: absent)',
    )
  })

  it('name the deciding statement when an unexpected deny or allow happens', () => {
    const denied = failureOf(() => expect(policies).toImplicitlyDeny(remove))
    expect(denied).toContain('but the decision was ExplicitDeny')
    expect(denied).toContain('denied by: identity policy #0 statement #1 ("NoDeletes")')
    const negated = failureOf(() => expect(policies).not.toAllow(read))
    expect(negated).toContain('expected the policies not to allow s3:GetObject')
    expect(negated).toContain('but the decision was Allow')
    expect(negated).toContain('allowed by: identity policy #0 statement #0 ("ReadWithMfa")')
    expect(negated).toContain('context: {"aws:MultiFactorAuthPresent":"true"}')
  })

  it('are plain functions returning { pass, message } (usable by jest)', () => {
    const result = iamMatchers.toExplicitlyDeny(policies, remove)
    expect(result.pass).toBe(true)
    expect(result.message()).toContain('not to explicitly deny')
    const failed = iamMatchers.toAllow(compile(policies), readWithoutMfa)
    expect(failed.pass).toBe(false)
    expect(failed.message()).toContain('missing context keys: aws:MultiFactorAuthPresent')
    const extended: unknown[] = []
    installMatchers({ extend: (matchers) => extended.push(matchers) })
    expect(extended).toEqual([iamMatchers])
    expect(Object.keys(iamMatchers).sort()).toEqual(['toAllow', 'toExplicitlyDeny', 'toImplicitlyDeny'])
  })

  it('throw on a subject that is neither a policy set nor an authorizer, even negated', () => {
    expect(() => expect('not policies').toAllow(read)).toThrow(TypeError)
    expect(() => expect({ identities: [] }).not.toAllow(read)).toThrow(/must be a policy set/)
    expect(() => expect(null).toImplicitlyDeny(read)).toThrow(TypeError)
  })

  it('throw PolicyValidationError for an invalid policy instead of failing or passing', () => {
    const invalid = { identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }] }] }
    expect(() => expect(invalid).not.toAllow(read)).toThrow(PolicyValidationError)
  })

  it('print the same explanation lines as the CLI', () => {
    for (const [matcher, request] of [
      [iamMatchers.toAllow, readWithoutMfa],
      [iamMatchers.toAllow, remove],
      [iamMatchers.toImplicitlyDeny, read],
    ] as const) {
      const message = matcher(policies, request).message().split('\n')
      const result = compile(policies).evaluate(request, { explain: true })
      expect(message.slice(-explanationLines(result).length)).toEqual(explanationLines(result, { nearMisses: true }))
    }
  })

  it('accept parsed policies', () => {
    const parsed = parsePolicy(JSON.stringify(policies.identity instanceof Array ? policies.identity[0] : {}))
    expect({ identity: [parsed] }).toAllow(read)
  })

  it('accept JSON text policies and an empty set (which denies everything)', () => {
    expect({ identity: JSON.stringify(policies.identity instanceof Array ? policies.identity[0] : {}) }).toAllow(read)
    expect({}).toImplicitlyDeny(read)
  })
})

describe('the built iam-eval/vitest entry', () => {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist')

  it('does not import vitest at run time (ESM and CJS), so jest can load it', () => {
    for (const file of ['vitest.js', 'vitest.cjs']) {
      const code = readFileSync(path.join(dist, file), 'utf8')
      expect(code, file).not.toMatch(/from\s*['"]vitest['"]|require\(\s*['"]vitest['"]\s*\)|import\(\s*['"]vitest['"]/)
    }
  })

  it('works when loaded from dist', async () => {
    const built = (await import(pathToFileURL(path.join(dist, 'vitest.js')).href)) as typeof import('../src/vitest.js')
    expect(built.iamMatchers.toAllow(policies, read).pass).toBe(true)
    expect(built.iamMatchers.toImplicitlyDeny(policies, read).message()).toContain('but the decision was Allow')
  })

  it('declares the vitest augmentation in its types', () => {
    const types = readFileSync(path.join(dist, 'vitest.d.ts'), 'utf8')
    expect(types).toContain("declare module 'vitest'")
    expect(types).toMatch(/interface Matchers<T = any> extends IamMatchers<T>/)
  })
})

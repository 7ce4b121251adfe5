/**
 * Shared tools of the hostile-input suite (test/hostile): the standard request and policies the
 * fail-closed tests start from, builders of hostile values (throwing getters, Proxies, revoked
 * Proxies), the prototype-integrity check, and the run budget of the fuzz properties.
 *
 * Why a shared baseline: every hostile test starts from a request that is Allowed, so that "the
 * hostile part was ignored" shows up as an Allow instead of hiding behind an ImplicitDeny.
 */
import { expect } from 'vitest'
import type { EvaluationResult } from '../../src/index.js'

export const ACCOUNT = '111122223333'
export const OTHER_ACCOUNT = '444455556666'
export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`
export const OBJECT = 'arn:aws:s3:::bucket/key'
export const NOW = Date.UTC(2026, 0, 2, 3, 4, 5)

/** A request the baseline policies allow. */
export const BASE_REQUEST = Object.freeze({ principal: ALICE, action: 's3:GetObject', resource: OBJECT })

/** Allows everything in S3; fresh each call so tests can mutate their copy. */
export function allowS3(): { Version: string; Statement: Record<string, unknown>[] } {
  return { Version: '2012-10-17', Statement: [{ Sid: 'AllowS3', Effect: 'Allow', Action: 's3:*', Resource: '*' }] }
}

/** A Deny that applies only when `aws:PrincipalTag/blocked` is `true`: dropping the context would turn it into an Allow. */
export function denyWhenBlocked(): Record<string, unknown> {
  return {
    Sid: 'DenyBlocked',
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: { StringEquals: { 'aws:PrincipalTag/blocked': 'true' } },
  }
}

/** Allow S3, unless the caller is tagged blocked. */
export function guardedPolicy(): { Version: string; Statement: Record<string, unknown>[] } {
  const policy = allowS3()
  policy.Statement.push(denyWhenBlocked())
  return policy
}

/**
 * Asserts the request was refused as a request problem (C1): an ImplicitDeny at the `request`
 * gate, never an Allow, with a reason that names what was wrong.
 */
export function expectRequestDenied(result: EvaluationResult, ...mentions: (string | RegExp)[]): void {
  expect(result.decision).not.toBe('Allow')
  expect(result.allowed).toBe(false)
  expect(result.decision).toBe('ImplicitDeny')
  expect(result.failedGate?.kind).toBe('request')
  for (const mention of mentions) {
    if (typeof mention === 'string') expect(result.reason).toContain(mention)
    else expect(result.reason).toMatch(mention)
  }
}

/** An object whose member `name` throws `thrown` when read (enumerable, like a data member). */
export function withThrowingGetter<T extends object>(base: T, name: string, thrown: unknown = new Error('getter exploded')): T {
  const copy = { ...base }
  Object.defineProperty(copy, name, {
    enumerable: true,
    configurable: true,
    get() {
      throw thrown
    },
  })
  return copy
}

/** A revoked Proxy: every operation on it, even `Array.isArray`, throws. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

/** A Proxy over `target` in which the named traps throw. */
export function throwingProxy<T extends object>(target: T, traps: readonly (keyof ProxyHandler<T>)[]): T {
  const handler: ProxyHandler<T> = {}
  for (const trap of traps) {
    ;(handler as Record<string, unknown>)[trap] = () => {
      throw new Error(`trap ${String(trap)} exploded`)
    }
  }
  return new Proxy(target, handler)
}

/** A value that throws whatever is done to it, to be thrown itself (describing it must not throw). */
export function poisonedThrowable(): unknown {
  return new Proxy(
    {},
    {
      get() {
        throw new Error('poisoned get')
      },
      getPrototypeOf() {
        throw new Error('poisoned prototype')
      },
      has() {
        throw new Error('poisoned has')
      },
    },
  )
}

// ---------------------------------------------------------------------------------------------
// Prototype integrity
// ---------------------------------------------------------------------------------------------

const PROTOTYPES: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Map.prototype', Map.prototype],
]

/** The own keys of the built-in prototypes, to compare after a hostile call. */
export function prototypeSnapshot(): Map<string, string[]> {
  return new Map(PROTOTYPES.map(([name, prototype]) => [name, Reflect.ownKeys(prototype).map(String).sort()]))
}

/** Asserts no built-in prototype gained or lost a member and nothing reads as polluted. */
export function expectPrototypesClean(before: Map<string, string[]>): void {
  expect(prototypeSnapshot()).toEqual(before)
  const probe = {} as Record<string, unknown>
  expect(probe['polluted']).toBeUndefined()
  expect(probe['isAdmin']).toBeUndefined()
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype)
  expect(({} as { constructor: unknown }).constructor).toBe(Object)
}

// ---------------------------------------------------------------------------------------------
// Run budget
// ---------------------------------------------------------------------------------------------

/**
 * Total runs shared by the core fuzz properties: `IAM_EVAL_FUZZ=1` (as `npm run fuzz` sets it)
 * means one million, `IAM_EVAL_FUZZ=<n>` (n > 1) means n; unset or `0` is the small `npm test`
 * budget, `undefined` here.
 */
export function fuzzTotal(): number | undefined {
  const fuzz = process.env.IAM_EVAL_FUZZ
  if (fuzz === undefined || fuzz === '' || fuzz === '0') return undefined
  const n = Number(fuzz)
  return Number.isInteger(n) && n > 1 ? n : 1_000_000
}

/** Runs of one property: `share` of the fuzz total in fuzz mode, `quick` otherwise. */
export function runs(quick: number, share: number): number {
  const total = fuzzTotal()
  return total === undefined ? quick : Math.max(quick, Math.round(total * share))
}

/** Whether the fuzz budget is in force (for timeouts). */
export const FUZZING = fuzzTotal() !== undefined

/** A test timeout: generous when fuzzing, the vitest default otherwise. */
export const FUZZ_TIMEOUT = FUZZING ? 24 * 3_600_000 : 60_000

/** `IAM_EVAL_SEED=<n>` replays a seed fast-check reported. */
export const SEED = process.env.IAM_EVAL_SEED === undefined ? undefined : Number(process.env.IAM_EVAL_SEED)

/**
 * `iam-eval/vitest`: assertion matchers for policy tests in vitest (or jest).
 *
 * ```ts
 * import { expect } from 'vitest'
 * import { installMatchers } from 'iam-eval/vitest'
 * installMatchers(expect) // once, e.g. in a setup file
 *
 * expect({ identity: [analystPolicy] }).toAllow({ principal, action: 's3:GetObject', resource })
 * expect(compile(policies)).toImplicitlyDeny(request)
 * ```
 *
 * The subject of `expect(...)` is a policy set (`{ identity, resource, ... }`) or a compiled
 * `Authorizer`. A failing assertion prints the decision with its explanation: the statement or
 * gate that decided, the context keys whose absence mattered, the statements that almost matched.
 *
 * The matchers are plain `{ name(received, ...args) { return { pass, message } } }` functions, so
 * jest's `expect.extend` takes them too, and nothing here imports vitest at run time; vitest's
 * types are extended by the `declare module 'vitest'` augmentation below.
 */
// Type-only and erased: it puts vitest's declarations in the program so the augmentation below can
// find the module (TypeScript does not load a module for an augmentation alone).
import { explanationLines } from './format/explanation.js'
import type {} from 'vitest'
import { evaluate } from './index.js'
import type { AuthorizationRequest, Decision, EvaluationResult, PolicySet, RequestOptions } from './index.js'

/** What a matcher returns: whether it passed, and the message shown when the assertion fails. */
export interface IamMatcherResult {
  readonly pass: boolean
  readonly message: () => string
}

/**
 * One matcher: `received` is the subject of `expect(...)` (a policy set or an `Authorizer`),
 * `request` the request to decide, `options` the per-request options (`now`).
 */
export type IamMatcher = (received: unknown, request: AuthorizationRequest, options?: Omit<RequestOptions, 'explain'>) => IamMatcherResult

/** The matcher methods added to `expect(...)`, generic in the assertion's return type. */
export interface IamMatchers<R = unknown> {
  /** Passes when the policies allow `request`. */
  toAllow(request: AuthorizationRequest, options?: Omit<RequestOptions, 'explain'>): R
  /** Passes when a Deny statement denies `request`. */
  toExplicitlyDeny(request: AuthorizationRequest, options?: Omit<RequestOptions, 'explain'>): R
  /** Passes when `request` is denied because nothing allows it (or a required gate fails). */
  toImplicitlyDeny(request: AuthorizationRequest, options?: Omit<RequestOptions, 'explain'>): R
}

declare module 'vitest' {
  // Declaration merging requires the exact type parameters of vitest's own `Matchers<T = any>`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends IamMatchers<T> {}
}

/** Something with `evaluate(request, options)`: an `Authorizer` from `compile`. */
interface EvaluatorLike {
  evaluate(request: AuthorizationRequest, options?: RequestOptions): EvaluationResult
}

const POLICY_SLOTS = new Set(['identity', 'resource', 'permissionsBoundary', 'session', 'scps', 'rcps', 'endpoint'])

function isEvaluator(value: unknown): value is EvaluatorLike {
  return typeof value === 'object' && value !== null && typeof (value as { evaluate?: unknown }).evaluate === 'function'
}

function isPolicySet(value: unknown): value is PolicySet {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((key) => POLICY_SLOTS.has(key))
}

/** Decides `request` for the subject, always with an explanation. */
function decide(received: unknown, request: AuthorizationRequest, options: Omit<RequestOptions, 'explain'> | undefined): EvaluationResult {
  if (isEvaluator(received)) return received.evaluate(request, { ...options, explain: true })
  if (isPolicySet(received)) return evaluate(request, received, { ...options, explain: true })
  // A wrong subject is a mistake in the test, not a failed assertion: throw so `.not` cannot pass it.
  throw new TypeError(
    'iam-eval matchers: expect(...) must be a policy set ({ identity, resource, permissionsBoundary, session, scps, rcps, endpoint }) or an Authorizer from compile()',
  )
}

function describeRequest(request: AuthorizationRequest): string {
  const text = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)))
  return `${text(request.action)} on ${text(request.resource)} by ${text(request.principal)}`
}

/** A matcher passing when the decision is `expected`. */
function decisionMatcher(expected: Decision, verb: string): IamMatcher {
  return (received, request, options) => {
    const result = decide(received, request, options)
    const pass = result.decision === expected
    return {
      pass,
      message: () => {
        const head = pass
          ? `expected the policies not to ${verb} ${describeRequest(request)}, but the decision was ${result.decision}`
          : `expected the policies to ${verb} ${describeRequest(request)}, but the decision was ${result.decision}`
        const context =
          request.context === undefined || Object.keys(request.context).length === 0
            ? []
            : [`  context: ${JSON.stringify(request.context)}`]
        return [head, ...context, ...explanationLines(result)].join('\n')
      },
    }
  }
}

/** The matchers, ready for `expect.extend(iamMatchers)` (vitest or jest). */
export const iamMatchers: {
  readonly toAllow: IamMatcher
  readonly toExplicitlyDeny: IamMatcher
  readonly toImplicitlyDeny: IamMatcher
} = Object.freeze({
  toAllow: decisionMatcher('Allow', 'allow'),
  toExplicitlyDeny: decisionMatcher('ExplicitDeny', 'explicitly deny'),
  toImplicitlyDeny: decisionMatcher('ImplicitDeny', 'implicitly deny'),
})

/**
 * Adds the matchers to an `expect` (vitest's or jest's): `installMatchers(expect)`.
 *
 * For jest's types, declare them yourself:
 * `declare global { namespace jest { interface Matchers<R> extends IamMatchers<R> {} } }`.
 */
export function installMatchers(expect: { extend(matchers: typeof iamMatchers): void }): void {
  expect.extend(iamMatchers)
}

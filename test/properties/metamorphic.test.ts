/**
 * Metamorphic properties of `evaluate`: transformations of the request or the policies whose
 * effect on the decision the spec fixes (no effect, or only in one direction). Unlike the
 * differential test they need no second evaluator, so they also catch bugs the reference shares.
 * Inputs come from the same generators (test/support/arbitraries.ts).
 *
 * Runs: 800 per property by default (the file takes about 20 s on two idle cores);
 * `IAM_EVAL_FUZZ=1` raises them to 100,000 each (or `IAM_EVAL_FUZZ=<n>` to n / 10).
 * `IAM_EVAL_SEED=<n>` replays a seed fast-check reported.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compile, evaluate, parsePolicy } from '../../src/index.js'
import type { Decision, EvaluationResult, PolicyInput, PolicySet, StatementReference } from '../../src/index.js'
import {
  callerArb,
  caseArb,
  contextArb,
  cloneJson,
  listPolicies,
  mangleCase,
  mapNthPolicy,
  mapPolicies,
  NOW,
  statementArb,
  statementsOf,
  UNRELATED_ACTION_PATTERNS,
} from '../support/arbitraries.js'
import type { Context, Effect, GenCase, GenPolicies, GenRequest, Json, PolicyDoc, SlotKind, Statement } from '../support/arbitraries.js'

// ---------------------------------------------------------------------------------------------
// Run sizes
// ---------------------------------------------------------------------------------------------

function runsFromEnv(fallback: number): number {
  const fuzz = process.env.IAM_EVAL_FUZZ
  if (fuzz === undefined || fuzz === '' || fuzz === '0') return fallback
  const n = Number(fuzz)
  return Number.isInteger(n) && n > 1 ? Math.max(fallback, Math.floor(n / 10)) : 100_000
}
const NUM_RUNS = runsFromEnv(800)
const FUZZING = NUM_RUNS > 800
const TIMEOUT = FUZZING ? 24 * 3_600_000 : 60_000
const SEED = process.env.IAM_EVAL_SEED === undefined ? undefined : Number(process.env.IAM_EVAL_SEED)
const PARAMS: fc.Parameters<unknown> = { numRuns: NUM_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) }

function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  fc.assert(fc.property(arb, predicate), PARAMS as fc.Parameters<[T]>)
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function decide(request: GenRequest, policies: GenPolicies | PolicySet): Decision {
  return evaluate(request, policies as PolicySet, { now: NOW }).decision
}

/** A small deterministic PRNG (mulberry32), so that one fast-check integer drives a whole shuffle. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const tmp = out[i] as T
    out[i] = out[j] as T
    out[j] = tmp
  }
  return out
}

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Rebuilds every statement of every policy with `f`, keeping the single-object/array form. */
function mapStatements(p: GenPolicies, f: (stmt: Statement, kind: SlotKind, doc: PolicyDoc) => Statement): GenPolicies {
  return mapPolicies(p, (doc, kind) => ({
    ...doc,
    Statement: Array.isArray(doc.Statement) ? doc.Statement.map((s) => f(s, kind, doc)) : f(doc.Statement, kind, doc),
  }))
}

/** Inserts `stmt` into the n-th policy at `position`, or, for n = policy count, as a new identity policy. */
function insertStatement(p: GenPolicies, n: number, stmt: Statement, position: number): GenPolicies {
  const count = listPolicies(p).length
  if (n >= count) {
    const added: PolicyDoc = { Version: '2012-10-17', Statement: [stmt] }
    return { ...p, identity: [...(p.identity ?? []), added] }
  }
  return mapNthPolicy(p, n, (doc) => {
    const list = statementsOf(doc).slice()
    list.splice(position % (list.length + 1), 0, stmt)
    return { ...doc, Statement: list }
  })
}

/** A case plus a statement of the given effect aimed at it, and where to put it. */
function withExtraStatement(effect: Effect | undefined): fc.Arbitrary<{ c: GenCase; n: number; stmt: Statement; position: number }> {
  return caseArb.chain((c) => {
    const policies = listPolicies(c.policies)
    return fc.integer({ min: 0, max: policies.length }).chain((n) => {
      const kind: SlotKind = policies[n]?.kind ?? 'identity'
      return fc.tuple(statementArb(kind, c.scenario, effect ?? 'Allow'), fc.nat()).map(([stmt, position]) => ({ c, n, stmt, position }))
    })
  })
}

/** Variables under Version 2012-10-17 (elsewhere `${...}` is literal text and must not change). */
const VARIABLE_KEY = /\$\{([^}\s,'$*?{]+)/g

function mangleVariableKeys(value: Json, random: () => number): Json {
  if (typeof value === 'string')
    return value.replace(VARIABLE_KEY, (_m, key: string) => '${' + mangleCase(key, Math.floor(random() * 2 ** 31)))
  if (Array.isArray(value)) return value.map((v) => mangleVariableKeys(v, random))
  return value
}

/** New spellings for a set of keys: each in a random letter case, never merging two keys. */
function recaseKeys(keys: readonly string[], random: () => number): Map<string, string> {
  const renamed = new Map<string, string>()
  const used = new Set<string>()
  for (const key of keys) {
    const candidate = mangleCase(key, Math.floor(random() * 2 ** 31))
    const clashes = used.has(candidate) || keys.some((other) => other !== key && other === candidate)
    const chosen = clashes ? key : candidate
    renamed.set(key, chosen)
    used.add(chosen)
  }
  return renamed
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

function sameReference(a: StatementReference, b: StatementReference): boolean {
  return a.policyType === b.policyType && a.policyIndex === b.policyIndex && a.level === b.level && a.statementIndex === b.statementIndex
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('metamorphic properties of evaluate', () => {
  it(
    '1. adding a Deny statement anywhere never yields Allow: the decision stays or becomes ExplicitDeny (R11)',
    () => {
      check(withExtraStatement('Deny'), ({ c, n, stmt, position }) => {
        const before = decide(c.request, c.policies)
        const after = decide(c.request, insertStatement(c.policies, n, stmt, position))
        expect([before, 'ExplicitDeny']).toContain(after)
      })
    },
    TIMEOUT,
  )

  it(
    '2. adding an Allow statement never turns Allow into a deny, nor removes an ExplicitDeny (R11, R13)',
    () => {
      check(withExtraStatement('Allow'), ({ c, n, stmt, position }) => {
        const before = decide(c.request, c.policies)
        const after = decide(c.request, insertStatement(c.policies, n, stmt, position))
        if (before === 'Allow') expect(after).toBe('Allow')
        if (before === 'ExplicitDeny') expect(after).toBe('ExplicitDeny')
      })
    },
    TIMEOUT,
  )

  it(
    '3. the letter case of condition key names never matters: context keys, policy keys, variable keys (R78, R113)',
    () => {
      check(fc.tuple(caseArb, fc.nat()), ([c, seed]) => {
        const random = prng(seed)
        const request: GenRequest = { ...c.request }
        if (c.request.context !== undefined) {
          const names = recaseKeys(Object.keys(c.request.context), random)
          const context: Context = {}
          for (const [key, value] of Object.entries(c.request.context)) context[names.get(key) as string] = value
          request.context = context
        }
        const policies = mapStatements(c.policies, (stmt, _kind, doc) => {
          const variables = doc.Version === '2012-10-17'
          const out: Statement = { ...stmt }
          if (variables && stmt.Resource !== undefined) out.Resource = mangleVariableKeys(stmt.Resource, random)
          if (variables && stmt.NotResource !== undefined) out.NotResource = mangleVariableKeys(stmt.NotResource, random)
          if (isObject(stmt.Condition)) {
            const condition: { [op: string]: Json } = {}
            for (const [operator, block] of Object.entries(stmt.Condition)) {
              if (!isObject(block)) continue
              const names = recaseKeys(Object.keys(block), random)
              const renamed: { [key: string]: Json } = {}
              for (const [key, value] of Object.entries(block)) {
                renamed[names.get(key) as string] = variables ? mangleVariableKeys(value, random) : value
              }
              condition[operator] = renamed
            }
            out.Condition = condition
          }
          return out
        })
        expect(decide(request, policies)).toBe(decide(c.request, c.policies))
      })
    },
    TIMEOUT,
  )

  it(
    '4. statement order, policy order, level order and the order of every list never matter (R13, R60, R70, R76)',
    () => {
      check(fc.tuple(caseArb, fc.nat()), ([c, seed]) => {
        const random = prng(seed)
        const shuffleJson = (value: Json): Json => {
          if (Array.isArray(value)) return shuffle(value.map(shuffleJson), random)
          if (isObject(value)) {
            const out: { [key: string]: Json } = {}
            for (const key of shuffle(Object.keys(value), random)) out[key] = shuffleJson(value[key] as Json)
            return out
          }
          return value
        }
        // every JSON array of a policy is an OR-ed list or a list of statements, so all may be shuffled
        const shuffled = mapPolicies(c.policies, (doc) => shuffleJson(doc as unknown as Json) as unknown as PolicyDoc)
        const policies: GenPolicies = { ...shuffled }
        if (shuffled.identity !== undefined) policies.identity = shuffle(shuffled.identity, random)
        if (shuffled.endpoint !== undefined) policies.endpoint = shuffle(shuffled.endpoint, random)
        if (shuffled.scps !== undefined)
          policies.scps = shuffle(
            shuffled.scps.map((level) => shuffle(level, random)),
            random,
          )
        if (shuffled.rcps !== undefined)
          policies.rcps = shuffle(
            shuffled.rcps.map((level) => shuffle(level, random)),
            random,
          )
        const request: GenRequest = { ...c.request }
        if (c.request.context !== undefined) request.context = shuffleJson(c.request.context as Json) as Context
        expect(decide(request, policies)).toBe(decide(c.request, c.policies))
      })
    },
    TIMEOUT,
  )

  it(
    '5. a single value and a one-element array are the same, in policies and in the context (R44, C2)',
    () => {
      check(fc.tuple(caseArb, fc.nat()), ([c, seed]) => {
        const random = prng(seed)
        // half of the cases flip every value (the strongest change), the others a random half
        const everything = random() < 0.5
        const flip = (): boolean => everything || random() < 0.5
        const toggle = (value: Json): Json => {
          if (Array.isArray(value)) return value.length === 1 && flip() ? (value[0] as Json) : value
          return flip() ? [value] : value
        }
        const toggleMap = (value: Json): Json => {
          if (!isObject(value)) return value // `"Principal": "*"` stays a string
          const out: { [key: string]: Json } = {}
          for (const [key, v] of Object.entries(value)) out[key] = toggle(v)
          return out
        }
        const policies = mapPolicies(c.policies, (doc) => {
          const statements = statementsOf(doc).map((stmt) => {
            const out: Statement = {}
            for (const [key, value] of Object.entries(stmt)) {
              if (key === 'Action' || key === 'NotAction' || key === 'Resource' || key === 'NotResource') out[key] = toggle(value)
              else if (key === 'Principal' || key === 'NotPrincipal') out[key] = toggleMap(value)
              else if (key === 'Condition' && isObject(value)) {
                const condition: { [op: string]: Json } = {}
                for (const [operator, block] of Object.entries(value)) condition[operator] = toggleMap(block)
                out[key] = condition
              } else out[key] = value
            }
            return out
          })
          const Statement = statements.length === 1 && flip() ? (statements[0] as Statement) : statements
          return { ...doc, Statement }
        })
        const request: GenRequest = { ...c.request }
        if (c.request.context !== undefined) {
          const context: Context = {}
          for (const [key, value] of Object.entries(c.request.context)) context[key] = toggle(value as Json) as Context[string]
          request.context = context
        }
        expect(decide(request, policies)).toBe(decide(c.request, c.policies))
      })
    },
    TIMEOUT,
  )

  it(
    '6. a statement about an unrelated service changes nothing (R58-R61)',
    () => {
      const arb = fc.tuple(
        withExtraStatement(undefined),
        fc.constantFrom<Effect>('Allow', 'Deny'),
        fc.subarray([...UNRELATED_ACTION_PATTERNS], { minLength: 1 }),
      )
      check(arb, ([{ c, n, stmt, position }, effect, actions]) => {
        const unrelated: Statement = { ...stmt, Effect: effect, Action: actions.length === 1 ? (actions[0] as string) : actions }
        delete unrelated.NotAction
        if (effect === 'Allow' && unrelated.NotPrincipal !== undefined) {
          // NotPrincipal is only valid with Deny (R54): name everyone instead
          delete unrelated.NotPrincipal
          unrelated.Principal = '*'
        }
        expect(decide(c.request, insertStatement(c.policies, n, unrelated, position))).toBe(decide(c.request, c.policies))
      })
    },
    TIMEOUT,
  )

  it(
    '7. splitting an identity policy into two identity policies changes nothing (R13, R14)',
    () => {
      check(fc.tuple(caseArb, fc.nat(), fc.nat()), ([c, pick, cut]) => {
        const splittable = (c.policies.identity ?? [])
          .map((doc, index) => ({ doc, index }))
          .filter(({ doc }) => statementsOf(doc).length >= 2)
        fc.pre(splittable.length > 0)
        const { doc, index } = splittable[pick % splittable.length] as { doc: PolicyDoc; index: number }
        const statements = statementsOf(doc)
        const at = 1 + (cut % (statements.length - 1))
        const first: PolicyDoc = { ...doc, Statement: statements.slice(0, at) }
        const second: PolicyDoc = { ...doc, Statement: statements.slice(at) }
        const identity = (c.policies.identity ?? []).flatMap((d, i) => (i === index ? [first, second] : [d]))
        expect(decide(c.request, { ...c.policies, identity })).toBe(decide(c.request, c.policies))
      })
    },
    TIMEOUT,
  )

  it(
    '8. a policy as a value, as JSON text or as a parsed policy gives the same decision (per call and compiled)',
    () => {
      check(fc.tuple(caseArb, fc.nat()), ([c, seed]) => {
        const random = prng(seed)
        const converted = mapPolicies(c.policies, (doc, kind) => {
          const r = random()
          if (r < 0.4) return JSON.stringify(doc, null, random() < 0.5 ? undefined : 2) as unknown as PolicyDoc
          if (r < 0.8) return parsePolicy(doc, { kind }) as unknown as PolicyDoc
          return doc
        }) as unknown as PolicySet
        const expected = decide(c.request, c.policies)
        expect(evaluate(c.request, converted, { now: NOW }).decision).toBe(expected)
        expect(compile(converted).evaluate(c.request, { now: NOW }).decision).toBe(expected)
      })
    },
    TIMEOUT,
  )

  it(
    '9. evaluate never changes its inputs, and deeply frozen inputs give the same decision',
    () => {
      check(caseArb, (c) => {
        const request = cloneJson(c.request)
        const policies = cloneJson(c.policies)
        const plain = evaluate(request, policies as PolicySet, { now: NOW })
        compile(policies as PolicySet).evaluate(request, { now: NOW })
        evaluate(request, policies as PolicySet, { now: NOW, explain: true })
        expect(request).toStrictEqual(c.request)
        expect(policies).toStrictEqual(c.policies)
        const frozenRequest = deepFreeze(cloneJson(c.request))
        const frozenPolicies = deepFreeze(cloneJson(c.policies)) as PolicySet
        expect(evaluate(frozenRequest, frozenPolicies, { now: NOW }).decision).toBe(plain.decision)
        expect(compile(frozenPolicies).evaluate(frozenRequest, { now: NOW, explain: true }).decision).toBe(plain.decision)
      })
    },
    TIMEOUT,
  )

  it(
    "10. the action's letter case never matters, in the request or in the policies (R58)",
    () => {
      check(fc.tuple(caseArb, fc.nat(), fc.nat()), ([c, actionSeed, seed]) => {
        const random = prng(seed)
        const recase = (value: Json): Json => {
          if (typeof value === 'string') return mangleCase(value, Math.floor(random() * 2 ** 31))
          if (Array.isArray(value)) return value.map(recase)
          return value
        }
        const policies = mapStatements(c.policies, (stmt) => {
          const out: Statement = { ...stmt }
          if (stmt.Action !== undefined) out.Action = recase(stmt.Action)
          if (stmt.NotAction !== undefined) out.NotAction = recase(stmt.NotAction)
          return out
        })
        const request: GenRequest = { ...c.request, action: mangleCase(c.request.action, actionSeed) }
        expect(decide(request, policies)).toBe(decide(c.request, c.policies))
      })
    },
    TIMEOUT,
  )

  it(
    '11. the explained decision is the plain one, and its decisive statements / failed gate are consistent',
    () => {
      check(caseArb, (c) => {
        const plain = evaluate(c.request, c.policies as PolicySet, { now: NOW })
        const explained: EvaluationResult = evaluate(c.request, c.policies as PolicySet, { now: NOW, explain: true })
        expect(explained.decision).toBe(plain.decision)
        expect(explained.explanation).toBeDefined()
        const statements = explained.explanation?.statements ?? []
        if (explained.decision === 'ImplicitDeny') {
          expect(explained.failedGate).toBeDefined()
          expect(explained.decisiveStatements).toHaveLength(0)
          return
        }
        expect(explained.failedGate).toBeUndefined()
        // the root user's own-account Allow is the only decision with no statement behind it (R30)
        if (!(explained.decision === 'Allow' && c.scenario.caller.kind === 'root'))
          expect(explained.decisiveStatements.length).toBeGreaterThan(0)
        const effect = explained.decision === 'Allow' ? 'Allow' : 'Deny'
        for (const reference of explained.decisiveStatements) {
          expect(reference.effect).toBe(effect)
          const seen = statements.find((s) => sameReference(s.statement, reference))
          expect(seen, `decisive ${JSON.stringify(reference)} is in the explanation`).toBeDefined()
          expect(seen?.matched, `decisive ${JSON.stringify(reference)} matched`).toBe(true)
        }
      })
    },
    TIMEOUT,
  )

  it(
    '12. one compiled authorizer keeps no per-request state: a batch of requests decides like fresh evaluations',
    () => {
      const batch = caseArb.chain((c) =>
        fc
          .array(fc.record({ caller: callerArb, context: contextArb, seed: fc.nat(), explain: fc.boolean() }), {
            minLength: 1,
            maxLength: 6,
          })
          .map((variants) => ({
            c,
            requests: variants.map(({ caller, context, seed, explain }) => {
              // same action and resource (so the policies still hit), another caller, context and case
              const request: GenRequest = { ...c.request, principal: caller.principal, action: mangleCase(c.request.action, seed) }
              if (context === undefined) delete request.context
              else request.context = context
              return { request, explain }
            }),
          })),
      )
      check(batch, ({ c, requests }) => {
        const authorizer = compile(c.policies as PolicySet)
        const all = [{ request: c.request, explain: false }, ...requests, { request: c.request, explain: true }]
        for (const { request, explain } of all) {
          expect(authorizer.evaluate(request, { now: NOW, explain }).decision).toBe(decide(request, c.policies))
        }
      })
    },
    TIMEOUT,
  )
})

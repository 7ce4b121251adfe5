/**
 * The checks shared by the fuzz properties of test/hostile (fuzz-policies.test.ts and
 * fuzz-decisions.test.ts, split in two so that vitest runs them on two workers): what must hold
 * of one policy value (validate, parse, lint), of one decision (evaluate, compile, explain), and
 * the property runner that reports the runs made in fuzz mode.
 */
import fc from 'fast-check'
import { expect } from 'vitest'
import { compile, evaluate, parsePolicy, PolicyValidationError, validatePolicy } from '../../src/index.js'
import type { AuthorizationRequest, EvaluationResult, PolicyKind, PolicySet } from '../../src/index.js'
import { lintPolicy, SEVERITIES } from '../../src/lint/index.js'
import { NOW } from '../support/arbitraries.js'
import type { GenPolicies, SlotKind } from '../support/arbitraries.js'
import { fingerprint, requestShape } from './hostile-arbitraries.js'
import { FUZZING, SEED } from './support.js'

export const KINDS: readonly PolicyKind[] = ['identity', 'resource', 'trust', 'boundary', 'session', 'scp', 'rcp', 'endpoint']
export const kindArb = fc.constantFrom(...KINDS)

/**
 * Optional time budget per property in fuzz mode (`IAM_EVAL_FUZZ_BUDGET_MS`): a property stops
 * after it, and the runs actually made are what the report line says.
 */
const BUDGET_MS = Number(process.env.IAM_EVAL_FUZZ_BUDGET_MS ?? '') || undefined

/**
 * Checks a property; in fuzz mode prints one `FUZZ-RUNS {json}` line with the runs made and the
 * time taken, which is where the figure in SECURITY.md comes from.
 */
export function assertProperty<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IProperty<Ts>, numRuns: number): void {
  const started = performance.now()
  const details = fc.check(property, {
    numRuns,
    ...(SEED === undefined ? {} : { seed: SEED }),
    ...(BUDGET_MS === undefined ? {} : { interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false }),
  })
  if (FUZZING) {
    const report = {
      property: name,
      runs: details.numRuns,
      planned: numRuns,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      interrupted: details.interrupted,
      failed: details.failed,
    }
    console.log(`FUZZ-RUNS ${JSON.stringify(report)}`)
  }
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `property '${name}' failed`)
}

/** Runs `call`; returns what it threw, `undefined` when it returned. */
function thrownBy(call: () => unknown): unknown {
  try {
    call()
    return undefined
  } catch (error) {
    return error ?? new Error('threw a nullish value')
  }
}

/** `call` returns, or throws a PolicyValidationError with at least one issue; nothing else. */
function onlyPolicyErrors(call: () => unknown, label: string): boolean {
  const thrown = thrownBy(call)
  if (thrown === undefined) return true
  if (!(thrown instanceof PolicyValidationError)) {
    throw new Error(`${label} threw something other than PolicyValidationError: ${String((thrown as Error | undefined)?.stack ?? thrown)}`)
  }
  expect(thrown.issues.length).toBeGreaterThan(0)
  for (const issue of thrown.issues) {
    expect(typeof issue.code).toBe('string')
    expect(typeof issue.path).toBe('string')
    expect(typeof issue.message).toBe('string')
  }
  return false
}

export function expectWellFormed(result: EvaluationResult): void {
  expect(['Allow', 'ExplicitDeny', 'ImplicitDeny']).toContain(result.decision)
  expect(result.allowed).toBe(result.decision === 'Allow')
  expect(typeof result.reason).toBe('string')
  expect(result.reason.length).toBeGreaterThan(0)
  expect(Array.isArray(result.decisiveStatements)).toBe(true)
  if (result.decision === 'ImplicitDeny') expect(result.failedGate).toBeDefined()
}

function expectDeeplyFrozen(value: unknown, depth = 0): void {
  if (typeof value !== 'object' || value === null || depth > 20) return
  expect(Object.isFrozen(value)).toBe(true)
  for (const member of Object.values(value)) expectDeeplyFrozen(member, depth + 1)
}

/** Validation, parsing and linting of one value as one kind, with every cross-check. */
export function checkPolicyValue(input: unknown, kind: PolicyKind): void {
  const before = fingerprint(input)
  let validation: ReturnType<typeof validatePolicy> | undefined
  expect(() => (validation = validatePolicy(input, { kind }))).not.toThrow()
  const result = validation as ReturnType<typeof validatePolicy>
  expect(typeof result.valid).toBe('boolean')
  if (result.valid) expect(result.errors).toEqual([])
  else expect(result.errors.length).toBeGreaterThan(0)
  const parsedOk = onlyPolicyErrors(() => {
    const parsed = parsePolicy(input, { kind })
    expectDeeplyFrozen(parsed)
  }, 'parsePolicy')
  expect(parsedOk).toBe(result.valid)
  let findings: unknown
  expect(() => (findings = lintPolicy(input, { kind }))).not.toThrow()
  expect(Array.isArray(findings)).toBe(true)
  for (const finding of findings as { code: unknown; severity: unknown; path: unknown; message: unknown }[]) {
    expect(typeof finding.code).toBe('string')
    expect(SEVERITIES).toContain(finding.severity)
    expect(typeof finding.path).toBe('string')
    expect(typeof finding.message).toBe('string')
  }
  expect(fingerprint(input)).toEqual(before)
}

export const SLOT_OF_KIND: Record<SlotKind, keyof GenPolicies> = {
  identity: 'identity',
  resource: 'resource',
  boundary: 'permissionsBoundary',
  session: 'session',
  scp: 'scps',
  rcp: 'rcps',
  endpoint: 'endpoint',
}

/** Decides `request` under `policies` every way; policy problems only as PolicyValidationError. */
export function checkDecision(request: unknown, policies: unknown): void {
  const requestBefore = fingerprint(request)
  const policiesBefore = fingerprint(policies)
  let viaEvaluate: EvaluationResult | undefined
  const evaluated = onlyPolicyErrors(
    () => (viaEvaluate = evaluate(request as AuthorizationRequest, policies as PolicySet, { now: NOW })),
    'evaluate',
  )
  let authorizer: ReturnType<typeof compile> | undefined
  const compiled = onlyPolicyErrors(() => (authorizer = compile(policies as PolicySet)), 'compile')
  // The two entry points accept and refuse the same policy sets.
  expect(compiled).toBe(evaluated)
  if (evaluated && compiled && viaEvaluate !== undefined && authorizer !== undefined) {
    expect(Object.isFrozen(authorizer)).toBe(true)
    let viaCompile: EvaluationResult | undefined
    expect(
      () => (viaCompile = (authorizer as ReturnType<typeof compile>).evaluate(request as AuthorizationRequest, { now: NOW })),
    ).not.toThrow()
    const results = [viaEvaluate, viaCompile as EvaluationResult]
    for (const result of results) expectWellFormed(result)
    expect(results[1]?.decision).toBe(results[0]?.decision)
    let explained: EvaluationResult | undefined
    expect(() => (explained = evaluate(request as AuthorizationRequest, policies as PolicySet, { now: NOW, explain: true }))).not.toThrow()
    expect(explained?.decision).toBe(viaEvaluate.decision)
    const shape = requestShape(request)
    if (shape.kind === 'invalid') {
      for (const result of results) {
        expect(result.decision, `C1 refuses the request (${shape.why})`).toBe('ImplicitDeny')
        expect(result.failedGate?.kind).toBe('request')
      }
    } else if (shape.kind === 'valid') {
      // A request is decided on its data: its plain-JSON copy decides the same.
      const copy = JSON.parse(JSON.stringify(request)) as AuthorizationRequest
      if (JSON.stringify(copy) === JSON.stringify(request) && requestShape(copy).kind === 'valid') {
        expect(evaluate(copy, policies as PolicySet, { now: NOW }).decision).toBe(viaEvaluate.decision)
      }
    }
  }
  expect(fingerprint(request)).toEqual(requestBefore)
  expect(fingerprint(policies)).toEqual(policiesBefore)
}

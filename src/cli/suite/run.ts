/**
 * Runs one suite file: read it (JSON or YAML), check it against the suite format, resolve its
 * policies, then evaluate every case with `explain: true` and compare with what it expects.
 * Nothing here prints; the outcome goes to the reporters.
 */
import path from 'node:path'
import { evaluate, PolicyValidationError } from '../../index.js'
import type { AuthorizationRequest, EvaluationResult } from '../../index.js'
import { matchesExpectation } from '../expectation.js'
import { displayPath } from '../files/expand-paths.js'
import type { Problem } from '../files/problem.js'
import { readDocument } from '../files/source-document.js'
import type { SourceDocument } from '../files/source-document.js'
import { describeWithLocation, toPolicySet } from '../policies/set.js'
import type { PolicySources } from '../policies/set.js'
import { readTextFile } from '../policies/source.js'
import { checkRequest, mergeRequests } from '../request/check.js'
import type { CaseOutcome, SuiteOutcome } from './outcome.js'
import { applyPatch } from './policies.js'
import type { PolicyResolver, SuiteContext } from './policies.js'
import { readSuiteSpec } from './spec.js'
import type { CaseSpec, SuiteSpec } from './spec.js'

/** Options of {@link runSuite}. */
export interface RunSuiteOptions {
  /** Working directory, for display paths. */
  readonly cwd: string
  /** Resolves (and caches) policy files across the run. */
  readonly resolver: PolicyResolver
  /** Only cases whose "suite name › case name" contains this text (case-insensitive). */
  readonly filter?: string
  /** The clock, when the suite and case give no `now` (default: the real clock). */
  readonly now?: () => number
}

const SUITE_SUFFIX = /\.iam-test\.(json|ya?ml)$/i

/** The name a suite is shown by when it does not give one: its file name without the suffix. */
function defaultName(file: string): string {
  const base = path.basename(file)
  return base.replace(SUITE_SUFFIX, '').replace(/\.(json|ya?ml)$/i, '')
}

function elapsed(start: number): number {
  return Math.round((performance.now() - start) * 1000) / 1000
}

/** Runs the suite at `absolute`. Returns `undefined` when a filter left it without cases. */
export function runSuite(absolute: string, options: RunSuiteOptions): SuiteOutcome | undefined {
  const start = performance.now()
  const file = displayPath(absolute, options.cwd)
  const failed = (name: string, problems: readonly Problem[]): SuiteOutcome => ({
    file,
    name,
    problems,
    cases: [],
    durationMs: elapsed(start),
  })
  const read = readTextFile(absolute, file)
  if ('problems' in read) return failed(defaultName(file), read.problems)
  const parsed = readDocument(read.text, absolute)
  if (!parsed.ok)
    return failed(
      defaultName(file),
      parsed.problems.map((problem) => ({ file, ...problem })),
    )
  const document = parsed.document
  const checked = readSuiteSpec(document.value)
  if ('problems' in checked) {
    return failed(
      defaultName(file),
      checked.problems.map((problem) => {
        const position = (problem.at === 'key' ? document.locateKey(problem.pointer) : undefined) ?? document.locate(problem.pointer)
        return { file, line: position?.line, column: position?.column, code: 'invalid-suite', message: problem.message }
      }),
    )
  }
  const spec = checked.suite
  const name = spec.name ?? defaultName(file)
  const context: SuiteContext = { absolute, file, document }
  const resolved = options.resolver.resolveAll(spec.policies, context)
  if ('problems' in resolved) return failed(name, resolved.problems)
  const sources = applyPatch({}, resolved.patch)
  const filter = options.filter?.toLowerCase()
  const selected =
    filter === undefined ? spec.cases : spec.cases.filter((testCase) => `${name} › ${testCase.name}`.toLowerCase().includes(filter))
  if (filter !== undefined && selected.length === 0) return undefined
  const cases = selected.map((testCase) => runCase(testCase, spec, sources, context, options))
  return { file, name, problems: [], cases, durationMs: elapsed(start) }
}

/** Where a request problem is written: in the case's request, in the suite's defaults, or at the case. */
function requestProblemPointer(testCase: CaseSpec, spec: SuiteSpec, pointer: string): string {
  const field = /^\/([^/]+)/.exec(pointer)?.[1]
  if (field === undefined) return `${testCase.pointer}/request`
  if (field in testCase.request) return `${testCase.pointer}/request${pointer}`
  if (field in spec.defaults) return `/defaults${pointer}`
  return `${testCase.pointer}/request`
}

function runCase(
  testCase: CaseSpec,
  spec: SuiteSpec,
  suiteSources: PolicySources,
  suite: SuiteContext,
  options: RunSuiteOptions,
): CaseOutcome {
  const start = performance.now()
  const document: SourceDocument = suite.document
  const position = document.locate(testCase.pointer)
  let sources = suiteSources
  const base = {
    name: testCase.name,
    file: suite.file,
    line: position?.line,
    column: position?.column,
    expect: testCase.expect,
    ...(testCase.decidedBy === undefined ? {} : { decidedBy: testCase.decidedBy }),
    ...(testCase.failedGate === undefined ? {} : { failedGate: testCase.failedGate }),
    mismatches: [] as string[],
    problems: [] as Problem[],
  }
  const outcome = (fields: Partial<CaseOutcome> & Pick<CaseOutcome, 'status'>): CaseOutcome => ({
    ...base,
    describe: describeWithLocation(sources),
    durationMs: elapsed(start),
    ...fields,
  })
  if (testCase.skip !== undefined) return outcome({ status: 'skipped', ...(testCase.skip === true ? {} : { skipReason: testCase.skip }) })

  const merged = mergeRequests(spec.defaults, testCase.request)
  const checked = checkRequest(merged)
  if ('problems' in checked) {
    const problems = checked.problems.map((problem): Problem => {
      const at = document.locate(requestProblemPointer(testCase, spec, problem.pointer)) ?? position
      return { file: suite.file, line: at?.line, column: at?.column, code: 'invalid-request', message: problem.message }
    })
    return outcome({ status: 'error', problems, request: merged })
  }
  const request: AuthorizationRequest = checked.request
  if (testCase.policies !== undefined) {
    const resolved = options.resolver.resolveAll(testCase.policies, suite)
    if ('problems' in resolved) return outcome({ status: 'error', problems: resolved.problems, request: merged })
    sources = applyPatch(suiteSources, resolved.patch)
  }
  const now = testCase.now ?? spec.now ?? (options.now === undefined ? undefined : options.now())
  let result: EvaluationResult
  try {
    result = evaluate(request, toPolicySet(sources), { explain: true, now })
  } catch (error) {
    // Policies were checked when resolved; a failure here is unexpected but must not pass silently.
    if (!(error instanceof PolicyValidationError)) throw error
    const problem: Problem = { file: suite.file, line: position?.line, column: position?.column, code: error.code, message: error.message }
    return outcome({ status: 'error', problems: [problem], request: merged })
  }
  const mismatches = compare(testCase, result, describeWithLocation(sources))
  return outcome({ status: mismatches.length === 0 ? 'passed' : 'failed', mismatches, result, request: merged })
}

/** Each way `result` differs from what the case expects. */
function compare(testCase: CaseSpec, result: EvaluationResult, describe: CaseOutcome['describe']): string[] {
  const mismatches: string[] = []
  if (!matchesExpectation(result.decision, testCase.expect)) {
    mismatches.push(`expected ${testCase.expect}, got ${result.decision}`)
    return mismatches
  }
  if (testCase.decidedBy !== undefined && !result.decisiveStatements.some((statement) => statement.sid === testCase.decidedBy)) {
    const actual = result.decisiveStatements.map(describe).join('; ')
    mismatches.push(
      `expected the decision to come from Sid "${testCase.decidedBy}", but it came from ${actual === '' ? 'no statement' : actual}`,
    )
  }
  if (testCase.failedGate !== undefined && result.failedGate?.kind !== testCase.failedGate) {
    mismatches.push(`expected the failed gate to be ${testCase.failedGate}, but it was ${result.failedGate?.kind ?? 'none'}`)
  }
  return mismatches
}

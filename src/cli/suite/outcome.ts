/**
 * What running suites produced, in the shape every reporter reads: per suite, its problems (a
 * suite that cannot be read or whose policies are invalid runs no case) and its cases; per case,
 * the status, where the case is written, what was expected and the full evaluation result.
 */
import type { EvaluationResult, GateKind, StatementReference } from '../../index.js'
import type { Expectation } from '../expectation.js'
import type { Problem } from '../files/problem.js'

/** How a case ended: as expected, not as expected, unable to run, or not run on purpose. */
export type CaseStatus = 'passed' | 'failed' | 'error' | 'skipped'

/** One case's outcome. */
export interface CaseOutcome {
  readonly name: string
  readonly status: CaseStatus
  /** The suite file (display path) and the case's position in it. */
  readonly file: string
  readonly line?: number
  readonly column?: number
  readonly expect: Expectation
  readonly decidedBy?: string
  readonly failedGate?: GateKind
  /** The request as evaluated (after defaults), when it could be built. */
  readonly request?: Readonly<Record<string, unknown>>
  /** The evaluation result (with explanation), when the case ran. */
  readonly result?: EvaluationResult
  /** For `failed`: each way the result differs from the expectation, one sentence each. */
  readonly mismatches: readonly string[]
  /** For `error`: why the case could not run. */
  readonly problems: readonly Problem[]
  /** For `skipped`: the reason, if one was given. */
  readonly skipReason?: string
  readonly durationMs: number
  /** Names a statement of this case's policy set, with its file and line. */
  readonly describe: (reference: StatementReference) => string
}

/** One suite's outcome. */
export interface SuiteOutcome {
  /** Display path of the suite file. */
  readonly file: string
  /** The suite's `name`, or its file name. */
  readonly name: string
  /** Why the suite could not run (it then has no cases). */
  readonly problems: readonly Problem[]
  readonly cases: readonly CaseOutcome[]
  readonly durationMs: number
}

/** Counts over a run. */
export interface RunSummary {
  readonly suites: number
  readonly cases: number
  readonly passed: number
  readonly failed: number
  readonly errors: number
  readonly skipped: number
  /** Problems of suites that could not run, plus problems of the run itself. */
  readonly problems: number
}

/** A whole run. */
export interface RunOutcome {
  readonly suites: readonly SuiteOutcome[]
  /** Problems outside any suite: paths that named nothing, no suites found. */
  readonly problems: readonly Problem[]
  readonly summary: RunSummary
  readonly durationMs: number
  /** True when every case passed or was skipped and nothing went wrong. */
  readonly success: boolean
}

/** Counts the outcomes of `suites`. */
export function summarize(suites: readonly SuiteOutcome[], runProblems: readonly Problem[]): RunSummary {
  const cases = suites.flatMap((suite) => suite.cases)
  const count = (status: CaseStatus): number => cases.filter((outcome) => outcome.status === status).length
  return {
    suites: suites.length,
    cases: cases.length,
    passed: count('passed'),
    failed: count('failed'),
    errors: count('error'),
    skipped: count('skipped'),
    problems: runProblems.length + suites.reduce((total, suite) => total + suite.problems.length, 0),
  }
}

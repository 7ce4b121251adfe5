/**
 * The JSON reporter: the whole run as one JSON document for machines, with each case's full
 * evaluation result. Shape: `{ success, summary, durationMs, problems, suites: [{ file, name,
 * durationMs, problems, cases: [{ name, status, file, line, column, expect, decidedBy?,
 * failedGate?, request, result, mismatches, problems, skipReason?, durationMs }] }] }`.
 */
import type { CaseOutcome, RunOutcome } from '../suite/outcome.js'
import type { Reporter, ReporterTarget } from './reporter.js'

/** A case without its functions, ready for `JSON.stringify`. */
function caseJson(outcome: CaseOutcome): Record<string, unknown> {
  const { describe: _describe, ...data } = outcome
  return data
}

/** The run as a JSON value. */
export function runJson(run: RunOutcome): Record<string, unknown> {
  return {
    success: run.success,
    summary: run.summary,
    durationMs: run.durationMs,
    problems: run.problems,
    suites: run.suites.map((suite) => ({ ...suite, cases: suite.cases.map(caseJson) })),
  }
}

/** The JSON reporter. */
export function jsonReporter(target: ReporterTarget): Reporter {
  return {
    finish(run) {
      target.writer.write(`${JSON.stringify(runJson(run), null, 2)}\n`)
    },
  }
}

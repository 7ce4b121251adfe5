/**
 * The JSON reporter: the whole run as one JSON document for machines, with each case's full
 * evaluation result. Shape: `{ success, summary, durationMs, problems, suites: [{ file, name,
 * durationMs, problems, cases: [{ name, status, file, line, column, expect, decidedBy?,
 * failedGate?, request, result, mismatches, problems, skipReason?, durationMs }] }] }`.
 */
import type { CaseOutcome, RunOutcome } from '../suite/outcome.js'
import type { Reporter, ReporterTarget } from './reporter.js'

/** A case without its functions, members in a reading order, ready for `JSON.stringify`. */
function caseJson(outcome: CaseOutcome): Record<string, unknown> {
  return {
    name: outcome.name,
    status: outcome.status,
    file: outcome.file,
    line: outcome.line,
    column: outcome.column,
    expect: outcome.expect,
    decidedBy: outcome.decidedBy,
    failedGate: outcome.failedGate,
    skipReason: outcome.skipReason,
    mismatches: outcome.mismatches,
    problems: outcome.problems,
    request: outcome.request,
    result: outcome.result,
    durationMs: outcome.durationMs,
  }
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

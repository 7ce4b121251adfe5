/**
 * The terminal reporter (default): each suite as it finishes with a mark per case, the full
 * explanation under each failure, and a summary. Colour follows the usual rules of the CLI.
 */
import { formatProblem } from '../files/problem.js'
import type { Style } from '../output/colour.js'
import type { CaseOutcome, RunOutcome, SuiteOutcome } from '../suite/outcome.js'
import { caseDetailLines } from './case-details.js'
import type { Reporter, ReporterTarget } from './reporter.js'

/** One line for a case: its mark and name (and the skip reason). */
export function caseLine(outcome: CaseOutcome, style: Style): string {
  switch (outcome.status) {
    case 'passed':
      return `${style.green('✓')} ${outcome.name}`
    case 'failed':
      return `${style.red('✗')} ${outcome.name}  ${style.dim(`(${outcome.file}:${outcome.line ?? 1})`)}`
    case 'error':
      return `${style.red('!')} ${outcome.name}  ${style.dim(`(${outcome.file}:${outcome.line ?? 1})`)}`
    case 'skipped':
      return `${style.yellow('-')} ${outcome.name} ${style.dim(outcome.skipReason === undefined ? '(skipped)' : `(skipped: ${outcome.skipReason})`)}`
  }
}

/** The lines of one suite: header, cases, failure details. */
export function suiteLines(suite: SuiteOutcome, style: Style, verbose = false): string[] {
  const bad = suite.problems.length > 0 || suite.cases.some((outcome) => outcome.status === 'failed' || outcome.status === 'error')
  const badge = bad ? style.bold(style.red(' FAIL ')) : style.bold(style.green(' PASS '))
  const count = suite.problems.length > 0 ? 'could not run' : `${suite.cases.length} case${suite.cases.length === 1 ? '' : 's'}`
  const lines = [`${badge} ${style.bold(suite.file)}  ${suite.name}  ${style.dim(`(${count})`)}`]
  for (const problem of suite.problems) lines.push(`    ${formatProblem(problem, style)}`)
  for (const outcome of suite.cases) {
    lines.push(`    ${caseLine(outcome, style)}`)
    for (const detail of caseDetailLines(outcome, style)) lines.push(`        ${detail}`)
    if (verbose && outcome.status === 'passed' && outcome.result !== undefined) {
      lines.push(`        ${style.dim(`${outcome.result.decision}: ${outcome.result.reason}`)}`)
    }
  }
  return lines
}

/** Counts as `3 passed, 1 failed`, leaving out zeros (but never empty). */
function counts(parts: readonly [number, string, (text: string) => string][]): string {
  const shown = parts.filter(([value]) => value > 0).map(([value, label, colour]) => colour(`${value} ${label}`))
  return shown.length === 0 ? '0' : shown.join(', ')
}

/** The summary lines at the end of a run. */
export function summaryLines(run: RunOutcome, style: Style): string[] {
  const summary = run.summary
  const failedSuites = run.suites.filter(
    (suite) => suite.problems.length > 0 || suite.cases.some((outcome) => outcome.status === 'failed' || outcome.status === 'error'),
  ).length
  return [
    `${style.bold('Suites')}  ${counts([
      [summary.suites - failedSuites, 'passed', style.green],
      [failedSuites, 'failed', style.red],
    ])} (${summary.suites})`,
    `${style.bold('Cases')}   ${counts([
      [summary.passed, 'passed', style.green],
      [summary.failed, 'failed', style.red],
      [summary.errors, 'could not run', style.red],
      [summary.skipped, 'skipped', style.yellow],
    ])} (${summary.cases})`,
    `${style.bold('Time')}    ${Math.round(run.durationMs)} ms`,
  ]
}

/** The pretty reporter. */
export function prettyReporter(target: ReporterTarget, verbose = false): Reporter {
  const { writer, style } = target
  return {
    suiteFinished(suite) {
      writer.write(`${suiteLines(suite, style, verbose).join('\n')}\n\n`)
    },
    finish(run) {
      for (const problem of run.problems) writer.write(`${formatProblem(problem, style)}\n`)
      if (run.problems.length > 0) writer.write('\n')
      writer.write(`${summaryLines(run, style).join('\n')}\n`)
    },
  }
}

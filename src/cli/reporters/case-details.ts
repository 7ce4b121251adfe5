/**
 * The body of a failed or errored case, shared by every human-facing report (terminal, JUnit
 * failure text, GitHub annotation): what differed, the request, and the full explanation (which
 * statement or gate decided, which context keys were missing, which statements almost matched).
 */
import { formatProblem } from '../files/problem.js'
import { PLAIN } from '../output/colour.js'
import type { Style } from '../output/colour.js'
import { explanationLines } from '../../format/explanation.js'
import type { CaseOutcome } from '../suite/outcome.js'

/** A request in one line: `s3:GetObject on arn:... by arn:...`, plus its context as JSON. */
export function requestLines(request: Readonly<Record<string, unknown>>, style: Style = PLAIN): string[] {
  const text = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '?'))
  const lines = [`${style.dim('request:')} ${text(request['action'])} on ${text(request['resource'])} by ${text(request['principal'])}`]
  if (request['resourceAccount'] !== undefined) lines.push(`${style.dim('resource account:')} ${text(request['resourceAccount'])}`)
  const context = request['context']
  if (context !== undefined && typeof context === 'object' && context !== null && Object.keys(context).length > 0) {
    lines.push(`${style.dim('context:')} ${JSON.stringify(context)}`)
  }
  return lines
}

/** Lines explaining a failed or errored case (empty for passed and skipped ones). */
export function caseDetailLines(outcome: CaseOutcome, style: Style = PLAIN): string[] {
  if (outcome.status === 'error') return outcome.problems.map((problem) => formatProblem(problem, style))
  if (outcome.status !== 'failed') return []
  const lines = outcome.mismatches.map((mismatch) => style.red(mismatch))
  if (outcome.request !== undefined) lines.push(...requestLines(outcome.request, style))
  if (outcome.result !== undefined) {
    lines.push(...explanationLines(outcome.result, { style, describe: outcome.describe, nearMisses: true, indent: '' }))
  }
  return lines
}

/** The one-line headline of a failed or errored case. */
export function caseHeadline(outcome: CaseOutcome): string {
  if (outcome.status === 'error') {
    const first = outcome.problems[0]
    return first === undefined ? 'the case could not run' : `the case could not run: ${first.message}`
  }
  return outcome.mismatches.join('; ')
}

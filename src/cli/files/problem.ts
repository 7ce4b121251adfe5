/**
 * The one shape for "something is wrong in this file, here": syntax errors, suite mistakes,
 * invalid policies, missing files. Every command prints problems the same way,
 * `file:line:column  code  message`, which editors and terminals turn into links.
 */
import type { Style } from '../output/colour.js'
import { PLAIN } from '../output/colour.js'

/** A located problem. */
export interface Problem {
  /** The file as displayed (relative to the working directory when inside it); `''` for problems of no file. */
  readonly file: string
  /** 1-based line, when known. */
  readonly line?: number
  /** 1-based column, when known. */
  readonly column?: number
  /** Stable code: a `PolicyIssueCode`, `invalid-json`, `invalid-yaml`, `invalid-suite`, `missing-file`, ... */
  readonly code: string
  /** A sentence a person can act on. */
  readonly message: string
}

/** `file:line:column` (or less, when the position is unknown). */
export function problemLocation(problem: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (problem.line === undefined) return problem.file
  return `${problem.file}:${problem.line}:${problem.column ?? 1}`
}

/** `file:line:column  code  message`, the format of every problem the CLI prints. */
export function formatProblem(problem: Problem, style: Style = PLAIN): string {
  if (problem.file === '') return `${style.red(problem.code)}  ${problem.message}`
  return `${style.bold(problemLocation(problem))}  ${style.red(problem.code)}  ${problem.message}`
}

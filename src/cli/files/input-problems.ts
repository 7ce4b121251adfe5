/**
 * The error of "these inputs cannot be used": it carries located problems (missing files, invalid
 * policies, malformed requests) for the command to print, instead of a single message.
 */
import type { Problem } from './problem.js'

/** Thrown while reading inputs; the command prints every problem and exits 1. */
export class InputProblems extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((problem) => problem.message).join('; '))
    this.name = 'InputProblems'
  }
}

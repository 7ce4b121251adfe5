/**
 * The contract between `iam-eval test` and its reporters: a reporter may print each suite as it
 * finishes (for people watching) and prints or writes its report when the run ends.
 */
import type { Writer } from '../io.js'
import type { Style } from '../output/colour.js'
import type { RunOutcome, SuiteOutcome } from '../suite/outcome.js'

/** Renders test outcomes. */
export interface Reporter {
  /** Called after each suite, in order. */
  suiteFinished?(suite: SuiteOutcome): void
  /** Called once at the end with everything. */
  finish(run: RunOutcome): void
}

/** Where and how a reporter writes. */
export interface ReporterTarget {
  readonly writer: Writer
  /** Colours; always plain for files and machine formats. */
  readonly style: Style
}

/** The reporters `--reporter` accepts. */
export const REPORTER_NAMES = ['pretty', 'json', 'junit', 'github'] as const

/** A reporter name. */
export type ReporterName = (typeof REPORTER_NAMES)[number]

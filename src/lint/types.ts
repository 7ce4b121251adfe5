/**
 * The linter's vocabulary: findings, severities, and the uniform shape every check has. The core
 * (`lint-policy.ts`) and the check table (`checks/index.ts`) only speak through these types, so a
 * check can be added or removed without touching the core.
 */
import type { PolicyKind } from '../policy/model.js'
import type { LintContext } from './context.js'

/**
 * How serious a finding is. The four levels follow IAM Access Analyzer's grouping (R148):
 * - `error`: AWS rejects the document, or Access Analyzer reports it as an error;
 * - `security`: the policy grants more than is probably intended;
 * - `warning`: the policy is accepted but some part of it does not do what it seems to say;
 * - `suggestion`: redundant or unusual spelling with no effect on the outcome.
 */
export type Severity = 'error' | 'security' | 'warning' | 'suggestion'

/** Every severity, most serious first. */
export const SEVERITIES: readonly Severity[] = Object.freeze(['error', 'security', 'warning', 'suggestion'])

/** One problem the linter found in a policy document. */
export interface Finding {
  /** Stable identifier of the check (or of the validation issue) that produced it. */
  readonly code: string
  /** How serious it is. */
  readonly severity: Severity
  /** JSON pointer (RFC 6901) of the offending value; `""` is the whole document. */
  readonly path: string
  /** 1-based line in the input text, when the input was JSON text. */
  readonly line?: number
  /** 1-based column in the input text, when the input was JSON text. */
  readonly column?: number
  /** What is wrong, in one or two sentences. */
  readonly message: string
  /** A short sentence saying how to fix it. */
  readonly fix?: string
}

/** An example document for a check's documentation: linting it yields the check's code. */
export interface LintExample {
  /** The policy kind to lint it as. */
  readonly kind: PolicyKind
  /** The document. */
  readonly policy: unknown
}

/**
 * One lint check. Every check has this shape and is registered in the table of
 * `checks/index.ts`; the core runs them all and knows nothing about any of them.
 */
export interface LintCheck {
  /** Stable identifier, kebab-case; never changes meaning once published. */
  readonly code: string
  /** Severity of every finding it produces. */
  readonly severity: Severity
  /** What a finding of this code means (one sentence). */
  readonly description: string
  /** Why it matters (documentation). */
  readonly rationale: string
  /** How to fix it; the default `fix` of its findings. */
  readonly fix: string
  /** Spec rules it relies on, e.g. `['R44', 'R82']`. */
  readonly rules: readonly string[]
  /** A document that triggers it (documentation, and a self-test). */
  readonly example: LintExample
  /**
   * Inspects the document. Must not throw (the core guards it anyway) and must only read the
   * context: findings are built with {@link LintContext.finding}.
   */
  check(context: LintContext): readonly Finding[]
}

/** Everything a lint check says about itself: a {@link LintCheck} without its `check` function. */
export type LintCheckInfo = Omit<LintCheck, 'check'>

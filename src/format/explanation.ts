/**
 * Evaluation results as lines of text: the reason, the decisive statements or failed gate, the
 * context keys whose absence decided, and the statements that almost matched. Shared by the CLI
 * (the `evaluate` command and the test reporters) and the `iam-eval/vitest` matchers, so a
 * decision reads the same everywhere. Pure string building, no Node APIs.
 */
import { describeStatement } from '../compile/reference.js'
import type { StatementReference } from '../compile/reference.js'
import type { EvaluationResult, FailedGate, GateExplanation, StatementExplanation, StatementFailure } from '../evaluate/result.js'

/** The few text styles explanations use (the CLI passes terminal colours; the default adds none). */
export interface TextStyle {
  readonly dim: (text: string) => string
  readonly red: (text: string) => string
  readonly green: (text: string) => string
  readonly yellow: (text: string) => string
}

const unchanged = (text: string): string => text
const PLAIN: TextStyle = { dim: unchanged, red: unchanged, green: unchanged, yellow: unchanged }

/** How to render an explanation. */
export interface ExplanationFormat {
  /** Colours (default: none). */
  readonly style?: TextStyle
  /**
   * Names a statement. Defaults to the library's `describeStatement`; the CLI passes one that
   * adds the policy file and the statement's line.
   */
  readonly describe?: (reference: StatementReference) => string
  /** List the statements that matched the action but failed on another element (default true). */
  readonly nearMisses?: boolean
  /** List every statement and every gate the flow checked (default false). */
  readonly verbose?: boolean
  /** Prefix of every line (default two spaces). */
  readonly indent?: string
}

/** A gate as people read it: `identity`, `scp level 1`, `endpoint policy #0`. */
export function describeGate(gate: FailedGate | GateExplanation): string {
  if (gate.level !== undefined) return `${gate.kind} level ${gate.level}`
  if (gate.policyIndex !== undefined) return `${gate.kind} policy #${gate.policyIndex}`
  return gate.kind
}

/** Formats a request value as found in a condition failure; `undefined` means the key was absent. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'absent'
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Why one statement did not apply, in a few words. */
export function describeFailure(failure: StatementFailure): string {
  switch (failure.element) {
    case 'inert':
      return `inert: ${failure.detail}`
    case 'not-applicable':
      return `not applicable: ${failure.detail}`
    case 'action':
      return 'the action does not match'
    case 'resource':
      return 'the resource does not match'
    case 'principal':
      return 'the principal does not name the caller'
    case 'condition':
      return `condition ${failure.operator} on ${failure.key} failed (request value: ${describeValue(failure.requestValue)})`
  }
}

/** A statement that failed on something other than its action: the likely culprit of a surprise. */
function isNearMiss(statement: StatementExplanation): boolean {
  const element = statement.failure?.element
  return element !== undefined && element !== 'action' && element !== 'not-applicable'
}

/**
 * The explanation of `result` as lines (without trailing newlines). Works with or without
 * `result.explanation`; with it, adds missing context keys and near misses.
 */
export function explanationLines(result: EvaluationResult, format: ExplanationFormat = {}): string[] {
  const style = format.style ?? PLAIN
  const describe = format.describe ?? describeStatement
  const indent = format.indent ?? '  '
  const lines: string[] = []
  const add = (label: string, text: string): void => {
    lines.push(`${indent}${style.dim(`${label}:`)} ${text}`)
  }
  add('reason', result.reason)
  for (const reference of result.decisiveStatements) {
    add(result.decision === 'Allow' ? 'allowed by' : 'denied by', describe(reference))
  }
  if (result.failedGate !== undefined) add('failed gate', style.yellow(describeGate(result.failedGate)))
  const explanation = result.explanation
  if (explanation === undefined) return lines
  if (explanation.missingContextKeys.length > 0) {
    add('missing context keys', style.yellow(explanation.missingContextKeys.join(', ')))
  }
  if (format.verbose === true) {
    const gates = explanation.gates.map((gate) => `${describeGate(gate)} ${gate.passed ? style.green('passed') : style.red('failed')}`)
    add('gates', gates.length === 0 ? '(none)' : gates.join(', '))
    lines.push(`${indent}${style.dim('statements:')}${explanation.statements.length === 0 ? ' (none)' : ''}`)
    for (const statement of explanation.statements) {
      const outcome = statement.failure === undefined ? style.green('matched') : describeFailure(statement.failure)
      lines.push(`${indent}  ${describe(statement.statement)}: ${outcome}`)
    }
  } else if (format.nearMisses !== false) {
    const near = explanation.statements.filter(isNearMiss)
    if (near.length > 0) {
      lines.push(`${indent}${style.dim('statements that almost matched:')}`)
      for (const statement of near) {
        lines.push(`${indent}  ${describe(statement.statement)}: ${describeFailure(statement.failure as StatementFailure)}`)
      }
    }
  }
  return lines
}

/**
 * Facts about statements that several checks need — which actions an `Action`/`NotAction`
 * element covers, whether a resource element covers everything, the condition tests on one key —
 * and the factory for the policy-size checks. Kept out of `checks/` so that directory holds one
 * check per file and nothing else.
 */
import type { PolicyKind } from '../policy/model.js'
import type { LintConditionTest, LintContext, LintList, LintStatement, Located } from './context.js'
import { globCovers, isAllStars, workBudget } from './patterns.js'
import type { PolicyScalar } from '../policy/model.js'
import type { OperatorFamily } from '../policy/operators.js'
import type { Finding, LintCheck, LintExample, Severity } from './types.js'

/**
 * Whether an `Action`/`NotAction` element covers the action `name` (R58-R61): for `Action`, some
 * pattern matches it; for `NotAction`, none does. Case-insensitive.
 */
export function actionElementCovers(action: LintList, name: string): boolean {
  const lower = name.toLowerCase()
  const budget = workBudget(100_000)
  const matched = action.values.some((pattern) => globCovers(pattern.value.toLowerCase(), lower, budget) === true)
  return action.negated ? !matched : matched
}

/** True when the element is `Action`/`Resource` (not negated) and one of its patterns is `*`. */
export function coversEverything(list: LintList | undefined): boolean {
  return list !== undefined && !list.negated && list.values.some((pattern) => isAllStars(pattern.value))
}

/** The statement's condition tests on `keyLower` (keys are case-insensitive, R78). */
export function testsOnKey(statement: LintStatement, keyLower: string): LintConditionTest[] {
  return statement.tests.filter((test) => test.keyLower === keyLower)
}

/** Calls `visit` for every value of every condition test whose operator family is in `families`. */
export function forEachConditionValue(
  context: LintContext,
  families: readonly OperatorFamily[],
  visit: (value: Located<PolicyScalar>, test: LintConditionTest, statement: LintStatement) => void,
): void {
  for (const statement of context.document.statements) {
    for (const test of statement.tests) {
      if (test.family === undefined || !families.includes(test.family)) continue
      for (const value of test.values) visit(value, test, statement)
    }
  }
}

/** Calls `visit` for every entry of every `Resource`/`NotResource` element. */
export function forEachResource(context: LintContext, visit: (value: Located<string>, list: LintList, statement: LintStatement) => void): void {
  for (const statement of context.document.statements) {
    const list = statement.resource
    if (list === undefined) continue
    for (const value of list.values) visit(value, list, statement)
  }
}

/** Calls `visit` for every entry of every `Action`/`NotAction` element. */
export function forEachAction(context: LintContext, visit: (value: Located<string>, list: LintList, statement: LintStatement) => void): void {
  for (const statement of context.document.statements) {
    const list = statement.action
    if (list === undefined) continue
    for (const value of list.values) visit(value, list, statement)
  }
}

/** Describes a condition value for messages, quoted and shortened. */
export function quote(value: PolicyScalar): string {
  const text = typeof value === 'string' ? value : String(value)
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)
}

/** How a size check counts and what it allows. */
export interface SizeCheckDefinition {
  readonly code: string
  readonly severity: Severity
  readonly description: string
  readonly rationale: string
  readonly fix: string
  readonly rules: readonly string[]
  readonly example: LintExample
  /** Kinds it applies to. */
  readonly kinds: readonly PolicyKind[]
  /** What the quota is called in messages. */
  readonly quotaName: string
  /** Findings start above this many characters. */
  readonly limit: number
  /** Findings stop above this many characters (another check takes over), if set. */
  readonly upTo?: number
  /** Whether white space between JSON tokens counts (Organizations and VPC quotas, R145, R146). */
  readonly countWhitespace: boolean
}

/** Builds a policy-size check (R143-R146). */
export function sizeCheck(definition: SizeCheckDefinition): LintCheck {
  const check: LintCheck = {
    code: definition.code,
    severity: definition.severity,
    description: definition.description,
    rationale: definition.rationale,
    fix: definition.fix,
    rules: definition.rules,
    example: definition.example,
    check(context: LintContext): Finding[] {
      if (!definition.kinds.includes(context.kind) || !context.document.isObject) return []
      const size = context.document.size
      const count = definition.countWhitespace ? size.all : size.withoutWhitespace
      if (count <= definition.limit) return []
      if (definition.upTo !== undefined && count > definition.upTo) return []
      const how = definition.countWhitespace ? 'counting every character' : 'not counting white space'
      const source = size.fromText ? '' : ' of its compact JSON form'
      return [
        context.finding(
          check,
          '',
          `the policy has ${count} characters${source} (${how}); the ${definition.quotaName} is ${definition.limit}`,
        ),
      ]
    },
  }
  return check
}

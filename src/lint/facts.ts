/**
 * Facts about statements that several checks need — which actions an `Action`/`NotAction`
 * element covers, whether a resource element covers everything, the condition tests on one key,
 * repeated Sids, list entries covered by other entries — and the factory for the policy-size
 * checks. Kept out of `checks/` so that directory holds one check per file and nothing else.
 */
import type { PolicyKind, PolicyScalar } from '../policy/model.js'
import type { LintConditionTest, LintContext, LintList, LintStatement, Located } from './context.js'
import { globCovers, hasWildcard, isAllStars, workBudget } from './patterns.js'
import type { WorkBudget } from './patterns.js'
import type { OperatorFamily } from '../policy/operators.js'
import type { Finding, LintCheck, LintExample, Severity } from './types.js'

/**
 * Whether an `Action`/`NotAction` element covers the action `name` (R58-R61): for `Action`, some
 * pattern matches it; for `NotAction`, none does. Case-insensitive.
 */
export function actionElementCovers(action: LintList, name: string): boolean {
  const lower = name.toLowerCase()
  // Enough budget for every comparison, so no answer is "unknown" (cost is linear in the list).
  const budget = workBudget(action.values.reduce((total, pattern) => total + (pattern.value.length + 2) * (lower.length + 2), 0))
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
export function forEachResource(
  context: LintContext,
  visit: (value: Located<string>, list: LintList, statement: LintStatement) => void,
): void {
  for (const statement of context.document.statements) {
    const list = statement.resource
    if (list === undefined) continue
    for (const value of list.values) visit(value, list, statement)
  }
}

/** Calls `visit` for every entry of every `Action`/`NotAction` element. */
export function forEachAction(
  context: LintContext,
  visit: (value: Located<string>, list: LintList, statement: LintStatement) => void,
): void {
  for (const statement of context.document.statements) {
    const list = statement.action
    if (list === undefined) continue
    for (const value of list.values) visit(value, list, statement)
  }
}

/** Kinds stored by IAM itself, which requires unique Sids (R40). */
export const IAM_STORED_KINDS: ReadonlySet<PolicyKind> = new Set(['identity', 'boundary', 'trust'])

/** Every statement whose Sid repeats an earlier one: [path of the Sid, sid, index of the first]. */
export function repeatedSids(context: LintContext): Array<[string, string, number]> {
  const first = new Map<string, number>()
  const repeated: Array<[string, string, number]> = []
  for (const statement of context.document.statements) {
    const sid = statement.sid
    if (sid === undefined) continue
    const earlier = first.get(sid.value)
    if (earlier === undefined) first.set(sid.value, statement.index)
    else repeated.push([sid.path, sid.value, earlier])
  }
  return repeated
}

/**
 * For each entry covered by another one: [entry, the covering entry]. Entries are compared
 * case-insensitively (R58); of two equivalent entries the later one is reported. Only entries
 * that can cover each other are compared (same literal service, or a wildcard service), within a
 * work budget.
 */
export function coveredEntries(
  values: readonly Located<string>[],
  normalize: (text: string) => string,
  group: (pattern: string) => string | undefined,
  covers: (general: string, specific: string, budget: WorkBudget) => boolean | undefined,
): Array<[Located<string>, Located<string>]> {
  const budget = workBudget()
  const patterns = values.map((value) => normalize(value.value))
  const generals = new Map<string | undefined, number[]>()
  patterns.forEach((pattern, index) => {
    if (!hasWildcard(pattern)) return
    const key = group(pattern)
    const list = generals.get(key) ?? []
    list.push(index)
    generals.set(key, list)
  })
  const firstOf = new Map<string, number>()
  const result: Array<[Located<string>, Located<string>]> = []
  const anyService = generals.get(undefined) ?? []
  for (let index = 0; index < patterns.length; index++) {
    // Out of budget: what was found so far is reported, the rest is not examined.
    if (budget.remaining <= 0) break
    const pattern = patterns[index] as string
    const value = values[index] as Located<string>
    const first = firstOf.get(pattern)
    if (first !== undefined) {
      result.push([value, values[first] as Located<string>])
      continue
    }
    firstOf.set(pattern, index)
    const ownGroup = group(pattern)
    const sameService = ownGroup === undefined ? [] : (generals.get(ownGroup) ?? [])
    const covering = findCovering(index, pattern, patterns, [anyService, sameService], covers, budget)
    if (covering !== undefined) result.push([value, values[covering] as Located<string>])
  }
  return result
}

/** The first candidate that covers `patterns[index]`, or `undefined`. */
function findCovering(
  index: number,
  pattern: string,
  patterns: readonly string[],
  candidateLists: readonly (readonly number[])[],
  covers: (general: string, specific: string, budget: WorkBudget) => boolean | undefined,
  budget: WorkBudget,
): number | undefined {
  for (const candidates of candidateLists) {
    for (const other of candidates) {
      const general = patterns[other] as string
      if (other === index || general === pattern) continue
      if (covers(general, pattern, budget) !== true) continue
      // Two different patterns that cover each other: report only the later one.
      if (other > index && covers(pattern, general, budget) === true) continue
      return other
    }
  }
  return undefined
}

/** Describes a condition value for messages, quoted and shortened. */
export function quote(value: PolicyScalar): string {
  const text = typeof value === 'string' ? value : String(value)
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)
}

/** How a size check counts and what it allows. */
export interface SizeCheckDefinition {
  /** As {@link LintCheck.code}. */
  readonly code: string
  /** As {@link LintCheck.severity}. */
  readonly severity: Severity
  /** As {@link LintCheck.description}. */
  readonly description: string
  /** As {@link LintCheck.rationale}. */
  readonly rationale: string
  /** As {@link LintCheck.fix}. */
  readonly fix: string
  /** As {@link LintCheck.rules}. */
  readonly rules: readonly string[]
  /** As {@link LintCheck.example}. */
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

/**
 * Facts about statements that several checks need — which actions an `Action`/`NotAction`
 * element covers, whether a resource element covers everything, the condition tests on one key,
 * repeated Sids, list entries covered by other entries — and the walkers that visit the parts of a
 * document (condition tests and values, list and principal entries, texts where variables are
 * substituted). Kept out of `checks/` so that directory holds one check per file and nothing else.
 */
import type { PolicyKind, PolicyScalar } from '../policy/model.js'
import type { OperatorFamily } from '../policy/operators.js'
import { resourceVariableStart } from '../policy/variables.js'
import type { LintConditionTest, LintContext, LintList, LintPrincipal, LintPrincipalEntry, LintStatement, Located } from './context.js'
import { globCovers, hasWildcard, isAllStars, workBudget } from './patterns.js'
import type { WorkBudget } from './patterns.js'

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

/**
 * The operator families that compare parsed values — numbers, dates, Booleans, bytes, addresses,
 * presence — rather than text: they substitute no variables (R115) and have no wildcards (R90-R96).
 */
export const TYPED_FAMILIES: readonly OperatorFamily[] = ['numeric', 'date', 'bool', 'binary', 'ip', 'null']

/** Calls `visit` for every condition test (operator/key pair) of every statement, in document order. */
export function forEachConditionTest(context: LintContext, visit: (test: LintConditionTest, statement: LintStatement) => void): void {
  for (const statement of context.document.statements) {
    for (const test of statement.tests) visit(test, statement)
  }
}

/** Calls `visit` for every value of every condition test whose operator family is in `families`. */
export function forEachConditionValue(
  context: LintContext,
  families: readonly OperatorFamily[],
  visit: (value: Located<PolicyScalar>, test: LintConditionTest, statement: LintStatement) => void,
): void {
  forEachConditionTest(context, (test, statement) => {
    if (test.family === undefined || !families.includes(test.family)) return
    for (const value of test.values) visit(value, test, statement)
  })
}

/** What the list walkers call for each entry: the entry, its element, its statement. */
type ListEntryVisitor = (value: Located<string>, list: LintList, statement: LintStatement) => void

/** Calls `visit` for every `Action`/`NotAction` (`'action'`) or `Resource`/`NotResource` element. */
function forEachList(
  context: LintContext,
  element: 'action' | 'resource',
  visit: (list: LintList, statement: LintStatement) => void,
): void {
  for (const statement of context.document.statements) {
    const list = statement[element]
    if (list !== undefined) visit(list, statement)
  }
}

/** Calls `visit` for every entry of every `Action`/`NotAction` (`'action'`) or `Resource`/`NotResource` element. */
function forEachListEntry(context: LintContext, element: 'action' | 'resource', visit: ListEntryVisitor): void {
  forEachList(context, element, (list, statement) => {
    for (const value of list.values) visit(value, list, statement)
  })
}

/** Calls `visit` for every entry of every `Resource`/`NotResource` element. */
export function forEachResource(context: LintContext, visit: ListEntryVisitor): void {
  forEachListEntry(context, 'resource', visit)
}

/** Calls `visit` for every entry of every `Action`/`NotAction` element. */
export function forEachAction(context: LintContext, visit: ListEntryVisitor): void {
  forEachListEntry(context, 'action', visit)
}

/** Calls `visit` for every entry of every `Principal`/`NotPrincipal` element. */
export function forEachPrincipalEntry(
  context: LintContext,
  visit: (entry: LintPrincipalEntry, principal: LintPrincipal, statement: LintStatement) => void,
): void {
  for (const statement of context.document.statements) {
    const principal = statement.principal
    if (principal === undefined) continue
    for (const entry of principal.entries) visit(entry, principal, statement)
  }
}

/**
 * Calls `visit` for every text in which policy variables are substituted: the resource part of
 * each `Resource`/`NotResource` entry that has one (R72) and each string of a string or ARN
 * condition value (R115). Nothing is substituted, so nothing is visited, unless `Version` is
 * `2012-10-17` (R38).
 */
export function forEachVariableText(context: LintContext, visit: (path: string, text: string) => void): void {
  if (!context.document.variablesEnabled) return
  forEachResource(context, (value) => {
    const start = resourceVariableStart(value.value)
    if (start !== -1) visit(value.path, value.value.slice(start))
  })
  forEachConditionValue(context, ['string', 'arn'], (value) => {
    if (typeof value.value === 'string') visit(value.path, value.value)
  })
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

/** How the entries of one kind of list cover each other. */
export interface Coverage {
  /** The form in which entries are compared (for example lower-cased, R58). */
  readonly normalize: (text: string) => string
  /** The literal service of a normalized pattern, or `undefined` when it may be any service. */
  readonly group: (pattern: string) => string | undefined
  /** Whether the pattern `general` covers `specific`; `undefined` when the budget ran out. */
  readonly covers: (general: string, specific: string, budget: WorkBudget) => boolean | undefined
}

/**
 * Calls `visit` for every entry of an `Action`/`NotAction` (`'action'`) or `Resource`/`NotResource`
 * element that another entry of the same element covers, with the covering entry (see
 * {@link coveredEntries}).
 */
export function forEachCoveredEntry(
  context: LintContext,
  element: 'action' | 'resource',
  coverage: Coverage,
  visit: (entry: Located<string>, by: Located<string>, list: LintList) => void,
): void {
  forEachList(context, element, (list) => {
    if (list.values.length < 2) return
    for (const [entry, by] of coveredEntries(list.values, coverage)) visit(entry, by, list)
  })
}

/**
 * For each entry covered by another one: [entry, the covering entry]. Entries are compared
 * in their normalized form; of two equivalent entries the later one is reported. Only entries
 * that can cover each other are compared (same literal service, or a wildcard service), within a
 * work budget.
 */
function coveredEntries(values: readonly Located<string>[], coverage: Coverage): Array<[Located<string>, Located<string>]> {
  const { normalize, group, covers } = coverage
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

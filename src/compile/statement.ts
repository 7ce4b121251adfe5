/**
 * A statement lowered to matchers: action patterns lower-cased and compiled (R58, R59), resource
 * patterns compiled as ARN matchers with their policy variables pre-split (R64-R72), principals
 * indexed (R46-R57), conditions compiled (sections 8-12). Everything here is request-independent
 * and done once; `evaluate/` applies it to requests.
 */
import { compileCondition } from '../conditions/condition.js'
import type { CompiledCondition } from '../conditions/condition.js'
import type { ContextView } from '../conditions/context.js'
import { prepareTemplate, resolveToGlob } from '../conditions/template.js'
import type { PreparedTemplate } from '../conditions/template.js'
import { compileArnPattern, matchResource, matchResourceParts } from '../match/arn.js'
import type { ArnMatcher } from '../match/arn.js'
import { compilePrincipal } from '../match/principal.js'
import type { PrincipalMatcher } from '../match/principal.js'
import { compileGlob, parseGlob } from '../match/wildcard.js'
import type { GlobMatcher } from '../match/wildcard.js'
import type { Effect, ParsedPolicy, Statement } from '../policy/model.js'
import { OPERATORS } from '../policy/operators.js'
import { parseTemplate, resourceVariableStart } from '../policy/variables.js'

/** The request as resource matching sees it. */
export interface ResourceTarget {
  readonly resource: string
  /** `isArnLike(resource)`, computed at most once per request. */
  resourceIsArn(): boolean
}

/** A compiled resource pattern: fixed, or holding variables resolved per request. */
type ResourcePattern = { readonly fixed: ArnMatcher } | { readonly template: PreparedTemplate }

/** A statement ready for matching. Immutable; shared by every policy set that uses its policy. */
export interface CompiledStatement {
  readonly source: Statement
  readonly effect: Effect
  /** True when the statement can never match (R44, R83, C17, C23). */
  readonly inert: boolean
  /** Lower-cased action patterns (for the action index). */
  readonly actionPatterns: readonly string[]
  /** True for `NotAction`. */
  readonly actionNegated: boolean
  /** The `Action`/`NotAction` test on a lower-cased action. */
  matchesAction(actionLower: string): boolean
  /** The `Resource`/`NotResource` test; a statement without either applies to the requested resource (R36). */
  matchesResource(target: ResourceTarget, context: ContextView): boolean
  /** `Principal`/`NotPrincipal`, compiled; `undefined` when the statement has none. */
  readonly principal: PrincipalMatcher | undefined
  /** True for `NotPrincipal`. */
  readonly principalNegated: boolean
  /** The key tests of `Condition`, AND-ed (R74, R75). */
  readonly conditions: readonly CompiledCondition[]
  /** Lower-cased context keys the statement reads: condition keys and policy variables. */
  readonly keysRead: readonly string[]
}

/** Compiles every statement of a parsed policy. */
export function compileStatements(policy: ParsedPolicy): CompiledStatement[] {
  return policy.statements.map((statement) => compileStatement(statement, policy.variablesEnabled))
}

function compileStatement(statement: Statement, variablesEnabled: boolean): CompiledStatement {
  const actionPatterns = statement.action.patterns.map((pattern) => pattern.toLowerCase())
  const actionMatchers: GlobMatcher[] = actionPatterns.map((pattern) => compileGlob(parseGlob(pattern)))
  const actionNegated = statement.action.negated
  const resourceElement = statement.resource
  const resourcePatterns = (resourceElement?.patterns ?? []).map((pattern) => compileResourcePattern(pattern, variablesEnabled))
  const resourceNegated = resourceElement?.negated ?? false
  const principal = statement.principal === undefined ? undefined : compilePrincipal(statement.principal)
  const inert =
    statement.inertCondition ||
    actionPatterns.length === 0 ||
    (resourceElement !== undefined && resourceElement.patterns.length === 0) ||
    (principal !== undefined && principal.empty)

  const matchesAnyAction = (actionLower: string): boolean => {
    for (const matcher of actionMatchers) if (matcher.match(actionLower)) return true
    return false
  }
  const matchesAnyResource = (target: ResourceTarget, context: ContextView): boolean => {
    for (const pattern of resourcePatterns) if (matchResourcePattern(pattern, target, context)) return true
    return false
  }

  return Object.freeze({
    keysRead: Object.freeze(keysReadBy(statement, variablesEnabled)),
    source: statement,
    effect: statement.effect,
    inert,
    actionPatterns: Object.freeze(actionPatterns),
    actionNegated,
    matchesAction: (actionLower: string) => matchesAnyAction(actionLower) !== actionNegated, // R60, R61
    matchesResource: (target: ResourceTarget, context: ContextView) =>
      resourceElement === undefined || matchesAnyResource(target, context) !== resourceNegated, // R70, R71
    principal,
    principalNegated: statement.principal?.negated ?? false,
    conditions: Object.freeze(statement.conditions.map((test) => compileCondition(test, variablesEnabled))),
  })
}

function compileResourcePattern(pattern: string, variablesEnabled: boolean): ResourcePattern {
  if (variablesEnabled && pattern.includes('${')) {
    const start = resourceVariableStart(pattern)
    if (start !== -1) {
      // Variables count only after the fifth colon (R72, A20): the head stays literal text.
      const parsed = parseTemplate(pattern.slice(start))
      if (parsed.ok && parsed.parts.some((part) => part.kind !== 'text')) {
        return { template: prepareTemplate([{ kind: 'text', text: pattern.slice(0, start) }, ...parsed.parts]) }
      }
    }
  }
  return { fixed: compileArnPattern(parseGlob(pattern)) }
}

/** R65-R67 for one pattern; an unresolvable variable makes the pattern match nothing (R72, R117). */
function matchResourcePattern(pattern: ResourcePattern, target: ResourceTarget, context: ContextView): boolean {
  if ('fixed' in pattern) {
    const fixed = pattern.fixed
    const resource = target.resource
    if (resource === '*') return fixed.matchesEverything // only the pattern "*" covers resource-less actions (R65)
    return fixed.independentOfShape ? fixed.match(resource) : matchResource(fixed, resource, target.resourceIsArn())
  }
  const parts = resolveToGlob(pattern.template, context)
  return parts !== undefined && matchResourceParts(parts, target.resource, target.resourceIsArn())
}

/** The lower-cased context keys a statement can look up (conditions, and variables where honoured). */
function keysReadBy(statement: Statement, variablesEnabled: boolean): string[] {
  const keys = new Set<string>()
  const addVariables = (text: string): void => {
    if (!text.includes('${')) return
    const parsed = parseTemplate(text)
    if (!parsed.ok) return
    for (const part of parsed.parts) if (part.kind === 'variable') keys.add(part.keyLower)
  }
  for (const test of statement.conditions) {
    keys.add(test.keyLower)
    if (variablesEnabled && OPERATORS[test.baseOperator].variables) {
      for (const value of test.values) if (typeof value === 'string') addVariables(value)
    }
  }
  if (variablesEnabled) {
    for (const pattern of statement.resource?.patterns ?? []) {
      const start = resourceVariableStart(pattern)
      if (start !== -1) addVariables(pattern.slice(start))
    }
  }
  return [...keys]
}

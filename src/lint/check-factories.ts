/**
 * Factories for families of sibling checks: each builds a check from what distinguishes it from
 * its siblings (its documentation, and the few values or functions that differ), so the check
 * files in `checks/` state only that. Kept out of `checks/` so that directory holds one check per
 * file and nothing else.
 */
import { isKnownSingleValued } from './condition-keys.js'
import type { FindingOptions, LintConditionTest, LintContext } from './context.js'
import { forEachConditionTest, forEachConditionValue, forEachCoveredEntry, quote } from './facts.js'
import type { Coverage } from './facts.js'
import { hasVariableSyntax, hasWildcard } from './patterns.js'
import type { PolicyKind, PolicyScalar, SetQualifier } from '../policy/model.js'
import type { OperatorFamily } from '../policy/operators.js'
import type { Finding, LintCheck, LintCheckInfo } from './types.js'

/** Reports a finding of the check being run (see {@link LintContext.finding}). */
type Report = (path: string, message: string, options?: FindingOptions) => void

/**
 * Builds a check with the documentation members of `definition` (and no other member of it) and
 * an inspection that reports its findings through `report`.
 */
function buildCheck(definition: LintCheckInfo, inspect: (context: LintContext, report: Report) => void): LintCheck {
  const { code, severity, description, rationale, fix, rules, example } = definition
  const check: LintCheck = {
    code,
    severity,
    description,
    rationale,
    fix,
    rules,
    example,
    check(context: LintContext): Finding[] {
      const findings: Finding[] = []
      inspect(context, (path, message, options) => {
        findings.push(context.finding(check, path, message, options))
      })
      return findings
    },
  }
  return check
}

/** How a size check counts and what it allows. */
export interface SizeCheckDefinition extends LintCheckInfo {
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
  return buildCheck(definition, (context, report) => {
    if (!definition.kinds.includes(context.kind) || !context.document.isObject) return
    const size = context.document.size
    const count = definition.countWhitespace ? size.all : size.withoutWhitespace
    if (count <= definition.limit) return
    if (definition.upTo !== undefined && count > definition.upTo) return
    const how = definition.countWhitespace ? 'counting every character' : 'not counting white space'
    const source = size.fromText ? '' : ' of its compact JSON form'
    report('', `the policy has ${count} characters${source} (${how}); the ${definition.quotaName} is ${definition.limit}`)
  })
}

/** What distinguishes a check of an effect combined with a negated element. */
export interface NegatedElementDefinition extends LintCheckInfo {
  /** The effect of the statements it reports. */
  readonly effect: 'Allow' | 'Deny'
  /** The element whose negated form it reports: `NotAction`, `NotResource` or `NotPrincipal`. */
  readonly element: 'action' | 'resource' | 'principal'
  /** The message of every finding. */
  readonly message: string
}

/** Builds a check that reports the negated `element` (at its path) of every statement whose effect is `effect`. */
export function negatedElementCheck(definition: NegatedElementDefinition): LintCheck {
  return buildCheck(definition, (context, report) => {
    for (const statement of context.document.statements) {
      const element = statement[definition.element]
      if (statement.effect !== definition.effect || element?.negated !== true) continue
      report(element.path, definition.message)
    }
  })
}

/** What distinguishes a check of a set qualifier on a single-valued key. */
export interface SingleValuedQualifierDefinition extends LintCheckInfo {
  /** The qualifier it reports. */
  readonly qualifier: SetQualifier
  /** The message of a finding on `test`. */
  readonly message: (test: LintConditionTest) => string
}

/**
 * Builds a check that reports `qualifier` on a key known to be single-valued (R100), suggesting
 * the plain operator. `Null` tests presence and is left to `null-with-set-operator`.
 */
export function singleValuedQualifierCheck(definition: SingleValuedQualifierDefinition): LintCheck {
  const prefix = `${definition.qualifier}:`
  return buildCheck(definition, (context, report) => {
    forEachConditionTest(context, (test) => {
      if (test.qualifier !== definition.qualifier || test.baseOperator === 'Null' || !isKnownSingleValued(test.keyLower)) return
      report(test.keyPath, definition.message(test), { at: 'key', fix: `Use ${test.operator.slice(prefix.length)} instead.` })
    })
  })
}

/** What distinguishes a check of condition values that a typed operator cannot parse. */
export interface InvalidConditionValueDefinition extends LintCheckInfo {
  /** The operator families whose values it checks. */
  readonly families: readonly OperatorFamily[]
  /** Whether the operator can parse `value`. */
  readonly parses: (value: PolicyScalar) => boolean
  /** The message of a finding on `value` under `test`. */
  readonly message: (value: PolicyScalar, test: LintConditionTest) => string
}

/**
 * Builds a check that reports the values of a typed operator (number, date, Boolean, bytes, IP
 * address) that it cannot parse, so that it never matches them. Values with variable syntax or
 * wildcards are left to `variable-in-unsupported-operator` and `wildcard-in-typed-operator`.
 */
export function invalidConditionValueCheck(definition: InvalidConditionValueDefinition): LintCheck {
  return buildCheck(definition, (context, report) => {
    forEachConditionValue(context, definition.families, (value, test) => {
      if (hasVariableSyntax(value.value) || (typeof value.value === 'string' && hasWildcard(value.value))) return
      if (!definition.parses(value.value)) report(value.path, definition.message(value.value, test))
    })
  })
}

/** What distinguishes a check of list entries covered by another entry of the same list. */
export interface RedundantEntryDefinition extends LintCheckInfo {
  /** The element it checks: `Action`/`NotAction` or `Resource`/`NotResource`. */
  readonly element: 'action' | 'resource'
  /** How the entries of that element cover each other. */
  readonly coverage: Coverage
  /** The rule cited in messages (the entries of the list are OR-ed). */
  readonly rule: string
}

/** Builds a check that reports each entry of an element already covered by another entry of it, or repeated. */
export function redundantEntryCheck(definition: RedundantEntryDefinition): LintCheck {
  return buildCheck(definition, (context, report) => {
    forEachCoveredEntry(context, definition.element, definition.coverage, (entry, by, list) => {
      report(entry.path, `${quote(entry.value)} is already covered by ${quote(by.value)} in the same ${list.name} (${definition.rule})`)
    })
  })
}

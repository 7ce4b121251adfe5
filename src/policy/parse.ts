/**
 * `parsePolicy` and `validatePolicy`: from JSON text or a JavaScript value to the frozen,
 * normalized model of `model.ts`, with every problem reported at once. The pipeline is: read
 * (text with positions, or a safe snapshot of a value) -> JSON Schema (generated standalone
 * validator) -> rules the schema cannot express (per-kind element rules, operator names, variable
 * syntax) -> normalized model.
 */
import { childPointer, createIssue, PolicyValidationError } from './errors.js'
import type { PolicyIssue, PolicyIssueCode, TextPosition } from './errors.js'
import { describeThrown } from '../util/describe-thrown.js'
import { readJsonText } from './json-text.js'
import { serializeJsonValue } from './json-value.js'
import type {
  ActionElement,
  ConditionTest,
  Effect,
  ParsedPolicy,
  PolicyKind,
  PolicyScalar,
  PolicyVersion,
  PrincipalElement,
  PrincipalEntry,
  PrincipalType,
  ResourceElement,
  Statement,
} from './model.js'
import { POLICY_KINDS } from './model.js'
import { decodeOperator, OPERATORS, operatorNames } from './operators.js'
import { classifyPrincipalEntry } from './principal-entries.js'
import { validateAgainstSchema } from './schema-validation.js'
import { parseTemplate, resourceVariableStart } from './variables.js'

/** Options of `parsePolicy` and `validatePolicy`. */
export interface ParsePolicyOptions {
  /** The kind of policy, which decides the element rules (default `identity`). */
  readonly kind?: PolicyKind
  /** Largest accepted input, in characters of JSON text (default: no limit here; `compile` applies AWS's quotas). */
  readonly maxLength?: number
}

/** The result of `validatePolicy`. */
export type PolicyValidationResult =
  | { readonly valid: true; readonly errors: readonly []; readonly policy: ParsedPolicy }
  | { readonly valid: false; readonly errors: readonly PolicyIssue[]; readonly policy?: undefined }

/** Input accepted where a policy is expected: JSON text, a JSON-like value, or an already parsed policy. */
export type PolicyInput = string | ParsedPolicy | Readonly<Record<string, unknown>>

const parsedPolicies = new WeakSet<object>()

/** True when `value` is a policy returned by `parsePolicy` (and therefore deeply frozen). */
export function isParsedPolicy(value: unknown): value is ParsedPolicy {
  return typeof value === 'object' && value !== null && parsedPolicies.has(value)
}

/**
 * Parses and validates a policy document. Takes JSON text or a value; never mutates it. Returns a
 * deeply frozen normalized model.
 * @throws PolicyValidationError with every problem found.
 */
export function parsePolicy(input: PolicyInput | unknown, options: ParsePolicyOptions = {}): ParsedPolicy {
  const result = validatePolicy(input, options)
  if (!result.valid) throw new PolicyValidationError(result.errors)
  return result.policy
}

/** Validates a policy document without throwing, returning every problem found. */
export function validatePolicy(input: PolicyInput | unknown, options: ParsePolicyOptions = {}): PolicyValidationResult {
  try {
    return validateUnsafe(input, options)
  } catch (error) {
    // Defensive: validation code must not throw, but if it does the input is refused, not accepted.
    return invalid([createIssue('unreadable-input', '', `the policy could not be validated: ${describeThrown(error)}`)])
  }
}

function invalid(errors: readonly PolicyIssue[]): PolicyValidationResult {
  return { valid: false, errors: Object.freeze(errors.slice()) }
}

function validateUnsafe(input: unknown, options: ParsePolicyOptions): PolicyValidationResult {
  const kind = options.kind ?? 'identity'
  if (!POLICY_KINDS.includes(kind)) {
    return invalid([createIssue('invalid-kind', '', `unknown policy kind '${String(kind)}'; expected one of ${POLICY_KINDS.join(', ')}`)])
  }
  if (isParsedPolicy(input)) {
    if (input.kind === kind) return { valid: true, errors: [], policy: input }
    return invalid([createIssue('invalid-kind', '', `the policy was parsed as kind '${input.kind}', not '${kind}'`)])
  }
  const read = readInput(input, options.maxLength)
  if ('issues' in read) return invalid(read.issues)
  const schemaIssues = validateAgainstSchema(read.document, read.locate.value)
  if (schemaIssues.length > 0) return invalid(schemaIssues)
  const normalizer = new Normalizer(kind, read.locate)
  const policy = normalizer.policy(read.document as JsonObject)
  if (normalizer.issues.length > 0) return invalid(normalizer.issues)
  parsedPolicies.add(policy)
  return { valid: true, errors: [], policy }
}

type Locate = ((pointer: string) => TextPosition | undefined) | undefined

/** Where a pointer sits in the source text: its value, or for problems with a member's name, its key. */
interface Locator {
  readonly value: Locate
  readonly key: Locate
}
type JsonObject = Readonly<Record<string, unknown>>

function readInput(input: unknown, maxLength: number | undefined): { document: unknown; locate: Locator } | { issues: PolicyIssue[] } {
  if (typeof input === 'string') {
    if (maxLength !== undefined && input.length > maxLength) {
      return { issues: [createIssue('limit-exceeded', '', `the policy text has ${input.length} characters; the limit is ${maxLength}`)] }
    }
    const read = readJsonText(input)
    if (!read.ok) return { issues: read.issues }
    return { document: read.value, locate: { value: read.locate, key: read.locateKey } }
  }
  const text = serializeJsonValue(input, maxLength)
  if (typeof text !== 'string') return { issues: [createIssue('unreadable-input', text.path, text.message)] }
  // The snapshot is ours: later changes to the caller's object cannot reach the model.
  return { document: JSON.parse(text) as unknown, locate: { value: undefined, key: undefined } }
}

const RESOURCE_SIDE_KINDS: ReadonlySet<PolicyKind> = new Set(['resource', 'trust', 'scp', 'rcp', 'endpoint'])
const PRINCIPAL_REQUIRED_KINDS: ReadonlySet<PolicyKind> = new Set(['resource', 'trust', 'rcp', 'endpoint'])
const PRINCIPAL_FORBIDDEN_KINDS: ReadonlySet<PolicyKind> = new Set(['identity', 'boundary', 'session', 'scp'])
const NOT_PRINCIPAL_FORBIDDEN_KINDS: ReadonlySet<PolicyKind> = new Set(['trust', 'scp', 'rcp'])
const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser']
const ACTION = /^[^:]+:[^:]*$/

/**
 * A member of a parsed JSON object, own members only: a polluted `Object.prototype` must never
 * add a `Condition`, a `Principal` or a `Version` to a policy.
 */
function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined
}

/** Builds the model from a schema-valid document, collecting the problems the schema cannot see. */
class Normalizer {
  readonly issues: PolicyIssue[] = []
  private variablesEnabled = false

  constructor(
    private readonly kind: PolicyKind,
    private readonly locate: Locator,
  ) {}

  private report(code: PolicyIssueCode, path: string, message: string, at: 'value' | 'key' = 'value'): void {
    const position = at === 'key' ? (this.locate.key?.(path) ?? this.locate.value?.(path)) : this.locate.value?.(path)
    this.issues.push(createIssue(code, path, message, position))
  }

  policy(document: JsonObject): ParsedPolicy {
    const version = own(document, 'Version') as PolicyVersion | undefined
    this.variablesEnabled = version === '2012-10-17'
    if (this.kind === 'rcp' && version !== '2012-10-17') {
      this.report(
        'invalid-version',
        version === undefined ? '' : '/Version',
        'a resource control policy must have "Version": "2012-10-17" (R132)',
      )
    }
    const rawStatements = own(document, 'Statement')
    if (rawStatements === undefined) {
      this.report('missing-statement', '', 'a policy needs a "Statement"')
      return Object.freeze({
        kind: this.kind,
        version,
        variablesEnabled: this.variablesEnabled,
        id: undefined,
        statements: Object.freeze([]),
      })
    }
    const list = Array.isArray(rawStatements) ? (rawStatements as unknown[]) : [rawStatements]
    const statements = list.map((raw, index) =>
      this.statement(raw as JsonObject, index, Array.isArray(rawStatements) ? `/Statement/${index}` : '/Statement'),
    )
    const id = own(document, 'Id')
    return Object.freeze({
      kind: this.kind,
      version,
      variablesEnabled: this.variablesEnabled,
      id: typeof id === 'string' ? id : undefined,
      statements: Object.freeze(statements),
    })
  }

  private statement(raw: JsonObject, index: number, path: string): Statement {
    const effect = own(raw, 'Effect') as Effect
    const has = (name: string): boolean => Object.prototype.hasOwnProperty.call(raw, name)
    // The schema checked these; checked again on own members, which is all the model reads.
    if (effect !== 'Allow' && effect !== 'Deny') this.report('missing-effect', path, 'a statement needs "Effect": "Allow" or "Deny" (R41)')
    if (!has('Action') && !has('NotAction')) this.report('missing-action', path, 'a statement needs "Action" or "NotAction" (R42)')
    const action = this.action(raw, path)
    const resource = this.resource(raw, path)
    const principal = this.principal(raw, path, effect)
    if (!has('Resource') && !has('NotResource') && !RESOURCE_SIDE_KINDS.has(this.kind)) {
      this.report('missing-resource', path, `a statement of a${this.kindLabel()} needs "Resource" or "NotResource" (R36)`)
    }
    if ((has('Resource') || has('NotResource')) && this.kind === 'trust') {
      this.report(
        'resource-not-allowed',
        childPointer(path, has('Resource') ? 'Resource' : 'NotResource'),
        'a role trust policy cannot have "Resource" or "NotResource": it always applies to the role',
      )
    }
    if (has('NotAction') && this.kind === 'rcp') {
      this.report('not-action-not-allowed', childPointer(path, 'NotAction'), 'a resource control policy cannot use "NotAction" (R132)')
    }
    const { conditions, inert } = this.conditions(own(raw, 'Condition'), childPointer(path, 'Condition'))
    const sid = own(raw, 'Sid')
    return Object.freeze({
      index,
      sid: typeof sid === 'string' ? sid : undefined,
      effect,
      action,
      resource,
      principal,
      conditions,
      inertCondition: inert,
      path,
    })
  }

  private kindLabel(): string {
    const labels: Record<PolicyKind, string> = {
      identity: 'n identity-based policy',
      resource: ' resource-based policy',
      trust: ' role trust policy',
      boundary: ' permissions boundary',
      session: ' session policy',
      scp: ' service control policy',
      rcp: ' resource control policy',
      endpoint: ' VPC endpoint policy',
    }
    return labels[this.kind]
  }

  private action(raw: JsonObject, path: string): ActionElement {
    const negated = !Object.prototype.hasOwnProperty.call(raw, 'Action')
    const name = negated ? 'NotAction' : 'Action'
    const patterns = this.stringList(own(raw, name), childPointer(path, name))
    patterns.forEach((pattern, index) => {
      const at = Array.isArray(own(raw, name)) ? childPointer(childPointer(path, name), index) : childPointer(path, name)
      if (pattern === '') this.report('empty-value', at, `an empty string is not an action`)
      else if (pattern !== '*' && !ACTION.test(pattern)) {
        this.report('invalid-action', at, `'${pattern}' is not an action: write 'service:ActionName' (wildcards allowed) or '*' (R58)`)
      }
    })
    return Object.freeze({ negated, patterns })
  }

  private resource(raw: JsonObject, path: string): ResourceElement | undefined {
    const negated = Object.prototype.hasOwnProperty.call(raw, 'NotResource')
    if (!negated && !Object.prototype.hasOwnProperty.call(raw, 'Resource')) return undefined
    const name = negated ? 'NotResource' : 'Resource'
    const patterns = this.stringList(own(raw, name), childPointer(path, name))
    patterns.forEach((pattern, index) => {
      const at = Array.isArray(own(raw, name)) ? childPointer(childPointer(path, name), index) : childPointer(path, name)
      if (pattern === '') this.report('empty-value', at, 'an empty string is not a resource')
      else if (this.variablesEnabled) {
        const start = resourceVariableStart(pattern)
        if (start !== -1) this.checkTemplate(pattern.slice(start), at)
      }
    })
    return Object.freeze({ negated, patterns })
  }

  private principal(raw: JsonObject, path: string, effect: Effect): PrincipalElement | undefined {
    const has = (name: string): boolean => Object.prototype.hasOwnProperty.call(raw, name)
    const negated = has('NotPrincipal')
    if (!negated && !has('Principal')) {
      if (PRINCIPAL_REQUIRED_KINDS.has(this.kind)) {
        this.report(
          'missing-principal',
          path,
          `a statement of a${this.kindLabel()} needs "Principal"${this.kind === 'trust' || this.kind === 'rcp' ? '' : ' or "NotPrincipal"'} (R43)`,
        )
      }
      return undefined
    }
    const name = negated ? 'NotPrincipal' : 'Principal'
    const at = childPointer(path, name)
    if (PRINCIPAL_FORBIDDEN_KINDS.has(this.kind)) {
      this.report(
        'principal-not-allowed',
        at,
        `a${this.kindLabel()} cannot have "${name}": it applies to the identity it is attached to (R43)`,
      )
    } else if (negated && NOT_PRINCIPAL_FORBIDDEN_KINDS.has(this.kind)) {
      this.report('not-principal-not-allowed', at, `a${this.kindLabel()} cannot use "NotPrincipal" (R54)`)
    } else if (negated && effect === 'Allow') {
      this.report(
        'allow-with-not-principal',
        at,
        '"NotPrincipal" is only supported with "Effect": "Deny"; use "Principal" with a condition on aws:PrincipalArn instead (R54, R57)',
      )
    }
    const value = own(raw, name)
    const entries: PrincipalEntry[] = []
    if (value === '*') {
      entries.push(classifyPrincipalEntry('AWS', '*'))
    } else {
      const map = value as JsonObject
      for (const type of PRINCIPAL_TYPES) {
        if (!Object.prototype.hasOwnProperty.call(map, type)) continue
        const typePath = childPointer(at, type)
        this.stringList(own(map, type), typePath).forEach((entry, index) => {
          if (entry === '') {
            this.report(
              'empty-value',
              Array.isArray(own(map, type)) ? childPointer(typePath, index) : typePath,
              'an empty string is not a principal',
            )
          }
          entries.push(classifyPrincipalEntry(type, entry))
        })
      }
    }
    return Object.freeze({ negated, entries: Object.freeze(entries) })
  }

  private conditions(raw: unknown, path: string): { conditions: readonly ConditionTest[]; inert: boolean } {
    if (raw === undefined) return { conditions: Object.freeze([]), inert: false }
    const block = raw as JsonObject
    const operators = Object.keys(block)
    let inert = operators.length === 0 // R83: an empty Condition object makes the statement inert.
    const tests: ConditionTest[] = []
    for (const operator of operators) {
      const operatorPath = childPointer(path, operator)
      const decoded = decodeOperator(operator)
      if (decoded === 'null-with-if-exists') {
        this.report(
          'null-with-if-exists',
          operatorPath,
          "'NullIfExists' is not an operator: Null already tests whether the key exists (R84)",
          'key',
        )
        continue
      }
      if (decoded === 'unknown') {
        this.report('unknown-operator', operatorPath, unknownOperatorMessage(operator), 'key')
        continue
      }
      const keys = own(block, operator) as JsonObject
      const keyNames = Object.keys(keys)
      if (keyNames.length === 0) inert = true // C17
      const info = OPERATORS[decoded.baseOperator]
      for (const key of keyNames) {
        const keyPath = childPointer(operatorPath, key)
        if (key === '') this.report('empty-value', keyPath, 'an empty string is not a condition key', 'key')
        const rawValues = own(keys, key)
        const values = (Array.isArray(rawValues) ? rawValues : [rawValues]) as PolicyScalar[]
        if (this.variablesEnabled && info.variables) {
          values.forEach((value, index) => {
            if (typeof value === 'string') this.checkTemplate(value, Array.isArray(rawValues) ? childPointer(keyPath, index) : keyPath)
          })
        }
        tests.push(
          Object.freeze({
            operator,
            qualifier: decoded.qualifier,
            baseOperator: decoded.baseOperator,
            ifExists: decoded.ifExists,
            key,
            keyLower: key.toLowerCase(),
            values: Object.freeze(values.slice()),
          }),
        )
      }
    }
    return { conditions: Object.freeze(tests), inert }
  }

  private checkTemplate(text: string, path: string): void {
    const parsed = parseTemplate(text)
    if (!parsed.ok) this.report('malformed-variable', path, `${parsed.message} (R121)`)
  }

  /** A string or a list of strings (the schema has checked the types). */
  private stringList(value: unknown, _path: string): readonly string[] {
    return Object.freeze(Array.isArray(value) ? (value.slice() as string[]) : [value as string])
  }
}

function unknownOperatorMessage(operator: string): string {
  const lower = operator.toLowerCase()
  const suggestion = operatorNames()
    .flatMap((name) => [name, `ForAllValues:${name}`, `ForAnyValue:${name}`])
    .find((name) => name.toLowerCase() === lower)
  const hint = suggestion === undefined ? '' : ` (operator names are case-sensitive; did you mean '${suggestion}'?)`
  return `'${operator}' is not a condition operator${hint} (R84)`
}

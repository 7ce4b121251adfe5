/**
 * What a lint check sees: a tolerant, read-only view of the policy document with a JSON pointer on
 * every value, built from the raw JSON. It is the same for valid and invalid documents — for an
 * invalid one, pieces of the wrong JSON type are simply left out — which is what lets the linter
 * still run the checks that are safe on a document that failed validation. For a valid document
 * the view holds exactly what the normalized model (`ParsedPolicy`, also in the context) holds,
 * plus the pointers the model does not keep. Operator names are decoded and principal entries
 * classified with the model's own functions, so the linter and the evaluator never disagree.
 */
import { childPointer } from '../policy/errors.js'
import type { TextPosition } from '../policy/errors.js'
import type { BaseOperator, ParsedPolicy, PolicyKind, PolicyScalar, PrincipalEntry, PrincipalType, SetQualifier } from '../policy/model.js'
import { decodeOperator, OPERATORS } from '../policy/operators.js'
import type { OperatorFamily, OperatorNameProblem } from '../policy/operators.js'
import { classifyPrincipalEntry } from '../policy/principal-entries.js'
import type { Finding, LintCheck } from './types.js'

/** A value with the pointer where it was written. */
export interface Located<T> {
  /** The value. */
  readonly value: T
  /** Its JSON pointer. */
  readonly path: string
}

/** `Action`/`NotAction` or `Resource`/`NotResource`: the string entries of the element. */
export interface LintList {
  /** The element name as written. */
  readonly name: 'Action' | 'NotAction' | 'Resource' | 'NotResource'
  /** True for `NotAction`/`NotResource`. */
  readonly negated: boolean
  /** Pointer of the element. */
  readonly path: string
  /** Whether it was written as an array. */
  readonly isArray: boolean
  /** Whether it was written as an empty array. */
  readonly empty: boolean
  /** The string entries (entries of another JSON type are left out). */
  readonly values: readonly Located<string>[]
}

/** One entry of `Principal`/`NotPrincipal`, classified as the evaluator classifies it. */
export interface LintPrincipalEntry {
  /** The principal type it was written under (`"*"` as the whole element counts as `AWS`). */
  readonly type: PrincipalType
  /** The value as written. */
  readonly value: string
  /** Its pointer. */
  readonly path: string
  /** What it designates (`form: 'none'` matches nothing, R50, R53). */
  readonly entry: PrincipalEntry
}

/** `Principal` or `NotPrincipal`. */
export interface LintPrincipal {
  /** The element name as written. */
  readonly name: 'Principal' | 'NotPrincipal'
  /** True for `NotPrincipal`. */
  readonly negated: boolean
  /** Pointer of the element. */
  readonly path: string
  /** True when written as the string `"*"`. */
  readonly star: boolean
  /** True when written as an object (even an empty one). */
  readonly isObject: boolean
  /** Every entry of every principal type (entries of a wrong JSON type are left out). */
  readonly entries: readonly LintPrincipalEntry[]
}

/** One condition key under one operator (R73-R75). */
export interface LintConditionTest {
  /** The operator as written. */
  readonly operator: string
  /** Pointer of the operator member. */
  readonly operatorPath: string
  /** The set qualifier, when the operator decoded. */
  readonly qualifier: SetQualifier | undefined
  /** The base operator, or `undefined` when the name is not an operator. */
  readonly baseOperator: BaseOperator | undefined
  /** Why the operator name was refused, when it was. */
  readonly problem: OperatorNameProblem | undefined
  /** Whether the `IfExists` suffix was present. */
  readonly ifExists: boolean
  /** The value family of the base operator, when it decoded. */
  readonly family: OperatorFamily | undefined
  /** Whether the base operator is negated (R77). */
  readonly negated: boolean
  /** The condition key as written. */
  readonly key: string
  /** The key lower-cased (keys are case-insensitive, R78). */
  readonly keyLower: string
  /** Pointer of the key member. */
  readonly keyPath: string
  /** Whether the values were written as an array. */
  readonly isArray: boolean
  /** Whether they were written as an empty array. */
  readonly empty: boolean
  /** The scalar values (values of another JSON type are left out). */
  readonly values: readonly Located<PolicyScalar>[]
}

/** One operator member of a `Condition` block. */
export interface LintConditionOperator {
  /** The operator as written. */
  readonly name: string
  /** Its pointer. */
  readonly path: string
  /** True when its value is an object with no keys (C17). */
  readonly empty: boolean
}

/** `Condition`. */
export interface LintCondition {
  /** Pointer of the element. */
  readonly path: string
  /** True when it is an object with no operators (R83). */
  readonly empty: boolean
  /** The operators whose value is an object. */
  readonly operators: readonly LintConditionOperator[]
}

/** One statement of the view. */
export interface LintStatement {
  /** 0-based position in `Statement`. */
  readonly index: number
  /** Pointer of the statement. */
  readonly path: string
  /** The statement as written (a JSON object). */
  readonly raw: Readonly<Record<string, unknown>>
  /** `Sid`, when it is a string. */
  readonly sid: Located<string> | undefined
  /** `Effect`, when it is exactly `Allow` or `Deny`. */
  readonly effect: 'Allow' | 'Deny' | undefined
  /** `Action` or `NotAction`. */
  readonly action: LintList | undefined
  /** `Resource` or `NotResource`. */
  readonly resource: LintList | undefined
  /** `Principal` or `NotPrincipal`. */
  readonly principal: LintPrincipal | undefined
  /** `Condition`, when it is an object. */
  readonly condition: LintCondition | undefined
  /** Every operator/key pair of `Condition`, in document order. */
  readonly tests: readonly LintConditionTest[]
}

/** Character counts used by the size checks (R143-R146). */
export interface LintSize {
  /** Every character of the text (or of the compact serialization of a value). */
  readonly all: number
  /** The same without the white space between JSON tokens (IAM does not count it, R143). */
  readonly withoutWhitespace: number
  /** Whether the counts come from text the caller wrote (false: from a compact serialization). */
  readonly fromText: boolean
}

/** The tolerant view of a whole document. */
export interface LintDocument {
  /** The document as written (any JSON value). */
  readonly raw: unknown
  /** Whether it is a JSON object. */
  readonly isObject: boolean
  /** `Version` as written, when present. */
  readonly version: Located<unknown> | undefined
  /** Whether policy variables are honoured (`Version` is exactly `2012-10-17`, R38). */
  readonly variablesEnabled: boolean
  /** `Id` as written, when present. */
  readonly id: Located<unknown> | undefined
  /** The statements that are JSON objects. */
  readonly statements: readonly LintStatement[]
  /** Character counts. */
  readonly size: LintSize
}

/** Options of {@link LintContext.finding}. */
export interface FindingOptions {
  /** Overrides the check's default fix sentence. */
  readonly fix?: string
  /** Position the finding on the member's key instead of its value (operator and key names). */
  readonly at?: 'key' | 'value'
}

/** Everything a check receives. */
export interface LintContext {
  /** The kind the document is linted as. */
  readonly kind: PolicyKind
  /** Whether the document passed validation. */
  readonly valid: boolean
  /** The normalized model, when the document passed validation. */
  readonly policy: ParsedPolicy | undefined
  /** The tolerant view. */
  readonly document: LintDocument
  /** Builds a finding of `check` at `path`, with the text position when the input was text. */
  finding(check: LintCheck, path: string, message: string, options?: FindingOptions): Finding
}

/** Where pointers sit in the source text, when the input was text. */
export interface Locator {
  /** Position of the value at a pointer. */
  readonly value: (pointer: string) => TextPosition | undefined
  /** Position of the key of the member at a pointer. */
  readonly key: (pointer: string) => TextPosition | undefined
}

type JsonObject = Readonly<Record<string, unknown>>

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser']

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function has(object: JsonObject, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, name)
}

function isScalar(value: unknown): value is PolicyScalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

/** Builds the tolerant view of `raw` (a JSON value the core owns). */
export function buildDocument(raw: unknown, size: LintSize): LintDocument {
  if (!isObject(raw)) {
    return { raw, isObject: false, version: undefined, variablesEnabled: false, id: undefined, statements: [], size }
  }
  const version = has(raw, 'Version') ? { value: raw['Version'], path: '/Version' } : undefined
  const id = has(raw, 'Id') ? { value: raw['Id'], path: '/Id' } : undefined
  const statements: LintStatement[] = []
  const rawStatements = raw['Statement']
  if (Array.isArray(rawStatements)) {
    rawStatements.forEach((statement: unknown, index) => {
      if (isObject(statement)) statements.push(buildStatement(statement, index, `/Statement/${index}`))
    })
  } else if (isObject(rawStatements)) {
    statements.push(buildStatement(rawStatements, 0, '/Statement'))
  }
  return { raw, isObject: true, version, variablesEnabled: version?.value === '2012-10-17', id, statements, size }
}

function buildStatement(raw: JsonObject, index: number, path: string): LintStatement {
  const sid = typeof raw['Sid'] === 'string' ? { value: raw['Sid'], path: childPointer(path, 'Sid') } : undefined
  const effect = raw['Effect'] === 'Allow' || raw['Effect'] === 'Deny' ? raw['Effect'] : undefined
  // When both members of a pair are present (a validation error) the positive one is used.
  const action = buildList(raw, path, 'Action') ?? buildList(raw, path, 'NotAction')
  const resource = buildList(raw, path, 'Resource') ?? buildList(raw, path, 'NotResource')
  const principal = buildPrincipal(raw, path, 'Principal') ?? buildPrincipal(raw, path, 'NotPrincipal')
  const { condition, tests } = buildCondition(raw, path)
  return { index, path, raw, sid, effect, action, resource, principal, condition, tests }
}

function buildList(raw: JsonObject, statementPath: string, name: LintList['name']): LintList | undefined {
  if (!has(raw, name)) return undefined
  const value = raw[name]
  const path = childPointer(statementPath, name)
  const negated = name === 'NotAction' || name === 'NotResource'
  if (typeof value === 'string') return { name, negated, path, isArray: false, empty: false, values: [{ value, path }] }
  if (!Array.isArray(value)) return undefined
  const values: Located<string>[] = []
  value.forEach((entry: unknown, index) => {
    if (typeof entry === 'string') values.push({ value: entry, path: childPointer(path, index) })
  })
  return { name, negated, path, isArray: true, empty: value.length === 0, values }
}

function buildPrincipal(raw: JsonObject, statementPath: string, name: LintPrincipal['name']): LintPrincipal | undefined {
  if (!has(raw, name)) return undefined
  const value = raw[name]
  const path = childPointer(statementPath, name)
  const negated = name === 'NotPrincipal'
  if (value === '*') {
    return {
      name,
      negated,
      path,
      star: true,
      isObject: false,
      entries: [{ type: 'AWS', value: '*', path, entry: classifyPrincipalEntry('AWS', '*') }],
    }
  }
  if (!isObject(value)) return undefined
  const entries: LintPrincipalEntry[] = []
  for (const type of PRINCIPAL_TYPES) {
    if (!has(value, type)) continue
    const typePath = childPointer(path, type)
    const list = value[type]
    if (typeof list === 'string') {
      entries.push({ type, value: list, path: typePath, entry: classifyPrincipalEntry(type, list) })
    } else if (Array.isArray(list)) {
      list.forEach((entry: unknown, index) => {
        if (typeof entry === 'string') {
          entries.push({ type, value: entry, path: childPointer(typePath, index), entry: classifyPrincipalEntry(type, entry) })
        }
      })
    }
  }
  return { name, negated, path, star: false, isObject: true, entries }
}

function buildCondition(raw: JsonObject, statementPath: string): { condition: LintCondition | undefined; tests: LintConditionTest[] } {
  const tests: LintConditionTest[] = []
  if (!has(raw, 'Condition') || !isObject(raw['Condition'])) return { condition: undefined, tests }
  const block = raw['Condition']
  const path = childPointer(statementPath, 'Condition')
  const operators: LintConditionOperator[] = []
  for (const operator of Object.keys(block)) {
    const keys = block[operator]
    if (!isObject(keys)) continue
    const operatorPath = childPointer(path, operator)
    const names = Object.keys(keys)
    operators.push({ name: operator, path: operatorPath, empty: names.length === 0 })
    const decoded = decodeOperator(operator)
    const problem = typeof decoded === 'string' ? decoded : undefined
    const known = typeof decoded === 'string' ? undefined : decoded
    const info = known === undefined ? undefined : OPERATORS[known.baseOperator]
    for (const key of names) {
      const keyPath = childPointer(operatorPath, key)
      const rawValues = keys[key]
      const values: Located<PolicyScalar>[] = []
      if (Array.isArray(rawValues)) {
        rawValues.forEach((value: unknown, index) => {
          if (isScalar(value)) values.push({ value, path: childPointer(keyPath, index) })
        })
      } else if (isScalar(rawValues)) {
        values.push({ value: rawValues, path: keyPath })
      }
      tests.push({
        operator,
        operatorPath,
        qualifier: known?.qualifier,
        baseOperator: known?.baseOperator,
        problem,
        ifExists: known?.ifExists ?? false,
        family: info?.family,
        negated: info?.negated ?? false,
        key,
        keyLower: key.toLowerCase(),
        keyPath,
        isArray: Array.isArray(rawValues),
        empty: Array.isArray(rawValues) && rawValues.length === 0,
        values,
      })
    }
  }
  return { condition: { path, empty: Object.keys(block).length === 0, operators }, tests }
}

/**
 * Counts the characters of JSON text, with and without the white space between tokens. White
 * space inside strings is content and is counted. Linear, one pass.
 */
export function measureText(text: string): LintSize {
  let withoutWhitespace = 0
  let inString = false
  let escaped = false
  // A leading byte order mark is not part of the document.
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      withoutWhitespace++
      if (escaped) escaped = false
      else if (c === 0x5c) escaped = true
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue
    withoutWhitespace++
    if (c === 0x22) inString = true
  }
  return { all: text.length - start, withoutWhitespace, fromText: true }
}

/** Counts for a value: its compact serialization has no white space between tokens. */
export function measureValue(compactJson: string): LintSize {
  return { all: compactJson.length, withoutWhitespace: compactJson.length, fromText: false }
}

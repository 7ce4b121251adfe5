/**
 * JSON Schema validation of a policy document. Owns running the standalone validator generated
 * from `schemas/policy.schema.json` (no ajv at run time) and turning its raw errors into our
 * {@link PolicyIssue}s: one issue per real mistake, with a stable code, the pointer of the
 * offending value, a sentence a person can act on, and the text position when known.
 *
 * The schema checks only the grammar shared by every policy kind (R37-R46, R73). Per-kind rules
 * (Principal/Resource required or forbidden), operator names and value formats are checked
 * elsewhere with their own codes.
 *
 * How raw errors are collapsed (the schema is shaped to make this simple):
 * - `if` errors only repeat the failure of their `then`/`else` branch: dropped;
 * - the only `anyOf` (a condition value that is not a string, number or boolean) reports each
 *   branch separately: the branch errors are dropped, the `anyOf` error stands for them;
 * - `false schema` errors come only from the `dependentSchemas` that forbid pairs such as
 *   `Action` + `NotAction`: reported as `conflicting-elements`.
 * Messages are worded from where the value sits in the document (statement element, principal
 * entry, condition key, ...), not from ajv's schema path, so they stay stable when the schema is
 * refactored.
 */

import { childPointer, createIssue, escapePointerToken, type PolicyIssue, type PolicyIssueCode, type TextPosition } from './errors.js'
import validatePolicyDocument, { type PolicySchemaError } from './generated/policy-schema-validator.js'

/** Top-level elements of a policy document (R37). */
const DOCUMENT_ELEMENTS = ['Version', 'Id', 'Statement'] as const
/** Elements of a statement (R40-R43, R73). */
const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
] as const
/** Members of a `Principal`/`NotPrincipal` object (R46). */
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const

const LIST_ELEMENTS = new Set(['Action', 'NotAction', 'Resource', 'NotResource'])
const PRINCIPAL_ELEMENTS = new Set(['Principal', 'NotPrincipal'])

/**
 * Checks a policy document (a value, typically from `readJsonText` or `JSON.parse`) against the
 * policy JSON Schema and returns the problems, in document order; `[]` when it conforms.
 *
 * Codes produced: `invalid-document` (not an object), `missing-statement`, `unknown-element`,
 * `invalid-version`, `missing-effect`, `invalid-effect`, `missing-action`,
 * `conflicting-elements`, `invalid-principal` (any problem inside `Principal`/`NotPrincipal`) and
 * `invalid-type` (any other value of the wrong JSON type).
 *
 * @param document - The parsed document. It must be plain JSON data (no getters, cycles are not
 *   followed beyond the grammar's fixed depth).
 * @param locate - Maps a JSON pointer to its text position (e.g. `readJsonText(...).locate`);
 *   when given, issues carry `line`/`column` and are ordered by position.
 */
export function validateAgainstSchema(document: unknown, locate?: (pointer: string) => TextPosition | undefined): PolicyIssue[] {
  if (validatePolicyDocument(document)) return []
  const errors = collapse(validatePolicyDocument.errors ?? [])
  const issues: PolicyIssue[] = []
  const seen = new Set<string>()
  for (const error of errors) {
    const found = formatError(error, document)
    if (found === undefined) continue
    // One issue per code and place: the schema never has two different problems of one kind there.
    const identity = `${found.code} ${found.path}`
    if (seen.has(identity)) continue
    seen.add(identity)
    issues.push(createIssue(found.code, found.path, found.message, locate?.(found.path)))
  }
  return sortInDocumentOrder(issues, document)
}

// ---------------------------------------------------------------------------------------------
// Collapsing raw errors

function collapse(errors: readonly PolicySchemaError[]): PolicySchemaError[] {
  // anyOf schema paths by instance path, so that hostile documents with many errors stay linear.
  const anyOfs = new Map<string, string[]>()
  for (const error of errors) {
    if (error.keyword !== 'anyOf') continue
    const list = anyOfs.get(error.instancePath)
    if (list === undefined) anyOfs.set(error.instancePath, [error.schemaPath])
    else list.push(error.schemaPath)
  }
  return errors.filter((error) => {
    if (error.keyword === 'if') return false
    // A branch of an anyOf at the same place is represented by the anyOf error itself.
    const here = anyOfs.get(error.instancePath)
    return here === undefined || !here.some((schemaPath) => error.schemaPath.startsWith(`${schemaPath}/`))
  })
}

// ---------------------------------------------------------------------------------------------
// Where a value sits

/** The grammatical role of a value, derived from its pointer. */
type Place =
  | { readonly kind: 'document' }
  | { readonly kind: 'document-element'; readonly name: string }
  /** A statement object; `single` when `Statement` holds one object instead of an array. */
  | { readonly kind: 'statement'; readonly single: boolean }
  | { readonly kind: 'element'; readonly name: string }
  | { readonly kind: 'element-entry'; readonly name: string }
  | { readonly kind: 'principal-type'; readonly element: string; readonly name: string }
  | { readonly kind: 'principal-entry'; readonly element: string; readonly name: string }
  | { readonly kind: 'condition-operator'; readonly operator: string }
  | { readonly kind: 'condition-key'; readonly operator: string; readonly key: string }
  | { readonly kind: 'condition-value'; readonly operator: string; readonly key: string }
  | { readonly kind: 'other' }

function placeOf(tokens: readonly string[], document: unknown): Place {
  const [first] = tokens
  if (first === undefined) return { kind: 'document' }
  if (first !== 'Statement') return tokens.length === 1 ? { kind: 'document-element', name: first } : { kind: 'other' }
  const statementsIsArray = Array.isArray(ownMember(document, 'Statement'))
  const depth = statementsIsArray ? 2 : 1
  if (tokens.length < depth) return { kind: 'document-element', name: first }
  if (tokens.length === depth) return { kind: 'statement', single: !statementsIsArray }
  const element = tokens[depth] as string
  const rest = tokens.slice(depth + 1)
  if (rest.length === 0) return { kind: 'element', name: element }
  if (LIST_ELEMENTS.has(element) && rest.length === 1) return { kind: 'element-entry', name: element }
  if (PRINCIPAL_ELEMENTS.has(element)) {
    const name = rest[0] as string
    if (rest.length === 1) return { kind: 'principal-type', element, name }
    if (rest.length === 2) return { kind: 'principal-entry', element, name }
  }
  if (element === 'Condition') {
    const operator = rest[0] as string
    if (rest.length === 1) return { kind: 'condition-operator', operator }
    const key = rest[1] as string
    if (rest.length === 2) return { kind: 'condition-key', operator, key }
    if (rest.length === 3) return { kind: 'condition-value', operator, key }
  }
  return { kind: 'other' }
}

// ---------------------------------------------------------------------------------------------
// Formatting one raw error

interface Found {
  readonly code: PolicyIssueCode
  readonly path: string
  readonly message: string
}

function formatError(error: PolicySchemaError, document: unknown): Found | undefined {
  const path = error.instancePath
  const tokens = parsePointer(path)
  const place = placeOf(tokens, document)
  const value = valueAt(document, tokens)
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownMember(path, place, String(error.params['additionalProperty']))
    case 'required':
      return missingMember(path, place, String(error.params['missingProperty']))
    case 'false schema':
      return conflict(tokens, document)
    case 'enum':
      return badEnum(path, place, value)
    case 'const':
      return { code: 'invalid-principal', path, message: principalStringMessage(place, value) }
    case 'type':
    case 'anyOf':
      return wrongType(path, place, value)
    default:
      // Not produced by the current schema; kept so a schema change never loses an error.
      return {
        code: 'invalid-type',
        path,
        message: `${describePlace(place)}: ${error.message ?? `fails the schema keyword '${error.keyword}'`}`,
      }
  }
}

function unknownMember(parentPath: string, place: Place, name: string): Found {
  const path = childPointer(parentPath, name)
  if (place.kind === 'element' && PRINCIPAL_ELEMENTS.has(place.name)) {
    return {
      code: 'invalid-principal',
      path,
      message: `unknown principal type ${quote(name)} in ${place.name}${suggestion(name, PRINCIPAL_TYPES, 'principal types are case-sensitive', `${place.name} allows AWS, Service, Federated and CanonicalUser`)}`,
    }
  }
  const known = place.kind === 'document' ? DOCUMENT_ELEMENTS : place.kind === 'statement' ? STATEMENT_ELEMENTS : []
  const where =
    place.kind === 'document' ? 'a policy document allows Version, Id and Statement' : `a statement allows ${STATEMENT_ELEMENTS.join(', ')}`
  return {
    code: 'unknown-element',
    path,
    message: `unknown element ${quote(name)}${suggestion(name, known, 'element names are case-sensitive', where)}`,
  }
}

/** " (hint; did you mean 'X'?)" for a case-only difference, otherwise " (what is allowed)". */
function suggestion(name: string, known: readonly string[], caseHint: string, allowed: string): string {
  const lower = name.toLowerCase()
  const match = known.find((candidate) => candidate.toLowerCase() === lower)
  return match === undefined ? ` (${allowed})` : ` (${caseHint}; did you mean ${quote(match)}?)`
}

function missingMember(path: string, place: Place, name: string): Found {
  switch (name) {
    case 'Statement':
      return { code: 'missing-statement', path, message: "the policy has no 'Statement' element" }
    case 'Effect':
      return { code: 'missing-effect', path, message: `${describePlace(place)} has no 'Effect' (it must be "Allow" or "Deny")` }
    case 'Action':
      return {
        code: 'missing-action',
        path,
        message: `${describePlace(place)} has neither 'Action' nor 'NotAction' (exactly one is required)`,
      }
    default:
      return { code: 'invalid-type', path, message: `${describePlace(place)} has no ${quote(name)}` }
  }
}

/**
 * Both members of an exclusive pair. The raw error sits on the positive member; the issue points
 * at whichever of the two comes second in the statement, the one a reader would remove.
 */
function conflict(tokens: readonly string[], document: unknown): Found {
  const positive = tokens[tokens.length - 1] ?? ''
  const negative = `Not${positive}`
  const statementTokens = tokens.slice(0, -1)
  const statement = valueAt(document, statementTokens)
  const keys = isObject(statement) ? Object.keys(statement) : []
  const second = keys.indexOf(positive) > keys.indexOf(negative) ? positive : negative
  return {
    code: 'conflicting-elements',
    path: childPointer(toPointer(statementTokens), second),
    message: `a statement cannot have both ${quote(positive)} and ${quote(negative)}; keep one of them`,
  }
}

function badEnum(path: string, place: Place, value: unknown): Found {
  if (place.kind === 'document-element' && place.name === 'Version') {
    return { code: 'invalid-version', path, message: `Version must be "2012-10-17" or "2008-10-17", not ${describeValue(value)}` }
  }
  if (place.kind === 'element' && place.name === 'Effect') {
    const hint =
      typeof value === 'string' && ['allow', 'deny'].includes(value.toLowerCase())
        ? ` (Effect is case-sensitive; did you mean ${JSON.stringify(value.toLowerCase() === 'allow' ? 'Allow' : 'Deny')}?)`
        : ''
    return { code: 'invalid-effect', path, message: `Effect must be exactly "Allow" or "Deny", not ${describeValue(value)}${hint}` }
  }
  return { code: 'invalid-type', path, message: `${describePlace(place)} has a value that is not allowed: ${describeValue(value)}` }
}

/** A string Principal other than "*": suggest the object form that was probably meant. */
function principalStringMessage(place: Place, value: unknown): string {
  const element = place.kind === 'element' ? place.name : 'Principal'
  let hint = ''
  if (typeof value === 'string') {
    const type = /\.amazonaws\.com(?:\.cn)?$/.test(value) ? 'Service' : /^(?:arn:|\d{12}$)/.test(value) ? 'AWS' : undefined
    if (type !== undefined) hint = ` (did you mean {${JSON.stringify(type)}: ${JSON.stringify(shorten(value))}}?)`
  }
  return `${element} must be "*" or an object of AWS, Service, Federated or CanonicalUser entries, not ${describeValue(value)}${hint}`
}

function wrongType(path: string, place: Place, value: unknown): Found {
  const actual = describeType(value)
  switch (place.kind) {
    case 'document':
      return { code: 'invalid-document', path, message: `a policy document must be a JSON object, not ${actual}` }
    case 'document-element':
      if (place.name === 'Version')
        return { code: 'invalid-version', path, message: `Version must be "2012-10-17" or "2008-10-17", not ${actual}` }
      return {
        code: 'invalid-type',
        path,
        message: `${place.name} must be ${place.name === 'Statement' ? 'a statement object or an array of statement objects' : 'a string'}, not ${actual}`,
      }
    case 'statement':
      return {
        code: 'invalid-type',
        path,
        message: place.single
          ? `Statement must be a statement object or an array of statement objects, not ${actual}`
          : `each entry of Statement must be a statement object, not ${actual}`,
      }
    case 'element':
      if (PRINCIPAL_ELEMENTS.has(place.name)) {
        return {
          code: 'invalid-principal',
          path,
          message: `${place.name} must be "*" or an object of AWS, Service, Federated or CanonicalUser entries, not ${actual}`,
        }
      }
      if (place.name === 'Effect')
        return { code: 'invalid-effect', path, message: `Effect must be exactly "Allow" or "Deny", not ${actual}` }
      return { code: 'invalid-type', path, message: `${place.name} must be ${expectedForElement(place.name)}, not ${actual}` }
    case 'element-entry':
      return { code: 'invalid-type', path, message: `each entry of ${place.name} must be a string, not ${actual}` }
    case 'principal-type':
      return {
        code: 'invalid-principal',
        path,
        message: `${place.element}.${place.name} must be a string or an array of strings, not ${actual}`,
      }
    case 'principal-entry':
      return { code: 'invalid-principal', path, message: `each entry of ${place.element}.${place.name} must be a string, not ${actual}` }
    case 'condition-operator':
      return {
        code: 'invalid-type',
        path,
        message: `condition operator ${quote(place.operator)} must map condition keys to values (an object), not ${actual}`,
      }
    case 'condition-key':
      return {
        code: 'invalid-type',
        path,
        message: `condition key ${quote(place.key)} under ${quote(place.operator)} must have a string, number or boolean value, or an array of those, not ${actual}`,
      }
    case 'condition-value':
      return {
        code: 'invalid-type',
        path,
        message: `each value of condition key ${quote(place.key)} under ${quote(place.operator)} must be a string, number or boolean, not ${actual}`,
      }
    case 'other':
      return { code: 'invalid-type', path, message: `unexpected ${actual} here` }
  }
}

function expectedForElement(name: string): string {
  if (LIST_ELEMENTS.has(name)) return 'a string or an array of strings'
  if (name === 'Condition') return 'an object mapping condition operators to condition keys'
  return 'a string'
}

function describePlace(place: Place): string {
  switch (place.kind) {
    case 'document':
      return 'the policy'
    case 'statement':
      return 'the statement'
    case 'document-element':
    case 'element':
    case 'element-entry':
      return place.name
    case 'principal-type':
    case 'principal-entry':
      return `${place.element}.${place.name}`
    case 'condition-operator':
      return `condition operator ${quote(place.operator)}`
    case 'condition-key':
    case 'condition-value':
      return `condition key ${quote(place.key)}`
    case 'other':
      return 'this value'
  }
}

// ---------------------------------------------------------------------------------------------
// Value helpers

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Own member only: a policy never inherits elements, and `__proto__` must not reach a prototype. */
function ownMember(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return /^(?:0|[1-9]\d*)$/.test(key) ? value[Number(key)] : undefined
  if (isObject(value) && Object.prototype.hasOwnProperty.call(value, key)) return value[key]
  return undefined
}

function valueAt(document: unknown, tokens: readonly string[]): unknown {
  let value = document
  for (const token of tokens) value = ownMember(value, token)
  return value
}

/** Splits an ajv instance path (a JSON pointer) into unescaped tokens. */
function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function toPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${escapePointerToken(token)}`).join('')
}

function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string':
      return 'a string'
    case 'number':
      return 'a number'
    case 'boolean':
      return `the boolean ${String(value)}`
    case 'object':
      return 'an object'
    default:
      return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`
  }
}

/** A value for a message: short scalars verbatim (JSON), anything else by its type. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(shorten(value))}`
  if (typeof value === 'number') return `the number ${String(value)}`
  return describeType(value)
}

function shorten(value: string): string {
  return value.length > 64 ? `${value.slice(0, 61)}...` : value
}

function quote(name: string): string {
  return `'${shorten(name)}'`
}

// ---------------------------------------------------------------------------------------------
// Ordering

/**
 * Document order: by text position when every issue has one (exact for text input, even for
 * integer-like keys that JS objects reorder), otherwise by member order in the value (the order
 * `Object.keys` gives, which is the text order for JSON text). Issues at the same place keep the
 * schema's order.
 */
function sortInDocumentOrder(issues: PolicyIssue[], document: unknown): PolicyIssue[] {
  if (issues.length < 2) return issues
  const positioned = issues.every((issue) => issue.line !== undefined && issue.column !== undefined)
  const keyOrder = new Map<object, Map<string, number>>()
  const memberIndex = (container: unknown, token: string): number => {
    if (Array.isArray(container)) return Number(token)
    if (!isObject(container)) return Number.MAX_SAFE_INTEGER
    let order = keyOrder.get(container)
    if (order === undefined) {
      order = new Map(Object.keys(container).map((key, index) => [key, index]))
      keyOrder.set(container, order)
    }
    return order.get(token) ?? Number.MAX_SAFE_INTEGER
  }
  // Each path becomes the list of member indices along it, computed once, so that comparisons
  // are cheap even for documents with very many issues.
  const entries = issues.map((issue, index) => {
    const tokens = parsePointer(issue.path)
    const order: number[] = []
    let container = document
    for (const token of tokens) {
      order.push(memberIndex(container, token))
      container = ownMember(container, token)
    }
    return { issue, index, order }
  })
  entries.sort((a, b) => {
    if (positioned) {
      const byPosition = (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0)
      if (byPosition !== 0) return byPosition
    }
    const shared = Math.min(a.order.length, b.order.length)
    for (let k = 0; k < shared; k += 1) {
      const difference = (a.order[k] as number) - (b.order[k] as number)
      if (difference !== 0) return difference
    }
    return (
      a.order.length - b.order.length || (a.issue.path === b.issue.path ? 0 : a.issue.path < b.issue.path ? -1 : 1) || a.index - b.index
    )
  })
  return entries.map((entry) => entry.issue)
}

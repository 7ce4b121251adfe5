// Reference evaluator for AWS IAM authorization — deliberately naive.
//
// Source of truth: shared/spec/iam-semantics.md (rules R.., edge cases E.., register A..) and
// docs/semantics-choices.md (choices C1-C23). Every decision below cites the rule it implements.
// Independent of src/: no indexes, no caches, no precompilation. Policies are read straight from
// their JSON form on every request.

import { globMatch, isAllLiteral, literalUnits, STAR, unitsToText, wildcardUnits, type Unit } from './glob'
import {
  bytesEqual,
  compareDecimal,
  decodeBase64,
  ipInRange,
  parseBool,
  parseInstant,
  parseIpAddress,
  parseIpRange,
  parseNumber,
  toText,
  type Scalar,
} from './values'

export type ReferenceDecision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'
export interface ReferenceRequest {
  principal: unknown
  action: unknown
  resource: unknown
  resourceAccount?: unknown
  context?: unknown
}
export interface ReferencePolicies {
  identity?: unknown[]
  resource?: unknown
  permissionsBoundary?: unknown
  session?: unknown
  scps?: unknown[][]
  rcps?: unknown[][]
  endpoint?: unknown[]
}
export interface ReferenceOptions {
  now?: number /* epoch ms */
  deriveContextKeys?: boolean /* default true */
}

/** Thrown for a structurally invalid policy (the lead's validator rejects these beforehand). */
export class ReferencePolicyError extends Error {}

function invalid(message: string): never {
  throw new ReferencePolicyError(message)
}

// =============================================================================================
// 1. The request (C1, C2)
// =============================================================================================

/** One stored context key with its values; empty arrays are dropped (C2: absent everywhere). */
interface ContextEntry {
  key: string
  values: Scalar[] // length >= 1; a one-element array is the same as its single value (C2)
}

interface ValidRequest {
  principal: string
  action: string
  resource: string
  resourceAccount: string | undefined
  context: ContextEntry[]
}

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** C1: validate and copy the request. Returns null for an invalid request (never throws). */
function readRequest(request: unknown): ValidRequest | null {
  try {
    if (typeof request !== 'object' || request === null) return null
    const { principal, action, resource, resourceAccount, context } = request as Record<string, unknown>
    if (typeof principal !== 'string' || typeof action !== 'string' || typeof resource !== 'string') return null
    if (resourceAccount !== undefined && typeof resourceAccount !== 'string') return null
    const entries: ContextEntry[] = []
    if (context !== undefined) {
      if (!isPlainObject(context)) return null
      // C1: every context key is checked, not only the keys a policy reads
      for (const key of Object.keys(context)) {
        const value: unknown = context[key]
        if (isScalar(value)) {
          entries.push({ key, values: [value] })
        } else if (Array.isArray(value)) {
          const values: Scalar[] = []
          for (let i = 0; i < value.length; i++) {
            const item: unknown = value[i]
            if (!isScalar(item)) return null // nested arrays, null, objects, NaN, holes...
            values.push(item)
          }
          if (values.length > 0) entries.push({ key, values }) // C2/R81: [] is an absent key
        } else {
          return null
        }
      }
    }
    return { principal, action, resource, resourceAccount, context: entries }
  } catch {
    return null // a hostile object (throwing getter, proxy): invalid request, fail closed
  }
}

/** R78: condition key names are case-insensitive. Returns the value lists of every stored variant (R79). */
function lookup(context: ContextEntry[], key: string): Scalar[][] {
  const wanted = key.toLowerCase()
  return context.filter((e) => e.key.toLowerCase() === wanted).map((e) => e.values)
}

// =============================================================================================
// 2. The caller (R3, R4, R5, C3, C4)
// =============================================================================================

type Caller =
  | { kind: 'anonymous' }
  | { kind: 'service'; name: string }
  | { kind: 'root'; partition: string; account: string; arn: string }
  | { kind: 'user'; partition: string; account: string; arn: string; name: string }
  | { kind: 'role'; partition: string; account: string; arn: string }
  | { kind: 'session'; partition: string; account: string; arn: string; roleArn: string }
  | { kind: 'federated'; partition: string; account: string; arn: string }
  | { kind: 'unrecognised' }

type IamCaller = Extract<Caller, { account: string }>

// C3: exact shapes; account exactly 12 digits; IAM/STS ARNs have an empty region; AWS's
// character rules: names [\w+=,.@-]+, paths of printable ASCII (U+0021-U+007E, may hold / and :).
const NAME = '[\\w+=,.@-]+'
const ROOT_RE = /^arn:([a-z][a-z0-9-]*):iam::(\d{12}):root$/
const IAM_ENTITY_RE = /^arn:([a-z][a-z0-9-]*):iam::(\d{12}):(user|role)\/(.*)$/
const NAME_RE = new RegExp(`^${NAME}$`)
const PATH_RE = /^[\u0021-\u007E]*$/
const SESSION_RE = new RegExp(`^arn:([a-z][a-z0-9-]*):sts::(\\d{12}):assumed-role/(${NAME})/(${NAME})$`)
const FEDERATED_RE = new RegExp(`^arn:([a-z][a-z0-9-]*):sts::(\\d{12}):federated-user/(${NAME})$`)
const ACCOUNT_RE = /^\d{12}$/

/** `user/…` or `role/…`: the name after the last slash, the path before it (no regex backtracking). */
function iamEntity(value: string): { partition: string; account: string; type: 'user' | 'role'; name: string } | undefined {
  const m = IAM_ENTITY_RE.exec(value)
  if (m === null) return undefined
  const rest = m[4] as string
  const name = rest.slice(rest.lastIndexOf('/') + 1)
  const path = rest.slice(0, Math.max(0, rest.lastIndexOf('/')))
  if (!NAME_RE.test(name) || !PATH_RE.test(path)) return undefined
  return { partition: m[1] as string, account: m[2] as string, type: m[3] as 'user' | 'role', name }
}

/** C3: a non-ARN caller is a service principal when it is a host name or a 64-hex canonical id. */
function looksLikeServiceName(value: string): boolean {
  if (/^[0-9a-f]{64}$/.test(value)) return true
  return value.includes('.') && !value.endsWith('.') && /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(value)
}

function classifyCaller(principal: string, context: ContextEntry[]): Caller {
  if (principal === '*') return { kind: 'anonymous' }
  let m = ROOT_RE.exec(principal)
  if (m !== null) return { kind: 'root', partition: m[1] as string, account: m[2] as string, arn: principal }
  const entity = iamEntity(principal)
  if (entity?.type === 'user')
    return { kind: 'user', partition: entity.partition, account: entity.account, arn: principal, name: entity.name }
  if (entity?.type === 'role') return { kind: 'role', partition: entity.partition, account: entity.account, arn: principal }
  m = SESSION_RE.exec(principal)
  if (m !== null) {
    const partition = m[1] as string
    const account = m[2] as string
    const roleName = m[3] as string
    return { kind: 'session', partition, account, arn: principal, roleArn: roleIdentity(partition, account, roleName, context) }
  }
  m = FEDERATED_RE.exec(principal)
  if (m !== null) return { kind: 'federated', partition: m[1] as string, account: m[2] as string, arn: principal }
  // C3: a host name or canonical id is a service principal (it also stands for Federated and
  // CanonicalUser callers, R52). Anything else is unrecognised.
  if (!principal.startsWith('arn:') && looksLikeServiceName(principal)) return { kind: 'service', name: principal }
  return { kind: 'unrecognised' }
}

/**
 * C4 / R5: the role identity of a session is the context's aws:PrincipalArn when that is a single
 * string naming a role with the session's partition, account and role name (any path); otherwise
 * the path-less role ARN.
 */
function roleIdentity(partition: string, account: string, roleName: string, context: ContextEntry[]): string {
  const variants = lookup(context, 'aws:PrincipalArn')
  const only = variants.length === 1 ? variants[0] : undefined
  const value = only !== undefined && only.length === 1 ? only[0] : undefined
  if (typeof value === 'string') {
    const role = iamEntity(value)
    if (role?.type === 'role' && role.partition === partition && role.account === account && role.name === roleName) return value
  }
  return `arn:${partition}:iam::${account}:role/${roleName}`
}

function isIamCaller(c: Caller): c is IamCaller {
  return c.kind === 'root' || c.kind === 'user' || c.kind === 'role' || c.kind === 'session' || c.kind === 'federated'
}

/** R4 (+ A1: a role caller is a role session whose session name is unknown). */
function isSessionPrincipal(c: Caller): boolean {
  return c.kind === 'role' || c.kind === 'session' || c.kind === 'federated'
}

// =============================================================================================
// 3. Resource account (R6) and derived context keys (C5)
// =============================================================================================

/** Split an ARN at its first five colons into six fields; null if it is not ARN-shaped. */
function splitArn(text: string): string[] | null {
  if (!text.startsWith('arn:')) return null
  const fields: string[] = []
  let rest = text
  for (let i = 0; i < 5; i++) {
    const at = rest.indexOf(':')
    if (at < 0) return null
    fields.push(rest.slice(0, at))
    rest = rest.slice(at + 1)
  }
  fields.push(rest)
  return fields
}

/** R6: supplied account, else the ARN's account field, else the caller's account. */
function resourceAccountOf(req: ValidRequest, caller: Caller): string | undefined {
  if (req.resourceAccount !== undefined && req.resourceAccount !== '') return req.resourceAccount
  const fields = splitArn(req.resource)
  const fromArn = fields === null ? '' : (fields[4] as string)
  if (fromArn !== '') return fromArn
  return isIamCaller(caller) ? caller.account : undefined
}

/** C5: add the derived keys the context does not hold (case-insensitively). */
function withDerivedKeys(
  context: ContextEntry[],
  caller: Caller,
  resourceAccount: string | undefined,
  nowMs: number,
  derive: boolean,
): ContextEntry[] {
  const out = [...context]
  const add = (key: string, value: Scalar | undefined): void => {
    if (value !== undefined && lookup(context, key).length === 0) out.push({ key, values: [value] })
  }
  if (derive) {
    let principalArn: string | undefined
    if (caller.kind === 'session')
      principalArn = caller.roleArn // C4 role identity
    else if (isIamCaller(caller)) principalArn = caller.arn // root, user, role, federated user
    add('aws:PrincipalArn', principalArn)
    add('aws:PrincipalAccount', isIamCaller(caller) ? caller.account : undefined)
    add('aws:username', caller.kind === 'user' ? caller.name : undefined)
    add('aws:ResourceAccount', resourceAccount)
  }
  // time keys are always filled in (AWS always has them)
  add('aws:CurrentTime', new Date(nowMs).toISOString())
  add('aws:EpochTime', Math.floor(nowMs / 1000))
  return out
}

function pickNow(options: ReferenceOptions | undefined): number {
  const now = options?.now
  // ±8.64e15 ms is the Date range; anything else falls back to the clock
  if (typeof now === 'number' && Number.isFinite(now) && Math.abs(now) <= 8.64e15) return now
  return Date.now()
}

// =============================================================================================
// 4. Policy variables (section 12, C19, C20)
// =============================================================================================

// `${*}` `${?}` `${$}`, `${key}` or `${key, 'default'}` (spaces allowed around the comma).
const VARIABLE_RE = /^\$\{(?:([*?$])|([^\s${},']+)(?:\s*,\s*'([^']*)')?)\}/

/**
 * Build the units of a policy string. When `honourVariables` (Version 2012-10-17 and a place
 * where variables are allowed, R114/R115), `${...}` is substituted: the substituted text is
 * literal, never a wildcard (R119, R120). `wildcards` says whether the policy's own `*`/`?`
 * are wildcards (StringLike, ArnLike, Resource) or literal (StringEquals, R88).
 * Returns null when a variable is unresolvable (R117: the value/pattern then matches nothing).
 */
function buildUnits(text: string, honourVariables: boolean, wildcards: boolean, context: ContextEntry[]): Unit[] | null {
  if (!honourVariables) return wildcards ? wildcardUnits(text) : literalUnits(text) // R38, C20
  const out: Unit[] = []
  let i = 0
  while (i < text.length) {
    if (text.startsWith('${', i)) {
      const m = VARIABLE_RE.exec(text.slice(i))
      if (m === null) invalid(`malformed policy variable in ${JSON.stringify(text)}`) // C20, R121
      const special = m[1]
      if (special !== undefined) {
        out.push(...literalUnits(special)) // R119: `${*}` `${?}` `${$}` are literal characters
      } else {
        const resolved = resolveVariable(m[2] as string, m[3], context)
        if (resolved === null) return null // R117
        out.push(...literalUnits(resolved)) // R120: literal
      }
      i += m[0].length
    } else {
      const c = text.charAt(i)
      out.push(wildcards && (c === '*' || c === '?') ? (c === '*' ? STAR : { t: 'one' }) : { t: 'lit', c })
      i++
    }
  }
  return out
}

/**
 * C19 / R113 / R116 / R118: a variable resolves when its key (case-insensitive) holds exactly one
 * scalar value that is not the empty string; numbers and booleans become text (C14). The default
 * is used only when the key is absent (an empty list is absent, C2) or its one value is `""`
 * (R118, A39). A multivalued key is unresolvable and its default is NOT used (R116, A38): the key
 * is present, so "absent or empty" does not hold. Case variants of the key (R79) are read together
 * as one set of values, so two spellings with one value each are a multivalued key too.
 */
function resolveVariable(key: string, fallback: string | undefined, context: ContextEntry[]): string | null {
  const values = lookup(context, key).flat() // all case variants together (empty lists already dropped)
  if (values.length >= 2) return null // R116: multivalued => unresolvable, default not used
  const only = values[0]
  if (only !== undefined && toText(only) !== '') return toText(only)
  return fallback ?? null // absent or "" (R117, R118)
}

// =============================================================================================
// 5. Action, Resource and ARN matching (sections 6, 7)
// =============================================================================================

type Kind = 'identity' | 'boundary' | 'session' | 'resource' | 'scp' | 'rcp' | 'endpoint'

/** R43: resource-based, RCP and endpoint statements carry Principal/NotPrincipal. */
function carriesPrincipal(kind: Kind): boolean {
  return kind === 'resource' || kind === 'rcp' || kind === 'endpoint'
}

/** R44: a single value or an array of values; scalars written unquoted become text (R107). */
function stringList(value: unknown, what: string): string[] {
  const items = Array.isArray(value) ? value : [value]
  return items.map((v: unknown) => {
    if (!isScalar(v)) invalid(`${what} must hold strings`)
    return toText(v)
  })
}

/** R58, R59: case-insensitive, anchored glob over the whole action. */
function actionMatches(pattern: string, action: string): boolean {
  return globMatch(wildcardUnits(pattern.toLowerCase()), action.toLowerCase())
}

/** Split units at the first five literal `:` units (R66). */
function splitUnitsAtColons(units: Unit[]): Unit[][] {
  const fields: Unit[][] = [[]]
  for (const u of units) {
    if (fields.length < 6 && u.t === 'lit' && u.c === ':') fields.push([])
    else (fields[fields.length - 1] as Unit[]).push(u)
  }
  return fields
}

/**
 * R66 (also R95): field-by-field glob match of an ARN pattern against an ARN value (value has six
 * fields). A pattern with fewer than six fields matches only if its last field ends with `*`,
 * which then also absorbs the remaining fields of the value (A17: only the final field expands).
 */
function arnFieldsMatch(patternFields: Unit[][], valueFields: string[]): boolean {
  const n = patternFields.length
  for (let i = 0; i < n - 1; i++) {
    if (!globMatch(patternFields[i] as Unit[], valueFields[i] as string)) return false
  }
  const last = patternFields[n - 1] as Unit[]
  if (n === 6) return globMatch(last, valueFields[5] as string)
  if (last.length === 0 || (last[last.length - 1] as Unit).t !== 'star') return false
  return globMatch(last, valueFields.slice(n - 1).join(':'))
}

/**
 * R65-R72: does one Resource/NotResource pattern match the request resource?
 * Variables are honoured only under 2012-10-17 and only after the fifth colon (R72, C20).
 */
function resourcePatternMatches(pattern: string, resource: string, honour: boolean, context: ContextEntry[]): boolean {
  if (/^\*+$/.test(pattern)) return true // R65: `*` (and `**`, the same wildcard) matches everything, including `*`
  if (resource === '*') return false // R65: only `*` covers resource-less actions (A45)
  // The first five colons of the raw text delimit the fields; variables only in the last field.
  const rawFields = pattern.split(':')
  const head = rawFields.slice(0, 5)
  const tail = rawFields.length > 5 ? rawFields.slice(5).join(':') : undefined
  const fields: Unit[][] = head.map((f) => wildcardUnits(f))
  if (tail !== undefined) {
    const units = buildUnits(tail, honour, true, context)
    if (units === null) return false // R72/R117: unresolvable variable => matches no resource
    fields.push(units)
  }
  const valueFields = splitArn(resource)
  if (valueFields === null) {
    // R65 (chosen): a request resource that is not an ARN is glob-matched against the whole pattern
    const whole: Unit[] = []
    fields.forEach((f, i) => {
      if (i > 0) whole.push({ t: 'lit', c: ':' })
      whole.push(...f)
    })
    return globMatch(whole, resource)
  }
  return arnFieldsMatch(fields, valueFields)
}

// =============================================================================================
// 6. Principal and NotPrincipal (section 5, C6-C8)
// =============================================================================================

/** How a principal entry matched the caller (R23 classification input). */
type PrincipalMatch = 'none' | 'account' | 'role' | 'exact' | 'star'

const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser']

/** Flatten a Principal/NotPrincipal element into [key, value] entries (R46). `"*"` is ['AWS','*']. */
function principalEntries(element: unknown): Array<[string, string]> {
  if (element === '*') return [['AWS', '*']] // R47
  if (!isPlainObject(element)) invalid('Principal must be "*" or an object')
  const out: Array<[string, string]> = []
  for (const key of Object.keys(element)) {
    if (!PRINCIPAL_KEYS.includes(key)) invalid(`unknown principal key ${key}`)
    for (const v of stringList(element[key], 'Principal')) out.push([key, v])
  }
  return out // R44: an empty object or empty arrays give no entry at all
}

/** C6 / C7 / R47-R53: how one Principal entry matches the caller. */
function entryMatch(key: string, value: string, caller: Caller): PrincipalMatch {
  if (key === 'AWS' && value === '*') return 'star' // R47, C7: every caller
  if (key !== 'AWS') {
    // C6: Service / Federated / CanonicalUser match only a service-principal caller, exactly
    return caller.kind === 'service' && caller.name === value ? 'exact' : 'none'
  }
  if (!isIamCaller(caller)) return 'none' // anonymous matches only `*` (C6)
  if (value.includes('*') || value.includes('?')) return 'none' // R50, C7: partial wildcards match nothing
  if (ACCOUNT_RE.test(value)) return value === caller.account ? 'account' : 'none' // R48: any partition
  let m = ROOT_RE.exec(value)
  if (m !== null) return m[1] === caller.partition && m[2] === caller.account ? 'account' : 'none' // R48, R8
  const entity = iamEntity(value)
  if (entity?.type === 'user') return caller.kind === 'user' && caller.arn === value ? 'exact' : 'none' // R49
  if (SESSION_RE.test(value)) return caller.kind === 'session' && caller.arn === value ? 'exact' : 'none'
  if (FEDERATED_RE.test(value)) return caller.kind === 'federated' && caller.arn === value ? 'exact' : 'none'
  if (entity?.type === 'role') {
    // C7: the role caller with that ARN, and the sessions whose role identity (C4) equals it
    if (caller.kind === 'role' && caller.arn === value) return 'role'
    if (caller.kind === 'session' && caller.roleArn === value) return 'role'
    return 'none'
  }
  return 'none' // C7, R53: unique ids, malformed ARNs, other shapes
}

const MATCH_RANK: Record<PrincipalMatch, number> = { none: 0, account: 1, role: 2, exact: 3, star: 3 }

/** Best match of a Principal element (R46: entries are alternatives). */
function principalMatch(element: unknown, caller: Caller): PrincipalMatch {
  let best: PrincipalMatch = 'none'
  for (const [key, value] of principalEntries(element)) {
    const m = entryMatch(key, value, caller)
    if (MATCH_RANK[m] > MATCH_RANK[best]) best = m
  }
  return best
}

/**
 * C8 / R55 / R56: does the caller escape a NotPrincipal list? Only if every identity of its chain
 * is listed. An account entry covers only the account level of the chain.
 */
function escapesNotPrincipal(element: unknown, caller: Caller, hasBoundary: boolean): boolean {
  const entries = principalEntries(element)
  // R56: with a permissions boundary, an IAM user, role or role session never escapes
  if (hasBoundary && (caller.kind === 'user' || caller.kind === 'role' || caller.kind === 'session')) return false
  // C8: `"*"` / `AWS: "*"` lists every identity, so every caller escapes
  if (entries.some(([k, v]) => k === 'AWS' && v === '*')) return true
  const awsListed = (arn: string): boolean => entries.some(([k, v]) => k === 'AWS' && v === arn)
  const accountListed = (c: IamCaller): boolean =>
    entries.some(([k, v]) => k === 'AWS' && (v === c.account || v === `arn:${c.partition}:iam::${c.account}:root`))
  switch (caller.kind) {
    case 'user':
      return awsListed(caller.arn) && accountListed(caller)
    case 'session':
      return awsListed(caller.arn) && awsListed(caller.roleArn) && accountListed(caller)
    case 'federated':
      return awsListed(caller.arn) && accountListed(caller)
    case 'root':
      return accountListed(caller)
    case 'service':
      // C8: its Service entry (reference reading: C6 lets Federated/CanonicalUser name it too)
      return entries.some(([k, v]) => k !== 'AWS' && v === caller.name)
    default:
      return false // role caller (session unknown), anonymous, unrecognised: never escape
  }
}

// =============================================================================================
// 7. Conditions (sections 8-11, C16-C18)
// =============================================================================================

type Family = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'Ip' | 'Arn' | 'Null'

interface OperatorInfo {
  name: string // positive base operator (negated ones map to their positive counterpart)
  family: Family
  negated: boolean
  ifExists: boolean
  qualifier: 'all' | 'any' | null
}

// base operator => [family, negated, positive counterpart]
const OPERATORS: Record<string, [Family, boolean, string]> = {
  StringEquals: ['String', false, 'StringEquals'],
  StringNotEquals: ['String', true, 'StringEquals'],
  StringEqualsIgnoreCase: ['String', false, 'StringEqualsIgnoreCase'],
  StringNotEqualsIgnoreCase: ['String', true, 'StringEqualsIgnoreCase'],
  StringLike: ['String', false, 'StringLike'],
  StringNotLike: ['String', true, 'StringLike'],
  NumericEquals: ['Numeric', false, 'NumericEquals'],
  NumericNotEquals: ['Numeric', true, 'NumericEquals'],
  NumericLessThan: ['Numeric', false, 'NumericLessThan'],
  NumericLessThanEquals: ['Numeric', false, 'NumericLessThanEquals'],
  NumericGreaterThan: ['Numeric', false, 'NumericGreaterThan'],
  NumericGreaterThanEquals: ['Numeric', false, 'NumericGreaterThanEquals'],
  DateEquals: ['Date', false, 'DateEquals'],
  DateNotEquals: ['Date', true, 'DateEquals'],
  DateLessThan: ['Date', false, 'DateLessThan'],
  DateLessThanEquals: ['Date', false, 'DateLessThanEquals'],
  DateGreaterThan: ['Date', false, 'DateGreaterThan'],
  DateGreaterThanEquals: ['Date', false, 'DateGreaterThanEquals'],
  Bool: ['Bool', false, 'Bool'],
  BinaryEquals: ['Binary', false, 'BinaryEquals'],
  IpAddress: ['Ip', false, 'IpAddress'],
  NotIpAddress: ['Ip', true, 'IpAddress'],
  ArnEquals: ['Arn', false, 'ArnLike'], // R95: ArnEquals behaves exactly like ArnLike
  ArnLike: ['Arn', false, 'ArnLike'],
  ArnNotEquals: ['Arn', true, 'ArnLike'],
  ArnNotLike: ['Arn', true, 'ArnLike'],
  Null: ['Null', false, 'Null'],
}

/** R84: operator names and the set prefixes are case-sensitive; unknown operators are invalid. */
function parseOperator(op: string): OperatorInfo {
  let rest = op
  let qualifier: 'all' | 'any' | null = null
  if (rest.startsWith('ForAllValues:')) {
    qualifier = 'all'
    rest = rest.slice('ForAllValues:'.length)
  } else if (rest.startsWith('ForAnyValue:')) {
    qualifier = 'any'
    rest = rest.slice('ForAnyValue:'.length)
  }
  let ifExists = false
  if (rest.endsWith('IfExists') && rest !== 'IfExists') {
    ifExists = true
    rest = rest.slice(0, -'IfExists'.length)
  }
  const spec = Object.prototype.hasOwnProperty.call(OPERATORS, rest) ? OPERATORS[rest] : undefined
  if (spec === undefined) invalid(`unknown condition operator ${op}`)
  if (spec[0] === 'Null' && ifExists) invalid('Null cannot take IfExists') // R84
  return { name: spec[2], family: spec[0], negated: spec[1], ifExists, qualifier }
}

/** Can variables appear in this operator's values? R115: only string and ARN operators. */
function familyTakesVariables(f: Family): boolean {
  return f === 'String' || f === 'Arn'
}

/** The positive operator applied to one request value and one policy value. */
function positiveTest(op: OperatorInfo, request: Scalar, policy: Scalar, honour: boolean, context: ContextEntry[]): boolean {
  const vars = honour && familyTakesVariables(op.family)
  switch (op.name) {
    case 'StringEquals': {
      const units = buildUnits(toText(policy), vars, false, context) // R88: `*`/`?` literal
      return units !== null && unitsToText(units) === toText(request) // R85
    }
    case 'StringEqualsIgnoreCase': {
      const units = buildUnits(toText(policy), vars, false, context)
      return units !== null && unitsToText(units).toLowerCase() === toText(request).toLowerCase() // R86
    }
    case 'StringLike': {
      const units = buildUnits(toText(policy), vars, true, context)
      return units !== null && globMatch(units, toText(request)) // R87
    }
    case 'ArnLike': {
      const valueFields = splitArn(toText(request))
      if (valueFields === null) return false // R95 (A30): a non-ARN request value never matches
      const units = buildUnits(toText(policy), vars, true, context)
      return units !== null && arnFieldsMatch(splitUnitsAtColons(units), valueFields)
    }
    case 'NumericEquals':
    case 'NumericLessThan':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThan':
    case 'NumericGreaterThanEquals': {
      // R90, R108, C9: exact decimal comparison; request value on the left
      const a = parseNumber(request)
      const b = parseNumber(policy)
      return a !== null && b !== null && ordered(op.name, compareDecimal(a, b))
    }
    case 'DateEquals':
    case 'DateLessThan':
    case 'DateLessThanEquals':
    case 'DateGreaterThan':
    case 'DateGreaterThanEquals': {
      // R91, R109, C10: both sides as instants
      const a = parseInstant(request)
      const b = parseInstant(policy)
      return a !== null && b !== null && ordered(op.name, compareDecimal(a, b))
    }
    case 'Bool': {
      // R92, R111, C11
      const a = parseBool(request)
      const b = parseBool(policy)
      return a !== undefined && b !== undefined && a === b
    }
    case 'BinaryEquals': {
      // R93, C12: both sides decoded, compared byte for byte
      const a = decodeBase64(toText(request))
      const b = decodeBase64(toText(policy))
      return a !== null && b !== null && bytesEqual(a, b)
    }
    case 'IpAddress': {
      // R94, R112, C13
      const addr = parseIpAddress(toText(request))
      const range = parseIpRange(toText(policy))
      return addr !== null && range !== null && ipInRange(addr, range)
    }
    default:
      return invalid(`operator ${op.name} has no positive test`)
  }
}

function ordered(name: string, cmp: number): boolean {
  if (name.endsWith('LessThanEquals')) return cmp <= 0
  if (name.endsWith('LessThan')) return cmp < 0
  if (name.endsWith('GreaterThanEquals')) return cmp >= 0
  if (name.endsWith('GreaterThan')) return cmp > 0
  return cmp === 0 // Equals
}

/**
 * One key test against one stored variant of the key (`request` undefined = the key is absent).
 */
function keyTestOnVariant(
  op: OperatorInfo,
  request: Scalar[] | undefined,
  policyValues: Scalar[],
  honour: boolean,
  context: ContextEntry[],
): boolean {
  if (op.family === 'Null') {
    // R98, C18: Null with a set qualifier is fixed
    if (op.qualifier === 'all') return true
    if (op.qualifier === 'any') return false
    // R96, C18: null = absent, empty list (already dropped, C2) or ""; several values OR-ed;
    // a policy value that is not a boolean never matches
    const isNull = request === undefined || (request.length === 1 && request[0] === '')
    return policyValues.some((p) => parseBool(p) === isNull)
  }
  // C2 / R81 / A47: a lone "" is null for the set qualifiers, a present value otherwise
  const present = request !== undefined && !(op.qualifier !== null && request.length === 1 && request[0] === '')
  if (op.ifExists && !present) return true // R97, R106: presence test first
  if (request === undefined || !present) {
    if (op.qualifier === 'all') return true // R101, R104
    if (op.qualifier === 'any') return false // R102, R104
    return op.negated // R80: non-negated false, negated true
  }
  if (policyValues.length === 0) return false // R82, C16: empty value list with the key present
  const positiveAny = (v: Scalar): boolean => policyValues.some((p) => positiveTest(op, v, p, honour, context)) // R76
  const perValue = (v: Scalar): boolean => (op.negated ? !positiveAny(v) : positiveAny(v)) // R77 NOR, R103
  if (op.qualifier === 'all') return request.every(perValue) // R101
  if (op.qualifier === 'any') return request.some(perValue) // R102
  // plain operator (R105 for multivalued request values): positive = any request value
  // satisfies it; negated = negation of that
  const anyPositive = request.some(positiveAny)
  return op.negated ? !anyPositive : anyPositive
}

/** R79: each stored case variant is tested; any for non-negated, all for negated operators. */
function keyTest(op: OperatorInfo, key: string, policyValues: Scalar[], honour: boolean, context: ContextEntry[]): boolean {
  const variants = lookup(context, key)
  if (variants.length === 0) return keyTestOnVariant(op, undefined, policyValues, honour, context)
  const results = variants.map((v) => keyTestOnVariant(op, v, policyValues, honour, context))
  return op.negated ? results.every((r) => r) : results.some((r) => r)
}

/** R73-R75, R83, C17: the Condition block. */
function conditionHolds(condition: unknown, honour: boolean, context: ContextEntry[]): boolean {
  if (condition === undefined) return true // R35
  if (!isPlainObject(condition)) invalid('Condition must be an object')
  const operators = Object.keys(condition)
  if (operators.length === 0) return false // R83: an empty Condition never matches
  for (const opName of operators) {
    const op = parseOperator(opName)
    const block = condition[opName]
    if (!isPlainObject(block)) invalid(`Condition operator ${opName} must map keys to values`)
    const keys = Object.keys(block)
    if (keys.length === 0) return false // C17: an empty key map never matches
    for (const key of keys) {
      const raw = block[key]
      const values: unknown[] = Array.isArray(raw) ? raw : [raw]
      const policyValues = values.map((v) => {
        if (!isScalar(v)) invalid(`condition value for ${key} must be a string, number or boolean`)
        return v
      })
      if (!keyTest(op, key, policyValues, honour, context)) return false // R74, R75: AND
    }
  }
  return true
}

// =============================================================================================
// 8. Statements and policies (sections 3, 4)
// =============================================================================================

interface Env {
  req: ValidRequest
  context: ContextEntry[]
  caller: Caller
  hasBoundary: boolean
}

/** R37: a policy's statements; `Statement` is one object or an array. */
function statementsOf(policy: unknown): { honour: boolean; statements: Record<string, unknown>[] } {
  if (!isPlainObject(policy)) invalid('a policy must be a JSON object')
  const raw = policy.Statement
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? invalid('missing Statement') : [raw]
  const statements = list.map((s) => {
    if (!isPlainObject(s)) invalid('a statement must be an object')
    return s
  })
  return { honour: policy.Version === '2012-10-17', statements } // R38, R114
}

/**
 * R34: everything but the principal test — action (section 6), resource (section 7) and
 * condition (sections 8-10).
 */
function matchesExceptPrincipal(stmt: Record<string, unknown>, honour: boolean, kind: Kind, env: Env): boolean {
  const { req, context } = env
  // Action / NotAction (R42, R58-R62)
  if ((stmt.Action === undefined) === (stmt.NotAction === undefined)) invalid('exactly one of Action/NotAction')
  if (isInert(stmt)) return false // R44, C23
  if (stmt.Action !== undefined) {
    if (!stringList(stmt.Action, 'Action').some((p) => actionMatches(p, req.action))) return false // R60, R44
  } else if (stringList(stmt.NotAction, 'NotAction').some((p) => actionMatches(p, req.action))) {
    return false // R61
  }
  // Resource / NotResource (R36, R42, R65-R72)
  if (stmt.Resource !== undefined && stmt.NotResource !== undefined) invalid('both Resource and NotResource')
  if (stmt.Resource !== undefined) {
    const patterns = stringList(stmt.Resource, 'Resource')
    if (!patterns.some((p) => resourcePatternMatches(p, req.resource, honour, context))) return false // R70
  } else if (stmt.NotResource !== undefined) {
    const patterns = stringList(stmt.NotResource, 'NotResource')
    if (patterns.some((p) => resourcePatternMatches(p, req.resource, honour, context))) return false // R71
  } else if (kind === 'identity' || kind === 'boundary' || kind === 'session') {
    invalid('identity-type statement without Resource/NotResource') // R36 (A8)
  } // else R36 (A9): resource, SCP, RCP and endpoint statements apply to the requested resource
  return conditionHolds(stmt.Condition, honour, context)
}

/**
 * R44 / C23: an empty list in Action, NotAction, Resource or NotResource, or a Principal /
 * NotPrincipal without any entry (empty object or only empty lists), makes the statement inert:
 * it neither allows nor denies. For the negated elements this is a choice (C23): an empty
 * exclusion list must not widen a statement to everything.
 */
function isInert(stmt: Record<string, unknown>): boolean {
  for (const name of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    const value = stmt[name]
    if (Array.isArray(value) && value.length === 0) return true
  }
  for (const name of ['Principal', 'NotPrincipal']) {
    if (stmt[name] !== undefined && principalEntries(stmt[name]).length === 0) return true
  }
  return false
}

/** The effect of a statement (R41). */
function effectOf(stmt: Record<string, unknown>): 'Allow' | 'Deny' {
  if (stmt.Effect !== 'Allow' && stmt.Effect !== 'Deny') invalid('Effect must be Allow or Deny')
  return stmt.Effect
}

/** R42/R43: principal elements are present exactly where the policy kind carries them. */
function checkPrincipalShape(stmt: Record<string, unknown>, kind: Kind): void {
  const has = stmt.Principal !== undefined || stmt.NotPrincipal !== undefined
  if (stmt.Principal !== undefined && stmt.NotPrincipal !== undefined) invalid('both Principal and NotPrincipal')
  if (carriesPrincipal(kind) && !has) invalid(`a ${kind} statement needs Principal or NotPrincipal`)
  if (!carriesPrincipal(kind) && has) invalid(`a ${kind} statement cannot carry a principal`)
}

/** R11 / R34: does some Deny statement of this policy match (principal test included)? */
function denyMatches(policy: unknown, kind: Kind, env: Env): boolean {
  const { honour, statements } = statementsOf(policy)
  return statements.some((stmt) => {
    checkPrincipalShape(stmt, kind)
    if (effectOf(stmt) !== 'Deny') return false
    if (!matchesExceptPrincipal(stmt, honour, kind, env)) return false
    if (!carriesPrincipal(kind)) return true
    if (stmt.NotPrincipal !== undefined) return !escapesNotPrincipal(stmt.NotPrincipal, env.caller, env.hasBoundary) // R54-R56
    return principalMatch(stmt.Principal, env.caller) !== 'none'
  })
}

/**
 * The strongest way an Allow statement of this policy matches the request and the caller.
 * For kinds without principals a match is reported as 'star'.
 */
function bestAllow(policy: unknown, kind: Kind, env: Env): PrincipalMatch {
  const { honour, statements } = statementsOf(policy)
  let best: PrincipalMatch = 'none'
  for (const stmt of statements) {
    checkPrincipalShape(stmt, kind)
    if (effectOf(stmt) !== 'Allow') continue
    if (!matchesExceptPrincipal(stmt, honour, kind, env)) continue
    let m: PrincipalMatch
    if (!carriesPrincipal(kind)) m = 'star'
    else if (stmt.NotPrincipal !== undefined) {
      // R54 (lenient reading of an invalid Allow + NotPrincipal): like `*` minus the excluded
      m = escapesNotPrincipal(stmt.NotPrincipal, env.caller, env.hasBoundary) ? 'none' : 'star'
    } else m = principalMatch(stmt.Principal, env.caller)
    if (MATCH_RANK[m] > MATCH_RANK[best]) best = m
  }
  return best
}

function allows(policy: unknown, kind: Kind, env: Env): boolean {
  return bestAllow(policy, kind, env) !== 'none'
}

// =============================================================================================
// 9. The decision procedure (section 2)
// =============================================================================================

interface Slots {
  identity: unknown[] | undefined
  resource: unknown
  boundary: unknown
  session: unknown
  scps: unknown[][] | undefined
  rcps: unknown[][] | undefined
  endpoint: unknown[] | undefined
}

function readSlots(policies: ReferencePolicies): Slots {
  if (!isPlainObject(policies)) invalid('policies must be an object')
  const list = (v: unknown, what: string): unknown[] | undefined => {
    if (v === undefined) return undefined
    if (!Array.isArray(v)) invalid(`${what} must be an array`)
    return v
  }
  const levels = (v: unknown, what: string): unknown[][] | undefined => {
    const outer = list(v, what)
    return outer?.map((level) => list(level, `${what} level`) ?? invalid(`${what} level must be an array`))
  }
  return {
    identity: list(policies.identity, 'identity'),
    resource: policies.resource,
    boundary: policies.permissionsBoundary,
    session: policies.session,
    scps: levels(policies.scps, 'scps'),
    rcps: levels(policies.rcps, 'rcps'),
    endpoint: list(policies.endpoint, 'endpoint'),
  }
}

const TRUST_ACTIONS = [
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
]
const ROLE_RESOURCE_RE = /^arn:[^:]+:iam::\d{12}:role\/.+$/
const KMS_KEY_RE = /^arn:[^:]+:kms:[^:]*:\d{12}:key\/.+$/ // C22: any region, even empty (the stricter reading)

/** R32, R33, C22: resources whose own policy must name the caller. */
function needsResourcePolicy(req: ValidRequest): boolean {
  const action = req.action.toLowerCase()
  if (TRUST_ACTIONS.includes(action) && ROLE_RESOURCE_RE.test(req.resource)) return true // R32
  return action.split(':')[0] === 'kms' && KMS_KEY_RE.test(req.resource) // R33
}

export function referenceEvaluate(request: ReferenceRequest, policies: ReferencePolicies, options?: ReferenceOptions): ReferenceDecision {
  const slots = readSlots(policies)
  // C1: an invalid request is an implicit deny, never an exception
  const req = readRequest(request)
  if (req === null) return 'ImplicitDeny'

  const caller = classifyCaller(req.principal, req.context) // R3, C3, C4
  const resourceAccount = resourceAccountOf(req, caller) // R6
  const derive = options?.deriveContextKeys !== false
  const context = withDerivedKeys(req.context, caller, resourceAccount, pickNow(options), derive) // C5
  const env: Env = { req, context, caller, hasBoundary: slots.boundary !== undefined }

  // --- R11: explicit deny anywhere --------------------------------------------------------
  const anyDeny =
    (slots.identity ?? []).some((p) => denyMatches(p, 'identity', env)) ||
    (slots.resource !== undefined && denyMatches(slots.resource, 'resource', env)) ||
    (slots.boundary !== undefined && denyMatches(slots.boundary, 'boundary', env)) ||
    (slots.session !== undefined && denyMatches(slots.session, 'session', env)) ||
    // C21: SCP statements (Deny included) apply only to IAM callers
    (isIamCaller(caller) && (slots.scps ?? []).some((level) => level.some((p) => denyMatches(p, 'scp', env)))) ||
    (slots.rcps ?? []).some((level) => level.some((p) => denyMatches(p, 'rcp', env))) ||
    (slots.endpoint ?? []).some((p) => denyMatches(p, 'endpoint', env))
  if (anyDeny) return 'ExplicitDeny'

  // C3: an unrecognised caller is denied (after explicit denies were reported)
  if (caller.kind === 'unrecognised') return 'ImplicitDeny'

  // --- R20: RCP gate: every level needs a matching Allow (any caller) ------------------------
  if (slots.rcps !== undefined && slots.rcps.some((level) => !level.some((p) => allows(p, 'rcp', env)))) {
    return 'ImplicitDeny'
  }
  // --- R19: SCP gate: IAM callers only (C21) -----------------------------------------------
  if (slots.scps !== undefined && isIamCaller(caller) && slots.scps.some((level) => !level.some((p) => allows(p, 'scp', env)))) {
    return 'ImplicitDeny'
  }
  // --- R21: endpoint gate: every endpoint policy needs a matching Allow ----------------------
  if (slots.endpoint !== undefined && slots.endpoint.some((p) => !allows(p, 'endpoint', env))) return 'ImplicitDeny'

  // The strongest resource-policy grant to this caller (R23 classification input).
  const grant: PrincipalMatch = slots.resource === undefined ? 'none' : bestAllow(slots.resource, 'resource', env)

  // --- R28: anonymous callers: only a resource-policy Allow to `*` (the only form they match)
  // --- R29: service principals: a resource-policy Allow naming the service or `*`
  if (caller.kind === 'anonymous' || caller.kind === 'service') return grant !== 'none' ? 'Allow' : 'ImplicitDeny'

  // --- R32, R33, C22: the trust / key policy must name the caller first ----------------------
  if (needsResourcePolicy(req) && grant === 'none') return 'ImplicitDeny'

  // The remaining callers are IAM callers (root, user, role, session, federated user).
  const sameAccount = caller.account === resourceAccount // R7

  const identityAllows = (slots.identity ?? []).some((p) => allows(p, 'identity', env)) // R25
  const boundaryOk = slots.boundary === undefined || allows(slots.boundary, 'boundary', env) // R26
  const sessionPolicyOk = slots.session === undefined || allows(slots.session, 'session', env)
  // R27: non-session principals pass; a federated user session needs a session policy (A48)
  const sessionStepOk = !isSessionPrincipal(caller) ? true : slots.session !== undefined ? sessionPolicyOk : caller.kind !== 'federated'
  const identitySide = identityAllows && boundaryOk && sessionStepOk // R25-R27

  if (sameAccount) {
    if (caller.kind === 'root') return 'Allow' // R10, R30
    // R23: most favourable classification wins (own/session ARN/all-principals > role > account)
    if (grant === 'exact') return 'Allow'
    if (grant === 'star' && (caller.kind === 'user' || isSessionPrincipal(caller))) return 'Allow'
    if (grant === 'role' && boundaryOk && sessionPolicyOk) return 'Allow'
    // account row (or no grant): continue with the identity step
    return identitySide ? 'Allow' : 'ImplicitDeny'
  }

  // --- R31: cross-account: both the trusted and the trusting side must allow ---------------
  const trustedSide = caller.kind === 'root' || identitySide // A7: root passes the trusted side
  const trustingSide = grant !== 'none'
  return trustedSide && trustingSide ? 'Allow' : 'ImplicitDeny'
}

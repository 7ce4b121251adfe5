/**
 * fast-check generators of hostile input for the fuzz properties of test/hostile: arbitrary JSON
 * and JavaScript values (unicode including lone surrogates, huge numbers, -0, NaN, deep nesting,
 * very long strings, dangerous member names, throwing getters, Proxies, cycles), structural
 * mutations of valid policies and requests (from test/support/arbitraries.ts), and character
 * mutations of JSON text. Also the two oracles the properties need: `fingerprint` (a structural
 * snapshot that never runs a getter, to prove inputs are unchanged) and `requestShape` (what C1
 * says about a request).
 *
 * Why mutations of valid inputs and not only random values: random values are refused at the
 * first check; mutations keep most of a valid policy or request so the hostile part reaches the
 * later stages (normalization, compilation, matching, conditions).
 */
import { types } from 'node:util'
import fc from 'fast-check'
import { DEFAULT_LIMITS } from '../../src/index.js'

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

export const DANGEROUS_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
] as const

/** Names that mean something somewhere in a policy, a policy set or a request (and near misses). */
const MEANINGFUL_NAMES = [
  'Version',
  'Id',
  'Statement',
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
  'AWS',
  'Service',
  'Federated',
  'CanonicalUser',
  'effect',
  'action',
  'STATEMENT',
  'StringEquals',
  'StringLike',
  'StringEqualsIgnoreCase',
  'ForAnyValue:StringLike',
  'ForAllValues:StringEquals',
  'NumericLessThan',
  'DateGreaterThan',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'ArnLike',
  'Null',
  'NullIfExists',
  'StringEqualsIfExists',
  'stringequals',
  'aws:SourceIp',
  'aws:PrincipalTag/team',
  'aws:TagKeys',
  'aws:CurrentTime',
  'aws:PrincipalArn',
  'aws:username',
  's3:prefix',
  'identity',
  'resource',
  'permissionsBoundary',
  'session',
  'scps',
  'rcps',
  'endpoint',
  'principal',
  'action',
  'resource',
  'resourceAccount',
  'context',
] as const

/** Strings chosen to stress matchers, parsers and lower-casing. */
const NASTY_STRINGS = [
  '',
  ' ',
  '*',
  '?',
  '**',
  '*?*',
  '${',
  '${}',
  '${*}',
  '${?}',
  '${$}',
  '${aws:username}',
  "${aws:username, 'x'}",
  '${aws:username',
  'arn:',
  'arn:aws:s3:::*',
  'arn:aws:iam::111122223333:root',
  'arn:aws:iam::111122223333:user/alice',
  '111122223333',
  's3:*',
  's3:GetObject',
  'Allow',
  'Deny',
  'true',
  'false',
  'TRUE',
  'null',
  '-0',
  '0',
  '1e999999999',
  '-1e999999999',
  '1e-999999999',
  'NaN',
  'Infinity',
  '0x10',
  '1_000',
  '::',
  '::1',
  '::ffff:10.0.0.1',
  '10.0.0.0/8',
  '0.0.0.0/0',
  '::/0',
  'QUJD',
  'QUJD=',
  '2020-02-29',
  '2021-02-29T00:00:00Z',
  '2020-01-01T24:00:00Z',
  '9999999999999999999999',
  '\u0130',
  '\u0131',
  '\u00df',
  '\u1e9e',
  'e\u0301',
  '\u00e9',
  '\u212a',
  '\u0000',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '\u202e',
  '\uFEFF',
  '\n',
  '\t',
  '"',
  '\\',
  '/',
  '~',
  '%',
  ...DANGEROUS_NAMES,
] as const

/** A long string: a repeated unit, up to tens of thousands of characters. */
export const longStringArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('a', '*', '*a', '?', 'a?', '${x}', ':', '/', '\u0130', '\ud800', '9', 'Aa', '::f'),
    fc.integer({ min: 64, max: 20_000 }),
  )
  .map(([unit, count]) => unit.repeat(count))

/** Nesting of `depth` arrays or objects around a value (past every depth limit when deep enough). */
export function nest(depth: number, inner: unknown, objects: boolean): unknown {
  let value = inner
  for (let level = 0; level < depth; level++) value = objects ? { a: value } : [value]
  return value
}

const numberArb: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    -0,
    0,
    1e308,
    -1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 53,
    1e21,
    1e-7,
    0.1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
)

/** A value that could come from JSON text (plus the numbers JSON cannot write, which JSON.stringify turns into null). */
export const hostileJsonArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }), weight: 4 },
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: numberArb, weight: 2 },
  { arbitrary: longStringArb, weight: 1 },
  { arbitrary: fc.array(fc.constantFrom(...NASTY_STRINGS), { maxLength: 5 }), weight: 2 },
  { arbitrary: fc.tuple(fc.integer({ min: 30, max: 400 }), fc.boolean()).map(([depth, objects]) => nest(depth, 'x', objects)), weight: 1 },
  {
    arbitrary: fc.dictionary(fc.constantFrom(...MEANINGFUL_NAMES, ...DANGEROUS_NAMES), fc.constantFrom(...NASTY_STRINGS), { maxKeys: 3 }),
    weight: 2,
  },
)

/** JavaScript values that are not JSON: getters that throw, Proxies, cycles, functions, symbols, bigints, class instances. */
const notJsonArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 2,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    stringUnit: 'binary',
  }),
  fc
    .constantFrom('getter', 'proxy-get', 'proxy-keys', 'revoked', 'cycle', 'function', 'symbol', 'undefined', 'hole', 'instance')
    .map((kind) => new Exotic(kind)),
)

/**
 * The recipe of an exotic value. Generators yield recipes, not the values: fast-check reads every
 * value it generates (to clone and to print counterexamples), and a throwing getter or a revoked
 * Proxy would blow up in fast-check instead of in the code under test. `materialize` turns recipes
 * into fresh values inside the property.
 */
export class Exotic {
  constructor(readonly kind: string) {}
  [fc.toStringMethod](): string {
    return `Exotic(${this.kind})`
  }
}

/**
 * A copy of `value` with every `Exotic` recipe replaced by a fresh exotic value. Plain objects
 * (either prototype) and arrays are copied, holes and member order kept; other objects are shared.
 */
export function materialize(value: unknown): unknown {
  if (value instanceof Exotic) return makeExotic(value.kind)
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array<unknown>(value.length)
    for (let index = 0; index < value.length; index++) if (index in value) copy[index] = materialize(value[index])
    return copy
  }
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return value
  const copy = Object.create(prototype as object | null) as Record<string, unknown>
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, {
      value: materialize((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return copy
}

/** A fresh exotic value of the named kind. */
export function makeExotic(kind: string): unknown {
  switch (kind) {
    case 'getter':
      return Object.defineProperty({}, 'Effect', {
        enumerable: true,
        get: () => {
          throw new Error('getter')
        },
      })
    case 'proxy-get':
      return new Proxy(
        { Effect: 'Allow' },
        {
          get: () => {
            throw new Error('get trap')
          },
        },
      )
    case 'proxy-keys':
      return new Proxy(
        { Effect: 'Allow' },
        {
          ownKeys: () => {
            throw new Error('ownKeys trap')
          },
        },
      )
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable({}, {})
      revoke()
      return proxy
    }
    case 'cycle': {
      const cycle: Record<string, unknown> = { Effect: 'Allow' }
      cycle['self'] = [cycle]
      return cycle
    }
    case 'function':
      return () => 'Allow'
    case 'symbol':
      return Symbol('Allow')
    case 'undefined':
      return undefined
    case 'hole':
      return ['a', , 'b']
    default:
      return new (class Exotic {
        Effect = 'Allow'
      })()
  }
}

/** Any value at all: JSON-like most of the time, exotic otherwise. */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileJsonArb, weight: 3 },
  { arbitrary: notJsonArb, weight: 1 },
)

/** A member name: meaningful, dangerous, or anything. */
export const memberNameArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...MEANINGFUL_NAMES), weight: 4 },
  { arbitrary: fc.constantFrom(...DANGEROUS_NAMES), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
)

// ---------------------------------------------------------------------------------------------
// Structural mutations
// ---------------------------------------------------------------------------------------------

export interface Mutation {
  readonly op: 'replace' | 'delete' | 'insert' | 'wrap' | 'rename' | 'unwrap' | 'listify'
  /** Chooses the container (modulo the number of containers). */
  readonly node: number
  /** Chooses the member (modulo the number of members). */
  readonly member: number
  readonly value: unknown
  readonly name: string
  readonly depth: number
}

function mutationArb(values: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> {
  return fc.record({
    op: fc.constantFrom('replace', 'replace', 'delete', 'insert', 'wrap', 'rename', 'unwrap', 'listify'),
    node: fc.nat(),
    member: fc.nat(),
    value: values,
    name: memberNameArb,
    depth: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 60, max: 300 })),
  })
}

/** 1-4 mutations whose values come from `values`. */
export function mutationsArb(values: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation[]> {
  return fc.array(mutationArb(values), { minLength: 1, maxLength: 4 })
}

/** Every plain object and array reachable from `root` (root first), as data. */
function containers(root: unknown): (Record<string, unknown> | unknown[])[] {
  const found: (Record<string, unknown> | unknown[])[] = []
  const seen = new Set<object>()
  const walk = (value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null || depth > 12 || seen.has(value)) return
    seen.add(value)
    try {
      // Exotic values (revoked Proxies, throwing getters) are leaves: reading them may throw.
      if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return
      const members = Object.getOwnPropertyNames(value).map((key) => Object.getOwnPropertyDescriptor(value, key))
      found.push(value as Record<string, unknown>)
      for (const descriptor of members) if (descriptor !== undefined && 'value' in descriptor) walk(descriptor.value, depth + 1)
    } catch {
      // not a container we can mutate
    }
  }
  walk(root, 0)
  return found
}

/**
 * Applies mutations to `root` (plain data, changed in place) and returns the root, which a
 * mutation of the root itself may replace.
 */
export function applyMutations(root: unknown, mutations: readonly Mutation[]): unknown {
  let result = root
  for (const mutation of mutations) {
    const nodes = containers(result)
    if (nodes.length === 0) {
      if (mutation.op === 'replace') result = mutation.value
      continue
    }
    const node = nodes[mutation.node % nodes.length] as Record<string, unknown> | unknown[]
    // Only data members are mutated (reading an accessor inserted by an earlier mutation would run it).
    const keys = Object.keys(node).filter((name) => 'value' in (Object.getOwnPropertyDescriptor(node, name) ?? {}))
    const key = keys.length === 0 ? undefined : (keys[mutation.member % keys.length] as string)
    const set = (name: string, value: unknown): void => {
      Object.defineProperty(node, name, { value, enumerable: true, writable: true, configurable: true })
    }
    try {
      applyOne(mutation, node, key, set)
    } catch {
      // The member is an exotic value that refuses to be read: leave it as it is.
    }
  }
  return result
}

function applyOne(
  mutation: Mutation,
  node: Record<string, unknown> | unknown[],
  key: string | undefined,
  set: (name: string, value: unknown) => void,
): void {
  {
    switch (mutation.op) {
      case 'replace':
        if (key !== undefined) set(key, mutation.value)
        else if (Array.isArray(node)) node.push(mutation.value)
        else set(mutation.name, mutation.value)
        break
      case 'delete':
        if (key === undefined) break
        if (Array.isArray(node)) node.splice(Number(key), 1)
        else delete node[key]
        break
      case 'insert':
        if (Array.isArray(node)) node.splice(mutation.member % (node.length + 1), 0, mutation.value)
        else set(mutation.name, mutation.value)
        break
      case 'wrap':
        if (key !== undefined) set(key, nest(mutation.depth, (node as Record<string, unknown>)[key], mutation.member % 2 === 0))
        break
      case 'rename':
        if (key !== undefined && !Array.isArray(node)) {
          const value = node[key]
          delete node[key]
          set(mutation.name, value)
        }
        break
      case 'unwrap':
        // A list becomes its first item, an object its first member value.
        if (key !== undefined) {
          const inner = (node as Record<string, unknown>)[key]
          if (typeof inner === 'object' && inner !== null) set(key, Object.values(inner)[0])
        }
        break
      case 'listify':
        if (key !== undefined) set(key, [(node as Record<string, unknown>)[key], mutation.value])
        break
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Text mutations
// ---------------------------------------------------------------------------------------------

const TEXT_PIECES = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '\\',
  '\\u',
  '\\ud800',
  'null',
  'true',
  '-0',
  '1e999999999',
  '-',
  '.',
  'e',
  ' ',
  '\n',
  '\u0000',
  '\ufeff',
  '//',
  '/*',
  "'",
  '"__proto__":',
  '"Statement":',
  '"Effect":"Allow",',
  '"Action":"*",',
  '"Resource":"*",',
  '[[[[[[[[',
  ']]]]]]]]',
  '\ud800',
  '\u0130',
] as const

export interface TextMutation {
  readonly op: 'insert' | 'delete' | 'duplicate' | 'truncate' | 'number'
  readonly at: number
  readonly length: number
  readonly piece: string
}

export const textMutationsArb: fc.Arbitrary<TextMutation[]> = fc.array(
  fc.record({
    op: fc.constantFrom('insert', 'insert', 'delete', 'duplicate', 'truncate', 'number'),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
    piece: fc.oneof(
      fc.constantFrom(...TEXT_PIECES),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.integer({ min: 256, max: 5_000 }).map((n) => '['.repeat(n)),
    ),
  }),
  { minLength: 1, maxLength: 4 },
)

const NUMBER_TEXTS = ['1e999999999', '-0', '-1e-999999999', '0.' + '0'.repeat(400) + '1', '9'.repeat(400), '1E+400', '-0.0e-0'] as const

export function applyTextMutations(text: string, mutations: readonly TextMutation[]): string {
  let result = text
  for (const mutation of mutations) {
    const at = result.length === 0 ? 0 : mutation.at % (result.length + 1)
    switch (mutation.op) {
      case 'insert':
        result = result.slice(0, at) + mutation.piece + result.slice(at)
        break
      case 'delete':
        result = result.slice(0, at) + result.slice(at + mutation.length)
        break
      case 'duplicate':
        result = result.slice(0, at + mutation.length) + result.slice(at, at + mutation.length) + result.slice(at + mutation.length)
        break
      case 'truncate':
        result = result.slice(0, at)
        break
      case 'number': {
        // Replace the first string value after `at` with a number literal JSON can write but no double holds.
        const quote = result.indexOf(':"', at)
        if (quote === -1) break
        const end = result.indexOf('"', quote + 2)
        if (end === -1) break
        result = result.slice(0, quote + 1) + NUMBER_TEXTS[mutation.length % NUMBER_TEXTS.length] + result.slice(end + 1)
        break
      }
    }
  }
  return result
}

// ---------------------------------------------------------------------------------------------
// Oracles
// ---------------------------------------------------------------------------------------------

/**
 * A structural snapshot of any value that never runs a getter or a Proxy trap that could change
 * what it sees twice: primitives by value (with -0 and NaN told apart), objects by prototype,
 * extensibility, and own members (data values recursively, accessors by identity). Two equal
 * fingerprints mean the value was not changed in any way a caller could observe.
 */
export function fingerprint(value: unknown): unknown {
  const seen = new Map<object, number>()
  const accessors = new Map<unknown, number>()
  const accessorId = (fn: unknown): number => {
    let id = accessors.get(fn)
    if (id === undefined) accessors.set(fn, (id = accessors.size))
    return id
  }
  const walk = (node: unknown, depth: number): unknown => {
    switch (typeof node) {
      case 'number':
        return Object.is(node, -0) ? ['number', '-0'] : ['number', String(node)]
      case 'bigint':
        return ['bigint', String(node)]
      case 'string':
      case 'boolean':
      case 'undefined':
        return [typeof node, node]
      case 'symbol':
        return ['symbol', node.description]
      default:
        break
    }
    if (node === null) return ['null']
    const object = node as object
    const known = seen.get(object)
    if (known !== undefined) return ['ref', known]
    seen.set(object, seen.size)
    if (depth > 500) return ['deep']
    try {
      const members: unknown[] = []
      for (const key of Reflect.ownKeys(object)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(object, key)
        if (descriptor === undefined) continue
        const name = typeof key === 'symbol' ? `@@${String(key.description)}` : key
        if ('value' in descriptor) members.push([name, descriptor.enumerable, descriptor.writable, walk(descriptor.value, depth + 1)])
        else members.push([name, descriptor.enumerable, 'accessor', accessorId(descriptor.get), accessorId(descriptor.set)])
      }
      const prototype: unknown = Reflect.getPrototypeOf(object)
      const tag =
        prototype === null
          ? 'null'
          : prototype === Object.prototype
            ? 'Object'
            : prototype === Array.prototype
              ? 'Array'
              : Object.prototype.toString.call(object)
      const extras =
        object instanceof Map
          ? [...object.entries()].map(([k, v]) => [walk(k, depth + 1), walk(v, depth + 1)])
          : object instanceof Set
            ? [...object].map((v) => walk(v, depth + 1))
            : []
      return [
        'object',
        tag,
        Object.isExtensible(object),
        Object.isFrozen(object),
        members,
        extras,
        typeof node === 'function' ? 'function' : '',
      ]
    } catch {
      return ['unreadable'] // a revoked Proxy, or one whose traps throw: nothing a call could change
    }
  }
  return walk(value, 0)
}

/** What C1 says about a request. */
export type RequestShape =
  /** Well-formed: decided by the policies. */
  | { readonly kind: 'valid' }
  /** Breaks a rule of C1: must be an ImplicitDeny at the `request` gate. */
  | { readonly kind: 'invalid'; readonly why: string }
  /**
   * Holds a Proxy or an accessor, whose answers cannot be predicted without running it: the
   * engine must not throw, and its decision is checked for consistency only. Getters and Proxies
   * get their own tests in fail-closed.test.ts.
   */
  | { readonly kind: 'unchecked'; readonly why: string }

const REQUEST_MEMBERS = new Set(['principal', 'action', 'resource', 'resourceAccount', 'context'])

function scalarProblem(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > DEFAULT_LIMITS.contextValueLength ? 'long value' : undefined
  if (typeof value === 'boolean') return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'non-finite number'
  return `a ${value === null ? 'null' : typeof value}`
}

/** The enumerable own string-keyed members (what the engine lists), or `undefined` when one is an accessor. */
function dataMembers(object: object): Map<string, unknown> | undefined {
  const members = new Map<string, unknown>()
  for (const key of Object.keys(object)) {
    const descriptor = Object.getOwnPropertyDescriptor(object, key)
    if (descriptor === undefined) continue
    if (!('value' in descriptor)) return undefined
    members.set(key, descriptor.value)
  }
  return members
}

/**
 * Classifies a request under the default limits (C1): an object whose own enumerable members are
 * among principal, action, resource (strings), resourceAccount (a string, optional) and context
 * (optional: a plain object of strings, finite numbers, booleans and flat lists of them), within
 * the limits. Inherited and symbol-keyed members are not members.
 */
export function requestShape(request: unknown): RequestShape {
  // A Proxy answers as its traps please: the engine must not throw on one, but what it decides
  // cannot be predicted from the target.
  const proxies = (value: unknown, depth: number): boolean => {
    if (typeof value !== 'object' || value === null || depth > 3) return false
    if (types.isProxy(value)) return true
    return Object.getOwnPropertyNames(value).some((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)
      return descriptor !== undefined && 'value' in descriptor && proxies(descriptor.value, depth + 1)
    })
  }
  if (proxies(request, 0)) return { kind: 'unchecked', why: 'a Proxy' }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return { kind: 'invalid', why: 'not an object' }
  const members = dataMembers(request)
  if (members === undefined) return { kind: 'unchecked', why: 'an accessor member' }
  const context = members.get('context')
  let contextMembers: Map<string, unknown> | undefined
  if (typeof context === 'object' && context !== null && !Array.isArray(context)) {
    contextMembers = dataMembers(context)
    if (contextMembers === undefined) return { kind: 'unchecked', why: 'an accessor in the context' }
  }
  for (const key of members.keys()) if (!REQUEST_MEMBERS.has(key)) return { kind: 'invalid', why: `unknown member ${key}` }
  for (const key of ['principal', 'action', 'resource'] as const) {
    const value = members.get(key)
    if (typeof value !== 'string') return { kind: 'invalid', why: `${key} not a string` }
    if (value.length > DEFAULT_LIMITS.requestFieldLength) return { kind: 'invalid', why: `${key} too long` }
  }
  const account = members.get('resourceAccount')
  if (account !== undefined && (typeof account !== 'string' || account.length > DEFAULT_LIMITS.requestFieldLength))
    return { kind: 'invalid', why: 'resourceAccount' }
  if (context === undefined) return { kind: 'valid' }
  if (contextMembers === undefined) return { kind: 'invalid', why: 'context not an object' }
  const prototype: unknown = Object.getPrototypeOf(context)
  if (prototype !== Object.prototype && prototype !== null) return { kind: 'invalid', why: 'context not a plain object' }
  if (contextMembers.size > DEFAULT_LIMITS.contextKeys) return { kind: 'invalid', why: 'too many keys' }
  for (const [key, value] of contextMembers) {
    if (key.length > DEFAULT_LIMITS.contextKeyLength) return { kind: 'invalid', why: 'long key' }
    if (Array.isArray(value)) {
      if (value.length > DEFAULT_LIMITS.contextValuesPerKey) return { kind: 'invalid', why: 'too many values' }
      for (let index = 0; index < value.length; index++) {
        if (!(index in value)) return { kind: 'invalid', why: 'hole' }
        const item: unknown = value[index]
        if (Array.isArray(item)) return { kind: 'invalid', why: 'nested list' }
        const problem = scalarProblem(item)
        if (problem !== undefined) return { kind: 'invalid', why: problem }
      }
    } else {
      const problem = scalarProblem(value)
      if (problem !== undefined) return { kind: 'invalid', why: problem }
    }
  }
  return { kind: 'valid' }
}

/**
 * Reading a policy given as a JavaScript value (not text). The value comes from callers' code or
 * untrusted JSON and may be hostile: getters that throw, Proxies, cycles, functions, `undefined`
 * members, NaN, class instances. `serializeJsonValue` walks it exactly once and produces canonical
 * JSON text, or says precisely what could not be read. The rest of the pipeline then works on
 * data it fully owns (a snapshot), which is also why a caller mutating its object later can never
 * affect a compiled policy, and why the text can key a cache by content.
 */
import { describeThrown } from '../util/describe-thrown.js'
import { isPlainObject, MemberProblem, ownJsonMembers } from '../util/own-members.js'
import { childPointer } from './errors.js'

/** Why a value could not be read as JSON data. */
export interface UnreadableValue {
  readonly path: string
  readonly message: string
}

/** Depth beyond which a value is refused rather than risking the stack (policies are shallow). */
export const MAX_VALUE_DEPTH = 64

class Unreadable extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message)
  }
}

function isUnreadable(thrown: unknown): thrown is Unreadable {
  try {
    return thrown instanceof Unreadable
  } catch {
    return false // a thrown Proxy whose prototype trap throws
  }
}

/** Characters JSON text must escape, and lone surrogates (which `JSON.stringify` escapes too). */
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/

/** A string as JSON text: most policy strings need no escaping, and skip `JSON.stringify`'s set-up. */
function quoted(value: string): string {
  return NEEDS_ESCAPING.test(value) ? JSON.stringify(value) : '"' + value + '"'
}

/** The JSON pointer of a path held as tokens (built only when something is reported). */
function pointerOf(tokens: readonly (string | number)[]): string {
  let pointer = ''
  for (const token of tokens) pointer = childPointer(pointer, token)
  return pointer
}

/**
 * Serializes `value` to JSON text without calling `toJSON`, reading each member once.
 * Returns the text, or where and why reading failed. Never throws.
 *
 * This runs on every `evaluate` call given plain objects (their snapshot), so it does no work
 * for the error path up front: the position is kept as a stack of tokens and turned into a
 * JSON pointer only when reading fails, and cycles are found among the (at most 64) ancestors
 * rather than in a set.
 */
export function serializeJsonValue(value: unknown, maxLength = Number.POSITIVE_INFINITY): string | UnreadableValue {
  const tokens: (string | number)[] = []
  const ancestors: object[] = []
  let text = ''
  const fail = (message: string): never => {
    throw new Unreadable(pointerOf(tokens), message)
  }
  const checkLength = (): void => {
    if (text.length > maxLength) fail(`the policy is larger than the limit of ${maxLength} characters`)
  }
  const read = (node: Record<string, unknown>, key: string): unknown => {
    try {
      return node[key]
    } catch (error) {
      return fail(`reading the member threw: ${describeThrown(error)}`)
    }
  }
  const walk = (node: unknown): void => {
    switch (typeof node) {
      case 'string':
        text += quoted(node)
        checkLength()
        return
      case 'boolean':
        text += node ? 'true' : 'false'
        checkLength()
        return
      case 'number':
        if (!Number.isFinite(node)) fail(`${String(node)} is not a JSON number`)
        text += JSON.stringify(node)
        checkLength()
        return
      case 'undefined':
        return fail('the value is undefined: remove the member or give it a value')
      case 'object':
        break
      default:
        return fail(`a ${typeof node} is not JSON data`)
    }
    if (node === null) {
      text += 'null'
      checkLength()
      return
    }
    if (ancestors.length >= MAX_VALUE_DEPTH) fail(`nesting deeper than ${MAX_VALUE_DEPTH} levels`)
    if (ancestors.includes(node)) fail('the value refers to itself (a cycle)')
    ancestors.push(node)
    if (Array.isArray(node)) {
      const count = node.length
      text += '['
      for (let index = 0; index < count; index++) {
        if (index > 0) text += ','
        tokens.push(index)
        if (!Object.prototype.hasOwnProperty.call(node, index)) fail('a hole in an array is not JSON data')
        walk(read(node as unknown as Record<string, unknown>, String(index)))
        tokens.pop()
      }
      text += ']'
    } else {
      if (!isPlainObject(node)) fail('only plain objects, arrays, strings, numbers, booleans and null are JSON data')
      const members = ownJsonMembers(node)
      if (members instanceof MemberProblem) {
        tokens.push(members.member)
        fail(members.message)
      }
      text += '{'
      const keys = members as string[]
      for (let index = 0; index < keys.length; index++) {
        const key = keys[index] as string
        tokens.push(key)
        const member = read(node as Record<string, unknown>, key)
        if (index > 0) text += ','
        text += quoted(key)
        text += ':'
        checkLength()
        walk(member)
        tokens.pop()
      }
      text += '}'
    }
    ancestors.pop()
    checkLength()
  }
  try {
    walk(value)
    return text
  } catch (error) {
    if (isUnreadable(error)) return { path: error.path, message: error.message }
    // A getter or Proxy trap threw: the value cannot be read, whatever it holds.
    return { path: '', message: `reading the value threw: ${describeThrown(error)}` }
  }
}

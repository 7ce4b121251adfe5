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

function readMember(node: Record<string, unknown>, key: string, path: string): unknown {
  try {
    return node[key]
  } catch (error) {
    throw new Unreadable(path, `reading the member threw: ${describeThrown(error)}`)
  }
}

function isUnreadable(thrown: unknown): thrown is Unreadable {
  try {
    return thrown instanceof Unreadable
  } catch {
    return false // a thrown Proxy whose prototype trap throws
  }
}

/**
 * Serializes `value` to JSON text without calling `toJSON`, reading each member once.
 * Returns the text, or where and why reading failed. Never throws.
 */
export function serializeJsonValue(value: unknown, maxLength = Number.POSITIVE_INFINITY): string | UnreadableValue {
  const seen = new Set<object>()
  const parts: string[] = []
  let length = 0
  const emit = (text: string, path: string): void => {
    length += text.length
    if (length > maxLength) throw new Unreadable(path, `the policy is larger than the limit of ${maxLength} characters`)
    parts.push(text)
  }
  const walk = (node: unknown, path: string, depth: number): void => {
    switch (typeof node) {
      case 'string':
        emit(JSON.stringify(node), path)
        return
      case 'boolean':
        emit(node ? 'true' : 'false', path)
        return
      case 'number':
        if (!Number.isFinite(node)) throw new Unreadable(path, `${String(node)} is not a JSON number`)
        emit(JSON.stringify(node), path)
        return
      case 'undefined':
        throw new Unreadable(path, 'the value is undefined: remove the member or give it a value')
      case 'object':
        break
      default:
        throw new Unreadable(path, `a ${typeof node} is not JSON data`)
    }
    if (node === null) {
      emit('null', path)
      return
    }
    if (depth >= MAX_VALUE_DEPTH) throw new Unreadable(path, `nesting deeper than ${MAX_VALUE_DEPTH} levels`)
    if (seen.has(node)) throw new Unreadable(path, 'the value refers to itself (a cycle)')
    seen.add(node)
    if (Array.isArray(node)) {
      const count = node.length
      emit('[', path)
      for (let index = 0; index < count; index++) {
        if (index > 0) emit(',', path)
        const itemPath = childPointer(path, index)
        if (!Object.prototype.hasOwnProperty.call(node, index)) throw new Unreadable(itemPath, 'a hole in an array is not JSON data')
        walk(readMember(node as unknown as Record<string, unknown>, String(index), itemPath), itemPath, depth + 1)
      }
      emit(']', path)
    } else {
      if (!isPlainObject(node)) {
        throw new Unreadable(path, 'only plain objects, arrays, strings, numbers, booleans and null are JSON data')
      }
      const members = ownJsonMembers(node)
      if (members instanceof MemberProblem) throw new Unreadable(childPointer(path, members.member), members.message)
      emit('{', path)
      let first = true
      for (const key of members) {
        const memberPath = childPointer(path, key)
        const member = readMember(node as Record<string, unknown>, key, memberPath)
        if (!first) emit(',', memberPath)
        first = false
        emit(JSON.stringify(key) + ':', memberPath)
        walk(member, memberPath, depth + 1)
      }
      emit('}', path)
    }
    seen.delete(node)
  }
  try {
    walk(value, '', 0)
    return parts.join('')
  } catch (error) {
    if (isUnreadable(error)) return { path: error.path, message: error.message }
    // A getter or Proxy trap threw: the value cannot be read, whatever it holds.
    return { path: '', message: `reading the value threw: ${describeThrown(error)}` }
  }
}

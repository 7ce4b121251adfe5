/**
 * Listing the members of an object that comes from callers or untrusted JSON. Only own, string,
 * enumerable members count, and the presence of any other kind is reported rather than skipped:
 * a non-enumerable `Condition` or `context` is invisible to `JSON.stringify` and to a person
 * reading a log, so silently ignoring it could turn a conditional Allow into an unconditional
 * one, and silently using it would decide on something nobody can see.
 */

/** The problem with an object's members, naming the member. */
export class MemberProblem {
  constructor(
    readonly member: string,
    readonly message: string,
  ) {}
}

const isEnumerable = Object.prototype.propertyIsEnumerable

/** The own enumerable string keys of `object`, or the first member that is not one. May throw (Proxies). */
export function ownMembers(object: object): string[] | MemberProblem {
  const keys = Reflect.ownKeys(object)
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string | symbol
    if (typeof key === 'symbol') return new MemberProblem(String(key), 'a symbol-keyed member is not JSON data')
    if (!isEnumerable.call(object, key)) return new MemberProblem(key, `member '${key}' is not enumerable, so JSON and logs would not show it`)
  }
  return keys as string[]
}

/** Whether `object` is a plain object: its prototype is `Object.prototype` or `null`. May throw (Proxies). */
export function isPlainObject(object: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(object)
  return prototype === Object.prototype || prototype === null
}

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

/**
 * The own enumerable string keys of `object`, or the first non-enumerable string member. Symbol
 * keys are not looked at here: nothing reads them, and listing them is slow on the request path
 * (`Reflect.ownKeys` and `getOwnPropertySymbols` cost hundreds of nanoseconds on Node 20, against
 * about fifteen for `Object.keys`); `ownJsonMembers` refuses them too. May throw (Proxies).
 */
export function ownMembers(object: object): string[] | MemberProblem {
  const keys = Object.keys(object)
  const names = Object.getOwnPropertyNames(object)
  if (names.length === keys.length) return keys
  for (const name of names) {
    if (!isEnumerable.call(object, name))
      return new MemberProblem(name, `member '${name}' is not enumerable, so JSON and logs would not show it`)
  }
  return keys // a Proxy may list differently on each call; what Object.keys listed is what is read
}

/** `ownMembers`, refusing symbol-keyed members as well (policy values: they must be JSON data). */
export function ownJsonMembers(object: object): string[] | MemberProblem {
  const symbols = Object.getOwnPropertySymbols(object)
  if (symbols.length > 0) return new MemberProblem(String(symbols[0]), 'a symbol-keyed member is not JSON data')
  return ownMembers(object)
}

/** Whether `object` is a plain object: its prototype is `Object.prototype` or `null`. May throw (Proxies). */
export function isPlainObject(object: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(object)
  return prototype === Object.prototype || prototype === null
}

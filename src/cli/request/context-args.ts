/**
 * The `--context` syntax of `iam-eval evaluate`:
 * - `key=value` sets a string (everything after the first `=` is the value, `=` included);
 * - `key:=json` sets a JSON value: a number, `true`/`false`, a string, or a list of those;
 * - repeating a key makes it multi-valued: `--context aws:TagKeys=a --context aws:TagKeys=b`
 *   gives `["a", "b"]` (lists given with `:=` are concatenated the same way).
 * Key names are everything before the first `=` (or `:=`), so `aws:PrincipalTag/team=data` works.
 */
import { UsageError } from '../args.js'

type Scalar = string | number | boolean
/** A context value as the library accepts it. */
export type ContextArgValue = Scalar | Scalar[]

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
}

/** One `--context` argument as a key and its values (a list when written as a JSON list). */
export function parseContextArg(arg: string): { key: string; value: ContextArgValue; list: boolean } {
  const equals = arg.indexOf('=')
  if (equals === -1) throw new UsageError(`--context '${arg}': expected key=value (a string) or key:=json (a number, boolean or list)`)
  const json = equals > 0 && arg[equals - 1] === ':'
  const key = arg.slice(0, json ? equals - 1 : equals)
  const raw = arg.slice(equals + 1)
  if (key === '') throw new UsageError(`--context '${arg}': the key is empty`)
  if (!json) return { key, value: raw, list: false }
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw new UsageError(`--context '${arg}': '${raw}' is not JSON (write key=value for a plain string)`)
  }
  if (isScalar(value)) return { key, value, list: false }
  if (Array.isArray(value) && value.every(isScalar)) return { key, value: value as Scalar[], list: true }
  throw new UsageError(`--context '${arg}': the value must be a string, number, boolean, or a list of those`)
}

/** All `--context` arguments as a context object (see the module comment for repeated keys). */
export function parseContextArgs(args: readonly string[]): Record<string, ContextArgValue> {
  const context: Record<string, ContextArgValue> = {}
  const lists = new Set<string>()
  for (const arg of args) {
    const { key, value, list } = parseContextArg(arg)
    const known = Object.prototype.hasOwnProperty.call(context, key)
    if (!known) {
      context[key] = value
      if (list) lists.add(key)
      continue
    }
    const previous = context[key] as ContextArgValue
    context[key] = [...(Array.isArray(previous) ? previous : [previous]), ...(Array.isArray(value) ? value : [value])]
    lists.add(key)
  }
  return context
}

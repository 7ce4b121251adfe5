/**
 * The request context as conditions see it: keys looked up case-insensitively (R78), values
 * checked once (C1), several spellings of one key kept apart (R79), and keys the caller did not
 * give derived on demand (C5) so that nothing is computed unless a condition or variable reads it.
 * Built once per request; the caller's object is read once and never kept or changed.
 */
import { describeThrown } from '../util/describe-thrown.js'

/** A single context value (R107). */
export type ContextScalar = string | number | boolean

/** A context value as supplied: a scalar or a list of scalars (a multivalued key). */
export type ContextValue = ContextScalar | readonly ContextScalar[]

/** A key supplied under several spellings that differ only by case (R79). */
export class CaseVariants {
  constructor(readonly values: readonly ContextValue[]) {}
}

/** What a lookup finds: nothing, a value, or several case variants. */
export type ContextEntry = ContextValue | CaseVariants

/** Supplies keys the request implies when the caller did not give them (C5). */
export interface DerivedKeySource {
  /** The derived value of `keyLower`, or `undefined` when it has none. */
  derive(keyLower: string): ContextValue | undefined
}

/** Case-insensitive, read-only view of a request context. */
export class ContextView {
  private derived: Map<string, ContextValue | undefined> | undefined

  constructor(
    private readonly entries: ReadonlyMap<string, ContextEntry>,
    private readonly source: DerivedKeySource | undefined,
  ) {}

  /** The entry for a lower-cased key; absent keys may be derived (C5). */
  get(keyLower: string): ContextEntry | undefined {
    const entry = this.entries.get(keyLower)
    if (entry !== undefined || this.source === undefined) return entry
    let derived = this.derived
    if (derived === undefined) derived = this.derived = new Map()
    else if (derived.has(keyLower)) return derived.get(keyLower)
    const value = this.source.derive(keyLower)
    derived.set(keyLower, value)
    return value
  }

  /** Whether the caller supplied the key (in any spelling), as opposed to it being derived. */
  supplied(keyLower: string): boolean {
    return this.entries.has(keyLower)
  }

  /** The supplied keys, lower-cased. */
  keys(): IterableIterator<string> {
    return this.entries.keys()
  }
}

/** Why a context could not be used. */
export interface InvalidContext {
  readonly invalid: string
}

const EMPTY: ReadonlyMap<string, ContextEntry> = new Map()

/** Limits applied while reading a context (defaults from AWS quotas; see `limits.ts`). */
export interface ContextLimits {
  readonly maxKeys: number
  readonly maxValuesPerKey: number
  readonly maxValueLength: number
  readonly maxKeyLength: number
}

/**
 * Reads a caller-supplied context into a view. Returns why it cannot be used instead (C1):
 * a non-object, a value of a type IAM does not have, nested lists, or a limit exceeded.
 */
export function readContext(
  context: unknown,
  source: DerivedKeySource | undefined,
  limits: ContextLimits,
): ContextView | InvalidContext {
  if (context === undefined) return new ContextView(EMPTY, source)
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    return { invalid: 'the request context must be an object mapping condition keys to values' }
  }
  let keys: string[]
  try {
    keys = Object.keys(context)
  } catch (error) {
    return { invalid: `the request context could not be read: ${describeThrown(error)}` }
  }
  if (keys.length === 0) return new ContextView(EMPTY, source)
  if (keys.length > limits.maxKeys) {
    return { invalid: `the request context has ${keys.length} keys; the limit is ${limits.maxKeys}` }
  }
  const entries = new Map<string, ContextEntry>()
  for (const key of keys) {
    if (key.length > limits.maxKeyLength) {
      return { invalid: `context key '${key.slice(0, 40)}...' is longer than ${limits.maxKeyLength} characters` }
    }
    let value: unknown
    try {
      value = (context as Record<string, unknown>)[key]
    } catch (error) {
      return { invalid: `context key '${key}' could not be read: ${describeThrown(error)}` }
    }
    let checked: ContextValue | ValueProblem
    try {
      checked = checkValue(value, limits)
    } catch (error) {
      return { invalid: `context key '${key}' could not be read: ${describeThrown(error)}` }
    }
    if (checked instanceof ValueProblem) return { invalid: `context key '${key}': ${checked.message}` }
    const lower = key.toLowerCase()
    const existing = entries.get(lower)
    if (existing === undefined) {
      entries.set(lower, checked)
    } else {
      const variants = existing instanceof CaseVariants ? existing.values : [existing]
      entries.set(lower, new CaseVariants([...variants, checked]))
    }
  }
  return new ContextView(entries, source)
}

function checkScalar(value: unknown, limits: ContextLimits): string | undefined {
  switch (typeof value) {
    case 'string':
      return value.length > limits.maxValueLength ? `a value is longer than ${limits.maxValueLength} characters` : undefined
    case 'boolean':
      return undefined
    case 'number':
      return Number.isFinite(value) ? undefined : `${String(value)} is not a usable number`
    default:
      return `a ${value === null ? 'null' : typeof value} is not a condition value (use a string, number, boolean or a list of them)`
  }
}

class ValueProblem {
  constructor(readonly message: string) {}
}

/**
 * Returns the value to keep, or the problem. Lists are copied while they are checked, so an index
 * getter cannot show one value to the check and another to the conditions.
 */
function checkValue(value: unknown, limits: ContextLimits): ContextValue | ValueProblem {
  if (!Array.isArray(value)) {
    const problem = checkScalar(value, limits)
    return problem === undefined ? (value as ContextScalar) : new ValueProblem(problem)
  }
  const length = value.length
  if (length > limits.maxValuesPerKey) return new ValueProblem(`${length} values; the limit is ${limits.maxValuesPerKey}`)
  const copy: ContextScalar[] = new Array<ContextScalar>(length)
  for (let index = 0; index < length; index++) {
    const item: unknown = value[index]
    if (Array.isArray(item)) return new ValueProblem('a list inside a list is not a condition value')
    const problem = checkScalar(item, limits)
    if (problem !== undefined) return new ValueProblem(problem)
    copy[index] = item as ContextScalar
  }
  return copy
}

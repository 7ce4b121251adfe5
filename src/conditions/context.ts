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

/** The limits applied while reading a context (a subset of `Limits`). */
export interface ContextLimits {
  readonly contextKeys: number
  readonly contextValuesPerKey: number
  readonly contextValueLength: number
  readonly contextKeyLength: number
}

/**
 * The keys a policy set reads (conditions and policy variables), lower-cased, with their lengths
 * so that most other keys are skipped without being lower-cased.
 */
export interface KeysOfInterest {
  readonly keys: ReadonlySet<string>
  readonly lengths: ReadonlySet<number>
}

/**
 * Builds the set of keys of interest. Lower-casing can lengthen a string: `İ` (U+0130) becomes
 * `i` + U+0307, so a supplied key may be shorter than its lower-cased form by one per such
 * pair. Those shorter lengths are kept too, or a key spelt with `İ` would be skipped.
 */
export function keysOfInterest(keys: Iterable<string>): KeysOfInterest {
  const set = new Set(keys)
  const lengths = new Set<number>()
  for (const key of set) {
    const lengthened = key.split('i\u0307').length - 1
    for (let shorter = 0; shorter <= lengthened; shorter++) lengths.add(key.length - shorter)
  }
  return Object.freeze({ keys: set, lengths })
}

/**
 * Reads a caller-supplied context into a view. Every value is checked (C1); only keys in
 * `interest` (when given) are kept, since no condition or variable can look up the others. Returns why it cannot be used instead (C1):
 * a non-object, a value of a type IAM does not have, nested lists, or a limit exceeded.
 */
export function readContext(
  context: unknown,
  source: DerivedKeySource | undefined,
  limits: ContextLimits,
  interest?: KeysOfInterest,
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
  if (keys.length > limits.contextKeys) {
    return { invalid: `the request context has ${keys.length} keys; the limit is ${limits.contextKeys}` }
  }
  const entries = new Map<string, ContextEntry>()
  for (const key of keys) {
    if (key.length > limits.contextKeyLength) {
      return { invalid: `context key '${key.slice(0, 40)}...' is longer than ${limits.contextKeyLength} characters` }
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
    if (interest !== undefined && !interest.lengths.has(key.length)) continue
    const lower = key.toLowerCase()
    if (interest !== undefined && !interest.keys.has(lower)) continue
    // C2: an empty list is an absent key (so a derived key is still derived, and a spelling that
    // holds [] is no variant at all); a one-element list is its single value.
    if (typeof checked === 'object') {
      if (checked.length === 0) continue
      if (checked.length === 1) checked = checked[0] as ContextScalar
    }
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
      return value.length > limits.contextValueLength ? `a value is longer than ${limits.contextValueLength} characters` : undefined
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
  if (length > limits.contextValuesPerKey) return new ValueProblem(`${length} values; the limit is ${limits.contextValuesPerKey}`)
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

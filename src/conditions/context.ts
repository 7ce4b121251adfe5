/**
 * The request context as conditions see it: keys looked up case-insensitively (R78), values
 * checked once (C1), several spellings of one key kept apart (R79), and keys the caller did not
 * give derived on demand (C5) so that nothing is computed unless a condition or variable reads it.
 * Built once per request; the caller's object is read once and never kept or changed.
 */
import { describeThrown } from '../util/describe-thrown.js'
import { isPlainObject, MemberProblem, ownMembers } from '../util/own-members.js'

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
    /**
     * The supplied keys of interest as pairs: slot numbers at even indexes, values after them.
     * Contexts hold a handful of keys, so a scan beats allocating one entry per key of interest.
     */
    private readonly pairs: readonly (number | ContextEntry)[],
    private readonly interest: KeysOfInterest,
    private readonly source: DerivedKeySource | undefined,
  ) {}

  private find(keyLower: string): ContextEntry | undefined {
    const pairs = this.pairs
    if (pairs.length === 0) return undefined
    const slot = this.interest.slots.get(keyLower)
    if (slot === undefined) return undefined
    for (let index = 0; index < pairs.length; index += 2) if (pairs[index] === slot) return pairs[index + 1] as ContextEntry
    return undefined
  }

  /** The entry for a lower-cased key; absent keys may be derived (C5). */
  get(keyLower: string): ContextEntry | undefined {
    const entry = this.find(keyLower)
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
    return this.find(keyLower) !== undefined
  }
}

/** Why a context could not be used. */
export interface InvalidContext {
  readonly invalid: string
}

/** The limits applied while reading a context (a subset of `Limits`). */
export interface ContextLimits {
  readonly contextKeys: number
  readonly contextValuesPerKey: number
  readonly contextValueLength: number
  readonly contextKeyLength: number
}

/**
 * The keys a policy set reads (conditions and policy variables), lower-cased and numbered: a
 * request's context is read into an array by these numbers, so no map is built per request.
 * Keys as supplied are mapped to their number once and remembered (a bounded map keyed by the
 * supplied spelling, whose hash V8 keeps on the string), so a known spelling is not lower-cased
 * again; -1 marks a spelling that no condition reads.
 */
export interface KeysOfInterest {
  /** Slot of each lower-cased key. */
  readonly slots: ReadonlyMap<string, number>
  readonly size: number
  /** Lengths a supplied key may have to lower-case to a key of interest (see `keysOfInterest`). */
  readonly lengths: ReadonlySet<number>
  /** Slot (or -1) of supplied spellings already seen. */
  readonly spellings: Map<string, number>
}

/** How many supplied spellings a policy set remembers (hostile contexts cannot grow it further). */
const SPELLINGS_LIMIT = 4096

/**
 * Builds the numbered set of keys of interest. Lower-casing can lengthen a string: `İ` (U+0130)
 * becomes `i` + U+0307, so a supplied key may be shorter than its lower-cased form by one per such
 * pair. Those shorter lengths are kept too, or a key spelt with `İ` would be skipped.
 */
export function keysOfInterest(keys: Iterable<string>): KeysOfInterest {
  const slots = new Map<string, number>()
  for (const key of keys) if (!slots.has(key)) slots.set(key, slots.size)
  const lengths = new Set<number>()
  for (const key of slots.keys()) {
    const lengthened = key.split('i\u0307').length - 1
    for (let shorter = 0; shorter <= lengthened; shorter++) lengths.add(key.length - shorter)
  }
  return Object.freeze({ slots, size: slots.size, lengths, spellings: new Map<string, number>() })
}

/** The slot of a key as supplied, or -1 when no condition reads it. */
function slotOf(key: string, interest: KeysOfInterest): number {
  const known = interest.spellings.get(key)
  if (known !== undefined) return known
  const slot = interest.lengths.has(key.length) ? (interest.slots.get(key.toLowerCase()) ?? -1) : -1
  if (interest.spellings.size < SPELLINGS_LIMIT) interest.spellings.set(key, slot)
  return slot
}

const NO_VALUES: readonly (number | ContextEntry)[] = Object.freeze([])

/**
 * Reads a caller-supplied context into a view. Every value is checked (C1); only keys some
 * condition or variable reads are kept, since nothing can look up the others.
 */
export function readContext(
  context: unknown,
  source: DerivedKeySource | undefined,
  limits: ContextLimits,
  interest: KeysOfInterest,
): ContextView | InvalidContext {
  if (context === undefined) return new ContextView(NO_VALUES, interest, source)
  if (typeof context !== 'object' || context === null) {
    return { invalid: 'the request context must be an object mapping condition keys to values' }
  }
  let keys: string[]
  try {
    // A plain object only (or one without prototype): a Map, a Date, a class instance or an
    // object inheriting its keys is not a list of condition keys, and would be read wrongly.
    if (!isPlainObject(context) || Array.isArray(context)) {
      return { invalid: 'the request context must be a plain object mapping condition keys to values' }
    }
    const members = ownMembers(context)
    if (members instanceof MemberProblem) return { invalid: `the request context is refused: ${members.message}` }
    keys = members
  } catch (error) {
    return { invalid: `the request context could not be read: ${describeThrown(error)}` }
  }
  if (keys.length === 0) return new ContextView(NO_VALUES, interest, source)
  if (keys.length > limits.contextKeys) {
    return { invalid: `the request context has ${keys.length} keys; the limit is ${limits.contextKeys}` }
  }
  let pairs: (number | ContextEntry)[] | undefined
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string
    if (key.length > limits.contextKeyLength) {
      return { invalid: `context key '${key.slice(0, 40)}...' is longer than ${limits.contextKeyLength} characters` }
    }
    let value: unknown
    let checked: ContextValue | ValueProblem
    try {
      value = (context as Record<string, unknown>)[key]
      checked = checkValue(value, limits)
    } catch (error) {
      return { invalid: `context key '${key}' could not be read: ${describeThrown(error)}` }
    }
    if (checked instanceof ValueProblem) return { invalid: `context key '${key}': ${checked.message}` }
    const slot = slotOf(key, interest)
    if (slot === -1) continue
    // C2: an empty list is an absent key (so a derived key is still derived, and a spelling that
    // holds [] is no variant at all); a one-element list is its single value.
    if (typeof checked === 'object') {
      if (checked.length === 0) continue
      if (checked.length === 1) checked = checked[0] as ContextScalar
    }
    if (pairs === undefined) pairs = []
    let at = 0
    while (at < pairs.length && pairs[at] !== slot) at += 2 // slots sit at even indexes only
    if (at >= pairs.length) {
      pairs.push(slot, checked)
    } else {
      const existing = pairs[at + 1] as ContextEntry
      const variants = existing instanceof CaseVariants ? existing.values : [existing]
      pairs[at + 1] = new CaseVariants([...variants, checked])
    }
  }
  return new ContextView(pairs ?? NO_VALUES, interest, source)
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

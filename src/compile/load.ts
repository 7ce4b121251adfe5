/**
 * From what callers pass as policies (JSON text, plain values, parsed policies; in their slots)
 * to a compiled policy set, reusing compiled forms where that is safe:
 * - parsed policies (deeply frozen by `parsePolicy`) by identity, in a WeakMap;
 * - JSON text by its content, in a bounded LRU;
 * - plain values by their content too: each call takes a snapshot (canonical JSON text) and looks
 *   that up, so a caller who changes a shared object between calls is always honoured. A mutable
 *   object is never trusted by identity.
 * Policy sets are cached by the identities of their compiled policies and their layout.
 */
import { COUNTS_WHITESPACE, DEFAULT_LIMITS } from '../limits.js'
import type { Limits } from '../limits.js'
import { createIssue, PolicyValidationError } from '../policy/errors.js'
import type { PolicyIssue } from '../policy/errors.js'
import { serializeJsonValue } from '../policy/json-value.js'
import { describeThrown } from '../util/describe-thrown.js'
import { MemberProblem, ownMembers } from '../util/own-members.js'
import type { ParsedPolicy, PolicyKind } from '../policy/model.js'
import { isParsedPolicy, validatePolicy } from '../policy/parse.js'
import type { PolicyInput } from '../policy/parse.js'
import { compilePolicy } from './policy.js'
import type { CompiledPolicy } from './policy.js'
import { buildPolicySet } from './policy-set.js'
import type { CompiledPolicySet, CompiledSlots } from './policy-set.js'

/** The policies that apply to a request, by type (the `policies` of the conformance format). */
export interface PolicySet {
  /** Identity-based policies of the user (and its groups) or role; OR-ed (R13, R14). */
  readonly identity?: readonly PolicyInput[] | PolicyInput
  /** The resource-based policy of the requested resource (bucket policy, role trust policy, key policy, ...). */
  readonly resource?: PolicyInput
  /** The permissions boundary of the user or role (R26). */
  readonly permissionsBoundary?: PolicyInput
  /** The session policy (R27, R136-R139). */
  readonly session?: PolicyInput
  /** SCPs of the caller's account, by level (organization root, OUs, account); each level must allow (R18). */
  readonly scps?: readonly (readonly PolicyInput[])[]
  /** RCPs of the resource's account, by level (R20). */
  readonly rcps?: readonly (readonly PolicyInput[])[]
  /** VPC endpoint policies on the request's way (R21). */
  readonly endpoint?: readonly PolicyInput[] | PolicyInput
}

/** Which kind each slot validates its policies as. */
const SLOT_KINDS = {
  identity: 'identity',
  resource: 'resource',
  permissionsBoundary: 'boundary',
  session: 'session',
  scps: 'scp',
  rcps: 'rcp',
  endpoint: 'endpoint',
} as const satisfies Record<keyof PolicySet, PolicyKind>

const TEXT_CACHE_LIMIT = 512
/** Empty policy sets remembered (one per limits object). */
const EMPTY_SET_LIMIT = 16
/** Groups of the text cache (one per policy kind and set of limits). */
const TEXT_GROUP_LIMIT = 64
/** Policy sets remembered per first policy. */
const SETS_PER_POLICY = 8

/**
 * A bounded cache with least-recently-used eviction, approximated by CLOCK ("second chance"): a
 * hit only sets a flag, so lookups stay one Map read; eviction skips (and clears) flagged entries.
 */
class LeastRecentlyUsed<K, V> {
  private readonly entries = new Map<K, { value: V; used: boolean }>()
  constructor(private readonly limit: number) {}
  get(key: K): V | undefined {
    const entry = this.entries.get(key)
    if (entry === undefined) return undefined
    entry.used = true
    return entry.value
  }
  set(key: K, value: V): void {
    while (this.entries.size >= this.limit) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [K, { value: V; used: boolean }]
      this.entries.delete(oldestKey)
      if (oldest.used) {
        oldest.used = false
        this.entries.set(oldestKey, oldest) // second chance: back to the young end
      }
    }
    this.entries.set(key, { value, used: false })
  }
}

/** Where compiled policies are remembered; `undefined` compiles afresh every time (used by `compile`). */
export interface PolicyCaches {
  /**
   * Compiled policies by kind and limits, then by the JSON text itself. The caller's string is
   * the key (not a longer key built from it), so repeated lookups reuse the hash V8 keeps on it.
   */
  readonly text: Map<string, LeastRecentlyUsed<string, CompiledPolicy | readonly PolicyIssue[]>>
  readonly parsed: WeakMap<ParsedPolicy, { compiled: CompiledPolicy; statements: number; largestValueList: number }>
  /** Policy sets by their first policy; each list is short and compared slot by slot. */
  readonly sets: WeakMap<CompiledPolicy, { slots: CompiledSlots; set: CompiledPolicySet }[]>
  /** The policy set with no policies at all, per limits object (bounded: callers may bring new limits on every call). */
  readonly empty: Map<Limits, CompiledPolicySet>
  /**
   * Per `policies` object: the inputs it held when last loaded and the set built from them. Only
   * for sets whose every input is immutable (JSON text, parsed policies); see `rememberedSet`.
   */
  readonly byObject: WeakMap<object, RememberedSet>
}

/** A policy set remembered with the exact inputs it was built from. */
interface RememberedSet {
  readonly limits: Limits
  /** Every slot member and every input, in the order `sameInputs` reads them. */
  readonly inputs: readonly unknown[]
  readonly set: CompiledPolicySet
}

/** Creates an empty set of caches. */
export function createPolicyCaches(): PolicyCaches {
  return { text: new Map(), parsed: new WeakMap(), sets: new WeakMap(), empty: new Map(), byObject: new WeakMap() }
}

function sizeOf(text: string, kind: PolicyKind): number {
  if (COUNTS_WHITESPACE.has(kind)) return text.length
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) count++
  }
  return count
}

/** The size problem of a policy text, if it is over its kind's quota (R143-R146). */
function sizeProblem(text: string, kind: PolicyKind, limits: Limits): PolicyIssue | undefined {
  const limit = limits.policyLength[kind]
  if (text.length <= limit) return undefined // fast: no need to count white space
  const size = sizeOf(text, kind)
  if (size <= limit) return undefined
  const counted = COUNTS_WHITESPACE.has(kind) ? 'characters' : 'characters not counting white space'
  return createIssue('limit-exceeded', '', `the policy has ${size} ${counted}; the limit for this kind is ${limit}`)
}

function checkShape(policy: ParsedPolicy, limits: Limits, label: string): void {
  if (policy.statements.length > limits.statementsPerPolicy) {
    throw new PolicyValidationError(
      [
        createIssue(
          'limit-exceeded',
          '/Statement',
          `the policy has ${policy.statements.length} statements; the limit is ${limits.statementsPerPolicy}`,
        ),
      ],
      label,
    )
  }
  for (const statement of policy.statements) {
    for (const test of statement.conditions) {
      if (test.values.length > limits.conditionValuesPerKey) {
        throw new PolicyValidationError(
          [
            createIssue(
              'limit-exceeded',
              `${statement.path}/Condition`,
              `condition key '${test.key}' lists ${test.values.length} values; the limit is ${limits.conditionValuesPerKey}`,
            ),
          ],
          label,
        )
      }
    }
  }
}

/** Loads one policy of a slot into its compiled form, from cache when that is safe. */
export function loadPolicy(
  input: unknown,
  kind: PolicyKind,
  limits: Limits,
  caches: PolicyCaches | undefined,
  label: string,
): CompiledPolicy {
  if (isParsedPolicy(input)) {
    const usable = input.kind === kind || (kind === 'resource' && input.kind === 'trust')
    if (!usable) {
      throw new PolicyValidationError(
        [createIssue('invalid-kind', '', `a policy parsed as kind '${input.kind}' cannot be used as ${label}`)],
        label,
      )
    }
    // The compiled form is shared whatever the limits; the limits are checked on every use, from
    // two numbers remembered with it, so raising them once never lets the policy past lower ones.
    const known = caches?.parsed.get(input)
    if (known !== undefined) {
      if (known.statements > limits.statementsPerPolicy || known.largestValueList > limits.conditionValuesPerKey)
        checkShape(input, limits, label)
      return known.compiled
    }
    checkShape(input, limits, label)
    const compiled = compilePolicy(input)
    let largestValueList = 0
    for (const statement of input.statements)
      for (const test of statement.conditions) largestValueList = Math.max(largestValueList, test.values.length)
    caches?.parsed.set(input, { compiled, statements: input.statements.length, largestValueList })
    return compiled
  }
  let text: string
  let fromValue = false
  if (typeof input === 'string') {
    text = input
  } else {
    const serialized = serializeJsonValue(input, limits.policyLength[kind] * 4 + 1024)
    if (typeof serialized !== 'string') {
      throw new PolicyValidationError([createIssue('unreadable-input', serialized.path, serialized.message)], label)
    }
    text = serialized
    fromValue = true
  }
  let texts: LeastRecentlyUsed<string, CompiledPolicy | readonly PolicyIssue[]> | undefined
  if (caches !== undefined) {
    // With the default limits the group is the kind itself: a constant string, no concatenation per call.
    const group = limits === DEFAULT_LIMITS ? kind : `${kind} ${JSON.stringify(limits)}`
    texts = caches.text.get(group)
    if (texts === undefined) {
      // Bounded too: every distinct set of limits opens a group.
      if (caches.text.size >= TEXT_GROUP_LIMIT) caches.text.clear()
      texts = new LeastRecentlyUsed(TEXT_CACHE_LIMIT)
      caches.text.set(group, texts)
    }
  }
  let compiled = texts?.get(text)
  if (compiled === undefined) {
    // Checked on a miss only: the cache is per kind and limits, so a hit has passed already.
    const tooLarge = sizeProblem(text, kind, limits)
    // A value is parsed from its snapshot, so what is compiled is exactly what was keyed.
    const result = tooLarge === undefined ? validatePolicy(fromValue ? (JSON.parse(text) as unknown) : text, { kind }) : undefined
    if (tooLarge !== undefined) {
      compiled = [tooLarge]
    } else if (result?.valid === true) {
      try {
        checkShape(result.policy, limits, label)
        compiled = compilePolicy(result.policy)
      } catch (error) {
        if (!(error instanceof PolicyValidationError)) throw error
        compiled = error.issues
      }
    } else {
      compiled = result?.errors ?? []
    }
    texts?.set(text, compiled)
  }
  // Problems are remembered, not the error, so each error names the slot of its own call.
  if (!('statementsForAction' in compiled)) throw new PolicyValidationError(compiled, label)
  return compiled
}

function listOf(value: unknown, label: string): readonly unknown[] {
  if (Array.isArray(value)) return value
  if (value === undefined) return []
  if (typeof value === 'string' || (typeof value === 'object' && value !== null)) return [value]
  throw new PolicyValidationError([createIssue('invalid-document', '', `${label} must be a policy or a list of policies`)], label)
}

function levelsOf(value: unknown, label: string): readonly (readonly unknown[])[] {
  if (!Array.isArray(value) || !value.every((level) => Array.isArray(level))) {
    throw new PolicyValidationError(
      [
        createIssue(
          'invalid-document',
          '',
          `${label} must be a list of levels, each a list of policies (e.g. [[rootPolicy], [ouPolicy], [accountPolicy]])`,
        ),
      ],
      label,
    )
  }
  return value as readonly (readonly unknown[])[]
}

/** Loads a whole policy set. Throws `PolicyValidationError` for any invalid or unreadable policy, and nothing else. */
export function loadPolicySet(policies: unknown, limits: Limits, caches: PolicyCaches | undefined): CompiledPolicySet {
  try {
    return loadPolicySetUnsafe(policies, limits, caches)
  } catch (error) {
    if (error instanceof PolicyValidationError) throw error
    // A getter or Proxy in the policies threw while being read: refuse the policies, typed.
    throw new PolicyValidationError(
      [createIssue('unreadable-input', '', `the policies could not be read: ${describeThrown(error)}`)],
      'policies',
    )
  }
}

/** The policy set as read for remembering: its members, each a slot's value. */
interface SetMembers {
  readonly identity?: unknown
  readonly resource?: unknown
  readonly permissionsBoundary?: unknown
  readonly session?: unknown
  readonly scps?: unknown
  readonly rcps?: unknown
  readonly endpoint?: unknown
}

function isImmutableInput(input: unknown): boolean {
  return typeof input === 'string' || isParsedPolicy(input)
}

/**
 * Appends a slot's value and its inputs (a policy, a list of policies, or a list of levels) to
 * `inputs`; false when one input is mutable (a plain value), since then only a fresh snapshot may
 * decide what the set holds.
 */
function collectSlot(value: unknown, inputs: unknown[]): boolean {
  inputs.push(value)
  if (value === undefined) return true
  if (!Array.isArray(value)) {
    inputs.push(value)
    return isImmutableInput(value)
  }
  inputs.push(value.length)
  for (const item of value as unknown[]) {
    if (Array.isArray(item)) {
      inputs.push(item, item.length)
      for (const policy of item as unknown[]) {
        inputs.push(policy)
        if (!isImmutableInput(policy)) return false
      }
    } else {
      inputs.push(item)
      if (!isImmutableInput(item)) return false
    }
  }
  return true
}

/** Every slot and input of a set in a fixed order, or `undefined` when an input is mutable. */
function collectInputs(set: SetMembers): unknown[] | undefined {
  const inputs: unknown[] = []
  const ok =
    collectSlot(set.identity, inputs) &&
    collectSlot(set.resource, inputs) &&
    collectSlot(set.permissionsBoundary, inputs) &&
    collectSlot(set.session, inputs) &&
    collectSlot(set.scps, inputs) &&
    collectSlot(set.rcps, inputs) &&
    collectSlot(set.endpoint, inputs)
  return ok ? inputs : undefined
}

/** Compares a slot with the remembered inputs from `at`, without allocating; the next position, or -1. */
function matchSlot(value: unknown, inputs: readonly unknown[], at: number): number {
  if (inputs[at++] !== value) return -1
  if (value === undefined) return at
  if (!Array.isArray(value)) return inputs[at++] === value ? at : -1
  if (inputs[at++] !== value.length) return -1
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index]
    if (Array.isArray(item)) {
      if (inputs[at++] !== item || inputs[at++] !== item.length) return -1
      for (let inner = 0; inner < item.length; inner++) if (inputs[at++] !== item[inner]) return -1
    } else if (inputs[at++] !== item) {
      return -1
    }
  }
  return at
}

/** Whether the set holds exactly the remembered inputs (compared by identity). */
function matchesInputs(set: SetMembers, inputs: readonly unknown[]): boolean {
  let at = matchSlot(set.identity, inputs, 0)
  if (at !== -1) at = matchSlot(set.resource, inputs, at)
  if (at !== -1) at = matchSlot(set.permissionsBoundary, inputs, at)
  if (at !== -1) at = matchSlot(set.session, inputs, at)
  if (at !== -1) at = matchSlot(set.scps, inputs, at)
  if (at !== -1) at = matchSlot(set.rcps, inputs, at)
  if (at !== -1) at = matchSlot(set.endpoint, inputs, at)
  return at === inputs.length
}

/**
 * The set's own members, each read once (a polluted prototype adds no slot, and a getter cannot
 * answer one way to the cache and another to the build); an unknown member is refused.
 */
function readMembers(policies: unknown): SetMembers {
  if (typeof policies !== 'object' || policies === null || Array.isArray(policies)) {
    throw new PolicyValidationError(
      [
        createIssue(
          'invalid-document',
          '',
          'policies must be an object: { identity?, resource?, permissionsBoundary?, session?, scps?, rcps?, endpoint? }',
        ),
      ],
      'policies',
    )
  }
  // Every slot is an own member from the start (one fixed shape per call, no dictionary-mode
  // object), so no slot is ever looked up on a prototype.
  const members: Record<keyof SetMembers, unknown> = {
    identity: undefined,
    resource: undefined,
    permissionsBoundary: undefined,
    session: undefined,
    scps: undefined,
    rcps: undefined,
    endpoint: undefined,
  }
  const keys = ownMembers(policies)
  if (keys instanceof MemberProblem) {
    throw new PolicyValidationError([createIssue('unreadable-input', `/${keys.member}`, keys.message)], 'policies')
  }
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(SLOT_KINDS, key)) {
      throw new PolicyValidationError(
        [createIssue('unknown-element', `/${key}`, `'${key}' is not a policy type; expected ${Object.keys(SLOT_KINDS).join(', ')}`)],
        'policies',
      )
    }
    members[key as keyof SetMembers] = (policies as Record<string, unknown>)[key]
  }
  return members
}

function loadPolicySetUnsafe(policies: unknown, limits: Limits, caches: PolicyCaches | undefined): CompiledPolicySet {
  const members = readMembers(policies)
  if (caches === undefined) return loadAndBuild(members, limits, undefined)
  const remembered = caches.byObject.get(policies as object)
  if (remembered !== undefined && remembered.limits === limits && matchesInputs(members, remembered.inputs)) return remembered.set
  // Lists and levels are read again by the build; a list whose items change between the two
  // reads (a getter) is then simply not remembered.
  const before = collectInputs(members)
  const built = loadAndBuild(members, limits, caches)
  if (before !== undefined && matchesInputs(members, before))
    caches.byObject.set(policies as object, { limits, inputs: before, set: built })
  return built
}

function loadAndBuild(set: SetMembers, limits: Limits, caches: PolicyCaches | undefined): CompiledPolicySet {
  const one = (name: 'resource' | 'permissionsBoundary' | 'session'): CompiledPolicy | undefined =>
    set[name] === undefined ? undefined : loadPolicy(set[name], SLOT_KINDS[name], limits, caches, `policies.${name}`)
  const many = (name: 'identity' | 'endpoint'): CompiledPolicy[] | undefined =>
    set[name] === undefined
      ? undefined
      : listOf(set[name], `policies.${name}`).map((policy, index) =>
          loadPolicy(policy, SLOT_KINDS[name], limits, caches, `policies.${name}[${index}]`),
        )
  const levels = (name: 'scps' | 'rcps'): CompiledPolicy[][] | undefined =>
    set[name] === undefined
      ? undefined
      : levelsOf(set[name], `policies.${name}`).map((level, levelIndex) =>
          level.map((policy, index) => loadPolicy(policy, SLOT_KINDS[name], limits, caches, `policies.${name}[${levelIndex}][${index}]`)),
        )
  const slots: CompiledSlots = {
    identity: many('identity'),
    resource: one('resource'),
    permissionsBoundary: one('permissionsBoundary'),
    session: one('session'),
    scps: levels('scps'),
    rcps: levels('rcps'),
    endpoint: many('endpoint'),
  }
  if (caches === undefined) return buildPolicySet(slots)
  return cachedPolicySet(slots, limits, caches)
}

/** The set for these slots from the cache, or built and remembered under its first policy. */
function cachedPolicySet(slots: CompiledSlots, limits: Limits, caches: PolicyCaches): CompiledPolicySet {
  const first =
    slots.identity?.[0] ??
    slots.resource ??
    slots.permissionsBoundary ??
    slots.session ??
    slots.scps?.flat()[0] ??
    slots.rcps?.flat()[0] ??
    slots.endpoint?.[0]
  if (first === undefined) {
    // No policy at all: the layout still matters (an empty SCP level denies), so only the
    // layout-free case is shared.
    if (slots.identity !== undefined || slots.scps !== undefined || slots.rcps !== undefined || slots.endpoint !== undefined) {
      return buildPolicySet(slots)
    }
    let empty = caches.empty.get(limits)
    if (empty === undefined) {
      if (caches.empty.size >= EMPTY_SET_LIMIT) caches.empty.clear()
      caches.empty.set(limits, (empty = buildPolicySet(slots)))
    }
    return empty
  }
  let known = caches.sets.get(first)
  if (known === undefined) caches.sets.set(first, (known = []))
  for (const entry of known) if (sameSlots(entry.slots, slots)) return entry.set
  const set = buildPolicySet(slots)
  if (known.length >= SETS_PER_POLICY) known.shift()
  known.push({ slots, set })
  return set
}

function sameList(a: readonly CompiledPolicy[] | undefined, b: readonly CompiledPolicy[] | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined || a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}

function sameLevels(a: readonly (readonly CompiledPolicy[])[] | undefined, b: readonly (readonly CompiledPolicy[])[] | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined || a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (!sameList(a[index], b[index])) return false
  return true
}

function sameSlots(a: CompiledSlots, b: CompiledSlots): boolean {
  return (
    a.resource === b.resource &&
    a.permissionsBoundary === b.permissionsBoundary &&
    a.session === b.session &&
    sameList(a.identity, b.identity) &&
    sameList(a.endpoint, b.endpoint) &&
    sameLevels(a.scps, b.scps) &&
    sameLevels(a.rcps, b.rcps)
  )
}

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
const SET_CACHE_LIMIT = 256

/** A small LRU on a Map (insertion order is recency order). */
class LeastRecentlyUsed<V> {
  private readonly entries = new Map<string, V>()
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key)
    if (value !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }
  set(key: string, value: V): void {
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next()
      if (oldest.done !== true) this.entries.delete(oldest.value)
    }
    this.entries.set(key, value)
  }
}

/** Where compiled policies are remembered; `undefined` compiles afresh every time (used by `compile`). */
export interface PolicyCaches {
  readonly text: LeastRecentlyUsed<CompiledPolicy | readonly PolicyIssue[]>
  readonly parsed: WeakMap<ParsedPolicy, CompiledPolicy>
  readonly sets: LeastRecentlyUsed<CompiledPolicySet>
}

/** Creates an empty set of caches. */
export function createPolicyCaches(): PolicyCaches {
  return {
    text: new LeastRecentlyUsed(TEXT_CACHE_LIMIT),
    parsed: new WeakMap(),
    sets: new LeastRecentlyUsed(SET_CACHE_LIMIT),
  }
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

function checkSize(text: string, kind: PolicyKind, limits: Limits, label: string): void {
  const limit = limits.policyLength[kind]
  if (text.length <= limit) return // fast: no need to count white space
  const size = sizeOf(text, kind)
  if (size > limit) {
    const counted = COUNTS_WHITESPACE.has(kind) ? 'characters' : 'characters not counting white space'
    throw new PolicyValidationError([createIssue('limit-exceeded', '', `the policy has ${size} ${counted}; the limit for this kind is ${limit}`)], label)
  }
}

function checkShape(policy: ParsedPolicy, limits: Limits, label: string): void {
  if (policy.statements.length > limits.statementsPerPolicy) {
    throw new PolicyValidationError(
      [createIssue('limit-exceeded', '/Statement', `the policy has ${policy.statements.length} statements; the limit is ${limits.statementsPerPolicy}`)],
      label,
    )
  }
  for (const statement of policy.statements) {
    for (const test of statement.conditions) {
      if (test.values.length > limits.conditionValuesPerKey) {
        throw new PolicyValidationError(
          [createIssue('limit-exceeded', `${statement.path}/Condition`, `condition key '${test.key}' lists ${test.values.length} values; the limit is ${limits.conditionValuesPerKey}`)],
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
      throw new PolicyValidationError([createIssue('invalid-kind', '', `a policy parsed as kind '${input.kind}' cannot be used as ${label}`)], label)
    }
    const known = caches?.parsed.get(input)
    if (known !== undefined) return known
    checkShape(input, limits, label)
    const compiled = compilePolicy(input)
    caches?.parsed.set(input, compiled)
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
  checkSize(text, kind, limits, label)
  const key = `${kind}\u0000${limits === DEFAULT_LIMITS ? '' : JSON.stringify(limits)}\u0000${text}`
  let compiled = caches?.text.get(key)
  if (compiled === undefined) {
    // A value is parsed from its snapshot, so what is compiled is exactly what was keyed.
    const result = validatePolicy(fromValue ? (JSON.parse(text) as unknown) : text, { kind })
    if (result.valid) {
      try {
        checkShape(result.policy, limits, label)
        compiled = compilePolicy(result.policy)
      } catch (error) {
        if (!(error instanceof PolicyValidationError)) throw error
        compiled = error.issues
      }
    } else {
      compiled = result.errors
    }
    caches?.text.set(key, compiled)
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
      [createIssue('invalid-document', '', `${label} must be a list of levels, each a list of policies (e.g. [[rootPolicy], [ouPolicy], [accountPolicy]])`)],
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
    throw new PolicyValidationError([createIssue('unreadable-input', '', `the policies could not be read: ${describeThrown(error)}`)], 'policies')
  }
}

function loadPolicySetUnsafe(policies: unknown, limits: Limits, caches: PolicyCaches | undefined): CompiledPolicySet {
  if (typeof policies !== 'object' || policies === null || Array.isArray(policies)) {
    throw new PolicyValidationError([createIssue('invalid-document', '', 'policies must be an object: { identity?, resource?, permissionsBoundary?, session?, scps?, rcps?, endpoint? }')], 'policies')
  }
  const set = policies as Record<string, unknown>
  for (const key of Object.keys(set)) {
    if (!Object.prototype.hasOwnProperty.call(SLOT_KINDS, key)) {
      throw new PolicyValidationError([createIssue('unknown-element', `/${key}`, `'${key}' is not a policy type; expected ${Object.keys(SLOT_KINDS).join(', ')}`)], 'policies')
    }
  }
  const one = (name: 'resource' | 'permissionsBoundary' | 'session'): CompiledPolicy | undefined =>
    set[name] === undefined ? undefined : loadPolicy(set[name], SLOT_KINDS[name], limits, caches, `policies.${name}`)
  const many = (name: 'identity' | 'endpoint'): CompiledPolicy[] | undefined =>
    set[name] === undefined
      ? undefined
      : listOf(set[name], `policies.${name}`).map((policy, index) => loadPolicy(policy, SLOT_KINDS[name], limits, caches, `policies.${name}[${index}]`))
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
  const key = setKey(slots)
  const known = caches.sets.get(key)
  if (known !== undefined) return known
  const built = buildPolicySet(slots)
  caches.sets.set(key, built)
  return built
}

function setKey(slots: CompiledSlots): string {
  const ids = (list: readonly CompiledPolicy[] | undefined): string => (list === undefined ? '-' : list.map((policy) => policy.id).join(','))
  const id = (policy: CompiledPolicy | undefined): string => (policy === undefined ? '-' : String(policy.id))
  // The count keeps "no levels" apart from "one empty level" (which denies).
  const levelIds = (levels: readonly (readonly CompiledPolicy[])[] | undefined): string =>
    levels === undefined ? '-' : `${levels.length}:${levels.map((level) => ids(level)).join(';')}`
  return `${ids(slots.identity)}|${id(slots.resource)}|${id(slots.permissionsBoundary)}|${id(slots.session)}|${levelIds(slots.scps)}|${levelIds(slots.rcps)}|${ids(slots.endpoint)}`
}

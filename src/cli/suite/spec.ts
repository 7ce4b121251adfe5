/**
 * The suite file format, checked and typed. A suite (`*.iam-test.yaml` or `*.iam-test.json`,
 * described for editors by `schemas/suite.schema.json`) names its policies by path relative to
 * itself, grouped by policy type, and lists cases:
 *
 * ```yaml
 * name: Data lake access                # optional; defaults to the file name
 * now: 2025-01-31T12:00:00Z             # optional time for aws:CurrentTime / aws:EpochTime
 * policies:
 *   identity: [policies/analyst.json]   # a path, an inline policy, or a list of those
 *   resource: policies/bucket.json      # or `trust:` for a role trust policy
 *   permissionsBoundary: boundary.json
 *   session: session.json
 *   scps: [[scps/root.json], [scps/ou.json]]   # levels: root, OUs, account
 *   rcps: [[rcps/root.json]]
 *   endpoint: [endpoint.json]
 * defaults:                             # request fields every case starts from
 *   principal: arn:aws:iam::111122223333:role/analyst
 * cases:
 *   - name: analyst reads finance data
 *     request: { action: s3:GetObject, resource: "arn:aws:s3:::lake/finance/q1.csv" }
 *     expect: Allow                     # Allow | ExplicitDeny | ImplicitDeny | Deny (either)
 *     decidedBy: AllowTeamData          # optional: the Sid of a decisive statement
 *     failedGate: identity              # optional, with ImplicitDeny: the gate that failed
 *     policies: { session: null }       # optional per-case replacement of slots; null removes
 *     now: 2025-02-01T00:00:00Z         # optional per-case time
 *     skip: "until the bucket policy lands"   # optional: true or a reason
 * ```
 *
 * This module mirrors the JSON schema by hand (the schema serves editors; ajv is not a runtime
 * dependency) and reports every mistake at its JSON pointer.
 */
import type { GateKind } from '../../index.js'
import { EXPECTATIONS } from '../expectation.js'
import type { Expectation } from '../expectation.js'
import { parseTime } from '../request/time.js'

/** A policy named by a suite: a path relative to the suite file, or an inline policy document. */
export interface PolicyRefSpec {
  /** Where the reference is written in the suite. */
  readonly pointer: string
  readonly ref: string | Readonly<Record<string, unknown>>
}

/** The `policies` of a suite or a case. In a case, `null` removes a slot the suite sets. */
export interface PolicyRefsSpec {
  readonly identity?: readonly PolicyRefSpec[] | null
  readonly resource?: PolicyRefSpec | null
  readonly trust?: PolicyRefSpec | null
  readonly permissionsBoundary?: PolicyRefSpec | null
  readonly session?: PolicyRefSpec | null
  readonly scps?: readonly (readonly PolicyRefSpec[])[] | null
  readonly rcps?: readonly (readonly PolicyRefSpec[])[] | null
  readonly endpoint?: readonly PolicyRefSpec[] | null
}

/** One case of a suite. */
export interface CaseSpec {
  readonly name: string
  /** JSON pointer of the case in the suite (`/cases/3`). */
  readonly pointer: string
  /** The case's request fields (merged over the suite's `defaults` when run). */
  readonly request: Readonly<Record<string, unknown>>
  readonly expect: Expectation
  readonly decidedBy?: string
  readonly failedGate?: GateKind
  readonly policies?: PolicyRefsSpec
  readonly now?: Date
  /** `true`, or the reason, when the case is skipped. */
  readonly skip?: true | string
}

/** A checked suite. */
export interface SuiteSpec {
  readonly name?: string
  readonly description?: string
  readonly now?: Date
  readonly policies: PolicyRefsSpec
  readonly defaults: Readonly<Record<string, unknown>>
  readonly cases: readonly CaseSpec[]
}

/** A mistake in a suite, at a JSON pointer (`key`: the member's name is the problem, not its value). */
export interface SpecProblem {
  readonly pointer: string
  readonly message: string
  readonly at?: 'key'
}

/** The gate kinds `failedGate` accepts (the library's `GateKind`). */
export const GATE_KINDS: readonly GateKind[] = [
  'request',
  'principal',
  'rcp',
  'scp',
  'endpoint',
  'resource-policy',
  'identity',
  'permissions-boundary',
  'session-policy',
  'error',
]

const SUITE_KEYS = ['$schema', 'name', 'description', 'now', 'policies', 'defaults', 'cases']
const CASE_KEYS = ['name', 'description', 'request', 'expect', 'decidedBy', 'failedGate', 'policies', 'now', 'skip']
const POLICY_KEYS = ['identity', 'resource', 'trust', 'permissionsBoundary', 'session', 'scps', 'rcps', 'endpoint']
const REQUEST_KEYS = ['principal', 'action', 'resource', 'resourceAccount', 'context']

type JsonObject = Readonly<Record<string, unknown>>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function token(name: string | number): string {
  return String(name).replace(/~/g, '~0').replace(/\//g, '~1')
}

/** A known name the unknown `key` was probably meant to be: other case, plural, `-ed`, or a part of it. */
function suggest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase()
  return known.find((candidate) => {
    const wanted = candidate.toLowerCase()
    return (
      wanted === lower ||
      `${wanted}s` === lower ||
      `${lower}s` === wanted ||
      `${wanted}ed` === lower ||
      (lower.length >= 5 && wanted.includes(lower))
    )
  })
}

/** Reads a suite value, collecting every problem. */
class SpecReader {
  readonly problems: SpecProblem[] = []

  problem(pointer: string, message: string, at?: 'key'): void {
    this.problems.push(at === undefined ? { pointer, message } : { pointer, message, at })
  }

  unknownKeys(object: JsonObject, pointer: string, known: readonly string[], what: string): void {
    for (const key of Object.keys(object)) {
      if (known.includes(key)) continue
      const near = suggest(key, known)
      this.problem(
        `${pointer}/${token(key)}`,
        `unknown ${what} member '${key}'${near === undefined ? `; expected one of ${known.join(', ')}` : `; did you mean '${near}'?`}`,
        'key',
      )
    }
  }

  optionalString(object: JsonObject, key: string, pointer: string): string | undefined {
    const value = object[key]
    if (value === undefined) return undefined
    if (typeof value !== 'string') {
      this.problem(`${pointer}/${key}`, `'${key}' must be a string`)
      return undefined
    }
    return value
  }

  time(object: JsonObject, key: string, pointer: string): Date | undefined {
    const value = object[key]
    if (value === undefined) return undefined
    const time = typeof value === 'string' || typeof value === 'number' ? parseTime(value) : undefined
    if (time === undefined)
      this.problem(`${pointer}/${key}`, `'${key}' must be an ISO 8601 time with a zone (2025-01-31T12:00:00Z) or epoch seconds`)
    return time
  }

  policyRef(value: unknown, pointer: string): PolicyRefSpec | undefined {
    if (typeof value === 'string' && value !== '') return { pointer, ref: value }
    if (isObject(value)) return { pointer, ref: value }
    this.problem(
      pointer,
      'a policy must be a path relative to the suite file (a non-empty string) or an inline policy document (an object)',
    )
    return undefined
  }

  policyList(value: unknown, pointer: string): PolicyRefSpec[] {
    const list = Array.isArray(value) ? value : [value]
    const refs: PolicyRefSpec[] = []
    list.forEach((item, index) => {
      const ref = this.policyRef(item, Array.isArray(value) ? `${pointer}/${index}` : pointer)
      if (ref !== undefined) refs.push(ref)
    })
    return refs
  }

  levels(value: unknown, pointer: string, name: string): PolicyRefSpec[][] {
    if (!Array.isArray(value) || !value.every((level) => Array.isArray(level))) {
      this.problem(
        pointer,
        `'${name}' is a list of levels, each a list of policies: [[root.json], [ou.json], [account.json]] (every level must allow)`,
      )
      return []
    }
    return value.map((level: unknown[], index) => this.policyList(level, `${pointer}/${index}`))
  }

  policies(value: unknown, pointer: string, inCase: boolean): PolicyRefsSpec {
    if (!isObject(value)) {
      this.problem(pointer, `'policies' must be an object with ${POLICY_KEYS.join(', ')}`)
      return {}
    }
    this.unknownKeys(value, pointer, POLICY_KEYS, 'policies')
    if (value['resource'] !== undefined && value['resource'] !== null && value['trust'] !== undefined && value['trust'] !== null) {
      this.problem(`${pointer}/trust`, "'resource' and 'trust' both name the resource policy; give one of them", 'key')
    }
    const result: Record<string, unknown> = {}
    for (const key of POLICY_KEYS) {
      const item = value[key]
      const at = `${pointer}/${key}`
      if (item === undefined) continue
      if (item === null) {
        if (inCase) result[key] = null
        else this.problem(at, `'${key}: null' only makes sense in a case, to remove a policy the suite sets; omit the member instead`)
        continue
      }
      switch (key) {
        case 'identity':
        case 'endpoint':
          result[key] = this.policyList(item, at)
          break
        case 'scps':
        case 'rcps':
          result[key] = this.levels(item, at, key)
          break
        default:
          if (Array.isArray(item)) this.problem(at, `'${key}' takes one policy, not a list`)
          else result[key] = this.policyRef(item, at)
      }
    }
    return result as PolicyRefsSpec
  }

  requestFields(value: unknown, pointer: string, what: string): JsonObject {
    if (!isObject(value)) {
      this.problem(pointer, `'${what}' must be an object with ${REQUEST_KEYS.join(', ')}`)
      return {}
    }
    this.unknownKeys(value, pointer, REQUEST_KEYS, what)
    return value
  }

  testCase(value: unknown, pointer: string): CaseSpec | undefined {
    if (!isObject(value)) {
      this.problem(pointer, 'a case must be an object with name, request and expect')
      return undefined
    }
    this.unknownKeys(value, pointer, CASE_KEYS, 'case')
    const name = value['name']
    if (typeof name !== 'string' || name.trim() === '')
      this.problem(name === undefined ? pointer : `${pointer}/name`, "a case needs a 'name' (a non-empty string)")
    this.optionalString(value, 'description', pointer)
    const request = value['request'] === undefined ? undefined : this.requestFields(value['request'], `${pointer}/request`, 'request')
    if (value['request'] === undefined)
      this.problem(pointer, "a case needs a 'request' (principal, action, resource, ...; fields may come from the suite's 'defaults')")
    const expectValue = value['expect']
    const expect = EXPECTATIONS.find((candidate) => candidate === expectValue)
    if (expect === undefined) {
      this.problem(
        expectValue === undefined ? pointer : `${pointer}/expect`,
        `'expect' must be one of ${EXPECTATIONS.join(', ')}${expectValue === undefined ? '' : `, not ${JSON.stringify(expectValue)}`}`,
      )
    }
    const decidedBy = this.optionalString(value, 'decidedBy', pointer)
    if (decidedBy !== undefined && (expect === 'ImplicitDeny' || expect === 'Deny')) {
      this.problem(`${pointer}/decidedBy`, "'decidedBy' names the Sid of a decisive statement, which only Allow and ExplicitDeny have")
    }
    const gateValue = value['failedGate']
    const failedGate = GATE_KINDS.find((gate) => gate === gateValue)
    if (gateValue !== undefined) {
      if (failedGate === undefined) this.problem(`${pointer}/failedGate`, `'failedGate' must be one of ${GATE_KINDS.join(', ')}`)
      else if (expect !== 'ImplicitDeny') this.problem(`${pointer}/failedGate`, "'failedGate' only applies with 'expect: ImplicitDeny'")
    }
    const policies = value['policies'] === undefined ? undefined : this.policies(value['policies'], `${pointer}/policies`, true)
    const now = this.time(value, 'now', pointer)
    const skipValue = value['skip']
    let skip: true | string | undefined
    if (skipValue === true || (typeof skipValue === 'string' && skipValue !== '')) skip = skipValue
    else if (skipValue !== undefined && skipValue !== false)
      this.problem(`${pointer}/skip`, "'skip' must be true, false or a reason (a string)")
    if (typeof name !== 'string' || request === undefined || expect === undefined) return undefined
    return {
      name,
      pointer,
      request,
      expect,
      ...(decidedBy === undefined ? {} : { decidedBy }),
      ...(failedGate === undefined ? {} : { failedGate }),
      ...(policies === undefined ? {} : { policies }),
      ...(now === undefined ? {} : { now }),
      ...(skip === undefined ? {} : { skip }),
    }
  }

  suite(value: unknown): SuiteSpec | undefined {
    if (!isObject(value)) {
      this.problem('', 'a suite must be an object with policies and cases')
      return undefined
    }
    this.unknownKeys(value, '', SUITE_KEYS, 'suite')
    const name = this.optionalString(value, 'name', '')
    const description = this.optionalString(value, 'description', '')
    const now = this.time(value, 'now', '')
    const policies = value['policies'] === undefined ? {} : this.policies(value['policies'], '/policies', false)
    const defaults = value['defaults'] === undefined ? {} : this.requestFields(value['defaults'], '/defaults', 'defaults')
    const rawCases = value['cases']
    const cases: CaseSpec[] = []
    if (!Array.isArray(rawCases) || rawCases.length === 0) {
      this.problem(rawCases === undefined ? '' : '/cases', "a suite needs 'cases': a non-empty list of { name, request, expect }")
    } else {
      const seen = new Map<string, number>()
      rawCases.forEach((raw, index) => {
        const spec = this.testCase(raw, `/cases/${index}`)
        if (spec === undefined) return
        const previous = seen.get(spec.name)
        if (previous !== undefined)
          this.problem(
            `/cases/${index}/name`,
            `another case (#${previous}) is already named '${spec.name}'; names identify cases in reports`,
          )
        else seen.set(spec.name, index)
        cases.push(spec)
      })
    }
    return {
      ...(name === undefined ? {} : { name }),
      ...(description === undefined ? {} : { description }),
      ...(now === undefined ? {} : { now }),
      policies,
      defaults,
      cases,
    }
  }
}

/** Checks a suite value: the typed suite, or every problem found. */
export function readSuiteSpec(value: unknown): { suite: SuiteSpec } | { problems: readonly SpecProblem[] } {
  const reader = new SpecReader()
  const suite = reader.suite(value)
  if (suite === undefined || reader.problems.length > 0) return { problems: reader.problems }
  return { suite }
}

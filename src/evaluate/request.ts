/**
 * The request as the decision flow sees it, normalized once: fields checked (C1), the action
 * lower-cased, the caller classified (R3), the resource account worked out (R6), whether the
 * resource needs its own policy to allow (R32, R33), and a case-insensitive context view that
 * derives the keys the request implies (C5) only when something reads them.
 */
import { readContext } from '../conditions/context.js'
import type { ContextValue, ContextView, DerivedKeySource, KeysOfInterest } from '../conditions/context.js'
import type { Limits } from '../limits.js'
import type { ResourceTarget } from '../compile/statement.js'
import { isArnLike } from '../match/arn.js'
import { classifyCaller, roleIdentity } from '../match/caller.js'
import type { Caller } from '../match/caller.js'
import { describeThrown } from '../util/describe-thrown.js'
import { isPlainObject, MemberProblem, ownMembers } from '../util/own-members.js'

/** A request to authorize (the shape of the conformance format). */
export interface AuthorizationRequest {
  /** The caller: an IAM/STS ARN, a service principal such as `s3.amazonaws.com`, or `*` for anonymous. */
  readonly principal: string
  /** One action, `service:Name`. */
  readonly action: string
  /** The resource ARN, or `*` for actions without a resource. */
  readonly resource: string
  /** The account that owns the resource, when its ARN does not say (S3 buckets). */
  readonly resourceAccount?: string
  /** Condition keys and their values (key names are case-insensitive). */
  readonly context?: Readonly<Record<string, string | number | boolean | readonly (string | number | boolean)[]>>
}

/** Options that shape normalization. */
export interface NormalizeOptions {
  readonly limits: Limits
  /** Derive `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:username`, `aws:ResourceAccount` (C5). */
  readonly deriveContextKeys: boolean
  /** The time for `aws:CurrentTime`/`aws:EpochTime` when the context lacks them. */
  readonly now: Date | number | undefined
}

/** Why a request cannot be evaluated (it is denied with this reason). */
export interface InvalidRequest {
  readonly invalid: string
}

/**
 * A normalized request. One object per decision (a class, so that every request has the same
 * shape for the engine's property loads); it also supplies the derived context keys (C5).
 */
export class NormalizedRequest implements DerivedKeySource, ResourceTarget {
  /** The case-insensitive context view (set once, right after construction). */
  context!: ContextView
  /** The role identity of a role or role session (C4). */
  roleArn: string | undefined = undefined

  constructor(
    readonly principal: string,
    /** The action as given; the plan of the policy set knows its lower-cased form. */
    readonly action: string,
    readonly resource: string,
    readonly caller: Caller,
    /** R6; `undefined` when nothing tells it. */
    readonly resourceAccount: string | undefined,
    /** R7: the caller's account owns the resource. */
    readonly sameAccount: boolean,
    private readonly options: NormalizeOptions,
  ) {}

  private resourceShape: boolean | undefined = undefined

  /** Whether the resource is ARN-like (R65), computed once and only when a pattern needs it. */
  resourceIsArn(): boolean {
    return (this.resourceShape ??= isArnLike(this.resource))
  }

  private nowMilliseconds(): number {
    const now = this.options.now
    if (now === undefined) return Date.now()
    return typeof now === 'number' ? now : now.getTime()
  }

  /** Keys the request implies (C5), computed only when read. */
  derive(keyLower: string): ContextValue | undefined {
    switch (keyLower) {
      case 'aws:currenttime': {
        const time = this.nowMilliseconds()
        return Number.isFinite(time) ? new Date(time).toISOString() : undefined
      }
      case 'aws:epochtime': {
        const time = this.nowMilliseconds()
        return Number.isFinite(time) ? Math.floor(time / 1000) : undefined
      }
    }
    if (!this.options.deriveContextKeys) return undefined
    const caller = this.caller
    switch (keyLower) {
      case 'aws:principalarn':
        switch (caller.kind) {
          case 'root':
          case 'user':
          case 'role':
          case 'federated-user':
            return caller.principal
          case 'role-session':
            return this.roleArn
          default:
            return undefined
        }
      case 'aws:principalaccount':
        return caller.account
      case 'aws:username':
        return caller.userName
      case 'aws:resourceaccount':
        return this.resourceAccount
      default:
        return undefined
    }
  }
}

function checkField(value: unknown, name: string, limit: number): string | undefined {
  if (typeof value !== 'string') return `request.${name} must be a string, not ${value === null ? 'null' : typeof value}`
  if (value.length > limit) return `request.${name} is longer than ${limit} characters`
  return undefined
}

/** The resource account of R6 (explicit, else the ARN's account field, else the caller's). */
function resourceAccountOf(resource: string, explicit: string | undefined, caller: Caller): string | undefined {
  if (explicit !== undefined && explicit !== '') return explicit
  if (resource.startsWith('arn:')) {
    let position = -1
    for (let colons = 0; colons < 4; colons++) {
      position = resource.indexOf(':', position + 1)
      if (position === -1) return caller.account
    }
    const end = resource.indexOf(':', position + 1)
    if (end !== -1 && end > position + 1) return resource.slice(position + 1, end)
  }
  return caller.account
}

/** Normalizes a request, or says why it cannot be evaluated. Never throws on hostile input. */
export function normalizeRequest(
  request: unknown,
  options: NormalizeOptions,
  interest: KeysOfInterest,
): NormalizedRequest | InvalidRequest {
  try {
    return normalizeUnsafe(request, options, interest)
  } catch (error) {
    return { invalid: `the request could not be read: ${describeThrown(error)}` }
  }
}

/** The bit of a request member in the "present" mask; 0 for a name that is not a member. */
function memberBit(key: string): number {
  switch (key) {
    case 'principal':
      return 1
    case 'action':
      return 2
    case 'resource':
      return 4
    case 'resourceAccount':
      return 8
    case 'context':
      return 16
    default:
      return 0
  }
}

function normalizeUnsafe(input: unknown, options: NormalizeOptions, interest: KeysOfInterest): NormalizedRequest | InvalidRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { invalid: 'the request must be an object with principal, action and resource' }
  }
  // The members are listed once and each read exactly once, own members only: an inherited
  // member (a polluted prototype) is not part of the request, an unknown one (a typo such as
  // `Context`) is refused rather than silently ignored, and a getter cannot show the checks one
  // value and the engine another.
  let keys: string[]
  try {
    if (!isPlainObject(input)) {
      return { invalid: 'the request must be a plain object (a class instance could hold members on its prototype that would be ignored)' }
    }
    const members = ownMembers(input)
    if (members instanceof MemberProblem) return { invalid: `the request is refused: ${members.message}` }
    keys = members
  } catch (error) {
    return { invalid: `the request's members could not be listed: ${describeThrown(error)}` }
  }
  // Names are checked first; members are then read by name (fast, single-shape loads), each once.
  let present = 0
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string
    const bit = memberBit(key)
    if (bit === 0) {
      return {
        invalid: `the request has an unknown member '${key}'; its members are principal, action, resource, resourceAccount and context`,
      }
    }
    present |= bit
  }
  const request = input as { principal?: unknown; action?: unknown; resource?: unknown; resourceAccount?: unknown; context?: unknown }
  let reading = 'principal'
  let principal: unknown, action: unknown, resource: unknown, explicitAccount: unknown, contextInput: unknown
  try {
    if ((present & 1) !== 0) principal = request.principal
    reading = 'action'
    if ((present & 2) !== 0) action = request.action
    reading = 'resource'
    if ((present & 4) !== 0) resource = request.resource
    reading = 'resourceAccount'
    if ((present & 8) !== 0) explicitAccount = request.resourceAccount
    reading = 'context'
    if ((present & 16) !== 0) contextInput = request.context
  } catch (error) {
    return { invalid: `request.${reading} could not be read: ${describeThrown(error)}` }
  }
  const limit = options.limits.requestFieldLength
  const problem =
    checkField(principal, 'principal', limit) ??
    checkField(action, 'action', limit) ??
    checkField(resource, 'resource', limit) ??
    (explicitAccount === undefined ? undefined : checkField(explicitAccount, 'resourceAccount', limit))
  if (problem !== undefined) return { invalid: problem }
  const caller = classifyCaller(principal as string)
  const resourceAccount = resourceAccountOf(resource as string, explicitAccount as string | undefined, caller)
  const normalized = new NormalizedRequest(
    principal as string,
    action as string,
    resource as string,
    caller,
    resourceAccount,
    caller.account !== undefined && caller.account === resourceAccount,
    options,
  )
  const context = readContext(contextInput, normalized, options.limits, interest)
  if ('invalid' in context) return context
  normalized.context = context
  if (caller.kind === 'role-session') {
    const supplied = context.supplied('aws:principalarn') ? context.get('aws:principalarn') : undefined
    normalized.roleArn = roleIdentity(caller, typeof supplied === 'string' ? supplied : undefined)
  } else {
    normalized.roleArn = caller.derivedRoleArn
  }
  return normalized
}

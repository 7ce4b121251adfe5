/**
 * The request as the decision flow sees it, normalized once: fields checked (C1), the action
 * lower-cased, the caller classified (R3), the resource account worked out (R6), whether the
 * resource needs its own policy to allow (R32, R33), and a case-insensitive context view that
 * derives the keys the request implies (C5) only when something reads them.
 */
import { readContext } from '../conditions/context.js'
import type { ContextValue, ContextView, DerivedKeySource } from '../conditions/context.js'
import type { Limits } from '../limits.js'
import { classifyCaller, roleIdentity } from '../match/caller.js'
import type { Caller } from '../match/caller.js'
import { describeThrown } from '../util/describe-thrown.js'

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

/** Which resource policies must allow by themselves (R32, R33). */
export type MandatoryResourcePolicy = 'trust' | 'kms'

/** A normalized request. */
export interface NormalizedRequest {
  readonly principal: string
  readonly action: string
  readonly actionLower: string
  readonly resource: string
  readonly caller: Caller
  /** The role identity of a role or role session (C4). */
  readonly roleArn: string | undefined
  /** R6; `undefined` when nothing tells it. */
  readonly resourceAccount: string | undefined
  /** R7: the caller's account owns the resource. */
  readonly sameAccount: boolean
  readonly mandatoryResourcePolicy: MandatoryResourcePolicy | undefined
  readonly context: ContextView
}

/** Why a request cannot be evaluated (it is denied with this reason). */
export interface InvalidRequest {
  readonly invalid: string
}

/** Options that shape normalization. */
export interface NormalizeOptions {
  readonly limits: Limits
  /** Derive `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:username`, `aws:ResourceAccount` (C5). */
  readonly deriveContextKeys: boolean
  /** The time for `aws:CurrentTime`/`aws:EpochTime` when the context lacks them. */
  readonly now: Date | number | undefined
}

const TRUST_ACTIONS: ReadonlySet<string> = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
])
const ROLE_ARN = /^arn:[^:]+:iam::\d{12}:role\//
const KMS_KEY_ARN = /^arn:[^:]+:kms:[^:]*:\d{12}:key\//

function readField(request: object, name: string, limit: number, optional: boolean): string | undefined | InvalidRequest {
  const value: unknown = (request as Record<string, unknown>)[name]
  if (value === undefined && optional) return undefined
  if (typeof value !== 'string') {
    return { invalid: `request.${name} must be a string${optional ? ' when given' : ''}, not ${value === null ? 'null' : typeof value}` }
  }
  if (value.length > limit) return { invalid: `request.${name} is longer than ${limit} characters` }
  return value
}

function isInvalid(value: unknown): value is InvalidRequest {
  return typeof value === 'object' && value !== null && 'invalid' in value
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
export function normalizeRequest(request: unknown, options: NormalizeOptions): NormalizedRequest | InvalidRequest {
  try {
    return normalizeUnsafe(request, options)
  } catch (error) {
    return { invalid: `the request could not be read: ${describeThrown(error)}` }
  }
}

function normalizeUnsafe(request: unknown, options: NormalizeOptions): NormalizedRequest | InvalidRequest {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { invalid: 'the request must be an object with principal, action and resource' }
  }
  const limit = options.limits.requestFieldLength
  const principal = readField(request, 'principal', limit, false)
  if (isInvalid(principal)) return principal
  const action = readField(request, 'action', limit, false)
  if (isInvalid(action)) return action
  const resource = readField(request, 'resource', limit, false)
  if (isInvalid(resource)) return resource
  const explicitAccount = readField(request, 'resourceAccount', limit, true)
  if (isInvalid(explicitAccount)) return explicitAccount
  const caller = classifyCaller(principal as string)
  const resourceAccount = resourceAccountOf(resource as string, explicitAccount, caller)
  const actionLower = (action as string).toLowerCase()
  const derived = new DerivedKeys(caller, resourceAccount, options)
  const context = readContext((request as { context?: unknown }).context, derived, {
    maxKeys: options.limits.contextKeys,
    maxValuesPerKey: options.limits.contextValuesPerKey,
    maxValueLength: options.limits.contextValueLength,
    maxKeyLength: options.limits.contextKeyLength,
  })
  if ('invalid' in context) return context
  const suppliedPrincipalArn = context.supplied('aws:principalarn') ? context.get('aws:principalarn') : undefined
  const roleArn = roleIdentity(caller, typeof suppliedPrincipalArn === 'string' ? suppliedPrincipalArn : undefined)
  derived.roleArn = roleArn
  let mandatoryResourcePolicy: MandatoryResourcePolicy | undefined
  if (TRUST_ACTIONS.has(actionLower) && ROLE_ARN.test(resource as string)) mandatoryResourcePolicy = 'trust'
  else if (actionLower.startsWith('kms:') && KMS_KEY_ARN.test(resource as string)) mandatoryResourcePolicy = 'kms'
  return {
    principal: principal as string,
    action: action as string,
    actionLower,
    resource: resource as string,
    caller,
    roleArn,
    resourceAccount,
    sameAccount: caller.account !== undefined && caller.account === resourceAccount,
    mandatoryResourcePolicy,
    context,
  }
}

/** Keys the request implies (C5), computed only when read. */
class DerivedKeys implements DerivedKeySource {
  roleArn: string | undefined

  constructor(
    private readonly caller: Caller,
    private readonly resourceAccount: string | undefined,
    private readonly options: NormalizeOptions,
  ) {}

  private nowMilliseconds(): number {
    const now = this.options.now
    if (now === undefined) return Date.now()
    return typeof now === 'number' ? now : now.getTime()
  }

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

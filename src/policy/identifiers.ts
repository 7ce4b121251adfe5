/**
 * The shapes of IAM and STS identity ARNs (R3, choice C3), with AWS's character rules for paths
 * and names: the account root, users and roles (with paths), assumed-role sessions and federated
 * users. Shared by caller classification and principal-entry classification so both agree on
 * what is an identity. Parsed by hand: a path may contain `/` and `:`, and a RegExp describing
 * "path then name" would backtrack on hostile input.
 */

/** A parsed identity ARN. */
export interface IdentityArn {
  readonly kind: 'root' | 'user' | 'role' | 'assumed-role' | 'federated-user'
  readonly partition: string
  readonly account: string
  /** User, role or federated-user name; for sessions, the role name. */
  readonly name: string
  /** For sessions: the session name. */
  readonly sessionName?: string
}

const PARTITION = /^[a-z][a-z0-9-]*$/
const ACCOUNT = /^\d{12}$/
/** IAM user, role and federated-user names, role session names: `[\w+=,.@-]+`. */
const NAME = /^[\w+=,.@-]+$/
/** IAM path characters between the slashes: printable ASCII (U+0021 to U+007E). */
const PATH = /^[\u0021-\u007E]*$/

/** Parses an IAM or STS identity ARN; `undefined` for anything else. */
export function parseIdentityArn(value: string): IdentityArn | undefined {
  if (!value.startsWith('arn:')) return undefined
  // arn:PARTITION:SERVICE::ACCOUNT:RESOURCE (region empty for IAM and STS)
  const partitionEnd = value.indexOf(':', 4)
  if (partitionEnd === -1) return undefined
  const partition = value.slice(4, partitionEnd)
  const serviceEnd = value.indexOf(':', partitionEnd + 1)
  if (serviceEnd === -1 || value.charCodeAt(serviceEnd + 1) !== 58 /* ':' empty region */) return undefined
  const service = value.slice(partitionEnd + 1, serviceEnd)
  const accountEnd = value.indexOf(':', serviceEnd + 2)
  if (accountEnd === -1) return undefined
  const account = value.slice(serviceEnd + 2, accountEnd)
  const resource = value.slice(accountEnd + 1)
  if (!PARTITION.test(partition) || !ACCOUNT.test(account)) return undefined
  if (service === 'iam') {
    if (resource === 'root') return { kind: 'root', partition, account, name: 'root' }
    const kind = resource.startsWith('user/') ? 'user' : resource.startsWith('role/') ? 'role' : undefined
    if (kind === undefined) return undefined
    // user/[path/]name: the path is everything up to the last slash (AWS: "/" or "/...chars.../").
    const lastSlash = resource.lastIndexOf('/')
    const name = resource.slice(lastSlash + 1)
    if (!NAME.test(name) || !PATH.test(resource.slice(5, lastSlash))) return undefined
    return { kind, partition, account, name }
  }
  if (service === 'sts') {
    if (resource.startsWith('federated-user/')) {
      const name = resource.slice('federated-user/'.length)
      return NAME.test(name) ? { kind: 'federated-user', partition, account, name } : undefined
    }
    if (resource.startsWith('assumed-role/')) {
      const rest = resource.slice('assumed-role/'.length)
      const slash = rest.indexOf('/')
      if (slash === -1) return undefined
      const name = rest.slice(0, slash)
      const sessionName = rest.slice(slash + 1)
      if (!NAME.test(name) || !NAME.test(sessionName)) return undefined
      return { kind: 'assumed-role', partition, account, name, sessionName }
    }
  }
  return undefined
}

/**
 * Whether a non-ARN string can be a service principal (or a web identity provider, or an S3
 * canonical user id, which the request shape cannot tell apart, R52): a host name such as
 * `s3.amazonaws.com` or `accounts.google.com`, or 64 hexadecimal digits.
 */
export function isServicePrincipalName(value: string): boolean {
  if (value.length === 64 && /^[0-9a-f]+$/.test(value)) return true
  return value.includes('.') && !value.endsWith('.') && /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(value)
}

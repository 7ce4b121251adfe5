/**
 * The linter's catalogue of condition keys: for the documented global keys (R124 and the current
 * global-keys page), which operator families fit them and whether they are single- or
 * multivalued (R99); plus the service keys that the Service Authorization Reference types as
 * `ArrayOf...` (multivalued). Lookups are case-insensitive (R78). The evaluator never uses this
 * table: it only decides which findings the linter reports.
 */
import type { OperatorFamily } from '../policy/operators.js'

/** What the linter knows about one condition key. */
export interface ConditionKeyInfo {
  /** The key as AWS documents it (or the tag-key prefix, ending in `/`). */
  readonly name: string
  /**
   * Operator families that fit the key's type; `undefined` when the type is not documented
   * clearly enough to report mismatches.
   */
  readonly families: readonly OperatorFamily[] | undefined
  /** Whether a request can carry several values for it (R99). */
  readonly multivalued: boolean
}

// A string key may hold an ARN (AWS's own policies test ARN-valued tags with ArnLike), so ARN
// operators fit string keys too; the first family is the one named in messages.
const STRING: readonly OperatorFamily[] = ['string', 'arn']
const ARN: readonly OperatorFamily[] = ['arn', 'string']
const DATE: readonly OperatorFamily[] = ['date']
const EPOCH: readonly OperatorFamily[] = ['date', 'numeric']
const NUMERIC: readonly OperatorFamily[] = ['numeric']
const BOOL: readonly OperatorFamily[] = ['bool']
const IP: readonly OperatorFamily[] = ['ip']

const single = (name: string, families: readonly OperatorFamily[] | undefined): ConditionKeyInfo => ({ name, families, multivalued: false })
const multi = (name: string, families: readonly OperatorFamily[] | undefined): ConditionKeyInfo => ({ name, families, multivalued: true })

/** Global keys with an exact name (R124, plus keys of the current global-keys page). */
const GLOBAL_KEYS: readonly ConditionKeyInfo[] = [
  multi('aws:CalledVia', STRING),
  single('aws:CalledViaFirst', STRING),
  single('aws:CalledViaLast', STRING),
  single('aws:CurrentTime', DATE),
  single('aws:EpochTime', EPOCH),
  single('aws:FederatedProvider', STRING),
  single('aws:MultiFactorAuthAge', NUMERIC),
  single('aws:MultiFactorAuthPresent', BOOL),
  single('aws:PrincipalAccount', STRING),
  single('aws:PrincipalArn', ARN),
  single('aws:PrincipalIsAWSService', BOOL),
  single('aws:PrincipalOrgID', STRING),
  multi('aws:PrincipalOrgPaths', STRING),
  single('aws:PrincipalServiceName', STRING),
  multi('aws:PrincipalServiceNamesList', STRING),
  single('aws:PrincipalType', STRING),
  single('aws:referer', STRING),
  single('aws:RequestedRegion', STRING),
  single('aws:ResourceAccount', STRING),
  single('aws:ResourceOrgID', STRING),
  multi('aws:ResourceOrgPaths', STRING),
  single('aws:SecureTransport', BOOL),
  single('aws:SourceAccount', STRING),
  single('aws:SourceArn', ARN),
  single('aws:SourceIdentity', STRING),
  single('aws:SourceIp', IP),
  single('aws:SourceVpc', STRING),
  single('aws:SourceVpce', STRING),
  multi('aws:TagKeys', STRING),
  single('aws:TokenIssueTime', DATE),
  single('aws:UserAgent', STRING),
  single('aws:userid', STRING),
  single('aws:username', STRING),
  single('aws:ViaAWSService', BOOL),
  single('aws:VpcSourceIp', IP),
  single('aws:Ec2InstanceSourceVpc', STRING),
  single('aws:Ec2InstanceSourcePrivateIPv4', IP),
  // Documented on the global-keys page after the spec's table was written.
  single('aws:SourceOrgID', STRING),
  multi('aws:SourceOrgPaths', STRING),
  single('aws:SourceVpcArn', ARN),
  single('aws:VpceAccount', STRING),
  single('aws:VpceOrgID', STRING),
  multi('aws:VpceOrgPaths', STRING),
  single('aws:ChatbotSourceArn', ARN),
  // Keys AWS uses in its own managed policies without documenting a type: known, so not
  // reported as unknown, but their type is not checked.
  single('aws:AssumedRoot', undefined),
  single('aws:IsMcpServiceAction', undefined),
  single('aws:PrincipalOrgMasterAccountId', undefined),
  single('aws:ARN', undefined),
  single('aws:SourceOwner', undefined),
]

/** Global tag keys: the prefix is followed by the tag key; one value per tag key (R99). */
const GLOBAL_TAG_PREFIXES: readonly ConditionKeyInfo[] = [
  single('aws:PrincipalTag/', STRING),
  single('aws:RequestTag/', STRING),
  single('aws:ResourceTag/', STRING),
]

/**
 * Service keys typed `ArrayOf...` in the Service Authorization Reference: multivalued, so they
 * need `ForAllValues:`/`ForAnyValue:`. Deliberately a short list of long-standing keys whose
 * multivalued nature the service documentation also explains in prose (DynamoDB fine-grained
 * access, KMS encryption context and grants, STS transitive tags, SES recipients, Lambda VPC
 * settings and layers, CloudFormation resource types, Route 53 record-set changes, Marketplace
 * agreements, S3 object tag keys, SageMaker instance types and VPC settings).
 */
const MULTIVALUED_SERVICE_KEYS: readonly string[] = [
  'aws-marketplace:AgreementType',
  'aws-marketplace:ProductId',
  'cloudformation:ResourceTypes',
  'dynamodb:Attributes',
  'dynamodb:LeadingKeys',
  'kms:EncryptionContextKeys',
  'kms:GrantOperations',
  'kms:ResourceAliases',
  'lambda:Layer',
  'lambda:SecurityGroupIds',
  'lambda:SubnetIds',
  'route53:ChangeResourceRecordSetsActions',
  'route53:ChangeResourceRecordSetsNormalizedRecordNames',
  'route53:ChangeResourceRecordSetsRecordTypes',
  's3:RequestObjectTagKeys',
  'sagemaker:InstanceTypes',
  'sagemaker:VpcSecurityGroupIds',
  'sagemaker:VpcSubnets',
  'ses:Recipients',
  'sts:TransitiveTagKeys',
]

const BY_NAME: ReadonlyMap<string, ConditionKeyInfo> = new Map([
  ...GLOBAL_KEYS.map((info): [string, ConditionKeyInfo] => [info.name.toLowerCase(), info]),
  ...MULTIVALUED_SERVICE_KEYS.map((name): [string, ConditionKeyInfo] => [name.toLowerCase(), multi(name, undefined)]),
])

/** Service-specific tag keys (`ec2:ResourceTag/Name`, `iam:ResourceTag/team`): single-valued. */
const SERVICE_TAG_SEGMENTS = [':resourcetag/', ':requesttag/']

/**
 * Looks a condition key up.
 *
 * @param keyLower - The key, lower-cased.
 * @returns What is known about it, or `undefined`.
 */
export function conditionKeyInfo(keyLower: string): ConditionKeyInfo | undefined {
  const exact = BY_NAME.get(keyLower)
  if (exact !== undefined) return exact
  for (const prefix of GLOBAL_TAG_PREFIXES) {
    if (keyLower.startsWith(prefix.name.toLowerCase())) return prefix
  }
  if (!keyLower.startsWith('aws:')) {
    for (const segment of SERVICE_TAG_SEGMENTS) {
      const at = keyLower.indexOf(segment)
      // Only `service:ResourceTag/...`: the segment must follow the service prefix directly.
      if (at > 0 && keyLower.indexOf(':') === at) return single(keyLower.slice(0, at + segment.length), STRING)
    }
  }
  return undefined
}

/** True for keys known to be single-valued (documented global keys and tag keys). */
export function isKnownSingleValued(keyLower: string): boolean {
  const info = conditionKeyInfo(keyLower)
  return info !== undefined && !info.multivalued
}

/** True for keys known to be multivalued. */
export function isKnownMultivalued(keyLower: string): boolean {
  return conditionKeyInfo(keyLower)?.multivalued === true
}

/** True for a global key (`aws:` prefix, any case). */
export function isGlobalKey(keyLower: string): boolean {
  return keyLower.startsWith('aws:')
}

/** The global tag-key prefixes, lower-cased (`aws:requesttag/`, ...). */
export const GLOBAL_TAG_KEY_PREFIXES: readonly string[] = GLOBAL_TAG_PREFIXES.map((info) => info.name.toLowerCase())

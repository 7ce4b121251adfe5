/**
 * The table of lint checks: the one place that knows which checks exist. The core runs them in
 * this order (grouped by topic, which is also the order of `docs/lint-codes.md`); each check
 * lives in its own file next to this one.
 */
import { actionServiceUppercase } from './action-service-uppercase.js'
import { allowAllActionsAllResources } from './allow-all-actions-all-resources.js'
import { allowWithNotAction } from './allow-with-not-action.js'
import { allowWithNotResource } from './allow-with-not-resource.js'
import { arnConditionInvalidValue } from './arn-condition-invalid-value.js'
import { binaryConditionInvalidValue } from './binary-condition-invalid-value.js'
import { boolConditionInvalidValue } from './bool-condition-invalid-value.js'
import { boolMultipleValues } from './bool-multiple-values.js'
import { conditionKeyTypeMismatch } from './condition-key-type-mismatch.js'
import { dateConditionInvalidValue } from './date-condition-invalid-value.js'
import { denyWithNotPrincipal } from './deny-with-not-principal.js'
import { duplicateSid } from './duplicate-sid.js'
import { duplicateStatement } from './duplicate-statement.js'
import { emptyCondition } from './empty-condition.js'
import { emptyConditionValues } from './empty-condition-values.js'
import { emptyElement } from './empty-element.js'
import { emptySid } from './empty-sid.js'
import { endpointIdentifierWildcard } from './endpoint-identifier-wildcard.js'
import { endpointWildcardPattern } from './endpoint-wildcard-pattern.js'
import { forAllValuesMatchesMissingKey } from './for-all-values-matches-missing-key.js'
import { forAllValuesSingleValuedKey } from './for-all-values-single-valued-key.js'
import { forAnyValueSingleValuedKey } from './for-any-value-single-valued-key.js'
import { idInIdentityPolicy } from './id-in-identity-policy.js'
import { ifExistsNegatedInAllow } from './if-exists-negated-in-allow.js'
import { invalidSid } from './invalid-sid.js'
import { ipConditionInvalidValue } from './ip-condition-invalid-value.js'
import { ipRangeHostBits } from './ip-range-host-bits.js'
import { legacyVersion } from './legacy-version.js'
import { malformedVariable } from './malformed-variable.js'
import { missingSetOperator } from './missing-set-operator.js'
import { missingVersion } from './missing-version.js'
import { multivaluedKeyVariable } from './multivalued-key-variable.js'
import { nonUniqueSid } from './non-unique-sid.js'
import { nullWithIfExists } from './null-with-if-exists.js'
import { nullWithSetOperator } from './null-with-set-operator.js'
import { numericConditionInvalidValue } from './numeric-condition-invalid-value.js'
import { passRoleAllResources } from './pass-role-all-resources.js'
import { policySizeEndpoint } from './policy-size-endpoint.js'
import { policySizeIdentity } from './policy-size-identity.js'
import { policySizeOrganizations } from './policy-size-organizations.js'
import { policySizeSession } from './policy-size-session.js'
import { policySizeTrust } from './policy-size-trust.js'
import { policySizeTrustMaximum } from './policy-size-trust-maximum.js'
import { principalNeverMatches } from './principal-never-matches.js'
import { principalPartialWildcard } from './principal-partial-wildcard.js'
import { privateIpSourceIp } from './private-ip-source-ip.js'
import { publicAccess } from './public-access.js'
import { rcpAllowStatement } from './rcp-allow-statement.js'
import { rcpPrincipalNotStar } from './rcp-principal-not-star.js'
import { redundantAction } from './redundant-action.js'
import { redundantResource } from './redundant-resource.js'
import { resourceInvalidArn } from './resource-invalid-arn.js'
import { resourceWildcardInService } from './resource-wildcard-in-service.js'
import { scpAllowLegacySyntax } from './scp-allow-legacy-syntax.js'
import { unknownGlobalConditionKey } from './unknown-global-condition-key.js'
import { variableBeforeResourceField } from './variable-before-resource-field.js'
import { variableInAction } from './variable-in-action.js'
import { variableInPrincipal } from './variable-in-principal.js'
import { variableInUnsupportedOperator } from './variable-in-unsupported-operator.js'
import { variableUnsupportedVersion } from './variable-unsupported-version.js'
import { wildcardInServiceName } from './wildcard-in-service-name.js'
import { wildcardInTypedOperator } from './wildcard-in-typed-operator.js'
import { wildcardWithoutLikeOperator } from './wildcard-without-like-operator.js'
import type { LintCheck } from '../types.js'

/** Every lint check, in documentation order. Codes are unique. */
export const LINT_CHECKS: readonly LintCheck[] = Object.freeze([
  missingVersion,
  legacyVersion,
  idInIdentityPolicy,
  duplicateSid,
  nonUniqueSid,
  invalidSid,
  emptySid,
  duplicateStatement,
  emptyElement,
  emptyCondition,
  emptyConditionValues,
  actionServiceUppercase,
  wildcardInServiceName,
  redundantAction,
  variableInAction,
  resourceInvalidArn,
  resourceWildcardInService,
  redundantResource,
  variableBeforeResourceField,
  principalPartialWildcard,
  principalNeverMatches,
  variableInPrincipal,
  nullWithIfExists,
  nullWithSetOperator,
  ifExistsNegatedInAllow,
  forAllValuesSingleValuedKey,
  forAnyValueSingleValuedKey,
  missingSetOperator,
  forAllValuesMatchesMissingKey,
  unknownGlobalConditionKey,
  conditionKeyTypeMismatch,
  wildcardWithoutLikeOperator,
  wildcardInTypedOperator,
  arnConditionInvalidValue,
  numericConditionInvalidValue,
  dateConditionInvalidValue,
  ipConditionInvalidValue,
  ipRangeHostBits,
  privateIpSourceIp,
  boolConditionInvalidValue,
  boolMultipleValues,
  binaryConditionInvalidValue,
  variableUnsupportedVersion,
  variableInUnsupportedOperator,
  malformedVariable,
  multivaluedKeyVariable,
  publicAccess,
  allowAllActionsAllResources,
  passRoleAllResources,
  allowWithNotAction,
  allowWithNotResource,
  denyWithNotPrincipal,
  scpAllowLegacySyntax,
  rcpAllowStatement,
  rcpPrincipalNotStar,
  endpointIdentifierWildcard,
  endpointWildcardPattern,
  policySizeIdentity,
  policySizeTrust,
  policySizeTrustMaximum,
  policySizeSession,
  policySizeOrganizations,
  policySizeEndpoint,
])

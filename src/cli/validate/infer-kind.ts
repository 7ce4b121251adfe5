/**
 * `--kind auto`: a guess at a policy's kind from its content, for directories that mix kinds.
 * Only what the document itself shows is used:
 * - a statement with `Principal`/`NotPrincipal` means a resource-side policy; if moreover no
 *   statement has `Resource`/`NotResource` and every action is an `sts:` role-assumption action
 *   (`sts:AssumeRole*`, `sts:TagSession`, `sts:SetSourceIdentity`), it is a role trust policy;
 * - otherwise an identity-based policy.
 * SCPs, RCPs, boundaries, session and endpoint policies cannot be told apart from identity or
 * resource policies by content; name their kind with `--kind`.
 */
import type { PolicyKind } from '../../index.js'

const TRUST_ACTION = /^sts:(AssumeRole\w*|TagSession|SetSourceIdentity|SetContext)$/i

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value]
}

/** The guessed kind of a parsed JSON policy document (`identity` when unsure). */
export function inferKind(document: unknown): PolicyKind {
  if (typeof document !== 'object' || document === null) return 'identity'
  const statements = list((document as Record<string, unknown>)['Statement']).filter(
    (statement): statement is Record<string, unknown> => typeof statement === 'object' && statement !== null && !Array.isArray(statement),
  )
  const hasPrincipal = statements.some((statement) => 'Principal' in statement || 'NotPrincipal' in statement)
  if (!hasPrincipal) return 'identity'
  const hasResource = statements.some((statement) => 'Resource' in statement || 'NotResource' in statement)
  const onlyTrustActions = statements.every((statement) => {
    const actions = list(statement['Action'])
    return actions.length > 0 && actions.every((action) => typeof action === 'string' && TRUST_ACTION.test(action))
  })
  return !hasResource && onlyTrustActions ? 'trust' : 'resource'
}

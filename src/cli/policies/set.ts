/**
 * A policy set whose members remember their files: the library's `PolicySet` built from it, and
 * the way back from a `StatementReference` in a result to the file and line of that statement,
 * so explanations say "identity policy #0 statement #1 ("AllowRead") at policies/analyst.json:9:5".
 */
import { describeStatement } from '../../index.js'
import type { PolicyInput, PolicySet, StatementReference } from '../../index.js'
import type { PolicySlots } from '../../compile/policy-set.js'
import type { PolicySource } from './source.js'

/** The slots of a policy set (the members of the library's `PolicySet`), holding sources. */
export type PolicySources = PolicySlots<PolicySource>

const input = (source: PolicySource): PolicyInput => source.input

/** The library's policy set for `sources` (absent slots stay absent: "does not apply"). */
export function toPolicySet(sources: PolicySources): PolicySet {
  const set: { -readonly [K in keyof PolicySet]: PolicySet[K] } = {}
  if (sources.identity !== undefined) set.identity = sources.identity.map(input)
  if (sources.resource !== undefined) set.resource = input(sources.resource)
  if (sources.permissionsBoundary !== undefined) set.permissionsBoundary = input(sources.permissionsBoundary)
  if (sources.session !== undefined) set.session = input(sources.session)
  if (sources.scps !== undefined) set.scps = sources.scps.map((level) => level.map(input))
  if (sources.rcps !== undefined) set.rcps = sources.rcps.map((level) => level.map(input))
  if (sources.endpoint !== undefined) set.endpoint = sources.endpoint.map(input)
  return set
}

/** The source a result's statement reference points into. */
export function sourceOf(sources: PolicySources, reference: StatementReference): PolicySource | undefined {
  switch (reference.policyType) {
    case 'identity':
      return sources.identity?.[reference.policyIndex]
    case 'resource':
      return sources.resource
    case 'permissionsBoundary':
      return sources.permissionsBoundary
    case 'session':
      return sources.session
    case 'scp':
      return sources.scps?.[reference.level ?? 0]?.[reference.policyIndex]
    case 'rcp':
      return sources.rcps?.[reference.level ?? 0]?.[reference.policyIndex]
    case 'endpoint':
      return sources.endpoint?.[reference.policyIndex]
  }
}

/** `file:line:column` of a referenced statement, or the file alone when the position is unknown. */
export function statementLocation(sources: PolicySources, reference: StatementReference): string | undefined {
  const source = sourceOf(sources, reference)
  if (source === undefined) return undefined
  // `Statement` may be a single object rather than a list (R39).
  const position = source.locate(`/Statement/${reference.statementIndex}`) ?? source.locate('/Statement')
  return position === undefined ? source.file : `${source.file}:${position.line}:${position.column}`
}

/** A describer for explanations that adds where each statement is written. */
export function describeWithLocation(sources: PolicySources): (reference: StatementReference) => string {
  return (reference) => {
    const where = statementLocation(sources, reference)
    return where === undefined ? describeStatement(reference) : `${describeStatement(reference)} at ${where}`
  }
}

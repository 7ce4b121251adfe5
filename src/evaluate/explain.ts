/**
 * Explanations (`{ explain: true }`): every statement of every supplied policy with whether it
 * matched and, if not, the first element that failed; the gates in the order the flow checked
 * them; and the context keys whose absence decided. Built with the same matching code as the
 * decision (a failure listener), so the explanation cannot disagree with the decision. Slow path
 * by design: it allocates freely and runs only when asked.
 */
import type { CompiledPolicySet } from '../compile/policy-set.js'
import type { CompiledStatement } from '../compile/statement.js'
import { CaseVariants } from '../conditions/context.js'
import type { ContextEntry } from '../conditions/context.js'
import { NOT_NAMED } from '../match/principal.js'
import { decide } from './decide.js'
import { statementStrength } from './match-statement.js'
import type { NormalizedRequest } from './request.js'
import type { EvaluationResult, Explanation, GateExplanation, StatementExplanation, StatementFailure } from './result.js'

function isAbsent(entry: ContextEntry | undefined): boolean {
  return entry === undefined || (Array.isArray(entry) && entry.length === 0)
}

function plain(entry: ContextEntry | undefined): unknown {
  return entry instanceof CaseVariants ? entry.values : entry
}

function inertDetail(statement: CompiledStatement): string {
  const source = statement.source
  if (source.inertCondition) return 'an empty Condition (or an operator with no keys) makes the statement inert (R83)'
  if (source.action.patterns.length === 0)
    return `an empty ${source.action.negated ? 'NotAction' : 'Action'} list makes the statement inert (R44)`
  if (source.resource !== undefined && source.resource.patterns.length === 0)
    return 'an empty resource list makes the statement inert (R44)'
  return 'an empty principal makes the statement inert (R44)'
}

/** Decides and explains. The decision is the one `decide` gives; the explanation is added. */
export function explainDecision(set: CompiledPolicySet, request: NormalizedRequest): EvaluationResult {
  const gates: GateExplanation[] = []
  const result = decide(set, request, (gate) => gates.push(gate))
  const actionLower = set.planFor(request.action).actionLower
  const hasBoundary = set.permissionsBoundary !== undefined
  const statements: StatementExplanation[] = []
  const missing = new Set<string>()
  for (const policy of set.all) {
    for (const placed of policy.statements) {
      const statement = placed.statement
      let failure: StatementFailure | undefined
      if (statement.inert) {
        failure = { element: 'inert', detail: inertDetail(statement) }
      } else if (policy.policyType === 'scp' && !request.caller.subjectToScps) {
        failure = { element: 'not-applicable', detail: 'SCPs do not apply to service principals or anonymous callers (R19)' }
      } else if (!statement.matchesAction(actionLower)) {
        failure = { element: 'action' }
      } else {
        const strength = statementStrength(statement, request, hasBoundary, (found) => {
          failure = found.element === 'condition' ? { ...found, requestValue: plain(found.requestValue as ContextEntry) } : found
        })
        const resourceAndPrincipalMatched = failure === undefined || failure.element === 'condition'
        if (resourceAndPrincipalMatched) {
          // A key decided by its absence: it kept an Allow from applying when the request was
          // denied, or made a Deny apply (ExplicitDeny), or kept a Deny away (Allow).
          for (const condition of statement.conditions) {
            const entry = request.context.get(condition.source.keyLower)
            if (!isAbsent(entry)) continue
            const holds = condition.evaluate(request.context)
            const decisive =
              statement.effect === 'Allow'
                ? !holds && result.decision !== 'Allow'
                : strength !== NOT_NAMED
                  ? result.decision === 'ExplicitDeny'
                  : !holds && result.decision === 'Allow'
            if (decisive) missing.add(condition.source.key)
          }
        }
      }
      statements.push(
        failure === undefined ? { statement: placed.reference, matched: true } : { statement: placed.reference, matched: false, failure },
      )
    }
  }
  const explanation: Explanation = {
    statements,
    gates,
    missingContextKeys: [...missing],
    request: {
      callerKind: request.caller.kind,
      sameAccount: request.sameAccount,
      resourceAccount: request.resourceAccount,
    },
  }
  return { ...result, explanation }
}

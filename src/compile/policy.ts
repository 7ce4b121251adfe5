/**
 * A policy compiled once: its statements lowered to matchers and indexed by action (exact
 * lower-cased actions, per-service buckets for wildcard patterns, and a list for `*`, wildcard
 * services and `NotAction`), with the answer for each action seen memoized in a bounded map.
 * Shared between policy sets (and between callers of the per-call API), so it holds nothing that
 * depends on where the policy is used.
 */
import type { ParsedPolicy } from '../policy/model.js'
import { compileStatements } from './statement.js'
import type { CompiledStatement } from './statement.js'

/** A compiled policy. Immutable apart from its bounded memo. */
export interface CompiledPolicy {
  /** Unique per compiled policy, to key caches of policy sets. */
  readonly id: number
  readonly source: ParsedPolicy
  readonly statements: readonly CompiledStatement[]
  /** The statements whose action test passes for a lower-cased action, in document order. */
  statementsForAction(actionLower: string): readonly CompiledStatement[]
}

const MEMO_LIMIT = 1024
let nextId = 1

function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?')
}

/** Compiles a parsed policy. */
export function compilePolicy(source: ParsedPolicy): CompiledPolicy {
  const statements = Object.freeze(compileStatements(source))
  const exact = new Map<string, CompiledStatement[]>()
  const byService = new Map<string, CompiledStatement[]>()
  const everywhere: CompiledStatement[] = []
  const add = (map: Map<string, CompiledStatement[]>, key: string, statement: CompiledStatement): void => {
    const list = map.get(key)
    if (list === undefined) map.set(key, [statement])
    else if (list[list.length - 1] !== statement) list.push(statement)
  }
  for (const statement of statements) {
    if (statement.inert) continue // never matches: keep it out of every answer
    if (statement.actionNegated) {
      everywhere.push(statement)
      continue
    }
    for (const pattern of statement.actionPatterns) {
      const colon = pattern.indexOf(':')
      const service = colon === -1 ? pattern : pattern.slice(0, colon)
      if (!hasWildcard(pattern)) add(exact, pattern, statement)
      else if (colon !== -1 && !hasWildcard(service)) add(byService, service, statement)
      else if (everywhere[everywhere.length - 1] !== statement) everywhere.push(statement)
    }
  }
  const position = new Map<CompiledStatement, number>(statements.map((statement, index) => [statement, index]))
  const memo = new Map<string, readonly CompiledStatement[]>()
  const EMPTY: readonly CompiledStatement[] = Object.freeze([])

  const lookUp = (actionLower: string): readonly CompiledStatement[] => {
    const colon = actionLower.indexOf(':')
    const candidates = new Set<CompiledStatement>([
      ...(exact.get(actionLower) ?? []),
      ...(byService.get(colon === -1 ? actionLower : actionLower.slice(0, colon)) ?? []),
      ...everywhere,
    ])
    const matching = [...candidates].filter((statement) => statement.matchesAction(actionLower))
    if (matching.length === 0) return EMPTY
    matching.sort((a, b) => (position.get(a) as number) - (position.get(b) as number))
    return Object.freeze(matching)
  }

  return Object.freeze({
    id: nextId++,
    source,
    statements,
    statementsForAction(actionLower: string): readonly CompiledStatement[] {
      const known = memo.get(actionLower)
      if (known !== undefined) return known
      const found = lookUp(actionLower)
      // Bounded: a flood of distinct actions only resets the memo.
      if (memo.size >= MEMO_LIMIT) memo.clear()
      memo.set(actionLower, found)
      return found
    },
  })
}

/**
 * From the policy references of a suite (paths relative to the suite file, or inline
 * documents) to checked policy sources. Files are read and checked once per run and kind, however
 * many suites and cases name them. A missing file is reported where the suite names it; an
 * invalid policy where the problem is, in the policy file.
 */
import path from 'node:path'
import type { PolicyKind } from '../../index.js'
import { displayPath } from '../files/expand-paths.js'
import type { Problem } from '../files/problem.js'
import type { SourceDocument } from '../files/source-document.js'
import type { PolicySources } from '../policies/set.js'
import { inlinePolicy, loadPolicyFile } from '../policies/source.js'
import type { LoadPolicyResult, PolicySource } from '../policies/source.js'
import type { PolicyRefSpec, PolicyRefsSpec } from './spec.js'

/** Replacement slots for a policy set: a value replaces, `null` removes, absent keeps. */
export type PolicySourcesPatch = { -readonly [K in keyof PolicySources]?: PolicySources[K] | null }

/** The suite a reference is resolved for. */
export interface SuiteContext {
  /** Absolute path of the suite file. */
  readonly absolute: string
  /** Display path of the suite file. */
  readonly file: string
  /** The suite's parsed document, to locate references and inline policies. */
  readonly document: SourceDocument
}

/** Resolves policy references, caching policy files for the whole run. */
export class PolicyResolver {
  private readonly files = new Map<string, LoadPolicyResult>()

  constructor(private readonly cwd: string) {}

  /** One reference, checked as `kind`. */
  private resolve(ref: PolicyRefSpec, kind: PolicyKind, suite: SuiteContext, problems: Problem[]): PolicySource | undefined {
    let result: LoadPolicyResult
    if (typeof ref.ref === 'string') {
      const absolute = path.resolve(path.dirname(suite.absolute), ref.ref)
      const key = `${kind}\u0000${absolute}`
      const cached = this.files.get(key)
      if (cached !== undefined && 'source' in cached) return cached.source
      const position = suite.document.locate(ref.pointer)
      result = loadPolicyFile(absolute, displayPath(absolute, this.cwd), kind, {
        file: suite.file,
        line: position?.line,
        column: position?.column,
      })
      // Problems are not cached: each suite naming a missing file gets the error at its own line.
      if ('source' in result) this.files.set(key, result)
    } else {
      result = inlinePolicy(ref.ref, kind, suite.file, ref.pointer, (pointer) => suite.document.locate(pointer))
    }
    if ('problems' in result) {
      problems.push(...result.problems)
      return undefined
    }
    return result.source
  }

  /**
   * Resolves the references of a suite's or a case's `policies` into a patch; `trust` fills the
   * `resource` slot, checked with the trust-policy rules.
   */
  resolveAll(refs: PolicyRefsSpec, suite: SuiteContext): { patch: PolicySourcesPatch } | { problems: Problem[] } {
    const problems: Problem[] = []
    const one = (ref: PolicyRefSpec | null | undefined, kind: PolicyKind): PolicySource | null | undefined =>
      ref === undefined || ref === null ? ref : this.resolve(ref, kind, suite, problems)
    const many = (list: readonly PolicyRefSpec[] | null | undefined, kind: PolicyKind): PolicySource[] | null | undefined =>
      list === undefined || list === null
        ? list
        : list.map((ref) => this.resolve(ref, kind, suite, problems)).filter((source) => source !== undefined)
    const levels = (
      list: readonly (readonly PolicyRefSpec[])[] | null | undefined,
      kind: PolicyKind,
    ): PolicySource[][] | null | undefined => (list === undefined || list === null ? list : list.map((level) => many(level, kind) ?? []))
    const patch: PolicySourcesPatch = {}
    const set = <K extends keyof PolicySourcesPatch>(key: K, value: PolicySourcesPatch[K] | undefined): void => {
      if (value !== undefined) patch[key] = value
    }
    set('identity', many(refs.identity, 'identity'))
    // `resource` and `trust` share the slot; giving either (or null) replaces it.
    const trustGiven = refs.trust !== undefined && refs.trust !== null
    set('resource', trustGiven ? one(refs.trust, 'trust') : refs.resource !== undefined ? one(refs.resource, 'resource') : refs.trust)
    set('permissionsBoundary', one(refs.permissionsBoundary, 'boundary'))
    set('session', one(refs.session, 'session'))
    set('scps', levels(refs.scps, 'scp'))
    set('rcps', levels(refs.rcps, 'rcp'))
    set('endpoint', many(refs.endpoint, 'endpoint'))
    return problems.length > 0 ? { problems } : { patch }
  }
}

/** `base` with the slots of `patch` replaced (or removed, for `null`). */
export function applyPatch(base: PolicySources, patch: PolicySourcesPatch): PolicySources {
  const result: { -readonly [K in keyof PolicySources]: PolicySources[K] } = { ...base }
  for (const key of Object.keys(patch) as (keyof PolicySourcesPatch)[]) {
    const value = patch[key]
    if (value === null) delete result[key]
    else if (value !== undefined) (result as Record<string, unknown>)[key] = value
  }
  return result
}

/**
 * Loads the shared conformance cases (`../shared/conformance/cases/*.json`, relative to the
 * repository) for the tests that run them through every evaluation path.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** One conformance case (FORMAT.md). */
export interface ConformanceCase {
  readonly file: string
  readonly name: string
  readonly source: string
  readonly request: {
    principal: string
    action: string
    resource: string
    resourceAccount?: string
    context?: Record<string, string | number | boolean | (string | number | boolean)[]>
  }
  readonly policies: Record<string, unknown>
  readonly expect: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'
}

/** The directory of the shared cases. */
export const CASES_DIRECTORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/conformance/cases')

/** Every case, in file order. */
export function loadConformanceCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = []
  for (const file of readdirSync(CASES_DIRECTORY)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const list = JSON.parse(readFileSync(path.join(CASES_DIRECTORY, file), 'utf8')) as Omit<ConformanceCase, 'file'>[]
    for (const entry of list) cases.push({ ...entry, file })
  }
  return cases
}

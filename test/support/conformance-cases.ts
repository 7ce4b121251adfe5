/**
 * Loads the conformance cases for the tests that run them through every evaluation path.
 *
 * The source of truth is the workplace's shared suite (`../shared/conformance/cases/*.json`,
 * relative to the repository). A byte-for-byte copy lives in `test/fixtures/conformance/` so that
 * `npm test` runs every case on a clone that has no `../shared` beside it (CI's clean clone, a
 * contributor's machine); conformance-fixtures.test.ts fails when the copy drifts from the suite.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
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

const here = path.dirname(fileURLToPath(import.meta.url))

/** The shared suite's directory (it may be absent on a clean clone). */
export const SHARED_CASES_DIRECTORY = path.resolve(here, '../../../shared/conformance/cases')

/** The copy committed with the repository. */
export const VENDORED_CASES_DIRECTORY = path.resolve(here, '../fixtures/conformance')

/** The directory the cases are read from: the shared suite when present, else the committed copy. */
export const CASES_DIRECTORY = existsSync(SHARED_CASES_DIRECTORY) ? SHARED_CASES_DIRECTORY : VENDORED_CASES_DIRECTORY

/** The JSON case files of a directory, sorted by name. */
export function caseFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
}

/** Every case, in file order. */
export function loadConformanceCases(directory: string = CASES_DIRECTORY): ConformanceCase[] {
  const cases: ConformanceCase[] = []
  for (const file of caseFiles(directory)) {
    const list = JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as Omit<ConformanceCase, 'file'>[]
    for (const entry of list) cases.push({ ...entry, file })
  }
  return cases
}

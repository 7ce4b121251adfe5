/**
 * The committed copy of the conformance suite (test/fixtures/conformance) must be the shared suite,
 * byte for byte, wherever the shared suite is present; a clean clone without it runs the copy.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CASES_DIRECTORY,
  SHARED_CASES_DIRECTORY,
  VENDORED_CASES_DIRECTORY,
  caseFiles,
  loadConformanceCases,
} from './support/conformance-cases.js'

describe('conformance fixtures', () => {
  it('the committed copy holds all 440 cases', () => {
    expect(loadConformanceCases(VENDORED_CASES_DIRECTORY)).toHaveLength(440)
  })

  it('the cases are read from the shared suite when it is present, else from the copy', () => {
    expect(CASES_DIRECTORY).toBe(existsSync(SHARED_CASES_DIRECTORY) ? SHARED_CASES_DIRECTORY : VENDORED_CASES_DIRECTORY)
  })

  it('the committed copy equals the shared suite file for file (when the shared suite is beside the repository)', () => {
    if (!existsSync(SHARED_CASES_DIRECTORY)) {
      // Nothing to compare with: the copy is what runs, and the test above counts it.
      expect(CASES_DIRECTORY).toBe(VENDORED_CASES_DIRECTORY)
      return
    }
    const shared = SHARED_CASES_DIRECTORY
    const files = caseFiles(shared)
    expect(caseFiles(VENDORED_CASES_DIRECTORY)).toEqual(files)
    for (const file of files) {
      expect(readFileSync(path.join(VENDORED_CASES_DIRECTORY, file), 'utf8'), file).toBe(readFileSync(path.join(shared, file), 'utf8'))
    }
  })
})

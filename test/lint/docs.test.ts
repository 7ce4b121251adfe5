/**
 * Keeps `docs/lint-codes.md` in sync with the check table: the committed file must equal what
 * `renderLintCodes()` produces. After changing a check, regenerate it with
 * `UPDATE_LINT_DOCS=1 npx vitest run test/lint/docs.test.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderLintCodes } from '../../src/lint/docs.js'
import { LINT_CHECKS, VALIDATION_CODES } from '../../src/lint/index.js'

const file = new URL('../../docs/lint-codes.md', import.meta.url)

describe('docs/lint-codes.md', () => {
  it('documents every code and matches the check table', () => {
    const expected = renderLintCodes()
    if (process.env['UPDATE_LINT_DOCS'] === '1') writeFileSync(file, expected)
    expect(existsSync(file), 'docs/lint-codes.md is missing: run UPDATE_LINT_DOCS=1 npx vitest run test/lint/docs.test.ts').toBe(true)
    const committed = readFileSync(file, 'utf8')
    for (const check of LINT_CHECKS) expect(committed).toContain(`### \`${check.code}\``)
    for (const code of Object.keys(VALIDATION_CODES)) expect(committed).toContain(`| \`${code}\` |`)
    expect(committed, 'docs/lint-codes.md is out of date: run UPDATE_LINT_DOCS=1 npx vitest run test/lint/docs.test.ts').toBe(expected)
  })
})

/**
 * Suite files are untrusted input (SECURITY.md, "Threat model"): `iam-eval test` runs in CI on
 * files a pull request may have written. This file fuzzes the CLI's suite loading in-process
 * (`readDocument` + `readSuiteSpec`, and `runSuite` on temporary files, from src/cli) and runs a
 * freshly bundled copy of the CLI (esbuild, from src/cli/main.ts, so it never depends on a stale
 * or half-written dist/) on files that must be refused without a crash or a hang.
 *
 * Properties: loading never throws; a file that cannot be read or checked gives problems and no
 * passing case; a generated suite whose expectations come from the library passes entirely; YAML
 * `__proto__` keys never reach a prototype.
 *
 * Why some inputs only run in a child process: `yaml` recurses once per nesting level, and after
 * it has overflowed the stack V8 may abort the whole process on its next regular-expression
 * compilation (a fatal error no try/catch sees). In-process inputs therefore stay shallow.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildSync } from 'esbuild'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify as toYaml } from 'yaml'
import { runTest } from '../../src/cli/commands/test.js'
import { readDocument } from '../../src/cli/files/source-document.js'
import type { CommandIo } from '../../src/cli/io.js'
import { createStyle } from '../../src/cli/output/colour.js'
import { PolicyResolver } from '../../src/cli/suite/policies.js'
import { runSuite } from '../../src/cli/suite/run.js'
import { readSuiteSpec } from '../../src/cli/suite/spec.js'
import { evaluate } from '../../src/index.js'
import type { PolicySet } from '../../src/index.js'
import { caseArb, cloneJson, NOW } from '../support/arbitraries.js'
import { applyMutations, applyTextMutations, hostileJsonArb, mutationsArb, textMutationsArb } from './hostile-arbitraries.js'
import { expectPrototypesClean, FUZZ_TIMEOUT, prototypeSnapshot, runs, SEED } from './support.js'

let directory = ''
let cli = ''
let counter = 0

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'iam-eval-hostile-'))
  cli = path.join(directory, 'cli.mjs')
  // The CLI's dependencies are CommonJS packages: give the ESM bundle a `require`.
  buildSync({
    entryPoints: [path.resolve(__dirname, '../../src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: cli,
    logLevel: 'error',
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  })
})

afterAll(() => {
  if (directory !== '') rmSync(directory, { recursive: true, force: true })
})

function writeSuite(text: string, extension: 'json' | 'yaml'): string {
  counter += 1
  const file = path.join(directory, `suite-${counter}.iam-test.${extension}`)
  writeFileSync(file, text)
  return file
}

function params<T>(numRuns: number): fc.Parameters<T> {
  return { numRuns, ...(SEED === undefined ? {} : { seed: SEED }) }
}

/** A suite with inline policies whose cases expect what the library decides. */
// The CLI also refuses empty principal, action and resource strings (src/cli/request/check.ts).
const cliCaseArb = caseArb.filter(({ request }) => request.principal !== '' && request.action !== '' && request.resource !== '')
const suiteArb = fc.array(cliCaseArb, { minLength: 1, maxLength: 3 }).map((cases) => {
  const policies = cases[0]?.policies as Record<string, unknown>
  return {
    name: 'generated',
    now: new Date(NOW).toISOString(),
    policies: cloneJson(policies),
    cases: cases.map((generated, index) => ({
      name: `case ${index}`,
      request: cloneJson(generated.request),
      expect: evaluate(generated.request, policies as PolicySet, { now: NOW }).decision,
    })),
  }
})

function serialize(suite: unknown, yaml: boolean): string | undefined {
  try {
    return yaml ? toYaml(suite, { aliasDuplicateObjects: false }) : JSON.stringify(suite)
  } catch {
    return undefined // a bigint or a cycle: not a file anyone could write
  }
}

/** Loading a suite text in-process never throws, and a refused file gives located problems. */
function checkText(text: string, yaml: boolean): void {
  const name = yaml ? 'suite.iam-test.yaml' : 'suite.iam-test.json'
  let read: ReturnType<typeof readDocument> | undefined
  expect(() => (read = readDocument(text, name))).not.toThrow()
  const result = read as ReturnType<typeof readDocument>
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0)
    for (const problem of result.problems) {
      expect(typeof problem.message).toBe('string')
      expect(problem.line).toBeGreaterThanOrEqual(1)
    }
    return
  }
  let checked: ReturnType<typeof readSuiteSpec> | undefined
  expect(() => (checked = readSuiteSpec(result.document.value))).not.toThrow()
  if (checked !== undefined && 'problems' in checked) {
    expect(checked.problems.length).toBeGreaterThan(0)
    for (const problem of checked.problems) {
      expect(() => result.document.locate(problem.pointer)).not.toThrow()
      expect(() => result.document.locateKey(problem.pointer)).not.toThrow()
    }
  }
}

/** Runs a suite file in-process; returns its outcome. */
function run(file: string): NonNullable<ReturnType<typeof runSuite>> {
  let outcome: ReturnType<typeof runSuite>
  expect(() => (outcome = runSuite(file, { cwd: directory, resolver: new PolicyResolver(directory), now: () => NOW }))).not.toThrow()
  expect(outcome).toBeDefined()
  const suite = outcome as NonNullable<ReturnType<typeof runSuite>>
  expect(Array.isArray(suite.problems)).toBe(true)
  expect(Array.isArray(suite.cases)).toBe(true)
  if (suite.problems.length > 0) expect(suite.cases).toEqual([])
  for (const testCase of suite.cases) {
    expect(['passed', 'failed', 'error', 'skipped']).toContain(testCase.status)
    if (testCase.status === 'error') expect(testCase.problems.length).toBeGreaterThan(0)
  }
  return suite
}

/** A text that keeps YAML nesting shallow enough for the in-process parser (see the header). */
function shallowEnough(text: string): boolean {
  let depth = 0
  let deepest = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x5b || code === 0x7b) deepest = Math.max(deepest, ++depth)
    else if (code === 0x5d || code === 0x7d) depth = Math.max(0, depth - 1)
  }
  return deepest < 300
}

describe('generated suites', () => {
  it(
    'pass entirely when their expectations come from the library (JSON and YAML)',
    () => {
      fc.assert(
        fc.property(suiteArb, fc.boolean(), (suite, yaml) => {
          const text = serialize(suite, yaml) as string
          const outcome = run(writeSuite(text, yaml ? 'yaml' : 'json'))
          expect(outcome.problems).toEqual([])
          expect(outcome.cases.map((testCase) => testCase.status)).toEqual(suite.cases.map(() => 'passed'))
        }),
        params(runs(20, 0)),
      )
    },
    FUZZ_TIMEOUT,
  )
})

describe('mutated suites', () => {
  /**
   * A property over mutated suites: structural mutations of a valid suite, then (sometimes) of
   * its text, as JSON or YAML; `check` gets each text that is shallow enough to parse.
   */
  const mutatedSuites = (check: (text: string, yaml: boolean) => void) =>
    fc.property(
      suiteArb,
      mutationsArb(hostileJsonArb),
      textMutationsArb,
      fc.boolean(),
      fc.boolean(),
      (suite, mutations, textMutations, yaml, mutateText) => {
        let text = serialize(applyMutations(cloneJson(suite), mutations), yaml)
        if (text === undefined) return
        if (mutateText) text = applyTextMutations(text, textMutations)
        if (yaml && !shallowEnough(text)) return
        check(text, yaml)
      },
    )

  it(
    'load without throwing, in memory (readDocument, readSuiteSpec)',
    () => {
      const before = prototypeSnapshot()
      fc.assert(
        mutatedSuites((text, yaml) => checkText(text, yaml)),
        params(runs(200, 0)),
      )
      expectPrototypesClean(before)
    },
    FUZZ_TIMEOUT,
  )

  it(
    'run from files without throwing, and a suite that cannot be read runs no case (runSuite)',
    () => {
      const before = prototypeSnapshot()
      fc.assert(
        mutatedSuites((text, yaml) => run(writeSuite(text, yaml ? 'yaml' : 'json'))),
        params(runs(40, 0)),
      )
      expectPrototypesClean(before)
    },
    FUZZ_TIMEOUT,
  )

  it('arbitrary texts load without throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.json({ stringUnit: 'binary', maxDepth: 20 }), fc.string({ unit: 'binary', maxLength: 200 })),
        fc.boolean(),
        (text, yaml) => {
          if (yaml && !shallowEnough(text)) return
          checkText(text, yaml)
        },
      ),
      params(runs(300, 0)),
    )
  })
})

describe('hostile suite files, in-process', () => {
  const request = { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key' }
  const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }

  it('a YAML alias bomb is refused quickly', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 1; level < 12; level++)
      lines.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`)
    lines.push('cases: []')
    const outcome = run(writeSuite(lines.join('\n'), 'yaml'))
    expect(outcome.problems.length).toBeGreaterThan(0)
  })

  it('YAML and JSON "__proto__" keys are members, never prototypes', () => {
    const before = prototypeSnapshot()
    const yaml = [
      '__proto__: { polluted: yes }',
      'policies:',
      '  __proto__: { identity: [{ Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }] }',
      'defaults:',
      '  __proto__: { principal: "arn:aws:iam::111122223333:user/alice" }',
      'cases:',
      '  - name: x',
      '    request: { __proto__: { isAdmin: true }, action: s3:GetObject, resource: "*" }',
      '    expect: Allow',
    ].join('\n')
    const outcome = run(writeSuite(yaml, 'yaml'))
    expect(outcome.problems.length).toBeGreaterThan(0)
    const json = JSON.stringify({
      cases: [{ name: 'x', request: { ...request, context: { 'aws:PrincipalTag/x': 'y' } }, expect: 'Deny' }],
    }).replace('"context":{', '"context":{"__proto__":{"polluted":"yes"},')
    run(writeSuite(json, 'json'))
    expectPrototypesClean(before)
  })

  it('YAML tags, merge keys, several documents and a byte order mark do not smuggle anything in', () => {
    const texts = [
      'policies: { identity: [!!js/function "function () { return 1 }"] }\ncases: [{ name: x, request: {}, expect: Allow }]',
      `base: &base { principal: "${request.principal}", action: "*", resource: "*" }\ncases: [{ name: x, request: { <<: *base }, expect: Allow }]`,
      'cases: []\n---\npolicies: { identity: [/etc/passwd] }',
      '\ufeffcases: [{ name: x, request: {}, expect: Allow }]',
      'cases: [{ name: x, request: {}, expect: !!binary QUJD }]',
      `policies: { identity: [${JSON.stringify(allowAll)}] }\ncases: [{ name: "\\u0000\\ud800", request: ${JSON.stringify(request)}, expect: Allow, skip: false }]`,
    ]
    for (const text of texts) {
      const outcome = run(writeSuite(text, 'yaml'))
      const passed = outcome.cases.filter((testCase) => testCase.status === 'passed')
      // Only the last one is a well-formed suite; none of the others may report a pass.
      if (text !== texts[texts.length - 1]) expect(passed).toEqual([])
    }
  })

  it('a request with members the suite format does not have is an error, not a pass', () => {
    const suite = {
      policies: { identity: [allowAll] },
      cases: [{ name: 'x', request: { ...request, Context: { 'aws:PrincipalTag/blocked': 'true' } }, expect: 'Allow' }],
    }
    const outcome = run(writeSuite(JSON.stringify(suite), 'json'))
    expect(outcome.cases.filter((testCase) => testCase.status === 'passed')).toEqual([])
  })

  it('policy references that are directories, missing, or far outside are problems', () => {
    for (const reference of [
      directory,
      path.join(directory, 'missing.json'),
      '../../../../../../../../../../nonexistent/policy.json',
      '',
    ]) {
      const suite = { policies: { identity: [reference] }, cases: [{ name: 'x', request, expect: 'Allow' }] }
      const outcome = run(writeSuite(JSON.stringify(suite), 'json'))
      expect(outcome.problems.length + outcome.cases.filter((testCase) => testCase.status === 'error').length).toBeGreaterThan(0)
      expect(outcome.cases.filter((testCase) => testCase.status === 'passed')).toEqual([])
    }
  })

  it('a very long string and a huge number of cases load', () => {
    const long = { name: 'x'.repeat(1_000_000), cases: [{ name: 'y'.repeat(100_000), request, expect: 'Allow' }] }
    run(writeSuite(JSON.stringify(long), 'json'))
    const many = {
      policies: { identity: [allowAll] },
      cases: Array.from({ length: 2_000 }, (_, index) => ({ name: `c${index}`, request, expect: 'Allow' })),
    }
    const outcome = run(writeSuite(JSON.stringify(many), 'json'))
    expect(outcome.cases.every((testCase) => testCase.status === 'passed')).toBe(true)
  })

  it('runTest reports hostile suites as failures (exit 1) and never throws', async () => {
    const files = [
      writeSuite('{"cases": [', 'json'),
      writeSuite('cases: [ { name: x, request: {}, expect: Allow }', 'yaml'),
      writeSuite(JSON.stringify({ cases: [{ name: 'x', request: { principal: 42 }, expect: 'Allow' }] }), 'json'),
      writeSuite(
        JSON.stringify({ policies: { identity: [{ Statement: 'not a statement' }] }, cases: [{ name: 'x', request, expect: 'Allow' }] }),
        'json',
      ),
    ]
    const output: string[] = []
    const io: CommandIo = {
      stdout: { write: (text: string) => void output.push(text) },
      stderr: { write: (text: string) => void output.push(text) },
      env: {},
      cwd: directory,
      out: createStyle(false),
      err: createStyle(false),
      readStdin: async () => '',
    }
    for (const file of files) {
      const code = await runTest([file, '--reporter', 'json'], io)
      expect(code).toBe(1)
    }
    expect(output.join('')).not.toMatch(/at .*\.ts:\d+/) // no stack traces
  })
})

describe('hostile suite files, through the CLI in a child process', () => {
  function runCli(
    args: string[],
    timeout: number,
  ): { status: number | null; signal: NodeJS.Signals | null; output: string; timedOut: boolean } {
    const started = Date.now()
    const result = spawnSync(process.execPath, [cli, ...args], {
      cwd: directory,
      encoding: 'utf8',
      timeout,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
    })
    return {
      status: result.status,
      signal: result.signal,
      output: `${result.stdout}${result.stderr}`,
      timedOut: result.signal === 'SIGKILL' && Date.now() - started >= timeout,
    }
  }

  it('deeply nested YAML suites (several in one run) fail with exit 1, without crashing the process', () => {
    const depth = 20_000
    const files = [
      writeSuite('['.repeat(depth) + ']'.repeat(depth), 'yaml'),
      writeSuite('['.repeat(depth) + ']'.repeat(depth), 'yaml'),
      writeSuite('['.repeat(depth) + ']'.repeat(depth), 'yaml'),
      writeSuite(`cases: ${'['.repeat(depth)}${']'.repeat(depth)}`, 'yaml'),
      writeSuite('- '.repeat(depth) + 'x', 'yaml'),
      writeSuite('{"cases": ' + '['.repeat(depth) + ']'.repeat(depth) + '}', 'json'),
    ]
    const result = runCli(['test', ...files], 30_000)
    expect(result.output).not.toContain('FATAL ERROR')
    expect(result.signal).toBeNull()
    expect(result.status).toBe(1)
  })

  // The nesting guard must see every way YAML nests, or the parser recurses into it anyway.
  it.each([
    [
      'flow nesting after an apostrophe in a plain scalar',
      (depth: number) => `name: don't\ncases: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
    ],
    [
      'flow nesting after a double quote in a plain scalar',
      (depth: number) => `name: 12"x\ncases: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`,
    ],
    ['explicit keys (? ? ? ...)', (depth: number) => `${'? '.repeat(depth)}x\n`],
    ['compact nested sequences after a key', (depth: number) => `cases:\n${'- '.repeat(depth)}x\n`],
  ])('deep YAML through %s is refused before the parser recurses (no stack overflow, no crash)', (_label, make) => {
    const files = [1, 2, 3].map(() => writeSuite(make(20_000), 'yaml'))
    const result = runCli(['test', ...files], 30_000)
    expect(result.output).not.toContain('FATAL ERROR')
    expect(result.output).not.toContain('Maximum call stack size exceeded')
    expect(result.signal).toBeNull()
    expect(result.status).toBe(1)
  })

  it('a YAML suite nested a little (well under the guard) still runs', () => {
    const nested = `policies:\n  identity:\n    - Statement:\n        - Effect: Allow\n          Action: ["s3:*"]\n          Resource: "*"\ncases:\n  - name: it's fine\n    request: { principal: "arn:aws:iam::111122223333:user/a", action: "s3:GetObject", resource: "*", context: { "app:v": [[[]]] } }\n    expect: ImplicitDeny\n`
    const outcome = run(writeSuite(nested, 'yaml'))
    expect(outcome.problems).toEqual([])
  })

  it('a suite naming a device as a policy file is refused promptly, not read forever', () => {
    const device = '/dev/zero'
    const suite = {
      policies: { identity: [device] },
      cases: [
        { name: 'x', request: { principal: 'arn:aws:iam::111122223333:user/a', action: 's3:GetObject', resource: '*' }, expect: 'Allow' },
      ],
    }
    const result = runCli(['test', writeSuite(JSON.stringify(suite), 'json')], 10_000)
    expect(result.timedOut).toBe(false)
    expect(result.status).toBe(1)
  })

  it('a hostile suite directory run end to end exits 1 with problems, no crash and no stack trace', () => {
    const sub = path.join(directory, 'tree')
    mkdirSync(sub, { recursive: true })
    writeFileSync(
      path.join(sub, 'a.iam-test.yaml'),
      '__proto__: { polluted: yes }\ncases: [{ name: x, request: { __proto__: {} }, expect: Allow }]',
    )
    writeFileSync(path.join(sub, 'b.iam-test.json'), '{"cases": [{"name": "x", "request": {}, "expect": "Allow", "expect": "Deny"}]}')
    writeFileSync(
      path.join(sub, 'c.iam-test.yml'),
      `a: &a [${'x,'.repeat(100)}x]\nb: &b [${'*a,'.repeat(100)}*a]\nc: [${'*b,'.repeat(100)}*b]\ncases: []`,
    )
    writeFileSync(
      path.join(sub, 'd.iam-test.json'),
      `{"cases": [{"name": "${'n'.repeat(100_000)}", "request": {"action": 1e999999999}, "expect": "Allow"}]}`,
    )
    const result = runCli(['test', sub, '--reporter', 'json'], 30_000)
    expect(result.signal).toBeNull()
    expect(result.status).toBe(1)
    expect(result.output).not.toMatch(/^\s+at /m)
  })
})

/**
 * `iam-eval test` end to end: the examples/ci suites, discovery (files, directories, globs,
 * node_modules), each reporter (pretty, json, JUnit checked as well-formed XML with the right
 * counts, GitHub annotations in their exact format at the case's line), and errors for missing
 * files, malformed JSON/YAML, invalid suites and invalid policies, all with file:line:column.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALICE, ANSI, fixture, OBJECT, policyText, ROOT, runCli } from './helpers.js'
import type { Fixture } from './helpers.js'
import { descendants, parseXml } from './xml.js'

const SUITE = `# A suite with every outcome.
name: Demo
policies:
  identity: [policies/read.json]
defaults:
  principal: ${ALICE}
  resource: "${OBJECT}"
cases:
  - name: reads with MFA
    request: { action: s3:GetObject, context: { aws:MultiFactorAuthPresent: true } }
    expect: Allow
    decidedBy: ReadWithMfa
  - name: reads without MFA
    request: { action: s3:GetObject }
    expect: Allow
  - name: not yet
    request: { action: s3:GetObject }
    expect: Allow
    skip: waiting for the MFA rollout
  - name: names the wrong statement
    request:
      action: s3:GetObject
      context: { aws:MultiFactorAuthPresent: true }
    expect: Allow
    decidedBy: SomethingElse
  - name: deletes are denied
    request: { action: s3:DeleteObject }
    expect: ExplicitDeny
`

/** 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle))
  if (index === -1) throw new Error(`'${needle}' not found`)
  return index + 1
}

let demo: Fixture
let broken: Fixture

beforeAll(() => {
  demo = fixture({
    'policies/read.json': policyText(
      {
        Sid: 'ReadWithMfa',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
      { Sid: 'NoDeletes', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
    ),
    'demo.iam-test.yaml': SUITE,
    'passing/one.iam-test.json': {
      policies: { identity: '../policies/read.json' },
      cases: [
        {
          name: 'json suite case',
          request: { principal: ALICE, action: 's3:PutObject', resource: OBJECT },
          expect: 'ImplicitDeny',
          failedGate: 'identity',
        },
      ],
    },
    'passing/deeper/two.iam-test.yml': `cases:\n  - name: yml suite case\n    policies:\n      identity:\n        - { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }\n    request: { principal: "${ALICE}", action: s3:GetObject, resource: "*" }\n    expect: Allow\n`,
    'node_modules/some-package/ignored.iam-test.yaml': 'this: [is not a suite',
  })
  broken = fixture({
    'policies/ok.json': policyText({ Effect: 'Allow', Action: '*', Resource: '*' }),
    'policies/invalid.json':
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Permit",\n      "Action": "s3:GetObject",\n      "Resource": "*"\n    }\n  ]\n}\n',
    'malformed.iam-test.yaml': 'cases:\n  - name: one\n    request: { action: [s3:GetObject\n    expect: Allow\n',
    'malformed.iam-test.json': '{\n  "cases": [\n    { "name": "one", }\n  ]\n}\n',
    'unknown-key.iam-test.yaml': `cases:\n  - name: typo\n    request: { principal: "${ALICE}", action: s3:GetObject, resource: "*" }\n    expected: Allow\n`,
    'missing-policy.iam-test.yaml': `policies:\n  identity:\n    - policies/ok.json\n    - policies/nope.json\ncases:\n  - name: one\n    request: { principal: "${ALICE}", action: s3:GetObject, resource: "*" }\n    expect: Allow\n`,
    'invalid-policy.iam-test.yaml': `policies:\n  identity: [policies/invalid.json]\ncases:\n  - name: one\n    request: { principal: "${ALICE}", action: s3:GetObject, resource: "*" }\n    expect: Allow\n`,
    'case-errors.iam-test.yaml': [
      'defaults:',
      `  principal: "${ALICE}"`,
      '  action: s3:GetObject',
      '  resource: "arn:aws:s3:::bucket/key"',
      'cases:',
      '  - name: inline policy with a bad effect',
      '    policies:',
      '      identity:',
      '        - Version: "2012-10-17"',
      '          Statement:',
      '            - Effect: Maybe',
      '              Action: "*"',
      '              Resource: "*"',
      '    request: {}',
      '    expect: Allow',
      '  - name: account id read as a number',
      '    request: { resourceAccount: 111122223333 }',
      '    expect: ImplicitDeny',
      '  - name: runs fine',
      '    policies: { identity: [policies/ok.json] }',
      '    request: {}',
      '    expect: Allow',
      '',
    ].join('\n'),
    'duplicate.iam-test.json': {
      cases: [
        { name: 'same', request: { principal: ALICE, action: 'a:b', resource: '*' }, expect: 'ImplicitDeny' },
        { name: 'same', request: { principal: ALICE, action: 'a:b', resource: '*' }, expect: 'ImplicitDeny' },
      ],
    },
  })
})
afterAll(() => {
  demo.cleanup()
  broken.cleanup()
})

const inDemo = (...args: string[]) => runCli(['test', ...args], { cwd: demo.dir })
const inBroken = (...args: string[]) => runCli(['test', ...args], { cwd: broken.dir })

describe('iam-eval test: examples/ci', () => {
  it('passes every case of the example suites (npm run example)', () => {
    const run = runCli(['test', 'examples/ci'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(' PASS  examples/ci/tests/data-lake.iam-test.yaml')
    expect(run.stdout).toContain(' PASS  examples/ci/tests/cross-account.iam-test.json')
    expect(run.stdout).toContain(' PASS  examples/ci/tests/role-trust.iam-test.yaml')
    expect(run.stdout).toMatch(/Cases {3}\d+ passed \(\d+\)/)
  })

  it('has at least 25 cases mixing all three decisions, all passing', () => {
    const report = JSON.parse(runCli(['test', 'examples/ci', '--reporter', 'json']).stdout) as {
      success: boolean
      summary: { cases: number; passed: number }
      suites: { cases: { expect: string; result: { decision: string } }[] }[]
    }
    expect(report.success).toBe(true)
    expect(report.summary.cases).toBeGreaterThanOrEqual(25)
    expect(report.summary.passed).toBe(report.summary.cases)
    const decisions = new Set(report.suites.flatMap((suite) => suite.cases.map((outcome) => outcome.result.decision)))
    expect([...decisions].sort()).toEqual(['Allow', 'ExplicitDeny', 'ImplicitDeny'])
  })

  it('discovers the suites from the example directory itself', () => {
    const run = runCli(['test'], { cwd: path.join(ROOT, 'examples/ci') })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('tests/role-trust.iam-test.yaml')
  })

  it('validates the example policies', () => {
    expect(runCli(['validate', '--kind', 'auto', 'policies'], { cwd: path.join(ROOT, 'examples/ci') }).code).toBe(0)
    expect(runCli(['validate', '--kind', 'scp', 'scps'], { cwd: path.join(ROOT, 'examples/ci') }).code).toBe(0)
  })
})

describe('iam-eval test: discovery', () => {
  it('finds **/*.iam-test.{json,yaml,yml} under the current directory, skipping node_modules', () => {
    const run = inDemo()
    expect(run.stdout).toContain('demo.iam-test.yaml')
    expect(run.stdout).toContain('passing/one.iam-test.json')
    expect(run.stdout).toContain('passing/deeper/two.iam-test.yml')
    expect(run.stdout).not.toContain('node_modules')
  })

  it('takes files, directories and globs', () => {
    const directory = inDemo('passing')
    expect(directory.code).toBe(0)
    expect(directory.stdout).toMatch(/Suites {2}2 passed \(2\)/)
    const glob = inDemo('**/two.*')
    expect(glob.code).toBe(0)
    expect(glob.stdout).toMatch(/Cases {3}1 passed \(1\)/)
    const file = inDemo('passing/one.iam-test.json')
    expect(file.code).toBe(0)
    expect(file.stdout).toContain('json suite case')
  })

  it('exits 1 when a path names nothing or no suite is found', () => {
    const missing = inDemo('passing', 'nope.iam-test.yaml')
    expect(missing.code).toBe(1)
    expect(missing.stdout).toContain('nope.iam-test.yaml  missing-file  nope.iam-test.yaml: no such file or directory')
    const glob = inDemo('nothing/**/*.yaml')
    expect(glob.code).toBe(1)
    expect(glob.stdout).toContain('no files match this pattern')
    const empty = runCli(['test'], { cwd: demo.path('policies') })
    expect(empty.code).toBe(1)
    expect(empty.stdout).toContain('no-suites  no test suites found in the current directory')
  })

  it('runs only matching cases with --filter, and fails when nothing matches', () => {
    const run = inDemo('--filter', 'MFA')
    expect(run.stdout).toContain('reads with MFA')
    expect(run.stdout).not.toContain('deletes are denied')
    expect(run.stdout).not.toContain('json suite case')
    expect(inDemo('passing', '--filter', 'json suite').code).toBe(0)
    const none = inDemo('--filter', 'no such case')
    expect(none.code).toBe(1)
    expect(none.stdout).toContain("no case matches --filter 'no such case'")
  })
})

describe('iam-eval test: pretty reporter', () => {
  it('marks each case and explains each failure with the deciding statement, gate and missing keys', () => {
    const run = inDemo('demo.iam-test.yaml')
    expect(run.code).toBe(1)
    const out = run.stdout
    expect(out).toContain(' FAIL  demo.iam-test.yaml  Demo  (5 cases)')
    expect(out).toContain('✓ reads with MFA')
    expect(out).toContain(`✗ reads without MFA  (demo.iam-test.yaml:${lineOf(SUITE, 'name: reads without MFA')})`)
    expect(out).toContain('- not yet (skipped: waiting for the MFA rollout)')
    expect(out).toContain('expected Allow, got ImplicitDeny')
    expect(out).toContain(`request: s3:GetObject on ${OBJECT} by ${ALICE}`)
    expect(out).toContain('failed gate: identity')
    expect(out).toContain('missing context keys: aws:MultiFactorAuthPresent')
    expect(out).toContain(
      'identity policy #0 statement #0 ("ReadWithMfa") at policies/read.json:4:5: condition Bool on aws:MultiFactorAuthPresent failed (request value: absent)',
    )
    expect(out).toContain(
      'expected the decision to come from Sid "SomethingElse", but it came from identity policy #0 statement #0 ("ReadWithMfa") at policies/read.json:4:5',
    )
    expect(out).toContain('✓ deletes are denied')
    expect(out).toMatch(/Cases {3}2 passed, 2 failed, 1 skipped \(5\)/)
    expect(out).not.toMatch(ANSI)
  })

  it('shows decisions of passing cases with --verbose', () => {
    expect(inDemo('demo.iam-test.yaml', '-v').stdout).toContain(
      'ExplicitDeny: explicitly denied by identity policy #0 statement #1 ("NoDeletes")',
    )
  })

  it('colours with FORCE_COLOR, not under NO_COLOR', () => {
    expect(runCli(['test', 'demo.iam-test.yaml'], { cwd: demo.dir, env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI)
    expect(runCli(['test', 'demo.iam-test.yaml'], { cwd: demo.dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ANSI)
  })

  it('rejects an unknown reporter', () => {
    const run = inDemo('--reporter', 'tap')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('--reporter must be one of pretty, json, junit, github')
  })
})

describe('iam-eval test: json reporter', () => {
  it('prints the run as parsable JSON with counts, statuses, locations and full results', () => {
    const run = inDemo('--reporter', 'json')
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as {
      success: boolean
      summary: Record<string, number>
      suites: {
        file: string
        cases: { name: string; status: string; line: number; column: number; result?: { decision: string; explanation?: unknown } }[]
      }[]
    }
    expect(report.success).toBe(false)
    expect(report.summary).toMatchObject({ suites: 3, cases: 7, passed: 4, failed: 2, errors: 0, skipped: 1, problems: 0 })
    const suite = report.suites.find((entry) => entry.file === 'demo.iam-test.yaml')
    const failed = suite?.cases.find((outcome) => outcome.name === 'reads without MFA')
    expect(failed).toMatchObject({
      status: 'failed',
      line: lineOf(SUITE, 'name: reads without MFA'),
      column: 5,
      result: { decision: 'ImplicitDeny' },
    })
    expect(failed?.result?.explanation).toBeDefined()
    expect(run.stdout).not.toMatch(ANSI)
    // JSON suites are located too: the case object's opening brace.
    const jsonSuite = report.suites.find((entry) => entry.file === 'passing/one.iam-test.json')
    const jsonText = readFileSync(demo.path('passing/one.iam-test.json'), 'utf8')
    expect(jsonSuite?.cases[0]).toMatchObject({ line: lineOf(jsonText, '"cases"') + 1, column: 5 })
  })
})

describe('iam-eval test: junit reporter', () => {
  it('prints well-formed JUnit XML with the right counts and the explanation in each failure', () => {
    const run = inDemo('--reporter', 'junit')
    expect(run.code).toBe(1)
    const root = parseXml(run.stdout)
    expect(root.name).toBe('testsuites')
    expect(root.attributes).toMatchObject({ name: 'iam-eval', tests: '7', failures: '2', errors: '0', skipped: '1' })
    const suites = descendants(root, 'testsuite')
    expect(suites).toHaveLength(3)
    for (const suite of suites) {
      const cases = descendants(suite, 'testcase')
      expect(Number(suite.attributes['tests'])).toBe(cases.length)
      expect(Number(suite.attributes['failures'])).toBe(cases.filter((element) => descendants(element, 'failure').length > 0).length)
      expect(Number(suite.attributes['skipped'])).toBe(cases.filter((element) => descendants(element, 'skipped').length > 0).length)
      expect(Number(suite.attributes['errors'])).toBe(cases.filter((element) => descendants(element, 'error').length > 0).length)
    }
    const demoSuite = suites.find((suite) => suite.attributes['file'] === 'demo.iam-test.yaml')
    const failed = descendants(demoSuite ?? root, 'testcase').find((element) => element.attributes['name'] === 'reads without MFA')
    expect(failed?.attributes).toMatchObject({
      classname: 'Demo',
      file: 'demo.iam-test.yaml',
      line: String(lineOf(SUITE, 'name: reads without MFA')),
    })
    const failure = failed === undefined ? undefined : descendants(failed, 'failure')[0]
    expect(failure?.attributes).toMatchObject({ message: 'expected Allow, got ImplicitDeny', type: 'DecisionMismatch' })
    expect(failure?.text).toContain('missing context keys: aws:MultiFactorAuthPresent')
    expect(failure?.text).toContain('at policies/read.json:4:5')
  })

  it('counts suites that could not run as errors and stays well-formed with hostile text', () => {
    const run = inBroken('--reporter', 'junit')
    const root = parseXml(run.stdout)
    const suites = descendants(root, 'testsuite')
    const errors = suites.reduce((total, suite) => total + Number(suite.attributes['errors']), 0)
    expect(Number(root.attributes['errors'])).toBe(errors)
    expect(Number(root.attributes['tests'])).toBe(descendants(root, 'testcase').length)
    const malformed = suites.find((suite) => suite.attributes['file'] === 'malformed.iam-test.yaml')
    expect(descendants(malformed ?? root, 'error')[0]?.text).toMatch(/^malformed\.iam-test\.yaml:\d+:\d+ {2}invalid-yaml/)
  })

  it('writes the report to a file with NAME=FILE while another reporter prints', () => {
    const run = inDemo('--reporter', 'pretty', '--reporter', 'junit=reports/junit.xml')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(' FAIL  demo.iam-test.yaml')
    const root = parseXml(readFileSync(demo.path('reports/junit.xml'), 'utf8'))
    expect(root.attributes['tests']).toBe('7')
  })
})

describe('iam-eval test: github reporter', () => {
  it('prints an ::error annotation per failing case, at its line in the suite, in the exact format', () => {
    const run = inDemo('demo.iam-test.yaml', '--reporter', 'github')
    expect(run.code).toBe(1)
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::error '))
    expect(annotations).toHaveLength(2)
    const line = lineOf(SUITE, 'name: reads without MFA')
    const first = annotations[0] as string
    expect(
      first.startsWith(
        `::error file=demo.iam-test.yaml,line=${line},col=5,title=iam-eval%3A Demo › reads without MFA::expected Allow, got ImplicitDeny%0A`,
      ),
    ).toBe(true)
    expect(first).toContain('%0Amissing context keys: aws:MultiFactorAuthPresent%0A')
    expect(first).not.toMatch(/[\r\n]/)
    for (const annotation of annotations) expect(annotation).toMatch(/^::error file=[^,:]+,line=\d+,col=\d+,title=[^,:]+::\S/)
    expect(annotations[1]).toContain(`line=${lineOf(SUITE, 'name: names the wrong statement')},col=5,`)
    expect(run.stdout).toContain('::group::Demo (demo.iam-test.yaml)')
    expect(run.stdout).toContain('::endgroup::')
  })

  it('points invalid policies at the policy file and suite mistakes at the suite', () => {
    const run = inBroken('--reporter', 'github')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error file=policies/invalid.json,line=5,col=17,title=iam-eval%3A invalid-effect::')
    expect(run.stdout).toContain(
      `::error file=unknown-key.iam-test.yaml,line=4,col=5,title=iam-eval%3A invalid-suite::unknown case member 'expected'; did you mean 'expect'?`,
    )
    expect(run.stdout).toMatch(/^::error file=malformed\.iam-test\.json,line=3,col=\d+,title=iam-eval%3A invalid-json::/m)
  })

  it('prints nothing but groups and the summary when everything passes', () => {
    const run = inDemo('passing', '--reporter', 'github')
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('::error')
  })
})

describe('iam-eval test: errors', () => {
  it('reports malformed YAML at file:line:column', () => {
    const run = inBroken('malformed.iam-test.yaml')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/malformed\.iam-test\.yaml:\d+:\d+ {2}invalid-yaml {2}/)
  })

  it('reports malformed JSON at file:line:column', () => {
    const run = inBroken('malformed.iam-test.json')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/malformed\.iam-test\.json:3:\d+ {2}invalid-json {2}/)
  })

  it('reports suite mistakes at the offending key, with a suggestion', () => {
    const run = inBroken('unknown-key.iam-test.yaml')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("unknown-key.iam-test.yaml:4:5  invalid-suite  unknown case member 'expected'; did you mean 'expect'?")
    expect(run.stdout).toContain(
      "unknown-key.iam-test.yaml:2:5  invalid-suite  'expect' must be one of Allow, ExplicitDeny, ImplicitDeny, Deny",
    )
  })

  it('refuses duplicate case names', () => {
    const run = inBroken('duplicate.iam-test.json')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/duplicate\.iam-test\.json:\d+:\d+ {2}invalid-suite {2}another case \(#0\) is already named 'same'/)
  })

  it('reports a missing policy file where the suite names it', () => {
    const run = inBroken('missing-policy.iam-test.yaml')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('missing-policy.iam-test.yaml:4:7  missing-file  policies/nope.json: no such file')
  })

  it('reports an invalid policy at file:line:column in the policy file', () => {
    const run = inBroken('invalid-policy.iam-test.yaml')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/policies\/invalid\.json:5:17 {2}invalid-effect {2}/)
    expect(run.stdout).toContain('could not run')
  })

  it('marks cases that cannot run as errors, located in the suite, and runs the others', () => {
    const run = inBroken('case-errors.iam-test.yaml')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('! inline policy with a bad effect')
    expect(run.stdout).toMatch(/case-errors\.iam-test\.yaml:11:\d+ {2}invalid-effect/)
    expect(run.stdout).toContain("case-errors.iam-test.yaml:17:33  invalid-request  'resourceAccount' must be a string (quote account ids")
    expect(run.stdout).toContain('✓ runs fine')
    expect(run.stdout).toMatch(/Cases {3}1 passed, 2 could not run \(3\)/)
  })
})

/**
 * `iam-eval validate` end to end: the `file:line:column  code  message` format, kinds (explicit
 * and auto), --fail-on, --json, directories and globs, and missing paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALICE, ANSI, fixture, policy, runCli } from './helpers.js'
import type { Fixture } from './helpers.js'

let files: Fixture

beforeAll(() => {
  files = fixture({
    'policies/identity.json': policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
    'policies/bucket.json': policy({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    'policies/trust.json': policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    'policies/suite.iam-test.json': { cases: [] },
    'broken/invalid.json':
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3",\n      "Resource": "*",\n      "Principal": "*"\n    }\n  ]\n}\n',
    'broken/malformed.json': '{\n  "Version": "2012-10-17"\n  "Statement": []\n}\n',
    'node_modules/dep/policy.json': '{ not json',
    'scp.json': policy({
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
    }),
    // About 7,700 characters without white space: within the identity quota (10,240), over the boundary one (6,144).
    'big.json': policy(
      ...Array.from({ length: 85 }, (_, index) => ({
        Sid: `S${index}`,
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::bucket-${index}/*`,
      })),
    ),
  })
})
afterAll(() => files.cleanup())

const validate = (...args: string[]) => runCli(['validate', ...args], { cwd: files.dir })

describe('iam-eval validate', () => {
  it('exits 0 for valid files and says so', () => {
    const run = validate('policies/identity.json')
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('1 file valid\n')
  })

  it('prints each problem as file:line:column  code  message and exits 1', () => {
    const run = validate('broken/invalid.json', 'policies/identity.json')
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(
      [
        "broken/invalid.json:6:17  invalid-action  's3' is not an action: write 'service:ActionName' (wildcards allowed) or '*' (R58)",
        'broken/invalid.json:8:20  principal-not-allowed  an identity-based policy cannot have "Principal": it applies to the identity it is attached to (R43)',
        '2 findings in 1 of 2 files',
        '',
      ].join('\n'),
    )
  })

  it('reports malformed JSON at file:line:column', () => {
    const run = validate('broken/malformed.json')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^broken\/malformed\.json:3:3 {2}invalid-json {2}/m)
  })

  it('applies the rules of --kind', () => {
    expect(validate('policies/bucket.json').code).toBe(1)
    expect(validate('--kind', 'resource', 'policies/bucket.json').code).toBe(0)
    expect(validate('--kind', 'trust', 'policies/trust.json').code).toBe(0)
    expect(validate('--kind', 'scp', 'scp.json').code).toBe(0)
    const wrong = validate('--kind', 'trust', 'policies/bucket.json')
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toContain('resource-not-allowed')
    expect(validate('--kind', 'bogus', 'scp.json').code).toBe(1)
  })

  it('applies the size quotas of the kind, as loading does', () => {
    expect(validate('big.json').code).toBe(0)
    const run = validate('--kind', 'boundary', 'big.json')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^big\.json:1:1 {2}limit-exceeded {2}the policy has \d+ characters not counting white space; the limit for this kind is 6144/m,
    )
  })

  it('guesses kinds with --kind auto (Principal: resource; sts:AssumeRole without Resource: trust)', () => {
    const run = validate('--kind', 'auto', '-v', 'policies')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('ok  policies/bucket.json  (resource)')
    expect(run.stdout).toContain('ok  policies/identity.json  (identity)')
    expect(run.stdout).toContain('ok  policies/trust.json  (trust)')
  })

  it('searches directories for *.json, skipping suites and node_modules, and accepts globs', () => {
    const directory = validate('--kind', 'auto', '-v', '.')
    expect(directory.stdout).not.toContain('node_modules')
    expect(directory.stdout).not.toContain('suite.iam-test.json')
    expect(directory.stdout).toContain('broken/invalid.json')
    const glob = validate('--kind', 'auto', '-v', 'policies/*.json')
    expect(glob.code).toBe(0)
    expect(glob.stdout).toContain('3 files valid')
  })

  it('exits 1 for a missing path or a glob that matches nothing', () => {
    const missing = validate('nope.json', 'policies/identity.json')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('nope.json: no such file or directory')
    const glob = validate('nothing/**/*.json')
    expect(glob.code).toBe(1)
    expect(glob.stderr).toContain('no files match this pattern')
  })

  it('needs at least one path', () => {
    const run = validate()
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('validate needs at least one file')
  })

  it('fails on errors by default; --fail-on takes a severity', () => {
    // Validation findings are errors, so every threshold fails on them.
    for (const severity of ['error', 'security', 'warning', 'suggestion']) {
      expect(validate('--fail-on', severity, 'broken/invalid.json').code).toBe(1)
      expect(validate('--fail-on', severity, 'policies/identity.json').code).toBe(0)
    }
    const bad = validate('--fail-on', 'catastrophe', 'policies/identity.json')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('--fail-on must be one of error, security, warning, suggestion')
  })

  it('prints findings as JSON with --json', () => {
    const run = validate('--json', 'broken/invalid.json', 'policies/identity.json')
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as {
      files: { file: string; kind: string; findings: Record<string, unknown>[] }[]
      summary: Record<string, unknown>
    }
    expect(report.summary).toEqual({ files: 2, findings: 2, failOn: 'error', failed: true })
    expect(report.files[0]).toMatchObject({ file: 'broken/invalid.json', kind: 'identity' })
    expect(report.files[0]?.findings[0]).toEqual({
      code: 'invalid-action',
      severity: 'error',
      path: '/Statement/0/Action',
      line: 6,
      column: 17,
      message: "'s3' is not an action: write 'service:ActionName' (wildcards allowed) or '*' (R58)",
    })
  })

  it('colours only when asked or on a terminal', () => {
    expect(validate('broken/invalid.json').stdout).not.toMatch(ANSI)
    expect(validate('--color', 'broken/invalid.json').stdout).toMatch(ANSI)
    expect(runCli(['validate', 'broken/invalid.json'], { cwd: files.dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(
      ANSI,
    )
  })
})

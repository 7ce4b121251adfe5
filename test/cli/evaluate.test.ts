/**
 * `iam-eval evaluate` end to end: decisions and their exit codes, the explanation, --json,
 * --expect, the --context syntax, --request files and standard input, SCP levels, --trust, --now,
 * colour rules, and errors for missing, malformed and invalid policy files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALICE, ANSI, fixture, OBJECT, policy, policyText, runCli } from './helpers.js'
import type { Fixture } from './helpers.js'

let files: Fixture

beforeAll(() => {
  files = fixture({
    'identity.json': policyText(
      {
        Sid: 'ReadWithMfa',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
      { Sid: 'NoDeletes', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
      {
        Sid: 'TaggedWrites',
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: '*',
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] }, NumericLessThan: { 's3:max-keys': '10' } },
      },
      {
        Sid: 'BeforeDeadline',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: '*',
        Condition: { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
      },
    ),
    'allow-all.json': policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
    'deny-eu.json': policy({
      Sid: 'OnlyEu',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
    }),
    'resource-side.json': policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }),
    'boundary-s3-read.json': policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }),
    'trust.json': policy({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' }),
    'request.json': { principal: ALICE, action: 's3:GetObject', resource: OBJECT, context: { 'aws:MultiFactorAuthPresent': true } },
    'request.yaml': `principal: ${ALICE}\naction: s3:GetObject\nresource: "${OBJECT}"\n`,
    'bad-request.json': '{\n  "principal": "x",\n  "action": 42,\n  "resource": "*"\n}\n',
    'malformed.json': '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", }\n  ]\n}\n',
    'invalid.json':
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Permit",\n      "Action": "s3:GetObject",\n      "Resource": "*"\n    }\n  ]\n}\n',
  })
})
afterAll(() => files.cleanup())

const base = ['--principal', ALICE, '--resource', OBJECT]
const evaluate = (...args: string[]) => runCli(['evaluate', ...args], { cwd: files.dir })

describe('iam-eval evaluate', () => {
  it('exits 0 and prints Allow with the deciding statement and its file:line', () => {
    const run = evaluate(
      '--identity',
      'identity.json',
      ...base,
      '--action',
      's3:GetObject',
      '--context',
      'aws:MultiFactorAuthPresent:=true',
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Allow {2}s3:GetObject on arn:aws:s3:::amzn-s3-demo-bucket\/report\.csv\n/)
    expect(run.stdout).toContain('allowed by: identity policy #0 statement #0 ("ReadWithMfa") at identity.json:4:5')
    expect(run.stdout).not.toMatch(ANSI)
  })

  it('exits 2 on an implicit deny and explains it: failed gate, missing keys, near misses', () => {
    const run = evaluate('--identity', 'identity.json', ...base, '--action', 's3:GetObject')
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/^ImplicitDeny {2}s3:GetObject/)
    expect(run.stdout).toContain('failed gate: identity')
    expect(run.stdout).toContain('missing context keys: aws:MultiFactorAuthPresent')
    expect(run.stdout).toContain('statements that almost matched:')
    expect(run.stdout).toContain(
      'identity policy #0 statement #0 ("ReadWithMfa") at identity.json:4:5: condition Bool on aws:MultiFactorAuthPresent failed (request value: absent)',
    )
  })

  it('exits 2 on an explicit deny and names the Deny statement', () => {
    const run = evaluate('--identity', 'identity.json', ...base, '--action', 's3:DeleteObject')
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/^ExplicitDeny/)
    expect(run.stdout).toContain('denied by: identity policy #0 statement #1 ("NoDeletes") at identity.json:')
  })

  it('lists every statement and gate with --verbose', () => {
    const run = evaluate('--identity', 'identity.json', ...base, '--action', 's3:DeleteObject', '-v')
    expect(run.stdout).toContain('gates: explicit-deny failed')
    expect(run.stdout).toContain('statements:')
    expect(run.stdout).toContain('("ReadWithMfa") at identity.json:4:5: the action does not match')
    expect(run.stdout).toContain('("NoDeletes") at identity.json:5:5: matched')
  })

  it('prints the full result as parsable JSON with --json', () => {
    const run = evaluate('--identity', 'identity.json', ...base, '--action', 's3:GetObject', '--json')
    expect(run.code).toBe(2)
    const result = JSON.parse(run.stdout) as Record<string, unknown>
    expect(result).toMatchObject({ decision: 'ImplicitDeny', allowed: false, failedGate: { kind: 'identity' }, decisiveStatements: [] })
    expect(result['explanation']).toMatchObject({ missingContextKeys: ['aws:MultiFactorAuthPresent'] })
    const allowed = JSON.parse(evaluate('--identity', 'allow-all.json', ...base, '--action', 's3:GetObject', '--json').stdout) as Record<
      string,
      unknown
    >
    expect(allowed).toMatchObject({
      decision: 'Allow',
      allowed: true,
      decisiveStatements: [{ policyType: 'identity', policyIndex: 0, statementIndex: 0 }],
    })
  })

  describe('--expect', () => {
    it('exits 0 when the decision is the expected one, whatever it is', () => {
      expect(evaluate('--identity', 'identity.json', ...base, '--action', 's3:GetObject', '--expect', 'ImplicitDeny').code).toBe(0)
      expect(evaluate('--identity', 'identity.json', ...base, '--action', 's3:DeleteObject', '--expect', 'explicitdeny').code).toBe(0)
      expect(evaluate('--identity', 'allow-all.json', ...base, '--action', 's3:GetObject', '--expect', 'Allow').code).toBe(0)
      expect(evaluate('--identity', 'identity.json', ...base, '--action', 's3:DeleteObject', '--expect', 'Deny').code).toBe(0)
    })

    it('exits 1 with a message when it differs', () => {
      const run = evaluate('--identity', 'identity.json', ...base, '--action', 's3:GetObject', '--expect', 'Allow')
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('expectation failed: expected Allow, got ImplicitDeny')
      expect(run.stdout).toContain('ImplicitDeny')
    })

    it('rejects an unknown decision', () => {
      const run = evaluate('--identity', 'identity.json', ...base, '--action', 's3:GetObject', '--expect', 'Maybe')
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('--expect must be one of Allow, ExplicitDeny, ImplicitDeny, Deny')
    })
  })

  describe('--context', () => {
    it('reads key=value as a string (the value may contain = and the key / and :)', () => {
      const run = evaluate(
        '--identity',
        'identity.json',
        ...base,
        '--action',
        's3:GetObject',
        '--context',
        'aws:MultiFactorAuthPresent=true',
        '--context',
        'aws:PrincipalTag/a=b=c',
        '--json',
      )
      expect(JSON.parse(run.stdout)).toMatchObject({ decision: 'Allow' })
    })

    it('reads key:=json as numbers, booleans and lists, and repeated keys as multi-valued', () => {
      const put = ['--identity', 'identity.json', ...base, '--action', 's3:PutObject']
      expect(evaluate(...put, '--context', 'aws:TagKeys=team', '--context', 'aws:TagKeys=env', '--context', 's3:max-keys:=5').code).toBe(0)
      expect(evaluate(...put, '--context', 'aws:TagKeys:=["team","env"]', '--context', 's3:max-keys:=5').code).toBe(0)
      expect(
        evaluate(...put, '--context', 'aws:TagKeys:=["team"]', '--context', 'aws:TagKeys=owner', '--context', 's3:max-keys:=5').code,
      ).toBe(2)
      expect(evaluate(...put, '--context', 'aws:TagKeys=team', '--context', 's3:max-keys:=50').code).toBe(2)
    })

    it('rejects malformed arguments with exit 1', () => {
      for (const bad of ['no-equals-sign', '=value', 'key:={not json}', 'key:={"a":1}']) {
        const run = evaluate('--identity', 'identity.json', ...base, '--action', 's3:GetObject', '--context', bad)
        expect(run.code, bad).toBe(1)
        expect(run.stderr, bad).toContain('--context')
      }
    })
  })

  describe('--request', () => {
    it('reads the request from a JSON or YAML file', () => {
      expect(evaluate('--identity', 'identity.json', '--request', 'request.json').code).toBe(0)
      expect(evaluate('--identity', 'identity.json', '--request', 'request.yaml').code).toBe(2)
    })

    it('lets flags override fields and context keys of the file', () => {
      const run = evaluate('--identity', 'identity.json', '--request', 'request.json', '--action', 's3:DeleteObject', '--json')
      expect(JSON.parse(run.stdout)).toMatchObject({ decision: 'ExplicitDeny' })
      const context = evaluate('--identity', 'identity.json', '--request', 'request.json', '--context', 'aws:MultiFactorAuthPresent=false')
      expect(context.code).toBe(2)
    })

    it("reads standard input for '-'", () => {
      const run = runCli(['evaluate', '--identity', 'identity.json', '--request', '-'], {
        cwd: files.dir,
        input: JSON.stringify({
          principal: ALICE,
          action: 's3:GetObject',
          resource: OBJECT,
          context: { 'aws:MultiFactorAuthPresent': 'true' },
        }),
      })
      expect(run.code).toBe(0)
    })

    it('reports a malformed request file at file:line:column', () => {
      const run = evaluate('--identity', 'identity.json', '--request', 'bad-request.json')
      expect(run.code).toBe(1)
      expect(run.stderr).toContain("bad-request.json:3:13  invalid-request  'action' must be a non-empty string")
    })

    it('needs principal, action and resource from somewhere', () => {
      const run = evaluate('--identity', 'identity.json', '--action', 's3:GetObject')
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('missing --principal (or give --request FILE)')
      expect(run.stderr).toContain('missing --resource')
    })
  })

  describe('policy types', () => {
    it('takes SCP levels as LEVEL:FILE; every level must allow', () => {
      const request = [...base, '--action', 's3:GetObject', '--identity', 'allow-all.json']
      expect(evaluate(...request, '--scp', '0:allow-all.json', '--scp', '1:allow-all.json').code).toBe(0)
      const denied = evaluate(...request, '--scp', '0:allow-all.json', '--scp', '1:deny-eu.json', '--json')
      // Level 1 has a Deny that does not apply (no region given means StringNotEquals holds): explicit deny.
      expect(JSON.parse(denied.stdout)).toMatchObject({ decision: 'ExplicitDeny', decisiveStatements: [{ policyType: 'scp', level: 1 }] })
      const implicit = evaluate(
        ...request,
        '--scp',
        'allow-all.json',
        '--scp',
        '1:deny-eu.json',
        '--context',
        'aws:RequestedRegion=eu-west-1',
        '--json',
      )
      expect(JSON.parse(implicit.stdout)).toMatchObject({ decision: 'ImplicitDeny', failedGate: { kind: 'scp', level: 1 } })
    })

    it('refuses a gap between SCP levels', () => {
      const run = evaluate(...base, '--action', 's3:GetObject', '--scp', '0:allow-all.json', '--scp', '2:allow-all.json')
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('--scp: level 1 has no policy')
    })

    it('takes RCP levels, boundaries, session and endpoint policies', () => {
      const all = [
        ...base,
        '--identity',
        'allow-all.json',
        '--boundary',
        'boundary-s3-read.json',
        '--session',
        'allow-all.json',
        '--endpoint',
        'resource-side.json',
        '--rcp',
        '0:resource-side.json',
        '--rcp',
        '1:resource-side.json',
      ]
      expect(evaluate(...all, '--action', 's3:GetObject').code).toBe(0)
      const outsideBoundary = evaluate(...all, '--action', 's3:PutObject', '--json')
      expect(outsideBoundary.code).toBe(2)
      expect(JSON.parse(outsideBoundary.stdout)).toMatchObject({ failedGate: { kind: 'permissions-boundary' } })
      // An RCP must name a principal: an identity-style policy is refused as an RCP, with its position.
      const wrongRcp = evaluate(...all, '--action', 's3:GetObject', '--rcp', '2:allow-all.json')
      expect(wrongRcp.code).toBe(1)
      expect(wrongRcp.stderr).toMatch(/^allow-all\.json:\d+:\d+ {2}missing-principal/m)
    })

    it('checks a --trust policy with the trust rules and uses it as the resource policy', () => {
      const role = 'arn:aws:iam::111122223333:role/reader'
      const allowed = evaluate('--trust', 'trust.json', '--principal', ALICE, '--action', 'sts:AssumeRole', '--resource', role)
      expect(allowed.code).toBe(0)
      const wrongKind = evaluate('--trust', 'identity.json', '--principal', ALICE, '--action', 'sts:AssumeRole', '--resource', role)
      expect(wrongKind.code).toBe(1)
      expect(wrongKind.stderr).toMatch(/identity\.json:\d+:\d+ {2}missing-principal/)
      expect(evaluate('--trust', 'trust.json', '--resource-policy', 'trust.json', ...base, '--action', 'x:y').code).toBe(1)
    })

    it('uses --now for aws:CurrentTime (ISO with zone, or epoch seconds)', () => {
      const list = ['--identity', 'identity.json', ...base, '--action', 's3:ListBucket']
      expect(evaluate(...list, '--now', '2029-12-31T23:59:59Z').code).toBe(0)
      expect(evaluate(...list, '--now', '2030-06-01T00:00:00Z').code).toBe(2)
      expect(evaluate(...list, '--now', String(Date.UTC(2031, 0, 1) / 1000)).code).toBe(2)
      const bad = evaluate(...list, '--now', '2030-06-01T00:00:00')
      expect(bad.code).toBe(1)
      expect(bad.stderr).toContain('--now')
    })
  })

  describe('errors', () => {
    it('exits 1 for a missing policy file, naming it', () => {
      const run = evaluate('--identity', 'nope.json', ...base, '--action', 's3:GetObject')
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('nope.json  missing-file  nope.json: no such file')
    })

    it('reports malformed JSON at file:line:column', () => {
      const run = evaluate('--identity', 'malformed.json', ...base, '--action', 's3:GetObject')
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/^malformed\.json:4:\d+ {2}invalid-json {2}/m)
    })

    it('reports an invalid policy at file:line:column with its code, and every problem of every file', () => {
      const run = evaluate('--identity', 'invalid.json', '--identity', 'malformed.json', ...base, '--action', 's3:GetObject')
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/^invalid\.json:5:17 {2}invalid-effect {2}/m)
      expect(run.stderr).toMatch(/^malformed\.json:4:\d+ {2}invalid-json/m)
    })

    it('rejects positional arguments', () => {
      const run = evaluate('identity.json')
      expect(run.code).toBe(1)
      expect(run.stderr).toContain("unexpected argument 'identity.json'")
    })
  })

  describe('colour', () => {
    const args = ['--identity', 'identity.json', ...base, '--action', 's3:GetObject']
    it('is off when piped', () => {
      expect(evaluate(...args).stdout).not.toMatch(ANSI)
    })
    it('is on with FORCE_COLOR or --color', () => {
      expect(runCli(['evaluate', ...args], { cwd: files.dir, env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI)
      expect(evaluate(...args, '--color').stdout).toMatch(ANSI)
    })
    it('is off under NO_COLOR, even with FORCE_COLOR', () => {
      expect(runCli(['evaluate', ...args], { cwd: files.dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI)
    })
    it('is off with --no-color', () => {
      expect(runCli(['evaluate', ...args, '--no-color'], { cwd: files.dir, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI)
    })
    it('never colours --json', () => {
      expect(runCli(['evaluate', ...args, '--json'], { cwd: files.dir, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI)
    })
  })
})

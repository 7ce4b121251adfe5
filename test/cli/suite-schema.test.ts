/**
 * `schemas/suite.schema.json` against the suite checker of the CLI: the schema accepts the
 * example suites and rejects the same mistakes the CLI rejects, so editors and `iam-eval test`
 * agree on what a suite is.
 */
import Ajv2020 from 'ajv/dist/2020.js'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { readSuiteSpec } from '../../src/cli/suite/spec.js'
import { ROOT } from './helpers.js'

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/suite.schema.json'), 'utf8')) as Record<string, unknown>
// strictRequired would reject `required` inside `not`, a standard JSON Schema idiom.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true })
const validate = ajv.compile(schema)

const request = { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: '*' }

const VALID: Record<string, unknown> = {
  minimal: { cases: [{ name: 'a', request, expect: 'Allow' }] },
  'every member': {
    $schema: './suite.schema.json',
    name: 'n',
    description: 'd',
    now: '2025-01-31T12:00:00Z',
    policies: {
      identity: ['a.json', { Version: '2012-10-17', Statement: [] }],
      permissionsBoundary: 'b.json',
      session: 'c.json',
      scps: [['r.json'], ['o.json']],
      rcps: [['x.json']],
      endpoint: 'e.json',
      trust: 't.json',
    },
    defaults: { principal: 'p', resourceAccount: '111122223333', context: { k: 'v', n: 1, b: true, l: ['x', 2] } },
    cases: [
      {
        name: 'a',
        request: {},
        expect: 'ExplicitDeny',
        decidedBy: 'Sid',
        now: 1700000000,
        policies: { identity: null, resource: 'r.json' },
        skip: 'later',
        description: 'x',
      },
      { name: 'b', request: { context: { k: null } }, expect: 'ImplicitDeny', failedGate: 'scp', skip: false },
      { name: 'c', request, expect: 'Deny' },
    ],
  },
}

const INVALID: Record<string, unknown> = {
  'no cases': { policies: {} },
  'empty cases': { cases: [] },
  'unknown suite member': { cases: [{ name: 'a', request, expect: 'Allow' }], polices: {} },
  'unknown case member': { cases: [{ name: 'a', request, expected: 'Allow' }] },
  'bad decision': { cases: [{ name: 'a', request, expect: 'Denied' }] },
  'missing name': { cases: [{ request, expect: 'Allow' }] },
  'decidedBy with ImplicitDeny': { cases: [{ name: 'a', request, expect: 'ImplicitDeny', decidedBy: 'S' }] },
  'failedGate with Allow': { cases: [{ name: 'a', request, expect: 'Allow', failedGate: 'identity' }] },
  'unknown gate': { cases: [{ name: 'a', request, expect: 'ImplicitDeny', failedGate: 'firewall' }] },
  'scps not levels': { policies: { scps: ['a.json'] }, cases: [{ name: 'a', request, expect: 'Allow' }] },
  'resource and trust': { policies: { resource: 'a.json', trust: 'b.json' }, cases: [{ name: 'a', request, expect: 'Allow' }] },
  'null in suite policies': { policies: { identity: null }, cases: [{ name: 'a', request, expect: 'Allow' }] },
  'unknown request field': { cases: [{ name: 'a', request: { ...request, region: 'x' }, expect: 'Allow' }] },
  'numeric account': { cases: [{ name: 'a', request: { ...request, resourceAccount: 111122223333 }, expect: 'Allow' }] },
  'nested context value': { cases: [{ name: 'a', request: { ...request, context: { k: { a: 1 } } }, expect: 'Allow' }] },
  'time without zone': { now: '2025-01-31T12:00:00', cases: [{ name: 'a', request, expect: 'Allow' }] },
  'policy as number': { policies: { identity: 3 }, cases: [{ name: 'a', request, expect: 'Allow' }] },
}

describe('suite.schema.json', () => {
  it.each([
    'examples/ci/tests/data-lake.iam-test.yaml',
    'examples/ci/tests/role-trust.iam-test.yaml',
    'examples/ci/tests/cross-account.iam-test.json',
  ])('accepts %s', (file) => {
    const value: unknown = parse(readFileSync(path.join(ROOT, file), 'utf8'))
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true)
    expect('suite' in readSuiteSpec(value)).toBe(true)
  })

  it.each(Object.entries(VALID))('accepts %s, as the CLI does', (_name, value) => {
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true)
    expect(readSuiteSpec(value)).toHaveProperty('suite')
  })

  it.each(Object.entries(INVALID))('rejects %s, as the CLI does', (_name, value) => {
    expect(validate(value)).toBe(false)
    // Request fields are checked by the CLI when a case runs (they may come from defaults).
    const requestLevel = ['unknown request field', 'numeric account', 'nested context value'].includes(_name)
    if (!requestLevel) expect(readSuiteSpec(value)).toHaveProperty('problems')
  })

  it('describes every property for editors', () => {
    const missing: string[] = []
    const visit = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return
      const properties = (node as { properties?: Record<string, Record<string, unknown>> }).properties
      if (properties !== undefined) {
        for (const [key, property] of Object.entries(properties)) {
          const described = typeof property['description'] === 'string' || typeof property['$ref'] === 'string'
          // Sub-schemas of `not`/`if`-`then` constrain, they do not introduce members.
          const structural = /\/(not|then)(\/|$)/.test(where)
          if (!described && !structural) missing.push(`${where}/${key}`)
        }
      }
      for (const [key, child] of Object.entries(node)) visit(child, `${where}/${key}`)
    }
    visit(schema, '#')
    expect(missing).toEqual([])
  })
})

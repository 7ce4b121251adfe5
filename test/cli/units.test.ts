/**
 * Unit tests of the CLI's small parsers and escapers, run in-process: the --context syntax,
 * times, SCP levels, kind inference, colour decisions, and the JUnit and GitHub escaping.
 */
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../src/cli/args.js'
import { wantsColour } from '../../src/cli/output/colour.js'
import { groupLevels } from '../../src/cli/policies/level-args.js'
import { escapeData, errorAnnotation, escapeProperty } from '../../src/cli/reporters/github.js'
import { escapeXml } from '../../src/cli/reporters/junit.js'
import { mergeRequests } from '../../src/cli/request/check.js'
import { parseContextArgs } from '../../src/cli/request/context-args.js'
import { parseTime } from '../../src/cli/request/time.js'
import { readYamlDocument } from '../../src/cli/files/source-document.js'
import { inferKind } from '../../src/cli/validate/infer-kind.js'
import { parseXml } from './xml.js'

describe('--context syntax', () => {
  it('reads strings, JSON values, and repeated keys as lists', () => {
    expect(
      parseContextArgs([
        'a=1',
        'b:=1',
        'c:=true',
        'd:="x"',
        'e:=[1,"y"]',
        'f=x',
        'f=y',
        'g:=["p"]',
        'g=q',
        'h=a=b',
        'aws:PrincipalTag/team=data',
      ]),
    ).toEqual({
      a: '1',
      b: 1,
      c: true,
      d: 'x',
      e: [1, 'y'],
      f: ['x', 'y'],
      g: ['p', 'q'],
      h: 'a=b',
      'aws:PrincipalTag/team': 'data',
    })
    expect(parseContextArgs(['empty=', 'list:=[]'])).toEqual({ empty: '', list: [] })
  })

  it('rejects malformed arguments', () => {
    for (const bad of ['novalue', '=x', ':=1', 'k:=nope', 'k:={"a":1}', 'k:=[[1]]', 'k:=null']) {
      expect(() => parseContextArgs([bad]), bad).toThrow(UsageError)
    }
  })
})

describe('times', () => {
  it('reads ISO 8601 with a zone, dates, and epoch seconds', () => {
    expect(parseTime('2025-01-31T12:00:00Z')?.toISOString()).toBe('2025-01-31T12:00:00.000Z')
    expect(parseTime('2025-01-31T13:00:00+01:00')?.toISOString()).toBe('2025-01-31T12:00:00.000Z')
    expect(parseTime('2025-01-31')?.toISOString()).toBe('2025-01-31T00:00:00.000Z')
    expect(parseTime('1700000000')?.getTime()).toBe(1_700_000_000_000)
    expect(parseTime(1_700_000_000)?.getTime()).toBe(1_700_000_000_000)
  })

  it('refuses local times, other formats and nonsense', () => {
    for (const bad of ['2025-01-31T12:00:00', 'Jan 31 2025', 'tomorrow', '2025-13-45T00:00:00Z', ''])
      expect(parseTime(bad), bad).toBeUndefined()
    expect(parseTime(1.5)).toBeUndefined()
  })
})

describe('SCP levels', () => {
  it('groups LEVEL:FILE arguments, defaulting to level 0', () => {
    expect(groupLevels('scp', ['root.json', '1:ou.json', '1:ou2.json', '0:root2.json', '2:C:\\x.json'])).toEqual([
      ['root.json', 'root2.json'],
      ['ou.json', 'ou2.json'],
      ['C:\\x.json'],
    ])
    expect(groupLevels('scp', ['C:\\policies\\scp.json'])).toEqual([['C:\\policies\\scp.json']])
  })
  it('refuses gaps', () => {
    expect(() => groupLevels('scp', ['1:ou.json'])).toThrow('level 0 has no policy')
  })
})

describe('kind inference', () => {
  const doc = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements })
  it('tells identity, resource and trust policies apart', () => {
    expect(inferKind(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }))).toBe('identity')
    expect(inferKind(doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }))).toBe('resource')
    expect(inferKind(doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }))).toBe('trust')
    expect(inferKind(doc({ Effect: 'Allow', Principal: { AWS: '1' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }))).toBe('trust')
    expect(inferKind(doc({ Effect: 'Allow', Principal: { AWS: '1' }, Action: 'kms:*' }))).toBe('resource')
    expect(inferKind({ Statement: { Effect: 'Deny', NotPrincipal: { AWS: '1' }, Action: '*', Resource: '*' } })).toBe('resource')
    expect(inferKind('not a policy')).toBe('identity')
  })
})

describe('colour decision', () => {
  it('follows flags, then NO_COLOR, then FORCE_COLOR, then the terminal', () => {
    expect(wantsColour(undefined, {}, true)).toBe(true)
    expect(wantsColour(undefined, {}, false)).toBe(false)
    expect(wantsColour(undefined, { NO_COLOR: '1' }, true)).toBe(false)
    expect(wantsColour(undefined, { NO_COLOR: '' }, true)).toBe(true)
    expect(wantsColour(undefined, { FORCE_COLOR: '1' }, false)).toBe(true)
    expect(wantsColour(undefined, { FORCE_COLOR: '0' }, false)).toBe(false)
    expect(wantsColour(undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false)
    expect(wantsColour('always', { NO_COLOR: '1' }, false)).toBe(true)
    expect(wantsColour('never', { FORCE_COLOR: '1' }, true)).toBe(false)
  })
})

describe('request merging', () => {
  it('replaces fields and context keys, and removes keys set to null', () => {
    expect(mergeRequests({ principal: 'p', context: { a: 1, b: 2 } }, { action: 'x', context: { b: 3, a: null, c: 4 } })).toEqual({
      principal: 'p',
      action: 'x',
      context: { b: 3, c: 4 },
    })
    expect(mergeRequests({ context: { a: 1 } }, {})).toEqual({ context: { a: 1 } })
  })
})

describe('escaping', () => {
  it('escapes XML so any text survives a strict parse', () => {
    const hostile = `<a href="x">&amp; ' \u0001 \uD800 \r\n ]]> ${'\u{1F600}'}`
    const parsed = parseXml(`<r a="${escapeXml(hostile)}">${escapeXml(hostile)}</r>`)
    const expected = hostile.replace('\u0001', '\uFFFD').replace('\uD800', '\uFFFD')
    expect(parsed.attributes['a']).toBe(expected)
    expect(parsed.text).toBe(expected)
  })

  it('escapes GitHub workflow commands as @actions/core does', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b')
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A')
    expect(errorAnnotation({ file: 'x,y.yaml', line: 3, column: 5 }, 'T: t', 'm\nn')).toBe(
      '::error file=x%2Cy.yaml,line=3,col=5,title=T%3A t::m%0An',
    )
    expect(errorAnnotation({}, 'T', 'm')).toBe('::error title=T::m')
    expect(errorAnnotation({ file: 'f', column: 2 }, 'T', 'm')).toBe('::error file=f,title=T::m')
  })
})

describe('YAML positions', () => {
  it('locates values and keys by JSON pointer, through aliases', () => {
    const read = readYamlDocument('base: &b\n  x: 1\ncases:\n  - name: one\n    y: *b\n  - name: "two/~"\n')
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.document.locate('/cases/1')).toEqual({ line: 6, column: 5 })
    expect(read.document.locate('/cases/0/name')).toEqual({ line: 4, column: 11 })
    expect(read.document.locateKey('/cases/0/name')).toEqual({ line: 4, column: 5 })
    expect(read.document.locate('/cases/0/y/x')).toEqual({ line: 2, column: 6 })
    expect(read.document.locate('/cases/9')).toBeUndefined()
    expect(read.document.locate('/nope')).toBeUndefined()
  })

  it('reports syntax errors and duplicate keys with positions', () => {
    const read = readYamlDocument('a: 1\na: 2\n')
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.problems[0]).toMatchObject({ code: 'duplicate-key', line: 2, column: 1 })
  })
})

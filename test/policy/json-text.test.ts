// Tests of the positioned JSON reader: values identical to JSON.parse, positions, every syntax
// error, duplicate keys, prototype safety, the depth limit and linear-time behaviour.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  MAX_DUPLICATE_KEY_ISSUES,
  MAX_JSON_DEPTH,
  readJsonText,
  type JsonTextResult,
  type JsonTextSuccess,
} from '../../src/policy/json-text.js'
import { childPointer, type PolicyIssue } from '../../src/policy/errors.js'

function ok(text: string): JsonTextSuccess {
  const result = readJsonText(text)
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.issues)}`)
  return result
}

function fail(text: string): PolicyIssue[] {
  const result = readJsonText(text)
  if (result.ok) throw new Error(`expected failure for ${JSON.stringify(text.slice(0, 80))}`)
  expect(result.issues.length).toBeGreaterThan(0)
  return result.issues
}

/** Offset of a 1-based line/column, with the same line rules as the reader (LF, CRLF, CR; BOM skipped). */
function offsetOf(text: string, line: number, column: number): number {
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (let current = 1; current < line; current += 1) {
    while (offset < text.length && text[offset] !== '\n' && text[offset] !== '\r') offset += 1
    if (text[offset] === '\r' && text[offset + 1] === '\n') offset += 1
    offset += 1
  }
  return offset + column - 1
}

/** Every pointer of a JSON value, with the value it designates. */
function* pointers(value: unknown, pointer = ''): Generator<[string, unknown]> {
  yield [pointer, value]
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) yield* pointers(value[index], childPointer(pointer, index))
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) yield* pointers((value as Record<string, unknown>)[key], childPointer(pointer, key))
  }
}

describe('values', () => {
  it('reads every JSON type like JSON.parse', () => {
    const text =
      '{"s": "a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00", "n": [0, -0, 1.5, -2e3, 1E+2, 3e-2], "t": true, "f": false, "z": null, "o": {}, "a": []}'
    const { value } = ok(text)
    expect(value).toEqual(JSON.parse(text))
    expect(Object.is((value as { n: number[] }).n[1], -0)).toBe(true)
  })

  it('converts numbers exactly like JSON.parse', () => {
    for (const text of [
      '0',
      '-0',
      '0.1',
      '1e400',
      '-1e400',
      '5e-324',
      '1e-400',
      '2.2250738585072011e-308',
      '123456789012345678901234567890',
      '9007199254740993',
      '0.30000000000000004',
      '1.7976931348623157e308',
    ]) {
      expect(Object.is(ok(text).value, JSON.parse(text))).toBe(true)
    }
  })

  it('keeps lone surrogates from \\u escapes, like JSON.parse', () => {
    const text = '"\\ud800x\\udc00"'
    expect(ok(text).value).toBe(JSON.parse(text))
  })

  it('keeps the last value of a repeated key in the value it would have produced (but reports it)', () => {
    const result = readJsonText('{"a": 1, "b": 2, "a": 3}')
    expect(result.ok).toBe(false)
  })

  it('accepts all four whitespace characters and nothing else', () => {
    expect(ok(' \t\r\n[ \t\r\n1 \t\r\n] \t\r\n').value).toEqual([1])
    expect(fail('[1,\u00a02]')[0]?.message).toContain('U+00A0')
    expect(fail('\u000b1')[0]?.code).toBe('invalid-json')
  })

  it('allows a leading byte order mark, which takes no column', () => {
    const result = ok('\ufeff{"a": 1}')
    expect(result.value).toEqual({ a: 1 })
    expect(result.locate('')).toEqual({ line: 1, column: 1 })
    expect(result.locate('/a')).toEqual({ line: 1, column: 7 })
  })

  it('rejects a byte order mark anywhere else', () => {
    const issues = fail('{"a":\ufeff1}')
    expect(issues[0]).toMatchObject({ code: 'invalid-json', line: 1, column: 6 })
    expect(issues[0]?.message).toContain('U+FEFF')
    expect(fail('\ufeff\ufeff1')[0]).toMatchObject({ line: 1, column: 1 })
  })
})

describe('positions', () => {
  const text = [
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"]},',
    '\t{"a/b": {"c~d": 1}}',
    '  ]',
    '}',
  ].join('\n')
  const result = ok(text)

  it('locates values by JSON pointer', () => {
    expect(result.locate('')).toEqual({ line: 1, column: 1 })
    expect(result.locate('/Version')).toEqual({ line: 2, column: 14 })
    expect(result.locate('/Statement')).toEqual({ line: 3, column: 16 })
    expect(result.locate('/Statement/0')).toEqual({ line: 4, column: 5 })
    expect(result.locate('/Statement/0/Effect')).toEqual({ line: 4, column: 16 })
    expect(result.locate('/Statement/0/Action/1')).toEqual({ line: 4, column: 47 })
    expect(result.locate('/Statement/1')).toEqual({ line: 5, column: 2 })
    expect(result.locate('/Statement/1/a~1b/c~0d')).toEqual({ line: 5, column: 18 })
  })

  it('locates member keys', () => {
    expect(result.locateKey('/Version')).toEqual({ line: 2, column: 3 })
    expect(result.locateKey('/Statement/0/Action')).toEqual({ line: 4, column: 25 })
    expect(result.locateKey('/Statement/1/a~1b/c~0d')).toEqual({ line: 5, column: 11 })
    expect(result.locateKey('')).toBeUndefined()
    expect(result.locateKey('/Statement/0')).toBeUndefined()
  })

  it('returns undefined for pointers that designate nothing', () => {
    for (const pointer of [
      '/version',
      '/Statement/2',
      '/Statement/-',
      '/Statement/01',
      '/Statement/+1',
      '/Statement/0x0',
      '/Statement/ 0',
      '/Statement/0/Effect/x',
      'Statement',
      '/Statement/1/a/b',
      '/Statement/1/a~2b',
      '/Statement/1/a~',
    ]) {
      expect(result.locate(pointer), pointer).toBeUndefined()
    }
  })

  it('counts lines at LF, CRLF and lone CR, and columns in UTF-16 code units', () => {
    const crlf = ok('{\r\n"a":\r1,\n"b":\r\n  "\ud83d\ude00", "c": 2}')
    expect(crlf.locate('/a')).toEqual({ line: 3, column: 1 })
    expect(crlf.locate('/b')).toEqual({ line: 5, column: 3 })
    // The emoji is two UTF-16 code units wide.
    expect(crlf.locate('/c')).toEqual({ line: 5, column: 14 })
  })

  it('points a repeated pointer at the last occurrence (the one the value holds)', () => {
    // Only reachable through a pointer that differs in escaping, since repeated keys fail.
    const doc = ok('{"a/b": 1, "a~1b": 2}')
    expect(doc.locate('/a~1b')).toEqual({ line: 1, column: 9 })
    expect(doc.locate('/a~01b')).toEqual({ line: 1, column: 20 })
  })
})

describe('syntax errors', () => {
  const cases: ReadonlyArray<{ text: string; message: string; line: number; column: number; path?: string }> = [
    { text: '', message: 'empty input', line: 1, column: 1 },
    { text: '  \n ', message: 'unexpected end of input: expected a JSON value', line: 2, column: 2 },
    { text: '{', message: 'expected an object key in double quotes', line: 1, column: 2 },
    { text: '[', message: 'unexpected end of input: expected a JSON value', line: 1, column: 2 },
    { text: '{"a": 1', message: "expected ',' or '}' after an object member", line: 1, column: 8 },
    { text: '[1', message: "expected ',' or ']' after an array element", line: 1, column: 3 },
    { text: '{"a": 1 "b": 2}', message: "expected ',' or '}' after an object member, found '\"'", line: 1, column: 9 },
    { text: '[1 2]', message: "expected ',' or ']' after an array element, found '2'", line: 1, column: 4 },
    { text: '{"a": [1}', message: "expected ',' or ']' after an array element, found '}'", line: 1, column: 9, path: '/a' },
    { text: '{"a": 1,}', message: 'trailing comma', line: 1, column: 9 },
    { text: '[1,]', message: 'trailing comma', line: 1, column: 4 },
    { text: '{"a" 1}', message: "expected ':' after the object key, found '1'", line: 1, column: 6 },
    { text: '{"a"', message: "expected ':' after the object key", line: 1, column: 5 },
    { text: '{a: 1}', message: "expected an object key in double quotes, found 'a'", line: 1, column: 2 },
    { text: "{'a': 1}", message: 'double quotes, not single quotes', line: 1, column: 2 },
    { text: "['a']", message: 'double quotes, not single quotes', line: 1, column: 2 },
    { text: '{1: 2}', message: 'expected an object key in double quotes', line: 1, column: 2 },
    { text: '"abc', message: 'unterminated string', line: 1, column: 1 },
    { text: '["abc\n"]', message: 'unterminated string', line: 1, column: 6 },
    { text: '"a\\', message: 'unterminated string', line: 1, column: 1 },
    { text: '"\\x"', message: "invalid escape sequence '\\x'", line: 1, column: 2 },
    { text: '"\\u12G4"', message: 'invalid \\u escape', line: 1, column: 2 },
    { text: '"a\tb"', message: 'unescaped control character U+0009', line: 1, column: 3 },
    { text: '"\u0000"', message: 'unescaped control character U+0000', line: 1, column: 2 },
    { text: '01', message: 'leading zeros', line: 1, column: 1 },
    { text: '-', message: "expected a digit after '-'", line: 1, column: 2 },
    { text: '-a', message: "expected a digit after '-'", line: 1, column: 2 },
    { text: '1.', message: 'expected a digit after the decimal point', line: 1, column: 3 },
    { text: '1.e5', message: 'expected a digit after the decimal point', line: 1, column: 3 },
    { text: '1e', message: 'expected a digit in the exponent', line: 1, column: 3 },
    { text: '1e+', message: 'expected a digit in the exponent', line: 1, column: 4 },
    { text: '+1', message: "cannot start with '+'", line: 1, column: 1 },
    { text: '.5', message: "cannot start with '.'", line: 1, column: 1 },
    { text: 'True', message: 'JSON literals are lowercase (true)', line: 1, column: 1 },
    { text: 'NULL', message: 'JSON literals are lowercase (null)', line: 1, column: 1 },
    { text: 'nul', message: "unexpected 'nul'", line: 1, column: 1 },
    { text: 'trueish', message: "unexpected 'trueish'", line: 1, column: 1 },
    { text: 'NaN', message: 'NaN is not a JSON number', line: 1, column: 1 },
    { text: '[Infinity]', message: 'Infinity is not a JSON number', line: 1, column: 2 },
    { text: 'undefined', message: "unexpected 'undefined'", line: 1, column: 1 },
    { text: '// c\n{}', message: 'comments are not allowed', line: 1, column: 1 },
    { text: '{} /* c */', message: 'comments are not allowed', line: 1, column: 4 },
    { text: '{}}', message: "unexpected '}' after the JSON value", line: 1, column: 3 },
    { text: '{},{}', message: 'exactly one value', line: 1, column: 3 },
    { text: '1 2', message: "unexpected '2' after the JSON value", line: 1, column: 3 },
    { text: '[,1]', message: "expected a JSON value, found ','", line: 1, column: 2 },
    { text: '{"a":}', message: "expected a JSON value, found '}'", line: 1, column: 6 },
    { text: '{"a"::1}', message: "expected a JSON value, found ':'", line: 1, column: 6 },
    { text: '[1,,2]', message: "expected a JSON value, found ','", line: 1, column: 4 },
    {
      text: '{"Statement": [{"Effect": "Allow",\n  "Action": "s3:*" "Resource": "*"}]}',
      message: "expected ',' or '}' after an object member",
      line: 2,
      column: 20,
      path: '/Statement/0',
    },
  ]

  it.each(cases)('$text', ({ text, message, line, column, path }) => {
    const issues = fail(text)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ code: 'invalid-json', line, column, path: path ?? '' })
    expect(issues[0]?.message).toContain(message)
  })

  it('reports the innermost open container as the path, with escaped tokens', () => {
    expect(fail('{"a/b": {"c~": [1, {"d": 1,}]}}')[0]).toMatchObject({ path: '/a~1b/c~0/1' })
  })

  it('never throws on arbitrary text and agrees with JSON.parse on what is valid', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      'a',
      '1',
      '0',
      '-',
      '.',
      'e',
      '+',
      ' ',
      '\n',
      'true',
      'null',
      '"k"',
      'u',
      '\ufeff',
      '\t',
      '/',
    )
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join('')),
        (text) => {
          const result = readJsonText(text)
          let parsed: { value: unknown } | undefined
          try {
            // JSON.parse rejects the byte order mark that the reader skips.
            parsed = { value: JSON.parse(text.replace(/^\ufeff/, '')) as unknown }
          } catch {
            parsed = undefined
          }
          if (result.ok) {
            expect(parsed).toBeDefined()
            expect(result.value).toEqual(parsed?.value)
          } else if (parsed !== undefined) {
            // JSON.parse accepts repeated keys; that is the only thing it accepts and we do not.
            expect(result.issues.every((issue) => issue.code === 'duplicate-key')).toBe(true)
          } else {
            expect(result.issues.some((issue) => issue.code === 'invalid-json')).toBe(true)
          }
        },
      ),
      { numRuns: 3000 },
    )
  })
})

describe('duplicate keys (R37)', () => {
  it('reports every repetition, nested ones included, in text order', () => {
    const text = '{\n  "a": 1,\n  "b": {"x": 1, "x": 2, "x": 3},\n  "a": 2,\n  "c": [{"y": 1, "y": 1}]\n}'
    const issues = fail(text)
    expect(issues.map((issue) => [issue.code, issue.path, issue.line, issue.column])).toEqual([
      ['duplicate-key', '/b/x', 3, 17],
      ['duplicate-key', '/b/x', 3, 25],
      ['duplicate-key', '/a', 4, 3],
      ['duplicate-key', '/c/0/y', 5, 18],
    ])
    expect(issues[0]?.message).toContain('duplicate key "x"')
    expect(issues[0]?.message).toContain('line 3, column 9')
    expect(issues[2]?.message).toContain('line 2, column 3')
  })

  it('is exact: keys differing in case or escaping-only spelling are distinct, escaped equals are equal', () => {
    expect(readJsonText('{"Effect": 1, "effect": 2}').ok).toBe(true)
    expect(fail('{"a": 1, "\\u0061": 2}')[0]).toMatchObject({ code: 'duplicate-key', path: '/a' })
  })

  it('escapes the pointer of a repeated key', () => {
    expect(fail('{"s": {"a/b~": 1, "a/b~": 2}}')[0]).toMatchObject({ path: '/s/a~1b~0' })
  })

  it('reports repeated keys found before a syntax error, then the syntax error', () => {
    const issues = fail('{"a": 1, "a": 2, "b": }')
    expect(issues.map((issue) => issue.code)).toEqual(['duplicate-key', 'invalid-json'])
  })

  it('reports a repeated __proto__ key like any other', () => {
    expect(fail('{"__proto__": 1, "__proto__": 2}')[0]).toMatchObject({ code: 'duplicate-key', path: '/__proto__' })
  })

  it(`caps the report at ${MAX_DUPLICATE_KEY_ISSUES} issues plus one summary`, () => {
    const text = `{${Array.from({ length: 5000 }, () => '"k": 1').join(',')}}`
    const issues = fail(text)
    expect(issues).toHaveLength(MAX_DUPLICATE_KEY_ISSUES + 1)
    expect(issues.at(-1)?.message).toContain('not reported')
  })
})

describe('prototype safety', () => {
  it('keeps __proto__, constructor and prototype as own data properties of ordinary objects', () => {
    const text = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "nested": [{"__proto__": null}]}'
    const value = ok(text).value as Record<string, unknown>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'nested'])
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')).toEqual({
      value: { polluted: true },
      writable: true,
      enumerable: true,
      configurable: true,
    })
    expect(value['polluted']).toBeUndefined()
    expect(value).toEqual(JSON.parse(text))
    const nested = (value['nested'] as Array<Record<string, unknown>>)[0] as Record<string, unknown>
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype)
    expect(Object.hasOwn(nested, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('locates a __proto__ member', () => {
    const result = ok('{"__proto__": {"x": 1}}')
    expect(result.locate('/__proto__/x')).toEqual({ line: 1, column: 21 })
  })
})

describe('limits', () => {
  it(`accepts ${MAX_JSON_DEPTH} levels of nesting and rejects one more`, () => {
    expect(ok('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).value).toBeInstanceOf(Array)
    const issues = fail('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1))
    expect(issues[0]).toMatchObject({ code: 'invalid-json', line: 1, column: MAX_JSON_DEPTH + 1 })
    expect(issues[0]?.message).toContain(`nesting deeper than ${MAX_JSON_DEPTH} levels`)
    expect(fail('{"a":'.repeat(MAX_JSON_DEPTH + 1))[0]?.message).toContain('nesting deeper')
  })

  it('handles hostile nesting without a stack overflow', () => {
    expect(fail('['.repeat(1_000_000))[0]?.message).toContain('nesting deeper')
    expect(fail('{"a":'.repeat(200_000))[0]?.message).toContain('nesting deeper')
  })

  it('reads very long strings, numbers and arrays in linear time', () => {
    const started = performance.now()
    const long = 'x'.repeat(5_000_000)
    expect(ok(`"${long}"`).value).toBe(long)
    const escaped = '\\n'.repeat(1_000_000)
    expect((ok(`"${escaped}"`).value as string).length).toBe(1_000_000)
    const digits = '1'.repeat(1_000_000)
    expect(ok(digits).value).toBe(JSON.parse(digits))
    expect(ok(`0.${digits}e-5`).value).toBe(JSON.parse(`0.${digits}e-5`))
    const list = `[${'1,'.repeat(500_000)}1]`
    expect((ok(list).value as number[]).length).toBe(500_001)
    const key = 'k'.repeat(1_000_000)
    const deepKeys = ok(`{"${key}": [${'0,'.repeat(100_000)}0]}`)
    expect(deepKeys.locate(`/${key}/100000`)).toEqual({ line: 1, column: 1_000_000 + 6 + 200_001 })
    // Generous bound: a quadratic algorithm would take minutes on these sizes.
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})

describe('properties', () => {
  /** `withoutBom` is the text JSON.parse gets (it rejects a byte order mark). */
  const checkAgainstJsonParse = (text: string, withoutBom = text): void => {
    const result: JsonTextResult = readJsonText(text)
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const expected: unknown = JSON.parse(withoutBom)
    expect(result.value).toEqual(expected)
    for (const [pointer, value] of pointers(expected)) {
      const position = result.locate(pointer)
      expect(position, pointer).toBeDefined()
      if (position === undefined) continue
      const offset = offsetOf(text, position.line, position.column)
      if (Array.isArray(value)) expect(text[offset]).toBe('[')
      else if (typeof value === 'object' && value !== null) expect(text[offset]).toBe('{')
      else expect(text.startsWith(JSON.stringify(value), offset), `${pointer} at ${offset}`).toBe(true)
      const key = result.locateKey(pointer)
      const last = pointer.slice(pointer.lastIndexOf('/') + 1)
      if (key !== undefined) {
        const keyText = JSON.stringify(last.replace(/~1/g, '/').replace(/~0/g, '~'))
        expect(text.startsWith(keyText, offsetOf(text, key.line, key.column))).toBe(true)
      }
    }
  }

  it('matches JSON.parse and locates every value (pretty-printed)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        checkAgainstJsonParse(JSON.stringify(value, null, 2))
      }),
      { numRuns: 500 },
    )
  })

  it('matches JSON.parse and locates every value (compact, CRLF-indented, with BOM)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('compact', 'crlf', 'bom'), (value, style) => {
        const pretty = JSON.stringify(value, null, '\t')
        const text = style === 'compact' ? JSON.stringify(value) : style === 'crlf' ? pretty.replace(/\n/g, '\r\n') : `\ufeff${pretty}`
        checkAgainstJsonParse(text, style === 'bom' ? pretty : text)
      }),
      { numRuns: 300 },
    )
  })
})

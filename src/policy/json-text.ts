/**
 * JSON text reader with positions. Owns turning untrusted policy text into a JSON value while
 * remembering where every value and member key sits in the text, and reporting syntax errors and
 * repeated keys (R37) as {@link PolicyIssue}s. `JSON.parse` cannot do either, hence this parser.
 *
 * Design constraints, all because the text comes from untrusted users:
 * - iterative (an explicit stack instead of recursion) with a nesting limit, so deep input gives a
 *   clear `invalid-json` issue instead of a stack overflow;
 * - linear time: every character is looked at a bounded number of times, strings are sliced in
 *   runs, numbers are scanned once and converted by `Number` (the same conversion as `JSON.parse`);
 * - positions are kept in a tree parallel to the value (not in a map keyed by pointer strings,
 *   which would cost quadratic memory for long keys); line/column are computed only on demand;
 * - objects are ordinary objects (prototype `Object.prototype`, exactly like `JSON.parse`
 *   results), but the member `__proto__` is created with `Object.defineProperty`, so it becomes an
 *   own data property and never changes the object's prototype. No other key can reach a
 *   prototype through plain assignment on a fresh object.
 */

import { childPointer, createIssue, type PolicyIssue, type TextPosition } from './errors.js'

/**
 * Deepest nesting of objects and arrays accepted. The outermost container is at depth 1, so
 * 256 nested arrays are accepted and 257 are not. Real policies nest at most 5 levels.
 */
export const MAX_JSON_DEPTH = 256

/**
 * At most this many `duplicate-key` issues are reported for one text; the last one says that more
 * were omitted. Keeps the issue list (and its memory) bounded for hostile input.
 */
export const MAX_DUPLICATE_KEY_ISSUES = 100

/** A successfully read JSON text. */
export interface JsonTextSuccess {
  /** Discriminant: the text was read. */
  readonly ok: true
  /** The value, equal to what `JSON.parse` returns for the same text. */
  readonly value: unknown
  /**
   * Position of the value at a JSON pointer (RFC 6901, `~0`/`~1` escapes): for an object member
   * the first character of its value, for an array element the element, `""` the whole text.
   * `undefined` when the pointer designates nothing.
   */
  locate(pointer: string): TextPosition | undefined
  /**
   * Position of the opening quote of the key of the object member at `pointer`. `undefined` for
   * the root, array elements and pointers that designate nothing.
   */
  locateKey(pointer: string): TextPosition | undefined
}

/** A JSON text that could not be read. */
export interface JsonTextFailure {
  /** Discriminant: the text could not be read. */
  readonly ok: false
  /**
   * `invalid-json` (at most one: reading stops at the first syntax error) and `duplicate-key`
   * issues, in text order. Never empty.
   */
  readonly issues: PolicyIssue[]
}

/** Result of {@link readJsonText}. */
export type JsonTextResult = JsonTextSuccess | JsonTextFailure

/**
 * Reads RFC 8259 JSON text (a leading UTF-8 byte order mark, U+FEFF, is skipped).
 *
 * The result value equals `JSON.parse(text)`: same numbers (JS doubles), same strings (lone
 * surrogates from `\u` escapes kept), ordinary objects and arrays, members in text order, and for
 * a repeated key the last value. A repeated key is nevertheless an error here (R37): every
 * repetition is reported as `duplicate-key` at the repeated key, with the pointer of the member.
 *
 * Syntax errors are reported as one `invalid-json` issue whose `path` is the pointer of the
 * innermost object or array being read (`""` at top level) and whose line/column is where the
 * problem was found. Nesting deeper than {@link MAX_JSON_DEPTH} is an `invalid-json` issue.
 *
 * Positions are 1-based; a line ends at `\n`, `\r\n` or a lone `\r`; columns count UTF-16 code
 * units; a leading byte order mark occupies no column.
 */
export function readJsonText(text: string): JsonTextResult {
  return new Reader(text).read()
}

// ---------------------------------------------------------------------------------------------
// Position tree

/** Where one value sits: offsets into the text, plus the positions of its children. */
class Node {
  /** Offset of the value's first character. */
  readonly start: number
  /** Offset of the opening quote of the member key, or -1 for the root and array elements. */
  readonly keyStart: number
  /** Children of an object (by key, last occurrence wins) or an array (by index). */
  children: Map<string, Node> | Node[] | undefined

  constructor(start: number, keyStart: number) {
    this.start = start
    this.keyStart = keyStart
    this.children = undefined
  }
}

/** An object or array whose members are being read. */
interface Frame {
  readonly isObject: boolean
  readonly container: Record<string, unknown> | unknown[]
  readonly node: Node
  readonly parent: Frame | undefined
  /** Token under which this container sits in its parent (key or index); unused for the root. */
  readonly token: string | number
  /** Key of the member being read (objects). */
  key: string
  /** Offset of that key's opening quote (objects). */
  keyStart: number
  /** Lazily computed JSON pointer of this container. */
  pointer: string | undefined
}

/** Thrown internally to unwind on the first syntax error; never escapes {@link readJsonText}. */
class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

// Character codes used by the scanner.
const TAB = 0x09
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const QUOTE = 0x22
const PLUS = 0x2b
const COMMA = 0x2c
const MINUS = 0x2d
const DOT = 0x2e
const SLASH = 0x2f
const DIGIT_0 = 0x30
const DIGIT_9 = 0x39
const COLON = 0x3a
const UPPER_E = 0x45
const OPEN_BRACKET = 0x5b
const BACKSLASH = 0x5c
const CLOSE_BRACKET = 0x5d
const LOWER_E = 0x65
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const APOSTROPHE = 0x27
const BOM = 0xfeff

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

class Reader {
  private readonly text: string
  private readonly length: number
  /** Offset of the first character after an optional byte order mark. */
  private readonly origin: number
  private readonly issues: PolicyIssue[] = []
  private duplicateCount = 0
  /** Offsets where lines start (computed on first use). */
  private lineStarts: number[] | undefined
  /** Innermost open container, for the path of a syntax error. */
  private current: Frame | undefined

  constructor(text: string) {
    this.text = text
    this.length = text.length
    this.origin = text.charCodeAt(0) === BOM ? 1 : 0
  }

  read(): JsonTextResult {
    let root: { value: unknown; node: Node }
    try {
      root = this.parse()
    } catch (error) {
      if (!(error instanceof SyntaxFailure)) throw error
      const path = this.current === undefined ? '' : this.pointerOf(this.current)
      this.issues.push(createIssue('invalid-json', path, error.message, this.position(error.offset)))
      return { ok: false, issues: this.issues }
    }
    if (this.issues.length > 0) return { ok: false, issues: this.issues }
    const rootNode = root.node
    return {
      ok: true,
      value: root.value,
      locate: (pointer) => {
        const node = findNode(rootNode, pointer)
        return node === undefined ? undefined : this.position(node.start)
      },
      locateKey: (pointer) => {
        const node = findNode(rootNode, pointer)
        return node === undefined || node.keyStart < 0 ? undefined : this.position(node.keyStart)
      },
    }
  }

  /** Reads the whole text; iterative, the only stack is the chain of {@link Frame}s. */
  private parse(): { value: unknown; node: Node } {
    const text = this.text
    let i = this.skipWhitespace(this.origin)
    if (i >= this.length) {
      throw new SyntaxFailure(
        i,
        i === this.origin ? 'empty input: expected a JSON value' : 'unexpected end of input: expected a JSON value',
      )
    }
    let depth = 0
    let keyStart = -1
    let token: string | number = ''
    for (;;) {
      // State: a value starts at or after `i`; `keyStart`/`token` say where it will be attached.
      i = this.skipWhitespace(i)
      const start = i
      const code = text.charCodeAt(i)
      let value: unknown
      let node: Node
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (depth >= MAX_JSON_DEPTH) {
          throw new SyntaxFailure(i, `nesting deeper than ${MAX_JSON_DEPTH} levels of objects and arrays is not allowed`)
        }
        const isObject = code === OPEN_BRACE
        node = new Node(start, keyStart)
        const container: Record<string, unknown> | unknown[] = isObject ? {} : []
        node.children = isObject ? new Map<string, Node>() : []
        i = this.skipWhitespace(i + 1)
        const close = isObject ? CLOSE_BRACE : CLOSE_BRACKET
        if (text.charCodeAt(i) === close) {
          // Empty container: complete at once.
          i += 1
          value = container
        } else {
          const frame: Frame = { isObject, container, node, parent: this.current, token, key: '', keyStart: -1, pointer: undefined }
          this.current = frame
          depth += 1
          if (isObject) {
            i = this.readMemberKey(frame, i, false)
            keyStart = frame.keyStart
            token = frame.key
          } else {
            keyStart = -1
            token = 0
          }
          continue
        }
      } else {
        node = new Node(start, keyStart)
        const scalar = this.readScalar(i)
        value = scalar.value
        i = scalar.end
      }

      // A value is complete: attach it to the open containers, closing them as long as they end.
      for (;;) {
        const frame = this.current
        if (frame === undefined) {
          i = this.skipWhitespace(i)
          if (i < this.length) {
            throw new SyntaxFailure(
              i,
              text.charCodeAt(i) === COMMA
                ? "unexpected ',' after the JSON value: a text holds exactly one value (wrap several in an array)"
                : text.charCodeAt(i) === SLASH
                  ? 'comments are not allowed in JSON'
                  : `unexpected ${describeCharAt(text, i)} after the JSON value`,
            )
          }
          return { value, node }
        }
        if (frame.isObject) {
          this.attachMember(frame, value, node)
        } else {
          const list = frame.container as unknown[]
          list.push(value)
          ;(frame.node.children as Node[]).push(node)
        }
        i = this.skipWhitespace(i)
        const next = text.charCodeAt(i)
        if (next === COMMA) {
          i = this.skipWhitespace(i + 1)
          if (frame.isObject) {
            i = this.readMemberKey(frame, i, true)
            keyStart = frame.keyStart
            token = frame.key
          } else {
            if (text.charCodeAt(i) === CLOSE_BRACKET) {
              throw new SyntaxFailure(
                i,
                "trailing comma: expected another array element after ',' (JSON does not allow a comma before ']')",
              )
            }
            keyStart = -1
            token = (frame.container as unknown[]).length
          }
          break
        }
        if (next === (frame.isObject ? CLOSE_BRACE : CLOSE_BRACKET)) {
          i += 1
          value = frame.container
          node = frame.node
          this.current = frame.parent
          depth -= 1
          continue
        }
        if (i >= this.length) {
          throw new SyntaxFailure(
            i,
            frame.isObject
              ? "unexpected end of input: expected ',' or '}' after an object member"
              : "unexpected end of input: expected ',' or ']' after an array element",
          )
        }
        throw new SyntaxFailure(
          i,
          frame.isObject
            ? `expected ',' or '}' after an object member, found ${describeCharAt(text, i)}`
            : `expected ',' or ']' after an array element, found ${describeCharAt(text, i)}`,
        )
      }
    }
  }

  /**
   * Reads `"key" :` at `i` into `frame.key`/`frame.keyStart`, reporting a repeated key; returns the
   * offset after the colon. `afterComma` only improves the message for a trailing comma.
   */
  private readMemberKey(frame: Frame, i: number, afterComma: boolean): number {
    const text = this.text
    const code = text.charCodeAt(i)
    if (code !== QUOTE) {
      if (i >= this.length) throw new SyntaxFailure(i, 'unexpected end of input: expected an object key in double quotes')
      if (afterComma && code === CLOSE_BRACE) {
        throw new SyntaxFailure(i, "trailing comma: expected another object member after ',' (JSON does not allow a comma before '}')")
      }
      if (code === APOSTROPHE) throw new SyntaxFailure(i, 'object keys must be in double quotes, not single quotes')
      if (code === SLASH) throw new SyntaxFailure(i, 'comments are not allowed in JSON')
      throw new SyntaxFailure(i, `expected an object key in double quotes, found ${describeCharAt(text, i)}`)
    }
    const key = this.readString(i)
    frame.key = key.value
    frame.keyStart = i
    let j = this.skipWhitespace(key.end)
    if (text.charCodeAt(j) !== COLON) {
      throw new SyntaxFailure(
        j,
        j >= this.length
          ? "unexpected end of input: expected ':' after the object key"
          : `expected ':' after the object key, found ${describeCharAt(text, j)}`,
      )
    }
    j += 1
    const children = frame.node.children as Map<string, Node>
    const first = children.get(key.value)
    if (first !== undefined) this.reportDuplicate(frame, key.value, first, i)
    return j
  }

  private reportDuplicate(frame: Frame, key: string, first: Node, at: number): void {
    this.duplicateCount += 1
    if (this.duplicateCount > MAX_DUPLICATE_KEY_ISSUES + 1) return
    const path = childPointer(this.pointerOf(frame), key)
    if (this.duplicateCount === MAX_DUPLICATE_KEY_ISSUES + 1) {
      this.issues.push(
        createIssue(
          'duplicate-key',
          path,
          `more than ${MAX_DUPLICATE_KEY_ISSUES} repeated keys; the rest are not reported`,
          this.position(at),
        ),
      )
      return
    }
    const firstAt = this.position(first.keyStart)
    this.issues.push(
      createIssue(
        'duplicate-key',
        path,
        `duplicate key ${quoteForMessage(key)}: this object already has a member with that name (line ${firstAt.line}, column ${firstAt.column}); an object must not repeat a key`,
        this.position(at),
      ),
    )
  }

  /** Adds a member to an object; `__proto__` must become an own property, not a prototype change. */
  private attachMember(frame: Frame, value: unknown, node: Node): void {
    const object = frame.container as Record<string, unknown>
    const key = frame.key
    if (key === '__proto__') {
      Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true })
    } else {
      object[key] = value
    }
    ;(frame.node.children as Map<string, Node>).set(key, node)
  }

  /** Reads a string, number or literal at `i` (which is not whitespace). */
  private readScalar(i: number): { value: unknown; end: number } {
    const text = this.text
    const code = text.charCodeAt(i)
    if (code === QUOTE) return this.readString(i)
    if (code === MINUS || (code >= DIGIT_0 && code <= DIGIT_9)) return this.readNumber(i)
    if (i >= this.length) throw new SyntaxFailure(i, 'unexpected end of input: expected a JSON value')
    const literal = text.startsWith('true', i) ? true : text.startsWith('false', i) ? false : text.startsWith('null', i) ? null : undefined
    if (literal !== undefined) {
      const end = i + String(literal).length
      // `trueish` is one bad word, not the literal `true` followed by garbage.
      if (!/[\w$]/.test(text.charAt(end))) return { value: literal, end }
    }
    throw new SyntaxFailure(i, this.unexpectedValueMessage(i))
  }

  /** A message for a character that cannot start a value, with hints for common mistakes. */
  private unexpectedValueMessage(i: number): string {
    const text = this.text
    const code = text.charCodeAt(i)
    if (code === APOSTROPHE) return 'strings must be in double quotes, not single quotes'
    if (code === SLASH) return 'comments are not allowed in JSON'
    if (code === PLUS) return "a number cannot start with '+'"
    if (code === DOT) return "a number cannot start with '.'; write a digit before the decimal point"
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET || code === COMMA || code === COLON) {
      return `expected a JSON value, found ${describeCharAt(text, i)}`
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 32))?.[0]
    if (word !== undefined) {
      const lower = word.toLowerCase()
      if (lower === 'true' || lower === 'false' || lower === 'null') return `unexpected '${word}': JSON literals are lowercase (${lower})`
      if (word === 'NaN' || word === 'Infinity') return `${word} is not a JSON number`
      return `unexpected '${word}': expected a JSON value (strings need double quotes)`
    }
    return `expected a JSON value, found ${describeCharAt(text, i)}`
  }

  /** Reads a string starting at the quote at `i`, in one pass; unescaped runs are sliced. */
  private readString(i: number): { value: string; end: number } {
    const text = this.text
    const length = this.length
    let value = ''
    let run = i + 1
    let j = run
    for (;;) {
      if (j >= length) throw new SyntaxFailure(i, 'unterminated string: the closing double quote is missing')
      const code = text.charCodeAt(j)
      if (code === QUOTE) {
        value += text.slice(run, j)
        return { value, end: j + 1 }
      }
      if (code === BACKSLASH) {
        value += text.slice(run, j)
        const escape = text.charAt(j + 1)
        if (escape === 'u') {
          const hex = text.slice(j + 2, j + 6)
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
            throw new SyntaxFailure(j, 'invalid \\u escape in string: expected 4 hexadecimal digits')
          }
          value += String.fromCharCode(Number.parseInt(hex, 16))
          j += 6
        } else {
          const replacement = ESCAPES[escape]
          if (replacement === undefined || escape === '') {
            if (j + 1 >= length) throw new SyntaxFailure(i, 'unterminated string: the closing double quote is missing')
            throw new SyntaxFailure(j, `invalid escape sequence '\\${escape}' in string (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`)
          }
          value += replacement
          j += 2
        }
        run = j
        continue
      }
      if (code < SPACE) {
        if (code === LF || code === CR) {
          throw new SyntaxFailure(
            j,
            'unterminated string: a string cannot contain a line break (write \\n), or the closing double quote is missing',
          )
        }
        throw new SyntaxFailure(j, `unescaped control character ${codePoint(code)} in string (write it as a \\u escape)`)
      }
      j += 1
    }
  }

  /** Reads a number per RFC 8259 and converts it exactly like `JSON.parse` (`Number` of the text). */
  private readNumber(i: number): { value: number; end: number } {
    const text = this.text
    let j = i
    if (text.charCodeAt(j) === MINUS) {
      j += 1
      if (!isDigit(text.charCodeAt(j))) throw new SyntaxFailure(j, "invalid number: expected a digit after '-'")
    }
    if (text.charCodeAt(j) === DIGIT_0) {
      j += 1
      if (isDigit(text.charCodeAt(j))) throw new SyntaxFailure(i, 'invalid number: leading zeros are not allowed')
    } else {
      // First digit is 1-9 here (the caller saw a digit or '-' followed by a digit).
      while (isDigit(text.charCodeAt(j))) j += 1
    }
    if (text.charCodeAt(j) === DOT) {
      j += 1
      if (!isDigit(text.charCodeAt(j))) throw new SyntaxFailure(j, 'invalid number: expected a digit after the decimal point')
      while (isDigit(text.charCodeAt(j))) j += 1
    }
    const e = text.charCodeAt(j)
    if (e === LOWER_E || e === UPPER_E) {
      j += 1
      const sign = text.charCodeAt(j)
      if (sign === PLUS || sign === MINUS) j += 1
      if (!isDigit(text.charCodeAt(j))) throw new SyntaxFailure(j, 'invalid number: expected a digit in the exponent')
      while (isDigit(text.charCodeAt(j))) j += 1
    }
    return { value: Number(text.slice(i, j)), end: j }
  }

  private skipWhitespace(i: number): number {
    const text = this.text
    for (;;) {
      const code = text.charCodeAt(i)
      if (code === SPACE || code === LF || code === CR || code === TAB) i += 1
      else return i
    }
  }

  /** JSON pointer of an open container, computed once per container and only when needed. */
  private pointerOf(frame: Frame): string {
    if (frame.pointer !== undefined) return frame.pointer
    // Walk up to the nearest container whose pointer is known, then build downwards.
    const chain: Frame[] = []
    let cursor: Frame | undefined = frame
    while (cursor !== undefined && cursor.pointer === undefined) {
      chain.push(cursor)
      cursor = cursor.parent
    }
    let pointer = cursor?.pointer ?? ''
    for (let k = chain.length - 1; k >= 0; k -= 1) {
      const link = chain[k] as Frame
      pointer = link.parent === undefined ? '' : childPointer(pointer, link.token)
      link.pointer = pointer
    }
    return pointer
  }

  /** 1-based line/column of an offset (binary search over the line starts). */
  private position(offset: number): TextPosition {
    const starts = (this.lineStarts ??= computeLineStarts(this.text, this.origin))
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >>> 1
      if ((starts[mid] as number) <= offset) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 }
  }
}

function computeLineStarts(text: string, origin: number): number[] {
  const starts = [origin]
  for (let i = origin; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    if (code === LF) starts.push(i + 1)
    else if (code === CR) {
      if (text.charCodeAt(i + 1) === LF) i += 1
      starts.push(i + 1)
    }
  }
  return starts
}

/** Resolves a JSON pointer in the position tree. */
function findNode(root: Node, pointer: string): Node | undefined {
  if (pointer === '') return root
  if (pointer.charCodeAt(0) !== SLASH) return undefined
  let node: Node | undefined = root
  for (const raw of pointer.slice(1).split('/')) {
    if (/~(?![01])/.test(raw)) return undefined
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    const children: Map<string, Node> | Node[] | undefined = node.children
    if (children === undefined) return undefined
    if (Array.isArray(children)) {
      // RFC 6901 array indices: no leading zeros, no sign; '-' (past the end) designates nothing.
      if (!/^(?:0|[1-9]\d*)$/.test(token)) return undefined
      node = children[Number(token)]
    } else {
      node = children.get(token)
    }
    if (node === undefined) return undefined
  }
  return node
}

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9
}

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}

/** Describes the character at `i` for a message: printable ASCII quoted, anything else as U+XXXX. */
function describeCharAt(text: string, i: number): string {
  if (i >= text.length) return 'the end of input'
  const code = text.charCodeAt(i)
  if (code > SPACE && code < 0x7f) return `'${text.charAt(i)}'`
  return `character ${codePoint(code)}`
}

/** Quotes a key for a message, shortened so a huge key cannot blow up the message. */
function quoteForMessage(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 61)}...` : value)
}

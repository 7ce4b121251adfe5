/**
 * Reading JSON and YAML files into values that remember where each value came from, so every
 * message about a suite, request or policy file can say `file:line:column`. JSON goes through the
 * library's own positional reader (the same one policies use, so duplicate keys are errors here
 * too); YAML through the `yaml` package's document API with a line counter.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import type { Document, Node as YamlNode } from 'yaml'
import { readJsonText } from '../../policy/json-text.js'

/** A 1-based position in a text file. */
export interface Position {
  readonly line: number
  readonly column: number
}

/** A parsed file: its value, and where each part of it sits. */
export interface SourceDocument {
  /** The value, as `JSON.parse` (or YAML's `toJS`) gives it. */
  readonly value: unknown
  /** Where the value at a JSON pointer starts; `undefined` when nothing is there. */
  locate(pointer: string): Position | undefined
  /** Where the key of the object member at a JSON pointer starts; `undefined` for array elements and the root. */
  locateKey(pointer: string): Position | undefined
}

/** A syntax problem: where, and what. */
export interface SyntaxProblem {
  readonly code: 'invalid-json' | 'duplicate-key' | 'invalid-yaml'
  readonly message: string
  readonly line: number
  readonly column: number
}

/** The result of reading a document. */
export type ReadDocumentResult =
  { readonly ok: true; readonly document: SourceDocument } | { readonly ok: false; readonly problems: readonly SyntaxProblem[] }

/** True for file names the YAML reader handles (`.yaml`, `.yml`); everything else is read as JSON. */
export function isYamlFile(fileName: string): boolean {
  return /\.ya?ml$/i.test(fileName)
}

/** Reads `text` as YAML or JSON according to `fileName`'s extension. */
export function readDocument(text: string, fileName: string): ReadDocumentResult {
  return isYamlFile(fileName) ? readYamlDocument(text) : readJsonDocument(text)
}

/** Reads JSON text (RFC 8259; repeated keys are errors, as in IAM). */
export function readJsonDocument(text: string): ReadDocumentResult {
  const read = readJsonText(text)
  if (!read.ok) {
    return {
      ok: false,
      problems: read.issues.map((issue) => ({
        code: issue.code === 'duplicate-key' ? 'duplicate-key' : 'invalid-json',
        message: issue.message,
        line: issue.line ?? 1,
        column: issue.column ?? 1,
      })),
    }
  }
  return {
    ok: true,
    document: { value: read.value, locate: (pointer) => read.locate(pointer), locateKey: (pointer) => read.locateKey(pointer) },
  }
}

/** Splits a JSON pointer into its unescaped tokens (`""` is the root: no tokens). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Deepest nesting a YAML suite may have (the yaml parser recurses once per level). */
export const MAX_YAML_DEPTH = 256

/**
 * A linear over-estimate of a YAML text's nesting: the deepest run of open flow brackets plus the
 * most block indicators (`-` sequence entries, `?` explicit keys) and indentation levels at the
 * start of one line. Used to refuse hostile documents before the parser recurses into them:
 * repeated stack overflows inside the parser have crashed the process. Quotes are not tracked on
 * purpose: YAML plain scalars may hold `'` and `"`, and counting brackets inside a real quoted
 * string only over-estimates.
 */
function nestingEstimate(text: string): number {
  let deepest = 0
  let flow = 0
  let lineStart = true
  let blockLevels = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || code === 13) {
      lineStart = true
      blockLevels = 0
      continue
    }
    if (lineStart) {
      if (code === 45 /* - */ || code === 63 /* ? */) {
        blockLevels++
      } else if (code === 32 || code === 9) {
        if (text.charCodeAt(index + 1) === code) blockLevels++ // roughly one level per two blanks
      } else {
        lineStart = false
      }
      if (blockLevels > deepest) deepest = blockLevels
      if (lineStart) continue
    }
    if (code === 91 || code === 123) {
      flow++
      if (flow + blockLevels > deepest) deepest = flow + blockLevels
    } else if ((code === 93 || code === 125) && flow > 0) {
      flow--
    }
  }
  return deepest
}

/** Reads one YAML document (YAML 1.2 core schema; repeated keys are errors). */
export function readYamlDocument(text: string): ReadDocumentResult {
  const depth = nestingEstimate(text)
  if (depth > MAX_YAML_DEPTH) {
    return {
      ok: false,
      problems: [{ code: 'invalid-yaml', message: `the document nests deeper than ${MAX_YAML_DEPTH} levels`, line: 1, column: 1 }],
    }
  }
  const lines = new LineCounter()
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const position = (offset: number): Position => {
    const found = lines.linePos(offset)
    return { line: found.line, column: found.col }
  }
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        code: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'invalid-yaml',
        // The first line of the message: the rest repeats the source, which our location replaces.
        message: (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''),
        ...position(error.pos[0]),
      })),
    }
  }
  let value: unknown
  try {
    value = document.toJS({ maxAliasCount: 1000 })
  } catch (error) {
    // Alias bombs and the like: refuse the file rather than expand it.
    return {
      ok: false,
      problems: [{ code: 'invalid-yaml', message: error instanceof Error ? error.message : String(error), line: 1, column: 1 }],
    }
  }
  const find = (pointer: string): { node: YamlNode | null; key: YamlNode | null } | undefined => findYamlNode(document, pointer)
  return {
    ok: true,
    document: {
      value,
      locate: (pointer) => {
        const found = find(pointer)
        if (found === undefined) return undefined
        // `key:` with no value has no node of its own; point at the key instead.
        const node = found.node ?? found.key
        return node?.range === undefined || node.range === null ? undefined : position(node.range[0])
      },
      locateKey: (pointer) => {
        const key = find(pointer)?.key
        return key?.range === undefined || key.range === null ? undefined : position(key.range[0])
      },
    },
  }
}

function findYamlNode(document: Document, pointer: string): { node: YamlNode | null; key: YamlNode | null } | undefined {
  let node = document.contents as YamlNode | null
  let key: YamlNode | null = null
  for (const token of pointerTokens(pointer)) {
    if (node !== null && isAlias(node)) node = (node.resolve(document) as YamlNode | undefined) ?? null
    if (node !== null && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === token)
      if (pair === undefined) return undefined
      key = pair.key as YamlNode
      node = (pair.value as YamlNode | null) ?? null
    } else if (node !== null && isSeq(node) && /^(0|[1-9]\d*)$/.test(token)) {
      const item = node.items[Number(token)]
      if (item === undefined) return undefined
      key = null
      node = item as YamlNode
    } else {
      return undefined
    }
  }
  return { node, key }
}

/**
 * A policy as the CLI knows it: the kind it is checked as, the file (and place in the file) it
 * came from, and what is handed to the library. Loading a policy file reads it once, checks it
 * with {@link checkPolicy}, and turns the library's issues into located {@link Problem}s, so an
 * invalid policy is always reported as `file:line:column`.
 */
import { readFileSync, statSync } from 'node:fs'
import type { PolicyIssue, PolicyKind } from '../../index.js'
import { readJsonDocument } from '../files/source-document.js'
import type { Position } from '../files/source-document.js'
import type { Problem } from '../files/problem.js'
import { checkPolicy } from './check.js'

/** One policy with its origin. */
export interface PolicySource {
  /** The kind it was checked as. */
  readonly kind: PolicyKind
  /** Display path of the file holding it (a policy file, or the suite holding an inline policy). */
  readonly file: string
  /** What the library receives: the file's JSON text, or an inline policy value. */
  readonly input: string | Readonly<Record<string, unknown>>
  /** Where a JSON pointer into the policy sits in `file`. */
  locate(pointer: string): Position | undefined
}

/** The outcome of loading a policy. */
export type LoadPolicyResult = { readonly source: PolicySource } | { readonly problems: readonly Problem[] }

/** Where the reference to a policy was written (a suite line), for errors about the file itself. */
export interface Reference {
  readonly file: string
  readonly line?: number
  readonly column?: number
}

function located(issues: readonly PolicyIssue[], file: string, locate: (pointer: string) => Position | undefined): Problem[] {
  return issues.map((issue) => {
    const position = issue.line !== undefined ? { line: issue.line, column: issue.column ?? 1 } : locate(issue.path)
    return { file, line: position?.line, column: position?.column, code: issue.code, message: issue.message }
  })
}

/** Largest policy or suite file read, in bytes: far above any AWS quota, far below memory trouble. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024

/**
 * Reads a file's text, or describes why it cannot be read (at `reference` when given). Only
 * regular files of bounded size are read: a device such as /dev/zero or a FIFO would never end.
 */
export function readTextFile(absolute: string, display: string, reference?: Reference): { text: string } | { problems: Problem[] } {
  try {
    const stats = statSync(absolute)
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    if (!stats.isFile()) throw new Error('is not a regular file')
    if (stats.size > MAX_FILE_BYTES) throw new Error(`is larger than ${MAX_FILE_BYTES} bytes`)
    return { text: readFileSync(absolute, 'utf8') }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : error instanceof Error
            ? error.message
            : String(error)
    const where: Reference = reference ?? { file: display }
    return {
      problems: [{ file: where.file, line: where.line, column: where.column, code: 'missing-file', message: `${display}: ${reason}` }],
    }
  }
}

/** Loads and checks a JSON policy file. */
export function loadPolicyFile(absolute: string, display: string, kind: PolicyKind, reference?: Reference): LoadPolicyResult {
  const read = readTextFile(absolute, display, reference)
  if ('problems' in read) return read
  const text = read.text
  const issues = checkPolicy(text, kind)
  const parsed = readJsonDocument(text)
  const locate = (pointer: string): Position | undefined => (parsed.ok ? parsed.document.locate(pointer) : undefined)
  if (issues.length > 0) return { problems: located(issues, display, locate) }
  return { source: { kind, file: display, input: text, locate } }
}

/**
 * Checks a policy written inline in a suite, at `pointer` of the suite document. Issues are
 * located in the suite file through the suite's own position map.
 */
export function inlinePolicy(
  value: Readonly<Record<string, unknown>>,
  kind: PolicyKind,
  file: string,
  pointer: string,
  locateInFile: (pointer: string) => Position | undefined,
): LoadPolicyResult {
  const locate = (inner: string): Position | undefined => locateInFile(pointer + inner) ?? locateInFile(pointer)
  const issues = checkPolicy(value, kind)
  if (issues.length > 0) return { problems: located(issues, file, locate) }
  return { source: { kind, file, input: value, locate } }
}

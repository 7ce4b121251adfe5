/**
 * The request of `iam-eval evaluate`: from `--request FILE` (JSON or YAML; `-` for JSON on
 * standard input) and the flags `--principal`, `--action`, `--resource`, `--resource-account`,
 * `--context`, which override the file's fields (context keys one by one). Problems in the file
 * are reported at their place in it; missing fields name the flag to give.
 */
import path from 'node:path'
import type { AuthorizationRequest } from '../../index.js'
import { stringList, stringOption, UsageError } from '../args.js'
import type { OptionValues } from '../args.js'
import { displayPath } from '../files/expand-paths.js'
import { InputProblems } from '../files/input-problems.js'
import type { Problem } from '../files/problem.js'
import { readDocument } from '../files/source-document.js'
import type { SourceDocument } from '../files/source-document.js'
import type { CommandIo } from '../io.js'
import { readTextFile } from '../policies/source.js'
import { checkRequest, mergeRequests } from './check.js'
import { parseContextArgs } from './context-args.js'

/** The request file (or standard input) named by `--request`, with its position map. */
async function readRequestFile(
  file: string,
  io: CommandIo,
): Promise<{ value: Record<string, unknown>; display: string; locate: SourceDocument['locate'] }> {
  const display = file === '-' ? '<stdin>' : displayPath(path.resolve(io.cwd, file), io.cwd)
  let text: string
  if (file === '-') {
    text = await io.readStdin()
  } else {
    const read = readTextFile(path.resolve(io.cwd, file), display)
    if ('problems' in read) throw new InputProblems(read.problems)
    text = read.text
  }
  const parsed = readDocument(text, file)
  if (!parsed.ok) throw new InputProblems(parsed.problems.map((problem) => ({ file: display, ...problem })))
  const value = parsed.document.value
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputProblems([
      {
        file: display,
        line: 1,
        column: 1,
        code: 'invalid-request',
        message: 'a request must be an object with principal, action and resource',
      },
    ])
  }
  return { value: value as Record<string, unknown>, display, locate: (pointer) => parsed.document.locate(pointer) }
}

const REQUEST_FLAGS: Readonly<Record<string, string>> = {
  principal: 'principal',
  action: 'action',
  resource: 'resource',
  resourceAccount: 'resource-account',
}

/**
 * Reads `--request` (a file or standard input) and applies the request flags over it.
 * @throws InputProblems for an unreadable or malformed file; UsageError for missing fields.
 */
export async function requestFromArgs(values: OptionValues, io: CommandIo): Promise<AuthorizationRequest> {
  const file = stringOption(values, 'request')
  const base = file === undefined ? undefined : await readRequestFile(file, io)
  const overrides: Record<string, unknown> = {}
  for (const [field, name] of Object.entries(REQUEST_FLAGS)) {
    const value = stringOption(values, name)
    if (value !== undefined) overrides[field] = value
  }
  const context = stringList(values, 'context')
  if (context.length > 0) overrides['context'] = parseContextArgs(context)
  const checked = checkRequest(mergeRequests(base?.value ?? {}, overrides))
  if (!('problems' in checked)) return checked.request
  // A problem in a field the file supplied is reported at its place in the file; the rest are usage errors.
  const located: Problem[] = []
  const usage: string[] = []
  for (const problem of checked.problems) {
    const field = /^\/([^/]+)/.exec(problem.pointer)?.[1]
    const missing = problem.missing
    // Context keys from the file keep their place in it; flag-given keys are not found there.
    const fromFile =
      base !== undefined &&
      field !== undefined &&
      (field === 'context' ? base.locate(problem.pointer) !== undefined : overrides[field] === undefined)
    if (base !== undefined && fromFile) {
      const position = base.locate(problem.pointer)
      located.push({
        file: base.display,
        line: position?.line,
        column: position?.column,
        code: 'invalid-request',
        message: problem.message,
      })
    } else if (missing !== undefined) {
      usage.push(
        `missing --${REQUEST_FLAGS[missing] ?? missing}${base === undefined ? ' (or give --request FILE)' : ` (not in ${base.display} either)`}`,
      )
    } else {
      usage.push(problem.message)
    }
  }
  if (located.length > 0) throw new InputProblems(located)
  throw new UsageError(usage.join('; '))
}

/**
 * `iam-eval evaluate`: decide one request against policy files and print the decision with its
 * explanation (or the full result as JSON). Exit codes: 0 Allow, 2 denied, 1 usage or policy
 * error; with `--expect`, 0 when the decision is the expected one and 1 otherwise.
 */
import path from 'node:path'
import { evaluate, PolicyValidationError } from '../../index.js'
import type { AuthorizationRequest, EvaluationResult, PolicyKind } from '../../index.js'
import { choiceOption, colourFlag, parseCommandLine, stringList, stringOption, UsageError } from '../args.js'
import type { OptionValues } from '../args.js'
import { EXIT_DENIED, EXIT_ERROR, EXIT_OK } from '../exit-codes.js'
import { displayPath } from '../files/expand-paths.js'
import { formatProblem } from '../files/problem.js'
import type { Problem } from '../files/problem.js'
import { readDocument } from '../files/source-document.js'
import type { SourceDocument } from '../files/source-document.js'
import { withColour } from '../io.js'
import type { CommandIo } from '../io.js'
import { explanationLines } from '../output/explanation.js'
import { decisionColour } from '../output/decision.js'
import { groupLevels } from '../policies/level-args.js'
import { describeWithLocation, toPolicySet } from '../policies/set.js'
import type { PolicySources } from '../policies/set.js'
import { loadPolicyFile, readTextFile } from '../policies/source.js'
import type { PolicySource } from '../policies/source.js'
import { checkRequest, mergeRequests } from '../request/check.js'
import { parseContextArgs } from '../request/context-args.js'
import { parseTime } from '../request/time.js'
import { EXPECTATIONS, matchesExpectation } from '../expectation.js'
import type { Expectation } from '../expectation.js'

/** `iam-eval evaluate --help`. */
export const EVALUATE_HELP = `Usage: iam-eval evaluate [options]

Decide one request against policy files, the way AWS would.

Request (flags override fields of --request):
  --principal ARN            the caller: an IAM/STS ARN, a service principal, or '*' (anonymous)
  --action ACTION            one action, e.g. s3:GetObject
  --resource ARN             the resource ARN, or '*' for actions without a resource
  --resource-account ID      the account owning the resource when its ARN does not say (S3)
  --context KEY=VALUE        a condition key with a string value (repeatable)
  --context KEY:=JSON        a number, boolean or list: aws:MultiFactorAuthAge:=300,
                             aws:TagKeys:='["team","env"]'
                             Repeating a key makes it multi-valued: --context aws:TagKeys=team
                             --context aws:TagKeys=env is ["team", "env"].
  --request FILE             the request as JSON or YAML ({ principal, action, resource,
                             resourceAccount?, context? }); '-' reads standard input
  --now TIME                 the time for aws:CurrentTime/aws:EpochTime: ISO 8601 with a zone
                             (2025-01-31T12:00:00Z) or epoch seconds (default: now)

Policies (JSON files; every type is optional, absent means "does not apply"):
  --identity FILE            identity-based policy of the caller (repeatable)
  --resource-policy FILE     resource-based policy of the resource (bucket policy, key policy)
  --trust FILE               role trust policy (the resource policy of sts:AssumeRole on a role;
                             checked with the trust-policy rules)
  --boundary FILE            permissions boundary
  --session FILE             session policy
  --scp [LEVEL:]FILE         SCP at a level (repeatable): --scp 0:root.json --scp 1:ou.json;
                             levels count from 0 (organization root) and each must allow;
                             without a prefix a file joins level 0
  --rcp [LEVEL:]FILE         RCP at a level (repeatable, same syntax)
  --endpoint FILE            VPC endpoint policy (repeatable)

Output:
  --json                     print the full result (with explanation) as JSON
  --expect DECISION          assert the decision: Allow, ExplicitDeny, ImplicitDeny, or Deny
                             (either deny); exit 0 if it matches, 1 otherwise
  -v, --verbose              list every statement and gate, not only the near misses
  --color, --no-color        force colour on or off (default: on for a terminal, off under
                             NO_COLOR or when piped)
  -h, --help                 show this help

Exit codes: 0 allowed, 2 denied (explicitly or implicitly), 1 usage or policy error
(with --expect: 0 as expected, 1 not as expected).

Example:
  iam-eval evaluate --identity analyst.json --resource-policy bucket.json \\
    --principal arn:aws:iam::111122223333:role/analyst --action s3:GetObject \\
    --resource arn:aws:s3:::data-lake/finance/q1.csv --context aws:PrincipalTag/team=finance
`

const OPTIONS = {
  principal: { type: 'string' },
  action: { type: 'string' },
  resource: { type: 'string' },
  'resource-account': { type: 'string' },
  context: { type: 'string', multiple: true },
  request: { type: 'string' },
  now: { type: 'string' },
  identity: { type: 'string', multiple: true },
  'resource-policy': { type: 'string' },
  trust: { type: 'string' },
  boundary: { type: 'string' },
  session: { type: 'string' },
  scp: { type: 'string', multiple: true },
  rcp: { type: 'string', multiple: true },
  endpoint: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  expect: { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
} as const

/** Thrown when inputs are unusable; carries located problems to print. */
class InputProblems extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super('invalid input')
  }
}

/** Loads the policy files named by the flags, collecting every problem before giving up. */
function loadSources(values: OptionValues, io: CommandIo): PolicySources {
  const problems: Problem[] = []
  const load = (file: string, kind: PolicyKind): PolicySource | undefined => {
    const absolute = path.resolve(io.cwd, file)
    const loaded = loadPolicyFile(absolute, displayPath(absolute, io.cwd), kind)
    if ('problems' in loaded) {
      problems.push(...loaded.problems)
      return undefined
    }
    return loaded.source
  }
  const one = (name: string, kind: PolicyKind): PolicySource | undefined => {
    const file = stringOption(values, name)
    return file === undefined ? undefined : load(file, kind)
  }
  const many = (name: string, kind: PolicyKind): PolicySource[] | undefined => {
    const files = stringList(values, name)
    return files.length === 0 ? undefined : files.map((file) => load(file, kind)).filter((source) => source !== undefined)
  }
  const levels = (name: string, kind: PolicyKind): PolicySource[][] | undefined => {
    const files = stringList(values, name)
    if (files.length === 0) return undefined
    return groupLevels(name, files).map((level) => level.map((file) => load(file, kind)).filter((source) => source !== undefined))
  }
  if (values['resource-policy'] !== undefined && values['trust'] !== undefined) {
    throw new UsageError('--resource-policy and --trust both name the resource policy; give one of them')
  }
  const sources: PolicySources = {
    identity: many('identity', 'identity'),
    resource: one('resource-policy', 'resource') ?? one('trust', 'trust'),
    permissionsBoundary: one('boundary', 'boundary'),
    session: one('session', 'session'),
    scps: levels('scp', 'scp'),
    rcps: levels('rcp', 'rcp'),
    endpoint: many('endpoint', 'endpoint'),
  }
  if (problems.length > 0) throw new InputProblems(problems)
  return sources
}

/** The request file (or standard input) named by `--request`, with its position map. */
async function readRequestFile(file: string, io: CommandIo): Promise<{ value: Record<string, unknown>; display: string; locate: SourceDocument['locate'] }> {
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
    throw new InputProblems([{ file: display, line: 1, column: 1, code: 'invalid-request', message: 'a request must be an object with principal, action and resource' }])
  }
  return { value: value as Record<string, unknown>, display, locate: (pointer) => parsed.document.locate(pointer) }
}

const REQUEST_FLAGS: Readonly<Record<string, string>> = {
  principal: 'principal',
  action: 'action',
  resource: 'resource',
  resourceAccount: 'resource-account',
}

/** Reads `--request` (a file or standard input) and applies the request flags over it. */
async function buildRequest(values: OptionValues, io: CommandIo): Promise<AuthorizationRequest> {
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
    const fromFile = base !== undefined && field !== undefined && (field === 'context' ? base.locate(problem.pointer) !== undefined : overrides[field] === undefined)
    if (base !== undefined && fromFile) {
      const position = base.locate(problem.pointer)
      located.push({ file: base.display, line: position?.line, column: position?.column, code: 'invalid-request', message: problem.message })
    } else if (missing !== undefined) {
      usage.push(`missing --${REQUEST_FLAGS[missing] ?? missing}${base === undefined ? ' (or give --request FILE)' : ` (not in ${base.display} either)`}`)
    } else {
      usage.push(problem.message)
    }
  }
  if (located.length > 0) throw new InputProblems(located)
  throw new UsageError(usage.join('; '))
}

/** Runs `iam-eval evaluate`. */
export async function runEvaluate(args: readonly string[], baseIo: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS, true)
  const io = withColour(baseIo, colourFlag(values))
  if (values['help'] === true) {
    io.stdout.write(EVALUATE_HELP)
    return EXIT_OK
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0] ?? ''}' (policies are given with --identity, --resource-policy, ...)`)
  const expectation: Expectation | undefined = choiceOption(values, 'expect', EXPECTATIONS)
  const nowText = stringOption(values, 'now')
  const now = nowText === undefined ? undefined : parseTime(nowText)
  if (nowText !== undefined && now === undefined) throw new UsageError(`--now '${nowText}': expected an ISO 8601 time with a zone (2025-01-31T12:00:00Z) or epoch seconds`)
  let sources: PolicySources
  let request: AuthorizationRequest
  try {
    sources = loadSources(values, io)
    request = await buildRequest(values, io)
  } catch (error) {
    if (!(error instanceof InputProblems)) throw error
    for (const problem of error.problems) io.stderr.write(`${formatProblem(problem, io.err)}\n`)
    return EXIT_ERROR
  }
  let result: EvaluationResult
  try {
    result = evaluate(request, toPolicySet(sources), { explain: true, now })
  } catch (error) {
    // Every policy was checked on load, so this is a surprise; report it rather than crash.
    if (!(error instanceof PolicyValidationError)) throw error
    io.stderr.write(`iam-eval: ${error.message}\n`)
    return EXIT_ERROR
  }
  if (values['json'] === true) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  } else {
    printResult(result, request, sources, values['verbose'] === true, io)
  }
  if (expectation !== undefined) {
    if (matchesExpectation(result.decision, expectation)) return EXIT_OK
    io.stderr.write(`${io.err.red('expectation failed:')} expected ${expectation}, got ${result.decision}\n`)
    return EXIT_ERROR
  }
  return result.allowed ? EXIT_OK : EXIT_DENIED
}

function printResult(result: EvaluationResult, request: AuthorizationRequest, sources: PolicySources, verbose: boolean, io: CommandIo): void {
  const style = io.out
  const colour = decisionColour(style, result.decision)
  io.stdout.write(`${style.bold(colour(result.decision))}  ${request.action} on ${request.resource}\n`)
  io.stdout.write(`  ${style.dim('principal:')} ${request.principal}\n`)
  const lines = explanationLines(result, {
    style,
    describe: describeWithLocation(sources),
    verbose,
    // For an Allow the near misses are noise; for a deny they are usually the answer.
    nearMisses: result.decision !== 'Allow',
  })
  for (const line of lines) io.stdout.write(`${line}\n`)
}

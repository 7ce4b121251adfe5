/**
 * `iam-eval evaluate`: decide one request against policy files and print the decision with its
 * explanation (or the full result as JSON). Exit codes: 0 Allow, 2 denied, 1 usage or policy
 * error; with `--expect`, 0 when the decision is the expected one and 1 otherwise.
 */
import { evaluate, PolicyValidationError } from '../../index.js'
import type { AuthorizationRequest, EvaluationResult } from '../../index.js'
import { choiceOption, colourFlag, parseCommandLine, stringOption, UsageError } from '../args.js'
import { EXIT_DENIED, EXIT_ERROR, EXIT_OK } from '../exit-codes.js'
import { EXPECTATIONS, matchesExpectation } from '../expectation.js'
import type { Expectation } from '../expectation.js'
import { InputProblems } from '../files/input-problems.js'
import { formatProblem } from '../files/problem.js'
import { withColour } from '../io.js'
import type { CommandIo } from '../io.js'
import { decisionColour } from '../output/decision.js'
import { explanationLines } from '../../format/explanation.js'
import { policySourcesFromArgs } from '../policies/from-args.js'
import { describeWithLocation, toPolicySet } from '../policies/set.js'
import type { PolicySources } from '../policies/set.js'
import { requestFromArgs } from '../request/from-args.js'
import { parseTime } from '../request/time.js'

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
                             resourceAccount?, context? }); '-' reads JSON from standard input
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

/** Runs `iam-eval evaluate`. */
export async function runEvaluate(args: readonly string[], baseIo: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS, true)
  const io = withColour(baseIo, colourFlag(values))
  if (values['help'] === true) {
    io.stdout.write(EVALUATE_HELP)
    return EXIT_OK
  }
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument '${positionals[0] ?? ''}' (policies are given with --identity, --resource-policy, ...)`)
  const expectation: Expectation | undefined = choiceOption(values, 'expect', EXPECTATIONS)
  const nowText = stringOption(values, 'now')
  const now = nowText === undefined ? undefined : parseTime(nowText)
  if (nowText !== undefined && now === undefined)
    throw new UsageError(`--now '${nowText}': expected an ISO 8601 time with a zone (2025-01-31T12:00:00Z) or epoch seconds`)
  let sources: PolicySources
  let request: AuthorizationRequest
  try {
    sources = policySourcesFromArgs(values, io)
    request = await requestFromArgs(values, io)
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

function printResult(
  result: EvaluationResult,
  request: AuthorizationRequest,
  sources: PolicySources,
  verbose: boolean,
  io: CommandIo,
): void {
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

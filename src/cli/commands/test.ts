/**
 * `iam-eval test [PATHS...]`: find policy test suites, run every case, report through the chosen
 * reporters. Exit 0 when every case passed (or was skipped), 1 when a case failed or could not
 * run, a suite or policy is invalid, or a path named nothing.
 */
import { colourFlag, parseCommandLine, stringList, stringOption } from '../args.js'
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js'
import { expandPaths } from '../files/expand-paths.js'
import type { Problem } from '../files/problem.js'
import { withColour } from '../io.js'
import type { CommandIo } from '../io.js'
import { selectReporters } from '../reporters/select.js'
import { summarize } from '../suite/outcome.js'
import type { RunOutcome, SuiteOutcome } from '../suite/outcome.js'
import { PolicyResolver } from '../suite/policies.js'
import { runSuite } from '../suite/run.js'

/** Files a directory search treats as suites. */
export const SUITE_PATTERNS = ['**/*.iam-test.json', '**/*.iam-test.yaml', '**/*.iam-test.yml']

/** `iam-eval test --help`. */
export const TEST_HELP = `Usage: iam-eval test [options] [PATHS...]

Run policy test suites. A suite (*.iam-test.yaml or *.iam-test.json; format:
schemas/suite.schema.json, or 'iam-eval/suite.schema.json' from the package) names policy files
relative to itself and lists cases { name, request, expect }.

PATHS are suite files, directories (searched for **/*.iam-test.{json,yaml,yml}) or globs
(quote them). Without PATHS the current directory is searched. node_modules is never searched.

Options:
  --reporter NAME[=FILE]  pretty (default), json, junit or github; with =FILE the report is
                          written to FILE instead of standard output. Repeatable:
                          --reporter github --reporter junit=reports/iam-policies.xml
  --filter TEXT           run only cases whose "suite › case" name contains TEXT
                          (case-insensitive)
  -v, --verbose           pretty reporter: show the decision and reason of passing cases too
  --color, --no-color     force colour on or off (pretty reporter)
  -h, --help              show this help

Exit codes: 0 every case passed, 1 a case failed or could not run, a suite or policy is
invalid, or a path named nothing.

Suite example (data-lake.iam-test.yaml):
  policies:
    identity: [policies/analyst.json]
    resource: policies/bucket.json
    scps: [[scps/root.json], [scps/region-guardrail.json]]
  defaults:
    principal: arn:aws:iam::111122223333:role/analyst
  cases:
    - name: analyst reads finance data
      request:
        action: s3:GetObject
        resource: arn:aws:s3:::example-data-lake/finance/q1.csv
        context: { aws:PrincipalTag/team: finance, aws:ResourceTag/team: finance }
      expect: Allow
`

const OPTIONS = {
  reporter: { type: 'string', multiple: true },
  filter: { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
} as const

/** Runs `iam-eval test`. */
export async function runTest(args: readonly string[], baseIo: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS, true)
  const io = withColour(baseIo, colourFlag(values))
  if (values['help'] === true) {
    io.stdout.write(TEST_HELP)
    return EXIT_OK
  }
  const reporter = selectReporters(stringList(values, 'reporter'), io, values['verbose'] === true)
  const filter = stringOption(values, 'filter')
  const start = performance.now()
  const expanded = expandPaths(positionals, { cwd: io.cwd, patterns: SUITE_PATTERNS })
  const problems: Problem[] = expanded.errors.map((error) => ({ file: error.path, code: 'missing-file', message: error.message }))
  if (expanded.files.length === 0 && expanded.errors.length === 0) {
    const where = positionals.length === 0 ? 'the current directory' : positionals.join(', ')
    problems.push({ file: '', code: 'no-suites', message: `no test suites found in ${where} (looked for ${SUITE_PATTERNS.join(', ')})` })
  }
  const resolver = new PolicyResolver(io.cwd)
  const suites: SuiteOutcome[] = []
  for (const file of expanded.files) {
    const suite = runSuite(file, { cwd: io.cwd, resolver, ...(filter === undefined ? {} : { filter }) })
    if (suite === undefined) continue
    suites.push(suite)
    reporter.suiteFinished?.(suite)
  }
  if (filter !== undefined && suites.length === 0 && expanded.files.length > 0) {
    problems.push({ file: '', code: 'no-cases', message: `no case matches --filter '${filter}'` })
  }
  const summary = summarize(suites, problems)
  const run: RunOutcome = {
    suites,
    problems,
    summary,
    durationMs: performance.now() - start,
    success: summary.failed === 0 && summary.errors === 0 && summary.problems === 0,
  }
  reporter.finish(run)
  return run.success ? EXIT_OK : EXIT_ERROR
}

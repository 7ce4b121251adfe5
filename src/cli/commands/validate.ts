/**
 * `iam-eval validate PATHS...`: check policy files against the grammar and the rules of their
 * kind, printing `file:line:column  code  message` for each finding; exit 1 when a finding is as
 * severe as `--fail-on` (default `error`) or a path names nothing. Findings come from
 * `collectFindings`, where lint findings will join validation issues.
 */
import { POLICY_KINDS } from '../../index.js'
import type { PolicyKind } from '../../index.js'
import { choiceOption, colourFlag, parseCommandLine, UsageError } from '../args.js'
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js'
import { displayPath, expandPaths } from '../files/expand-paths.js'
import { formatProblem } from '../files/problem.js'
import { readJsonDocument } from '../files/source-document.js'
import { withColour } from '../io.js'
import type { CommandIo } from '../io.js'
import type { Style } from '../output/colour.js'
import { readTextFile } from '../policies/source.js'
import { collectFindings, isAtLeast, SEVERITIES } from '../validate/findings.js'
import type { Finding, Severity } from '../validate/findings.js'
import { inferKind } from '../validate/infer-kind.js'

/** `iam-eval validate --help`. */
export const VALIDATE_HELP = `Usage: iam-eval validate [options] PATHS...

Check policy files (JSON) against the IAM grammar and the rules of their kind. Each finding is
printed as  file:line:column  code  message.

PATHS are files, directories (searched for **/*.json, skipping node_modules and *.iam-test.json
suites) or globs ('policies/**/*.json'; quote them so the shell leaves them alone).

Options:
  --kind KIND          the kind of every file: identity (default), resource, trust, boundary,
                       session, scp, rcp, endpoint, or auto
                       auto guesses from the content: a statement with Principal/NotPrincipal
                       makes it a resource policy, or a trust policy when no statement has
                       Resource/NotResource and every action is sts:AssumeRole*/TagSession/
                       SetSourceIdentity; anything else is an identity policy (SCPs, RCPs,
                       boundaries, session and endpoint policies need an explicit --kind)
  --fail-on SEVERITY   exit 1 when a finding is at least this severe: error (default),
                       security, warning, suggestion
  --json               print the findings as JSON
  -v, --verbose        also list files without findings, with their kind
  --color, --no-color  force colour on or off
  -h, --help           show this help

Exit codes: 0 no finding at or above --fail-on, 1 otherwise or when a path names nothing.
`

const OPTIONS = {
  kind: { type: 'string' },
  'fail-on': { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
} as const

/** The findings of one file. */
interface FileReport {
  readonly file: string
  readonly kind: PolicyKind
  readonly findings: readonly Finding[]
}

function severityColour(style: Style, severity: Severity): (text: string) => string {
  return severity === 'error' || severity === 'security' ? style.red : severity === 'warning' ? style.yellow : style.cyan
}

/** Runs `iam-eval validate`. */
export async function runValidate(args: readonly string[], baseIo: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS, true)
  const io = withColour(baseIo, colourFlag(values))
  if (values['help'] === true) {
    io.stdout.write(VALIDATE_HELP)
    return EXIT_OK
  }
  const kindOption = choiceOption(values, 'kind', [...POLICY_KINDS, 'auto'] as const) ?? 'identity'
  const failOn = choiceOption(values, 'fail-on', SEVERITIES) ?? 'error'
  if (positionals.length === 0) throw new UsageError('validate needs at least one file, directory or glob (see iam-eval validate --help)')
  const expanded = expandPaths(positionals, { cwd: io.cwd, patterns: ['**/*.json'], exclude: ['**/*.iam-test.json'] })
  for (const error of expanded.errors) io.stderr.write(`iam-eval: ${error.message}\n`)

  const reports: FileReport[] = []
  for (const absolute of expanded.files) {
    const file = displayPath(absolute, io.cwd)
    const read = readTextFile(absolute, file)
    if ('problems' in read) {
      reports.push({
        file,
        kind: 'identity',
        findings: read.problems.map((problem) => ({ code: problem.code, severity: 'error', path: '', message: problem.message })),
      })
      continue
    }
    let kind: PolicyKind = kindOption === 'auto' ? 'identity' : kindOption
    if (kindOption === 'auto') {
      const parsed = readJsonDocument(read.text)
      if (parsed.ok) kind = inferKind(parsed.document.value)
    }
    reports.push({ file, kind, findings: collectFindings({ text: read.text, kind }) })
  }

  const failing = reports.reduce(
    (count, report) => count + report.findings.filter((finding) => isAtLeast(finding.severity, failOn)).length,
    0,
  )
  const total = reports.reduce((count, report) => count + report.findings.length, 0)
  const failed = failing > 0 || expanded.errors.length > 0
  if (values['json'] === true) {
    const summary = { files: reports.length, findings: total, failOn, failed }
    io.stdout.write(`${JSON.stringify({ files: reports, errors: expanded.errors, summary }, null, 2)}\n`)
  } else {
    printReports(reports, values['verbose'] === true, io)
    const filesWith = reports.filter((report) => report.findings.length > 0).length
    const style = io.out
    const summary =
      total === 0
        ? style.green(`${reports.length} file${reports.length === 1 ? '' : 's'} valid`)
        : `${(failing > 0 ? style.red : style.yellow)(`${total} finding${total === 1 ? '' : 's'}`)} in ${filesWith} of ${reports.length} file${reports.length === 1 ? '' : 's'}`
    io.stdout.write(`${summary}\n`)
  }
  return failed ? EXIT_ERROR : EXIT_OK
}

function printReports(reports: readonly FileReport[], verbose: boolean, io: CommandIo): void {
  const style = io.out
  for (const report of reports) {
    if (report.findings.length === 0) {
      if (verbose) io.stdout.write(`${style.green('ok')}  ${report.file}  ${style.dim(`(${report.kind})`)}\n`)
      continue
    }
    for (const finding of report.findings) {
      const problem = { file: report.file, line: finding.line, column: finding.column, code: finding.code, message: finding.message }
      // Errors print exactly as `file:line:column  code  message`; lesser severities say which they are.
      const line =
        finding.severity === 'error'
          ? formatProblem(problem, style)
          : formatProblem(
              { ...problem, message: `${severityColour(style, finding.severity)(`[${finding.severity}]`)} ${finding.message}` },
              style,
            )
      io.stdout.write(`${line}\n`)
    }
  }
}

/**
 * The JUnit XML reporter, the format CI systems (Jenkins, GitLab, Azure Pipelines, GitHub test
 * reporters) read: one `<testsuite>` per suite file, one `<testcase>` per case, `<failure>` with
 * the full explanation for a wrong decision, `<error>` for a case or suite that could not run,
 * `<skipped>` for skipped cases. A suite that could not run gets one `<testcase>` carrying the
 * error, so CI counts it.
 */
import type { CaseOutcome, RunOutcome, SuiteOutcome } from '../suite/outcome.js'
import { formatProblem } from '../files/problem.js'
import type { Problem } from '../files/problem.js'
import { PLAIN } from '../output/colour.js'
import { caseDetailLines, caseHeadline } from './case-details.js'
import type { Reporter, ReporterTarget } from './reporter.js'

/** Characters XML 1.0 forbids even when escaped (controls other than tab, line feed, return; lone surrogates). */
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escapes text for XML content and attribute values (invalid characters become U+FFFD). */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
}

/** Escapes element text, keeping line breaks readable. */
function escapeText(text: string): string {
  return escapeXml(text).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t')
}

function attributes(values: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('')
}

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(3)
}

function testcase(outcome: CaseOutcome, suite: SuiteOutcome): string {
  const open = `    <testcase${attributes({ name: outcome.name, classname: suite.name, file: outcome.file, line: outcome.line, time: seconds(outcome.durationMs) })}`
  switch (outcome.status) {
    case 'passed':
      return `${open}/>`
    case 'skipped':
      return `${open}>\n      <skipped${attributes({ message: outcome.skipReason })}/>\n    </testcase>`
    case 'failed':
    case 'error': {
      const element = outcome.status === 'failed' ? 'failure' : 'error'
      const type = outcome.status === 'failed' ? 'DecisionMismatch' : 'CaseError'
      const body = caseDetailLines(outcome, PLAIN).join('\n')
      return `${open}>\n      <${element}${attributes({ message: caseHeadline(outcome), type })}>${escapeText(body)}</${element}>\n    </testcase>`
    }
  }
}

function problemCase(name: string, classname: string, problems: readonly Problem[]): string {
  const body = problems.map((problem) => formatProblem(problem, PLAIN)).join('\n')
  const first = problems[0]
  const head = first === undefined ? 'error' : first.message
  const location = first === undefined ? {} : { file: first.file, line: first.line }
  return `    <testcase${attributes({ name, classname, ...location, time: '0.000' })}>\n      <error${attributes({ message: head, type: 'SuiteError' })}>${escapeText(body)}</error>\n    </testcase>`
}

function testsuite(suite: SuiteOutcome): string {
  const count = (status: CaseOutcome['status']): number => suite.cases.filter((outcome) => outcome.status === status).length
  const broken = suite.problems.length > 0
  const header = attributes({
    name: suite.name,
    tests: suite.cases.length + (broken ? 1 : 0),
    failures: count('failed'),
    errors: count('error') + (broken ? 1 : 0),
    skipped: count('skipped'),
    time: seconds(suite.durationMs),
    file: suite.file,
  })
  const cases = suite.cases.map((outcome) => testcase(outcome, suite))
  if (broken) cases.push(problemCase(`${suite.file} (suite could not run)`, suite.name, suite.problems))
  return `  <testsuite${header}>${cases.length === 0 ? '' : `\n${cases.join('\n')}\n  `}</testsuite>`
}

/** The run as a JUnit XML document. */
export function junitXml(run: RunOutcome): string {
  const suites = run.suites.map(testsuite)
  if (run.problems.length > 0) {
    suites.push(
      `  <testsuite${attributes({ name: 'iam-eval', tests: 1, failures: 0, errors: 1, skipped: 0, time: '0.000' })}>\n${problemCase('arguments', 'iam-eval', run.problems)}\n  </testsuite>`,
    )
  }
  const brokenSuites = run.suites.filter((suite) => suite.problems.length > 0).length + (run.problems.length > 0 ? 1 : 0)
  const summary = run.summary
  const header = attributes({
    name: 'iam-eval',
    tests: summary.cases + brokenSuites,
    failures: summary.failed,
    errors: summary.errors + brokenSuites,
    skipped: summary.skipped,
    time: seconds(run.durationMs),
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${header}>${suites.length === 0 ? '' : `\n${suites.join('\n')}\n`}</testsuites>\n`
}

/** The JUnit reporter. */
export function junitReporter(target: ReporterTarget): Reporter {
  return {
    finish(run) {
      target.writer.write(junitXml(run))
    },
  }
}

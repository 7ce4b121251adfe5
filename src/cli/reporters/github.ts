/**
 * The GitHub Actions reporter: the terminal report of each suite folded into a log group, then
 * one workflow-command annotation per failure, in GitHub's exact format
 * `::error file=F,line=L,col=C,title=T::MESSAGE`, pointing at the case in the suite file (or, for
 * an invalid policy, at the problem in the policy file), so the failure shows on the pull
 * request's diff. Escaping follows `@actions/core`: `%`, CR and LF in messages; additionally `:`
 * and `,` in property values.
 */
import type { Problem } from '../files/problem.js'
import { PLAIN } from '../output/colour.js'
import type { RunOutcome } from '../suite/outcome.js'
import { caseDetailLines, caseHeadline } from './case-details.js'
import { suiteLines, summaryLines } from './pretty.js'
import type { Reporter, ReporterTarget } from './reporter.js'

/** Escapes the message of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a property value of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** Where an annotation points. */
interface AnnotationLocation {
  readonly file?: string
  readonly line?: number
  readonly column?: number
}

/** `::error file=...,line=...,col=...,title=...::message` (properties without a value are left out). */
export function errorAnnotation(location: AnnotationLocation, title: string, message: string): string {
  const properties: string[] = []
  if (location.file !== undefined && location.file !== '') properties.push(`file=${escapeProperty(location.file)}`)
  if (location.line !== undefined) properties.push(`line=${location.line}`)
  if (location.line !== undefined && location.column !== undefined) properties.push(`col=${location.column}`)
  properties.push(`title=${escapeProperty(title)}`)
  return `::error ${properties.join(',')}::${escapeData(message)}`
}

function problemAnnotation(problem: Problem): string {
  return errorAnnotation(problem, `iam-eval: ${problem.code}`, problem.message)
}

/** The GitHub Actions reporter. */
export function githubReporter(target: ReporterTarget): Reporter {
  const { writer } = target
  const annotations: string[] = []
  return {
    suiteFinished(suite) {
      // Groups are folded in the log; the annotations below are what people see first.
      writer.write(`::group::${escapeData(`${suite.name} (${suite.file})`)}\n${suiteLines(suite, PLAIN).join('\n')}\n::endgroup::\n`)
      for (const problem of suite.problems) annotations.push(problemAnnotation(problem))
      for (const outcome of suite.cases) {
        if (outcome.status !== 'failed' && outcome.status !== 'error') continue
        const title = `iam-eval: ${suite.name} › ${outcome.name}`
        // A failure's details start with its mismatches; an error's details are its problems, which need the headline.
        const details = caseDetailLines(outcome, PLAIN)
        const message = (outcome.status === 'failed' ? details : [caseHeadline(outcome), ...details]).join('\n')
        annotations.push(errorAnnotation(outcome, title, message))
        // An invalid policy in a case override is also marked where it is wrong.
        for (const problem of outcome.problems) if (problem.file !== outcome.file) annotations.push(problemAnnotation(problem))
      }
    },
    finish(run) {
      for (const problem of run.problems) annotations.push(problemAnnotation(problem))
      for (const annotation of annotations) writer.write(`${annotation}\n`)
      writer.write(`${summaryLines(run, PLAIN).join('\n')}\n`)
    },
  }
}

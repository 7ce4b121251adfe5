/**
 * Findings about one policy file, whatever found them: today the library's validation issues
 * (severity `error`); later the linter's findings, merged in {@link collectFindings}. Also owns
 * the severity scale that `--fail-on` compares against.
 */
import type { PolicyKind } from '../../index.js'
import { readJsonDocument } from '../files/source-document.js'
import { checkPolicy } from '../policies/check.js'

/** How bad a finding is, most severe first: `error` (AWS refuses the policy), `security`, `warning`, `suggestion`. */
export type Severity = 'error' | 'security' | 'warning' | 'suggestion'

/** Every severity, most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'security', 'warning', 'suggestion']

/** One finding about a policy (the shape `lintPolicy` will return too). */
export interface Finding {
  readonly code: string
  readonly severity: Severity
  /** JSON pointer into the policy. */
  readonly path: string
  readonly line?: number
  readonly column?: number
  readonly message: string
}

/** A policy file to examine. */
export interface FindingInput {
  /** The file's JSON text. */
  readonly text: string
  /** The kind it is checked as. */
  readonly kind: PolicyKind
}

/** True when `severity` is `threshold` or worse. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold)
}

/**
 * Every finding about a policy, with positions where the text allows. The single place where
 * sources of findings are merged: validation issues now; once the linter exists, its findings
 * join here for policies that are valid, e.g.
 * `if (findings.length === 0) findings.push(...lintPolicy(input.text, { kind: input.kind }))`.
 */
export function collectFindings(input: FindingInput): Finding[] {
  const findings: Finding[] = checkPolicy(input.text, input.kind).map((issue) => ({
    code: issue.code,
    severity: 'error',
    path: issue.path,
    line: issue.line,
    column: issue.column,
    message: issue.message,
  }))
  return locateFindings(findings, input.text)
}

/** Fills in line and column from the JSON pointer for findings that lack them. */
function locateFindings(findings: readonly Finding[], text: string): Finding[] {
  if (findings.every((finding) => finding.line !== undefined)) return [...findings]
  const parsed = readJsonDocument(text)
  return findings.map((finding) => {
    if (finding.line !== undefined || !parsed.ok) return finding
    const position = parsed.document.locate(finding.path)
    return position === undefined ? finding : { ...finding, line: position.line, column: position.column }
  })
}

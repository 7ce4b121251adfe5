/**
 * Findings about one policy file, whatever found them: the library's validation issues (severity
 * `error`, including the size quotas a compile applies) and, for valid policies, the linter's
 * findings, merged in {@link collectFindings}. Also owns the comparison `--fail-on` uses.
 */
import type { PolicyKind } from '../../index.js'
import { lintPolicy, SEVERITIES } from '../../lint/index.js'
import type { Finding, Severity } from '../../lint/index.js'
import { readJsonDocument } from '../files/source-document.js'
import { checkPolicy } from '../policies/check.js'

export { SEVERITIES }
export type { Finding, Severity }

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
 * sources of findings are merged: validation issues, then, for a valid policy, the linter's.
 */
export function collectFindings(input: FindingInput): Finding[] {
  const findings: Finding[] = checkPolicy(input.text, input.kind).map((issue) => ({
    code: issue.code,
    severity: 'error' as const,
    path: issue.path,
    message: issue.message,
    ...(issue.line === undefined ? {} : { line: issue.line, column: issue.column }),
  }))
  // The linter re-reports validation problems itself; it only adds to a policy that is valid.
  if (findings.length === 0) findings.push(...lintPolicy(input.text, { kind: input.kind }))
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

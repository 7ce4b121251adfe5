/**
 * Renders `docs/lint-codes.md` from the check table and the validation-code table, so the
 * documentation cannot drift from the code: a test compares the committed file with this output
 * (and rewrites it when asked to).
 */
import { LINT_CHECKS } from './checks/index.js'
import { LINT_CHECK_FAILED, lintPolicy } from './lint-policy.js'
import { SEVERITIES } from './types.js'
import type { LintCheck, Severity } from './types.js'
import { VALIDATION_CODES } from './validation-codes.js'

const SEVERITY_TEXT: Readonly<Record<Severity, string>> = {
  error: 'AWS rejects the document, or IAM Access Analyzer reports the problem as an error.',
  security: 'The policy grants more than is probably intended.',
  warning: 'AWS accepts the policy, but part of it does not do what it seems to say.',
  suggestion: 'Redundant or unusual spelling with no effect on the outcome.',
}

/** The example as it is shown: compact statements unless long. */
function exampleJson(check: LintCheck): string {
  const text = JSON.stringify(check.example.policy, null, 2)
  const lines = text.split('\n')
  if (lines.length <= 40) return text
  // Size examples hold long generated lists: show the beginning and say what was cut.
  return `${lines.slice(0, 12).join('\n')}\n  ... (${lines.length - 12} more lines)`
}

function section(check: LintCheck): string {
  const finding = lintPolicy(check.example.policy, { kind: check.example.kind }).find((candidate) => candidate.code === check.code)
  const reported =
    finding === undefined ? '' : `\nReported as: \`${finding.path === '' ? '(document)' : finding.path}\` — ${finding.message}\n`
  return [
    `### \`${check.code}\``,
    '',
    `Severity: **${check.severity}**. Rules: ${check.rules.join(', ')}.`,
    '',
    `**What it means.** ${check.description}`,
    '',
    `**Why it matters.** ${check.rationale}`,
    '',
    `**Example** (kind \`${check.example.kind}\`):`,
    '',
    '```json',
    exampleJson(check),
    '```',
    reported,
    `**Fix.** ${check.fix}`,
    '',
  ].join('\n')
}

/** Renders the Markdown of `docs/lint-codes.md`. */
export function renderLintCodes(): string {
  const counts = SEVERITIES.map((severity) => `${LINT_CHECKS.filter((check) => check.severity === severity).length} ${severity}`).join(', ')
  const index = LINT_CHECKS.map(
    (check) => `| [\`${check.code}\`](#${check.code}) | ${check.severity} | ${check.description.replace(/\|/g, '\\|')} |`,
  )
  const validation = Object.entries(VALIDATION_CODES).map(
    ([code, info]) => `| \`${code}\` | ${info.description.replace(/\|/g, '\\|')} | ${info.fix.replace(/\|/g, '\\|')} |`,
  )
  return [
    '# Lint codes',
    '',
    '<!-- Generated from src/lint/checks by test/lint/docs.test.ts; run `UPDATE_LINT_DOCS=1 npx vitest run test/lint/docs.test.ts` after changing a check. -->',
    '',
    '`lintPolicy(input, { kind })` returns findings `{ code, severity, path, line?, column?, message, fix? }`. `path` is a',
    'JSON pointer; `line`/`column` are present when the input was JSON text. Codes are stable: a code never changes',
    'meaning once published. Rule numbers refer to the semantics specification (`iam-semantics.md`); `C` numbers to',
    '`docs/semantics-choices.md`.',
    '',
    "Severities follow IAM Access Analyzer's grouping:",
    '',
    ...SEVERITIES.map((severity) => `- **${severity}**: ${SEVERITY_TEXT[severity]}`),
    '',
    `There are ${LINT_CHECKS.length} checks (${counts}).`,
    '',
    '## Index',
    '',
    '| Code | Severity | Meaning |',
    '| --- | --- | --- |',
    ...index,
    '',
    '## Validation errors',
    '',
    'A document that fails validation yields one finding of severity `error` per validation issue, with the',
    "issue's code; the checks that can still run on the raw JSON follow (a check that restates a validation",
    'error at the same place is reported once).',
    '',
    '| Code | Meaning | Fix |',
    '| --- | --- | --- |',
    ...validation,
    `| \`${LINT_CHECK_FAILED}\` | Severity warning: a check failed while running (a bug in the linter, not in the policy); the other checks still ran. | Report it with the policy that caused it. |`,
    '',
    '## Checks',
    '',
    ...LINT_CHECKS.map(section),
  ].join('\n')
}

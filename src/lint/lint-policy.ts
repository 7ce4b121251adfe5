/**
 * `lintPolicy`: the linter's core. It validates the document, turns validation issues into
 * `error` findings, builds the tolerant view every check reads, runs every check of the table in
 * `checks/index.ts`, and returns the findings sorted by position. It knows nothing about any
 * individual check, and it never throws: a check that fails is reported as a finding, and any
 * other failure as a single finding.
 */
import { readJsonText } from '../policy/json-text.js'
import { serializeJsonValue } from '../policy/json-value.js'
import type { ParsedPolicy, PolicyKind } from '../policy/model.js'
import { POLICY_KINDS } from '../policy/model.js'
import type { PolicyIssue } from '../policy/errors.js'
import { isParsedPolicy, validatePolicy } from '../policy/parse.js'
import { describeThrown } from '../util/describe-thrown.js'
import { LINT_CHECKS } from './checks/index.js'
import { buildDocument, measureText, measureValue } from './context.js'
import type { FindingOptions, LintContext, LintSize, Locator } from './context.js'
import { comparePointers } from './patterns.js'
import type { Finding, LintCheck } from './types.js'
import { VALIDATION_CODES } from './validation-codes.js'

/** Options of {@link lintPolicy}. */
export interface LintOptions {
  /** The kind of policy (default `identity`): decides the grammar and which checks apply. */
  readonly kind?: PolicyKind
}

/** Code of the finding reported when a check itself fails (a bug in the linter, not in the policy). */
export const LINT_CHECK_FAILED = 'lint-check-failed'

/**
 * Lints a policy document.
 *
 * @param input - JSON text (findings then carry `line`/`column`), a JSON-like value, or a policy
 *   returned by `parsePolicy`.
 * @param options - The policy kind.
 * @returns Every finding, sorted by JSON pointer (array positions in numeric order). When the
 *   document is invalid, the validation issues come first as `error` findings with the issue's
 *   code, followed by whatever checks can still run on the raw JSON. Never throws.
 */
export function lintPolicy(input: unknown, options: LintOptions = {}): Finding[] {
  try {
    return lintUnsafe(input, options)
  } catch (error) {
    // Defensive: nothing below should throw, but the promise is that linting never does.
    return [
      {
        code: LINT_CHECK_FAILED,
        severity: 'warning',
        path: '',
        message: `the linter failed: ${describeThrown(error)}`,
      },
    ]
  }
}

interface RawDocument {
  readonly document: unknown
  readonly size: LintSize
  readonly locator: Locator | undefined
}

function lintUnsafe(input: unknown, options: LintOptions): Finding[] {
  const kind: PolicyKind = options.kind ?? 'identity'
  const validation = validatePolicy(input, { kind })
  const errors = validation.valid ? [] : validation.errors.map(validationFinding)
  if (!POLICY_KINDS.includes(kind)) return errors
  const raw = readRaw(input)
  if (raw === undefined) return errors
  const locator = raw.locator
  const context: LintContext = {
    kind,
    valid: validation.valid,
    policy: validation.valid ? validation.policy : undefined,
    document: buildDocument(raw.document, raw.size),
    finding: (check: LintCheck, path: string, message: string, findingOptions: FindingOptions = {}): Finding => {
      const position =
        locator === undefined ? undefined : findingOptions.at === 'key' ? (locator.key(path) ?? locator.value(path)) : locator.value(path)
      return {
        code: check.code,
        severity: check.severity,
        path,
        ...(position === undefined ? {} : { line: position.line, column: position.column }),
        message,
        fix: findingOptions.fix ?? check.fix,
      }
    },
  }
  // A lint check may restate a validation error (e.g. `null-with-if-exists`); report it once.
  const seen = new Set(errors.map((finding) => `${finding.code}\u0000${finding.path}`))
  const findings: Finding[] = [...errors]
  for (const check of LINT_CHECKS) {
    let produced: readonly Finding[]
    try {
      produced = check.check(context)
    } catch (error) {
      produced = [
        {
          code: LINT_CHECK_FAILED,
          severity: 'warning',
          path: '',
          message: `the check '${check.code}' failed: ${describeThrown(error)}`,
        },
      ]
    }
    for (const finding of produced) {
      const identity = `${finding.code}\u0000${finding.path}`
      if (seen.has(identity)) continue
      seen.add(identity)
      findings.push(finding)
    }
  }
  // Array.prototype.sort is stable: validation errors stay first among findings at one pointer.
  return findings.sort((a, b) => comparePointers(a.path, b.path))
}

function validationFinding(issue: PolicyIssue): Finding {
  const info = Object.prototype.hasOwnProperty.call(VALIDATION_CODES, issue.code) ? VALIDATION_CODES[issue.code] : undefined
  return {
    code: issue.code,
    severity: 'error',
    path: issue.path,
    ...(issue.line === undefined ? {} : { line: issue.line, column: issue.column ?? 1 }),
    message: issue.message,
    ...(info === undefined ? {} : { fix: info.fix }),
  }
}

/** The document as JSON data the linter owns, or `undefined` when it cannot be read at all. */
function readRaw(input: unknown): RawDocument | undefined {
  if (typeof input === 'string') {
    const read = readJsonText(input)
    if (!read.ok) return undefined
    return { document: read.value, size: measureText(input), locator: { value: read.locate, key: read.locateKey } }
  }
  if (isParsedPolicy(input)) {
    const document = documentFromModel(input)
    return { document, size: measureValue(JSON.stringify(document)), locator: undefined }
  }
  const text = serializeJsonValue(input)
  if (typeof text !== 'string') return undefined
  // A snapshot: checks never see the caller's object, so hostile getters cannot run twice.
  return { document: JSON.parse(text) as unknown, size: measureValue(text), locator: undefined }
}

/**
 * Rebuilds a document from a parsed policy, for callers who lint what `parsePolicy` returned.
 * Spelling details the model does not keep (single value vs one-element list, `{"AWS": "*"}`
 * vs `"*"`, empty operator maps) take their canonical form.
 */
function documentFromModel(policy: ParsedPolicy): Record<string, unknown> {
  const statements = policy.statements.map((statement) => {
    const out: Record<string, unknown> = {}
    if (statement.sid !== undefined) out['Sid'] = statement.sid
    out['Effect'] = statement.effect
    out[statement.action.negated ? 'NotAction' : 'Action'] = [...statement.action.patterns]
    if (statement.resource !== undefined) out[statement.resource.negated ? 'NotResource' : 'Resource'] = [...statement.resource.patterns]
    if (statement.principal !== undefined) {
      const name = statement.principal.negated ? 'NotPrincipal' : 'Principal'
      const entries = statement.principal.entries
      if (entries.length === 1 && entries[0]?.form === 'all') {
        out[name] = '*'
      } else {
        const map: Record<string, string[]> = {}
        for (const entry of entries) (map[entry.type] ??= []).push(entry.value)
        out[name] = map
      }
    }
    if (statement.conditions.length > 0 || statement.inertCondition) {
      const block: Record<string, Record<string, unknown[]>> = {}
      for (const test of statement.conditions) (block[test.operator] ??= {})[test.key] = [...test.values]
      out['Condition'] = block
    }
    return out
  })
  const document: Record<string, unknown> = {}
  if (policy.version !== undefined) document['Version'] = policy.version
  if (policy.id !== undefined) document['Id'] = policy.id
  document['Statement'] = policy.statements.length === 1 && policy.statements[0]?.path === '/Statement' ? statements[0] : statements
  return document
}

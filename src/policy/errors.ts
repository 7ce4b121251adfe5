/**
 * Policy problems: the stable codes, the issue objects that carry them, and the one error type
 * that parsing throws. Everything that rejects a policy (JSON reading, the JSON Schema, the
 * per-kind rules) reports through these shapes so callers handle one thing.
 */

/**
 * Stable identifiers of the ways a policy document can be invalid. Codes never change meaning
 * once published; new ones may be added.
 */
export type PolicyIssueCode =
  /** The text is not valid JSON. */
  | 'invalid-json'
  /** An object repeats a member name (R37). */
  | 'duplicate-key'
  /** The input could not be read as JSON data: a getter threw, a cycle, a function, `undefined`, a class instance. */
  | 'unreadable-input'
  /** The document is not a JSON object. */
  | 'invalid-document'
  /** `Statement` is missing. */
  | 'missing-statement'
  /** A member that the grammar does not know (element names are case-sensitive, R45). */
  | 'unknown-element'
  /** A value of the wrong JSON type (e.g. a number where an object is required). */
  | 'invalid-type'
  /** `Version` is neither `2012-10-17` nor `2008-10-17` (R38), or not allowed for this kind. */
  | 'invalid-version'
  /** `Effect` is missing. */
  | 'missing-effect'
  /** `Effect` is not exactly `Allow` or `Deny` (R41). */
  | 'invalid-effect'
  /** Neither `Action` nor `NotAction` (R42). */
  | 'missing-action'
  /** An action that is neither `*` nor `service:name` (R58). */
  | 'invalid-action'
  /** A value that must be a non-empty string is empty. */
  | 'empty-value'
  /** Both members of an exclusive pair (`Action`/`NotAction`, ...) (R42). */
  | 'conflicting-elements'
  /** No `Resource`/`NotResource` where the kind requires one (R36). */
  | 'missing-resource'
  /** `Resource`/`NotResource` where the kind forbids it (role trust policies). */
  | 'resource-not-allowed'
  /** No `Principal`/`NotPrincipal` where the kind requires one (R43). */
  | 'missing-principal'
  /** `Principal`/`NotPrincipal` where the kind forbids it (R43). */
  | 'principal-not-allowed'
  /** `NotPrincipal` with `Allow` (R54). */
  | 'allow-with-not-principal'
  /** `NotPrincipal` where the kind forbids it (trust policies, SCPs, RCPs) (R54). */
  | 'not-principal-not-allowed'
  /** `NotAction` where the kind forbids it (RCPs) (R132). */
  | 'not-action-not-allowed'
  /** A `Principal` that is neither `"*"` nor an object of `AWS`/`Service`/`Federated`/`CanonicalUser` (R46). */
  | 'invalid-principal'
  /** A condition operator that does not exist, including a bad qualifier or suffix (R84). */
  | 'unknown-operator'
  /** `Null` combined with `IfExists` (R84). */
  | 'null-with-if-exists'
  /** A malformed `${...}` policy variable where variables are honoured (R121). */
  | 'malformed-variable'
  /** The `kind` option is not a known policy kind. */
  | 'invalid-kind'
  /** A configured size limit was exceeded. */
  | 'limit-exceeded'

/** Where a problem sits in JSON text: 1-based line and column (columns count UTF-16 code units). */
export interface TextPosition {
  /** 1-based line number. */
  readonly line: number
  /** 1-based column number. */
  readonly column: number
}

/** One problem found in a policy document. */
export interface PolicyIssue {
  /** Stable machine-readable code. */
  readonly code: PolicyIssueCode
  /** JSON pointer (RFC 6901) to the offending value; `""` is the whole document. */
  readonly path: string
  /** A sentence a person can act on. */
  readonly message: string
  /** 1-based line in the input text, when the input was JSON text. */
  readonly line?: number
  /** 1-based column in the input text, when the input was JSON text. */
  readonly column?: number
}

/** Thrown by `parsePolicy` (and by `evaluate`/`compile` for an invalid policy): carries every problem found. */
export class PolicyValidationError extends Error {
  /** Every problem found, in document order. Never empty. */
  readonly issues: readonly PolicyIssue[]
  /**
   * Which policy was invalid, when it came from a policy set: e.g. `policies.identity[1]` or
   * `policies.scps[0][2]`. `undefined` for `parsePolicy` on a single document.
   */
  readonly label: string | undefined

  constructor(issues: readonly PolicyIssue[], label?: string) {
    const first = issues[0]
    const where = first === undefined ? '' : describeLocation(first)
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''
    super(`${label === undefined ? '' : `${label}: `}invalid policy${where}: ${first?.message ?? 'unknown problem'}${more}`)
    this.name = 'PolicyValidationError'
    this.issues = Object.freeze(issues.slice())
    this.label = label
  }

  /** The code of the first problem; convenient when only one is expected. */
  get code(): PolicyIssueCode {
    return this.issues[0]?.code ?? 'invalid-document'
  }

  /** The JSON pointer of the first problem. */
  get path(): string {
    return this.issues[0]?.path ?? ''
  }
}

function describeLocation(issue: PolicyIssue): string {
  const pointer = issue.path === '' ? '' : ` at ${issue.path}`
  const position = issue.line === undefined ? '' : ` (line ${issue.line}, column ${issue.column ?? 1})`
  return pointer + position
}

/** Builds a frozen issue; `line`/`column` are omitted when unknown. */
export function createIssue(code: PolicyIssueCode, path: string, message: string, position?: TextPosition): PolicyIssue {
  return Object.freeze(
    position === undefined ? { code, path, message } : { code, path, message, line: position.line, column: position.column },
  )
}

/** Escapes one JSON-pointer reference token (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Joins a parent pointer and a child token. */
export function childPointer(parent: string, token: string | number): string {
  return `${parent}/${escapePointerToken(token)}`
}

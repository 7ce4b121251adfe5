/**
 * Policy-variable templates (spec section 12, choice C20): splitting a policy string into literal
 * text, escaped characters (`${*}`, `${?}`, `${$}`) and `${key}` / `${key, 'default'}` references.
 * Used by validation (malformed syntax is an error where variables are honoured) and by the
 * compiler (which substitutes per request). Where variables are not honoured the whole string is
 * literal text and this module is not consulted.
 */

/** Text as written; in `...Like` operators and resources its `*`/`?` are wildcards. */
export interface TemplateText {
  readonly kind: 'text'
  readonly text: string
}

/** A character produced by `${*}`, `${?}` or `${$}`: always literal, never a wildcard (R119). */
export interface TemplateEscape {
  readonly kind: 'escape'
  readonly character: '*' | '?' | '$'
}

/** A reference to a context key, substituted per request (R113). */
export interface TemplateVariable {
  readonly kind: 'variable'
  /** The key as written. */
  readonly key: string
  /** The key lower-cased for lookup (key names are case-insensitive). */
  readonly keyLower: string
  /** The default of `${key, 'default'}` (R118), if any. */
  readonly defaultValue: string | undefined
}

/** One piece of a template. */
export type TemplatePart = TemplateText | TemplateEscape | TemplateVariable

/** A parsed template, or the reason it is malformed. */
export type TemplateParseResult =
  | { readonly ok: true; readonly parts: readonly TemplatePart[]; readonly hasVariables: boolean }
  | { readonly ok: false; readonly message: string; readonly offset: number }

// A key stops at characters that cannot belong to it; see C20. Linear: no nested quantifiers.
const FORBIDDEN_IN_KEY = /[\s${},']/
const DEFAULT_SUFFIX = /^\s*,\s*'([^']*)'\s*$/

/** Parses `text` as a template. Never throws. */
export function parseTemplate(text: string): TemplateParseResult {
  const parts: TemplatePart[] = []
  let hasVariables = false
  let literalStart = 0
  let cursor = text.indexOf('${')
  while (cursor !== -1) {
    if (cursor > literalStart) parts.push({ kind: 'text', text: text.slice(literalStart, cursor) })
    const close = text.indexOf('}', cursor + 2)
    if (close === -1) return { ok: false, message: "policy variable '${' has no closing '}'", offset: cursor }
    const body = text.slice(cursor + 2, close)
    if (body === '*' || body === '?' || body === '$') {
      parts.push({ kind: 'escape', character: body })
    } else {
      const variable = parseVariableBody(body)
      if (typeof variable === 'string') return { ok: false, message: variable, offset: cursor }
      parts.push(variable)
      hasVariables = true
    }
    literalStart = close + 1
    cursor = text.indexOf('${', literalStart)
  }
  if (literalStart < text.length) parts.push({ kind: 'text', text: text.slice(literalStart) })
  return { ok: true, parts, hasVariables }
}

function parseVariableBody(body: string): TemplateVariable | string {
  if (body.trim() === '') return "empty policy variable '${}'"
  const comma = body.indexOf(',')
  const key = comma === -1 ? body : body.slice(0, comma)
  let defaultValue: string | undefined
  if (comma !== -1) {
    const match = DEFAULT_SUFFIX.exec(body.slice(comma))
    if (match === null) {
      return `policy variable '\${${body}}' has a malformed default: write \${key, 'default text'} with the default in single quotes`
    }
    defaultValue = match[1]
  }
  if (key === '') return `policy variable '\${${body}}' has no key name`
  if (FORBIDDEN_IN_KEY.test(key)) {
    return /\s/.test(key)
      ? `policy variable '\${${body}}' has a space in its key name`
      : `policy variable '\${${body}}' has a character that cannot appear in a key name`
  }
  return { kind: 'variable', key, keyLower: key.toLowerCase(), defaultValue }
}

/**
 * The offset from which variables are honoured in a `Resource`/`NotResource` pattern: just after
 * its fifth colon (R72, A20), or `-1` when the pattern has fewer than five colons.
 */
export function resourceVariableStart(pattern: string): number {
  let position = -1
  for (let colons = 0; colons < 5; colons++) {
    position = pattern.indexOf(':', position + 1)
    if (position === -1) return -1
  }
  return position + 1
}

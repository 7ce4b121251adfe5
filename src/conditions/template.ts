/**
 * Policy values that contain policy variables (spec section 12), prepared once and resolved per
 * request. A template is kept as a list of pieces: wildcard-capable text (already split into glob
 * parts), literal characters from `${*}`/`${?}`/`${$}`, and variable references. Resolution
 * substitutes each variable's value as literal text (R120) or reports it unresolvable (R117).
 */
import { parseGlob } from '../match/wildcard.js'
import type { GlobPart } from '../match/wildcard.js'
import type { TemplatePart, TemplateVariable } from '../policy/variables.js'
import { toConditionText } from './values/text.js'
import type { ContextView } from './context.js'
import { CaseVariants } from './context.js'

/** A prepared template: glob parts interleaved with variable references. */
export interface PreparedTemplate {
  readonly pieces: readonly (GlobPart | TemplateVariable)[]
  /** The same pieces with wildcards treated as literal text, for equality operators. */
  readonly literalPieces: readonly (string | TemplateVariable)[]
}

function isVariable(piece: unknown): piece is TemplateVariable {
  return typeof piece === 'object' && piece !== null && (piece as { kind?: unknown }).kind === 'variable'
}

/** Prepares template parts (from `parseTemplate`) for resolution. */
export function prepareTemplate(parts: readonly TemplatePart[]): PreparedTemplate {
  const pieces: (GlobPart | TemplateVariable)[] = []
  const literalPieces: (string | TemplateVariable)[] = []
  for (const part of parts) {
    if (part.kind === 'variable') {
      pieces.push(part)
      literalPieces.push(part)
    } else if (part.kind === 'escape') {
      pieces.push(part.character) // a string part is literal text, never a wildcard (R119)
      literalPieces.push(part.character)
    } else {
      pieces.push(...parseGlob(part.text))
      literalPieces.push(part.text)
    }
  }
  return Object.freeze({ pieces: Object.freeze(pieces), literalPieces: Object.freeze(literalPieces) })
}

/**
 * The value of a variable for this request (C19): a present single value (numbers and booleans as
 * text); the default when the key is absent or empty (R118); otherwise `undefined`, unresolvable
 * (R117): a multivalued key (R116) or one spelt in several cases, whose default does not apply.
 */
export function resolveVariable(variable: TemplateVariable, context: ContextView): string | undefined {
  const entry = context.get(variable.keyLower)
  if (entry === undefined) return variable.defaultValue
  if (entry instanceof CaseVariants || typeof entry === 'object') return undefined // the context reader made one-element lists scalars
  const value = toConditionText(entry)
  return value === '' ? variable.defaultValue : value
}

/** Resolves a template to glob parts, or `undefined` when a variable is unresolvable. */
export function resolveToGlob(template: PreparedTemplate, context: ContextView): GlobPart[] | undefined {
  const parts: GlobPart[] = []
  for (const piece of template.pieces) {
    if (isVariable(piece)) {
      const value = resolveVariable(piece, context)
      if (value === undefined) return undefined
      parts.push(value)
    } else {
      parts.push(piece)
    }
  }
  return parts
}

/** Resolves a template to plain text (wildcards literal), or `undefined` when unresolvable. */
export function resolveToText(template: PreparedTemplate, context: ContextView): string | undefined {
  let text = ''
  for (const piece of template.literalPieces) {
    if (typeof piece === 'string') {
      text += piece
    } else {
      const value = resolveVariable(piece, context)
      if (value === undefined) return undefined
      text += value
    }
  }
  return text
}

/**
 * Package entry `iam-eval/schema`. Owns publishing the policy JSON Schema (draft 2020-12) for
 * editors and other tools, and a dependency-free way to check a document against it: the
 * validator is generated at build time (scripts/generate-validator.mjs), so ajv is not needed at
 * run time.
 */

import type { PolicyIssue } from './policy/errors.js'
import { createIssue } from './policy/errors.js'
import { validateAgainstSchema } from './policy/schema-validation.js'
// Bundled into dist by tsup (esbuild inlines JSON); the same file is exported as
// `iam-eval/policy.schema.json` for tools that want the raw file.
import schemaDocument from '../schemas/policy.schema.json'

/** The shape of {@link policySchema}: a JSON Schema object; the keywords listed are always present. */
export interface PolicyJsonSchema {
  /** The JSON Schema dialect: draft 2020-12. */
  readonly $schema: string
  /** The schema's identifier, {@link POLICY_SCHEMA_ID}. */
  readonly $id: string
  /** Human title. */
  readonly title: string
  /** Human description. */
  readonly description: string
  /** Any other JSON Schema keyword. */
  readonly [keyword: string]: unknown
}

/**
 * The JSON Schema (draft 2020-12) of an IAM policy document: `Version`, `Id`, `Statement`
 * (one statement or an array, possibly empty), statements with `Sid`, `Effect`, exactly one of
 * `Action`/`NotAction`, at most one of `Resource`/`NotResource` and of `Principal`/`NotPrincipal`,
 * and `Condition`. Element names are case-sensitive; unknown elements are rejected. Per-kind rules
 * and operator names are not part of it. Treat it as read-only.
 */
export const policySchema: PolicyJsonSchema = schemaDocument

/** The `$id` of {@link policySchema}. */
export const POLICY_SCHEMA_ID: string = schemaDocument.$id

/**
 * Checks a parsed policy document against {@link policySchema} and returns the problems in
 * document order (`[]` when it conforms). Issues carry a stable code and a JSON pointer; parse
 * JSON text with the library's policy parser instead to also get line and column.
 *
 * A value that cannot be read as JSON data (a getter that throws, for instance) yields a single
 * `unreadable-input` issue instead of an exception.
 */
export function validatePolicySchema(document: unknown): PolicyIssue[] {
  try {
    return validateAgainstSchema(document)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return [createIssue('unreadable-input', '', `the document could not be read as JSON data: ${reason}`)]
  }
}

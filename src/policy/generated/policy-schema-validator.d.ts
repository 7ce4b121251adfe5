// GENERATED FILE, DO NOT EDIT. Written by scripts/generate-validator.mjs.
// Types of the standalone policy-schema validator next to this file.

/** One raw ajv error (draft 2020-12 standalone output). Formatted into PolicyIssue by schema-validation.ts. */
export interface PolicySchemaError {
  /** JSON pointer of the offending value. */
  readonly instancePath: string
  /** Location of the failing keyword in the schema (relative to the compiled sub-schema). */
  readonly schemaPath: string
  /** The failing keyword (`type`, `required`, `additionalProperties`, `if`, `anyOf`, ...). */
  readonly keyword: string
  /** Keyword-specific details (`missingProperty`, `additionalProperty`, `type`, ...). */
  readonly params: Readonly<Record<string, unknown>>
  /** ajv's default English message. */
  readonly message?: string
}

/** Validates a policy document against schemas/policy.schema.json; errors are left on `errors`. */
export interface PolicySchemaValidateFunction {
  (data: unknown): boolean
  /** Errors of the last call (all errors: compiled with allErrors), or null when it passed. */
  errors?: PolicySchemaError[] | null
}

/** The generated validator. */
export declare const validate: PolicySchemaValidateFunction
export default validate

// Build-time generation of the standalone policy-schema validator.
//
// Owns: turning schemas/policy.schema.json into src/policy/generated/policy-schema-validator.js
// (ajv standalone code, ESM) and its hand-written .d.ts. The library never loads ajv at run time:
// it ships this generated module instead, which is why the output must not import anything.
// `generateValidatorFiles()` is exported so the test suite can regenerate in memory and compare
// with the checked-in files (a stale generated validator fails the tests).
//
// Usage: `npm run generate` (writes the files) or `node scripts/generate-validator.mjs --check`
// (exits 1 when the checked-in files differ from a fresh generation).

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
// ajv ships CommonJS with the class/function on `default`; going through require avoids relying
// on Node's CJS named-export detection.
const Ajv2020 = require('ajv/dist/2020.js').default
const standaloneCode = require('ajv/dist/standalone/index.js').default

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Absolute paths of the schema and of the two generated files. */
export const paths = {
  schema: join(root, 'schemas', 'policy.schema.json'),
  validator: join(root, 'src', 'policy', 'generated', 'policy-schema-validator.js'),
  declaration: join(root, 'src', 'policy', 'generated', 'policy-schema-validator.d.ts'),
}

const HEADER = `// GENERATED FILE, DO NOT EDIT. Source: schemas/policy.schema.json.
// Regenerate with \`npm run generate\` (scripts/generate-validator.mjs); a test fails when stale.
// Standalone ajv validator (draft 2020-12): self-contained, it has no dependencies at run time.
`

// Hand-written typing of the generated module. Kept here so that regeneration rewrites both files
// together and the freshness test covers both.
const DECLARATION = `// GENERATED FILE, DO NOT EDIT. Written by scripts/generate-validator.mjs.
// Types of the standalone policy-schema validator next to this file.

/** One raw ajv error (draft 2020-12 standalone output). Formatted into PolicyIssue by schema-validation.ts. */
export interface PolicySchemaError {
  /** JSON pointer of the offending value. */
  readonly instancePath: string
  /** Location of the failing keyword in the schema (relative to the compiled sub-schema). */
  readonly schemaPath: string
  /** The failing keyword (\`type\`, \`required\`, \`additionalProperties\`, \`if\`, \`anyOf\`, ...). */
  readonly keyword: string
  /** Keyword-specific details (\`missingProperty\`, \`additionalProperty\`, \`type\`, ...). */
  readonly params: Readonly<Record<string, unknown>>
  /** ajv's default English message. */
  readonly message?: string
}

/** Validates a policy document against schemas/policy.schema.json; errors are left on \`errors\`. */
export interface PolicySchemaValidateFunction {
  (data: unknown): boolean
  /** Errors of the last call (all errors: compiled with allErrors), or null when it passed. */
  errors?: PolicySchemaError[] | null
}

/** The generated validator. */
export declare const validate: PolicySchemaValidateFunction
export default validate
`

/**
 * Generates the validator source and its declaration from the schema file.
 * @returns {{ validator: string, declaration: string }}
 */
export function generateValidatorFiles() {
  const schema = JSON.parse(readFileSync(paths.schema, 'utf8'))
  const ajv = new Ajv2020({
    // `lines` only adds line breaks, so diffs of the checked-in file stay readable.
    code: { source: true, esm: true, lines: true },
    allErrors: true,
    // Our formatter words every message itself (schema-validation.ts); ajv's English strings
    // would only add weight to every Lambda bundle.
    messages: false,
    strict: true,
    // With unicode:false, minLength/maxLength would count UTF-16 units instead of calling
    // ajv/dist/runtime/ucs2length; the schema avoids those keywords anyway.
    unicode: false,
    // ajv warns that `unicode` is deprecated; that warning is expected, anything else is shown.
    logger: {
      log: (...args) => console.log(...args),
      warn: (...args) => {
        if (typeof args[0] === 'string' && args[0].startsWith('DEPRECATED: option unicode')) return
        console.warn(...args)
      },
      error: (...args) => console.error(...args),
    },
  })
  const validate = ajv.compile(schema)
  const code = appendErrorsInPlace(standaloneCode(ajv, validate))
  // The whole point of the standalone module is that it needs nothing at run time (no ajv in the
  // published dependencies); refuse to produce one that reaches for a helper module.
  if (code.includes('require(') || /\bimport\s/.test(code) || /\bimport\(/.test(code)) {
    throw new Error('generate-validator: the standalone validator imports a module; change the schema so it does not')
  }
  return { validator: HEADER + code.trimEnd() + '\n', declaration: DECLARATION }
}

/**
 * ajv merges the errors of a referenced sub-validator with `vErrors.concat(...)`, which copies
 * every error collected so far on each failing call: quadratic time for a document with many
 * mistakes (a hostile policy with 20,000 null condition values took about 10 s). Appending in
 * place keeps validation linear. The rewrite is exact text replacement; any `.concat(` left over
 * (a different ajv output shape) fails generation instead of silently staying quadratic.
 * @param {string} code
 * @returns {string}
 */
function appendErrorsInPlace(code) {
  const rewritten = code.replace(
    /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g,
    'if(vErrors === null){vErrors = $1.errors;}else{for(const __error of $1.errors){vErrors.push(__error);}}',
  )
  if (rewritten.includes('.concat(')) {
    throw new Error('generate-validator: unexpected error-merging code in the ajv output; update appendErrorsInPlace')
  }
  return rewritten
}

function main() {
  const files = generateValidatorFiles()
  if (process.argv.includes('--check')) {
    const stale = [
      [paths.validator, files.validator],
      [paths.declaration, files.declaration],
    ].filter(([file, text]) => {
      try {
        return readFileSync(file, 'utf8') !== text
      } catch {
        return true
      }
    })
    for (const [file] of stale) console.error(`stale: ${file} (run npm run generate)`)
    process.exitCode = stale.length === 0 ? 0 : 1
    return
  }
  mkdirSync(dirname(paths.validator), { recursive: true })
  writeFileSync(paths.validator, files.validator)
  writeFileSync(paths.declaration, files.declaration)
  console.log(`wrote ${paths.validator}\nwrote ${paths.declaration}`)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main()

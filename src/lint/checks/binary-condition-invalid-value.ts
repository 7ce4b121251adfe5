/**
 * Check `binary-condition-invalid-value`: a `BinaryEquals` value that is not valid base64 (R93).
 */
import { decodeBase64 } from '../../conditions/values/base64.js'
import { invalidConditionValueCheck } from '../check-factories.js'
import { quote } from '../facts.js'
import { statementExample } from '../examples.js'

/** The `binary-condition-invalid-value` lint check (what it reports: see the module comment). */
export const binaryConditionInvalidValue = invalidConditionValueCheck({
  code: 'binary-condition-invalid-value',
  severity: 'warning',
  description: 'A `BinaryEquals` value is not valid base64.',
  rationale:
    '`BinaryEquals` compares the key with the bytes of the base64-decoded policy value (R93). A value that is not strict base64 (alphabet `A-Za-z0-9+/`, `=` padding to a multiple of four) decodes to nothing and never matches.',
  fix: 'Write the bytes in standard base64 with padding, for example "QmluYXJ5VmFsdWU=".',
  rules: ['R93', 'C12'],
  example: statementExample('identity', {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { BinaryEquals: { 'example:key': 'not base64!' } },
  }),
  families: ['binary'],
  parses: (value) => typeof value === 'string' && decodeBase64(value) !== undefined,
  message: (value) => `${quote(value)} is not valid base64; BinaryEquals never matches it (R93)`,
})

/**
 * Check `binary-condition-invalid-value`: a `BinaryEquals` value that is not valid base64 (R93).
 */
import { decodeBase64 } from '../../conditions/values/base64.js'
import { forEachConditionValue, quote } from '../facts.js'
import { hasVariableSyntax, hasWildcard } from '../patterns.js'
import type { Finding, LintCheck } from '../types.js'

/** The `binary-condition-invalid-value` lint check (what it reports: see the module comment). */
export const binaryConditionInvalidValue: LintCheck = {
  code: 'binary-condition-invalid-value',
  severity: 'warning',
  description: 'A `BinaryEquals` value is not valid base64.',
  rationale:
    '`BinaryEquals` compares the key with the bytes of the base64-decoded policy value (R93). A value that is not strict base64 (alphabet `A-Za-z0-9+/`, `=` padding to a multiple of four) decodes to nothing and never matches.',
  fix: 'Write the bytes in standard base64 with padding, for example "QmluYXJ5VmFsdWU=".',
  rules: ['R93', 'C12'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { BinaryEquals: { 'example:key': 'not base64!' } } },
      ],
    },
  },
  check(context) {
    const findings: Finding[] = []
    forEachConditionValue(context, ['binary'], (value) => {
      if (hasVariableSyntax(value.value) || (typeof value.value === 'string' && hasWildcard(value.value))) return
      if (typeof value.value === 'string' && decodeBase64(value.value) !== undefined) return
      findings.push(
        context.finding(
          binaryConditionInvalidValue,
          value.path,
          `${quote(value.value)} is not valid base64; BinaryEquals never matches it (R93)`,
        ),
      )
    })
    return findings
  },
}

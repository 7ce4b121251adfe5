/** `Bool` (R92, R111, C11) and `BinaryEquals` (R93, C12): literal values, no variables. */
import { decodeBase64 } from '../values/base64.js'
import { parseBoolean } from '../values/bool.js'
import { toConditionText } from '../values/text.js'
import { defineOperator } from './definition.js'

/** `Bool`: `true`/`false` in any case or JSON booleans. */
export const bool = defineOperator<boolean, boolean>({
  preparePolicyValue: parseBoolean,
  prepareRequestValue: parseBoolean,
  test: (requestValue, policyValue) => requestValue === policyValue,
})

/** `BinaryEquals`: both sides base64-decoded and compared byte for byte. */
export const binaryEquals = defineOperator<string, string>({
  preparePolicyValue: (value) => decodeBase64(toConditionText(value)),
  prepareRequestValue: (value) => decodeBase64(toConditionText(value)),
  test: (requestValue, policyValue) => requestValue === policyValue,
})

/**
 * One condition key test, compiled and evaluated: the generic logic shared by every operator
 * (spec sections 8-10): missing keys (R80), empty values (R81, R82, C16), `IfExists` (R97), `Null`
 * (R96, R98, C18), set qualifiers (R100-R104, R106), multivalued values without a qualifier
 * (R105), values OR-ed and negated operators NOR-ed (R76, R77), and keys supplied in several
 * spellings (R79). The comparison itself comes from the operator table.
 */
import type { ConditionTest } from '../policy/model.js'
import { OPERATORS } from '../policy/operators.js'
import { parseTemplate } from '../policy/variables.js'
import type { TemplatePart } from '../policy/variables.js'
import type { ContextEntry, ContextScalar, ContextValue, ContextView } from './context.js'
import { CaseVariants } from './context.js'
import { OPERATOR_DEFINITIONS } from './operator-table.js'
import type { OperatorDefinition } from './operators/definition.js'
import { parseBoolean } from './values/bool.js'

/** A key test ready for evaluation. */
export interface CompiledCondition {
  /** The test as written in the policy. */
  readonly source: ConditionTest
  /** Evaluates the test against a request context. */
  evaluate(context: ContextView): boolean
}

/** Compiles one key test. `variablesEnabled` follows the policy's `Version` (R114). */
export function compileCondition(test: ConditionTest, variablesEnabled: boolean): CompiledCondition {
  if (test.baseOperator === 'Null') return compileNull(test)
  const definition = OPERATOR_DEFINITIONS[test.baseOperator]
  const negated = OPERATORS[test.baseOperator].negated
  const honoursVariables = variablesEnabled && OPERATORS[test.baseOperator].variables
  const prepared: unknown[] = []
  for (const value of test.values) {
    const template = honoursVariables && typeof value === 'string' ? templateOf(value) : undefined
    const policyValue = definition.preparePolicyValue(value, template)
    // A value that can never match is dropped; the list still counts as written for R82 (C16).
    if (policyValue !== undefined) prepared.push(policyValue)
  }
  const evaluator = new KeyTest(test, definition, negated, Object.freeze(prepared), test.values.length === 0)
  return Object.freeze({ source: test, evaluate: (context: ContextView) => evaluator.evaluate(context) })
}

function templateOf(value: string): readonly TemplatePart[] | undefined {
  if (!value.includes('${')) return undefined
  const parsed = parseTemplate(value)
  // Validation refuses malformed variables; if one gets here anyway, the text stays literal (R121).
  return parsed.ok ? parsed.parts : undefined
}

class KeyTest {
  constructor(
    private readonly test: ConditionTest,
    private readonly definition: OperatorDefinition,
    private readonly negated: boolean,
    private readonly policyValues: readonly unknown[],
    private readonly noPolicyValues: boolean,
  ) {}

  evaluate(context: ContextView): boolean {
    const entry = context.get(this.test.keyLower)
    if (entry instanceof CaseVariants) {
      // R79: several spellings of the key; any variant for positive operators, all for negated ones.
      for (const variant of entry.values) {
        const result = this.evaluateValue(variant, context)
        if (this.negated ? !result : result) return result
      }
      return this.negated
    }
    return this.evaluateValue(entry, context)
  }

  private evaluateValue(value: ContextValue | undefined, context: ContextView): boolean {
    const { qualifier, ifExists } = this.test
    // Under a set qualifier an empty string is an empty set, i.e. null (C2, A47), before C16 and
    // IfExists look at presence (R106).
    const absent = value === undefined || (typeof value === 'object' && value.length === 0) || (qualifier !== undefined && value === '')
    if (absent || this.noPolicyValues) {
      if (!absent) return false // C16: a key test with no policy values fails for a present key (R82)
      if (ifExists || qualifier === 'ForAllValues') return true // R97, R101, R106
      if (qualifier === 'ForAnyValue') return false // R102
      return this.negated // R80
    }
    if (qualifier === undefined) {
      // R105: several request values without a qualifier: positive if any value satisfies.
      const positive = typeof value === 'object' ? this.anyRequestValue(value, context) : this.anyPolicyValue(value, context)
      return this.negated ? !positive : positive
    }
    if (typeof value !== 'object') return this.perValue(value, context)
    if (qualifier === 'ForAllValues') {
      for (const item of value) if (!this.perValue(item, context)) return false
      return true
    }
    for (const item of value) if (this.perValue(item, context)) return true
    return false
  }

  /** R101-R103: one request value against the policy values; negated operators must match none. */
  private perValue(value: ContextScalar, context: ContextView): boolean {
    const matched = this.anyPolicyValue(value, context)
    return this.negated ? !matched : matched
  }

  private anyRequestValue(values: readonly ContextScalar[], context: ContextView): boolean {
    for (const value of values) if (this.anyPolicyValue(value, context)) return true
    return false
  }

  /** R76: policy values are OR-ed. A request value that cannot be read matches none (R112). */
  private anyPolicyValue(value: ContextScalar, context: ContextView): boolean {
    const requestValue = this.definition.prepareRequestValue(value)
    if (requestValue === undefined) return false
    for (const policyValue of this.policyValues) {
      if (this.definition.test(requestValue, policyValue, context)) return true
    }
    return false
  }
}

/** `Null` (R96, R98, C18). */
function compileNull(test: ConditionTest): CompiledCondition {
  const expectations: boolean[] = []
  for (const value of test.values) {
    const expected = parseBoolean(value)
    if (expected !== undefined) expectations.push(expected)
  }
  const isNull = (value: ContextEntry | undefined): boolean =>
    value === undefined || value === '' || (typeof value === 'object' && !(value instanceof CaseVariants) && value.length === 0)
  const evaluate = (context: ContextView): boolean => {
    if (test.qualifier === 'ForAllValues') return true // R98: fixed outcomes
    if (test.qualifier === 'ForAnyValue') return false
    const entry = context.get(test.keyLower)
    if (entry instanceof CaseVariants) {
      return entry.values.some((variant) => expectations.includes(isNull(variant)))
    }
    return expectations.includes(isNull(entry))
  }
  return Object.freeze({ source: test, evaluate })
}

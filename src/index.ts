/**
 * iam-eval: decide AWS IAM authorization exactly as AWS does.
 *
 * The public API, re-exported from the modules that own it. Data flows one way:
 * policy text -> model (`parsePolicy`) -> compiled form (`compile`) -> decision (`evaluate`).
 */
export { evaluate } from './evaluate/evaluate.js'
export type { EvaluateOptions } from './evaluate/evaluate.js'
export { compile } from './evaluate/authorizer.js'
export type { Authorizer, CompileOptions, RequestOptions } from './evaluate/authorizer.js'
export type { AuthorizationRequest } from './evaluate/request.js'
export type {
  Decision,
  EvaluationResult,
  Explanation,
  FailedGate,
  GateExplanation,
  GateKind,
  StatementExplanation,
  StatementFailure,
} from './evaluate/result.js'
export type { PolicySet } from './compile/load.js'
export type { PolicyType, StatementReference } from './compile/reference.js'
export { describeStatement } from './compile/reference.js'
export { parsePolicy, validatePolicy, isParsedPolicy } from './policy/parse.js'
export type { ParsePolicyOptions, PolicyInput, PolicyValidationResult } from './policy/parse.js'
export { PolicyValidationError } from './policy/errors.js'
export type { PolicyIssue, PolicyIssueCode, TextPosition } from './policy/errors.js'
export { POLICY_KINDS } from './policy/model.js'
export type {
  ActionElement,
  BaseOperator,
  ConditionTest,
  Effect,
  ParsedPolicy,
  PolicyKind,
  PolicyScalar,
  PolicyVersion,
  PrincipalElement,
  PrincipalEntry,
  PrincipalEntryForm,
  PrincipalType,
  ResourceElement,
  SetQualifier,
  Statement,
} from './policy/model.js'
export { DEFAULT_LIMITS, NO_LIMITS } from './limits.js'
export type { Limits, LimitsInput } from './limits.js'

/**
 * The linter's public surface: `lintPolicy`, the finding and check types, the table of checks
 * and the documentation of validation codes. Everything else in `src/lint/` is internal.
 */
export { lintPolicy, LINT_CHECK_FAILED } from './lint-policy.js'
export type { LintOptions } from './lint-policy.js'
export { LINT_CHECKS } from './checks/index.js'
export { SEVERITIES } from './types.js'
export type { Finding, LintCheck, LintExample, Severity } from './types.js'
export type {
  FindingOptions,
  LintCondition,
  LintConditionOperator,
  LintConditionTest,
  LintContext,
  LintDocument,
  LintList,
  LintPrincipal,
  LintPrincipalEntry,
  LintSize,
  LintStatement,
  Located,
} from './context.js'
export { VALIDATION_CODES } from './validation-codes.js'
export type { ValidationCodeInfo } from './validation-codes.js'

/**
 * Check `allow-with-not-action`: `Allow` with `NotAction`, which grants every action not listed,
 * including actions of every other service (R61).
 */
import { negatedElementCheck } from '../check-factories.js'
import { statementExample } from '../examples.js'

/** The `allow-with-not-action` lint check (what it reports: see the module comment). */
export const allowWithNotAction = negatedElementCheck({
  code: 'allow-with-not-action',
  severity: 'warning',
  description: 'An `Allow` statement uses `NotAction`.',
  rationale:
    '`Allow` + `NotAction` grants every action that is not listed — including every action of every other service, and services AWS adds later (R61). It is easy to grant far more than intended. Older SCP documentation did not allow `NotAction` in `Allow` statements at all (R131).',
  fix: 'List the allowed actions in Action instead, or use Deny with NotAction to carve out exceptions.',
  rules: ['R61', 'R131'],
  example: statementExample('identity', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
  effect: 'Allow',
  element: 'action',
  message: 'this Allow grants every action not listed here, in every service (R61)',
})

/**
 * How the linter presents validation issues: a document that fails `validatePolicy` yields one
 * `error` finding per issue, with the issue's own code. This table gives each code its
 * documentation and its fix sentence; typing it as a record over `PolicyIssueCode` makes the
 * compiler refuse a new validation code that is not documented here.
 */
import type { PolicyIssueCode } from '../policy/errors.js'

/** Documentation of one validation code. */
export interface ValidationCodeInfo {
  /** What the issue means. */
  readonly description: string
  /** How to fix it. */
  readonly fix: string
}

/** Every validation code, documented. */
export const VALIDATION_CODES: Readonly<Record<PolicyIssueCode, ValidationCodeInfo>> = Object.freeze({
  'invalid-json': { description: 'The text is not valid JSON.', fix: 'Correct the JSON syntax at the reported position.' },
  'duplicate-key': {
    description: 'An object repeats a member name; AWS refuses such documents (R37).',
    fix: 'Keep one member of that name and merge the values into it.',
  },
  'unreadable-input': {
    description: 'The value could not be read as JSON data (a getter threw, a cycle, a function, `undefined`, a class instance).',
    fix: 'Pass plain JSON data or JSON text.',
  },
  'invalid-document': {
    description: 'The document is not a JSON object.',
    fix: 'Write the policy as a JSON object with a `Statement` member.',
  },
  'missing-statement': { description: 'The document has no `Statement`.', fix: 'Add a `Statement` with at least one statement.' },
  'unknown-element': {
    description: 'A member the policy grammar does not know; element names are case-sensitive (R45).',
    fix: 'Remove the member or correct the spelling and case of its name.',
  },
  'invalid-type': {
    description: 'A value has the wrong JSON type.',
    fix: 'Use the JSON type the element takes (string, list of strings, object).',
  },
  'invalid-version': {
    description: '`Version` is neither `2012-10-17` nor `2008-10-17`, or is not allowed for this kind of policy (R38, R132).',
    fix: 'Write "Version": "2012-10-17".',
  },
  'missing-effect': { description: 'A statement has no `Effect`.', fix: 'Add "Effect": "Allow" or "Effect": "Deny".' },
  'invalid-effect': {
    description: '`Effect` is not exactly `Allow` or `Deny` (R41).',
    fix: 'Write "Allow" or "Deny" with that exact case.',
  },
  'missing-action': { description: 'A statement has neither `Action` nor `NotAction` (R42).', fix: 'Add an `Action` element.' },
  'invalid-action': {
    description: 'An action is neither `*` nor `service:ActionName` (R58).',
    fix: 'Write actions as service-prefix:ActionName, for example s3:GetObject.',
  },
  'empty-value': {
    description: 'A string that must name something is empty.',
    fix: 'Remove the empty string or write the intended value.',
  },
  'conflicting-elements': {
    description:
      'A statement has both members of an exclusive pair (`Action`/`NotAction`, `Resource`/`NotResource`, `Principal`/`NotPrincipal`) (R42).',
    fix: 'Keep only one member of the pair.',
  },
  'missing-resource': {
    description: 'A statement of an identity-type policy has neither `Resource` nor `NotResource` (R36).',
    fix: 'Add a `Resource` element.',
  },
  'resource-not-allowed': {
    description: 'A role trust policy statement has `Resource` or `NotResource`; it always applies to the role.',
    fix: 'Remove the element.',
  },
  'missing-principal': {
    description: 'A statement of a resource-side policy has no `Principal` (R43).',
    fix: 'Add a `Principal` naming who the statement applies to.',
  },
  'principal-not-allowed': {
    description: '`Principal`/`NotPrincipal` in a kind of policy that applies to the identity it is attached to (R43).',
    fix: 'Remove the element; restrict callers with conditions such as aws:PrincipalArn if needed.',
  },
  'allow-with-not-principal': {
    description: '`NotPrincipal` with `Allow`, which AWS does not support (R54).',
    fix: 'Use "Principal" with a condition on aws:PrincipalArn instead.',
  },
  'not-principal-not-allowed': {
    description: '`NotPrincipal` in a trust policy, SCP or RCP (R54).',
    fix: 'Use "Principal": "*" with an ArnNotLike condition on aws:PrincipalArn.',
  },
  'not-action-not-allowed': {
    description: '`NotAction` in a resource control policy (R132).',
    fix: 'List the actions in `Action` instead.',
  },
  'invalid-principal': {
    description: 'A `Principal` that is neither `"*"` nor an object of `AWS`/`Service`/`Federated`/`CanonicalUser` (R46).',
    fix: 'Write "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}.',
  },
  'unknown-operator': {
    description: 'A condition operator that does not exist; names and qualifiers are case-sensitive (R84).',
    fix: 'Use a documented operator name, for example StringEquals or ForAnyValue:StringLike.',
  },
  'null-with-if-exists': {
    description: '`Null` combined with `IfExists`; `Null` already tests whether the key exists (R84).',
    fix: 'Use plain Null.',
  },
  'malformed-variable': {
    description: 'A malformed `${...}` policy variable where variables are honoured (R121).',
    fix: "Write ${key} or ${key, 'default'}, or ${$} for a literal dollar sign.",
  },
  'invalid-kind': {
    description: 'The `kind` option is not a known policy kind.',
    fix: 'Use one of identity, resource, trust, boundary, session, scp, rcp, endpoint.',
  },
  'limit-exceeded': { description: 'A configured size limit was exceeded.', fix: 'Shorten the policy or raise the configured limit.' },
})

/**
 * Regressions found by the differential test (test/properties/differential.test.ts): each case is
 * the minimized disagreement between the engine and the reference evaluator, with the decision the
 * spec (shared/spec/iam-semantics.md) and docs/semantics-choices.md require, checked on every
 * evaluation path (per call, compiled, explained). The rule the case turns on is in its name.
 */
import { describe, expect, it } from 'vitest'
import { compile, evaluate } from '../../src/index.js'
import type { AuthorizationRequest, Decision, PolicySet } from '../../src/index.js'

const ACCT = '111122223333'
const ALICE = `arn:aws:iam::${ACCT}:user/alice`
const SESSION = `arn:aws:sts::${ACCT}:assumed-role/Deploy/s1`
const NOW = Date.UTC(2026, 0, 2, 3, 4, 5, 678)

type Json = Record<string, unknown>
const doc = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement })
const allowAll: Json = { Effect: 'Allow', Action: '*', Resource: '*' }
const allowIf = (Condition: Json): Json => doc({ ...allowAll, Condition })
const allowOn = (Resource: string): Json => doc({ Effect: 'Allow', Action: '*', Resource })

function request(context: AuthorizationRequest['context'], extra: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/public/x', resourceAccount: ACCT, context, ...extra }
}

/** The decision of every evaluation path; they must all be `expected`. */
function expectDecision(req: AuthorizationRequest, policies: PolicySet, expected: Decision): void {
  expect({
    perCall: evaluate(req, policies, { now: NOW }).decision,
    compiled: compile(policies).evaluate(req, { now: NOW }).decision,
    explained: evaluate(req, policies, { now: NOW, explain: true }).decision,
  }).toEqual({ perCall: expected, compiled: expected, explained: expected })
}

describe('regressions from the differential test', () => {
  // A key spelt twice where one spelling holds [] is a key spelt once: [] is absent everywhere
  // (C2), so it is not a stored variant for R79. The engine tested the [] spelling as an absent
  // variant, which made IfExists / ForAllValues / negated operators hold.
  it('C2 / R79 a case variant holding [] is absent: StringEqualsIfExists tests the other spelling only', () => {
    const policies = { identity: [allowIf({ StringEqualsIfExists: { 'aws:PrincipalTag/team': 'blue' } })] }
    expectDecision(request({ 'aws:PrincipalTag/team': 'red' }), policies, 'ImplicitDeny')
    expectDecision(request({ 'aws:PrincipalTag/team': 'red', 'AWS:PRINCIPALTAG/TEAM': [] }), policies, 'ImplicitDeny')
  })
  it('C2 / R79 a case variant holding [] is absent: a Deny with NumericLessThanEqualsIfExists does not apply to ""', () => {
    const deny = { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NumericLessThanEqualsIfExists: { 's3:max-keys': 10 } } }
    const policies = { identity: [doc(allowAll, deny)] }
    expectDecision(request({ 's3:max-keys': '' }), policies, 'Allow')
    expectDecision(request({ 's3:max-keys': '', 'S3:MAX-KEYS': [] }), policies, 'Allow')
  })

  // A variable whose key is spelt twice, each spelling with a value, has two values: it is
  // multivalued, hence unresolvable, and its default is not used (the default is only for an
  // absent key or an empty value). The engine used the default.
  it('C19 / R116 / R118 a variable whose key has a value in two spellings is unresolvable and ignores its default', () => {
    const policies = { identity: [allowOn("arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'public'}/*")] }
    expectDecision(request({ 'aws:PrincipalTag/team': ['red', 'blue'] }), policies, 'ImplicitDeny')
    expectDecision(request({ 'aws:PrincipalTag/team': 'red', 'AWS:PRINCIPALTAG/TEAM': 'blue' }), policies, 'ImplicitDeny')
  })

  // [""] is the same as "" everywhere (C2): null for the set qualifiers (R81, A47) and for Null
  // (C18). The engine treated [""] as a one-element set holding "".
  it('C2 / A47 [""] is an empty set for ForAnyValue, like ""', () => {
    const policies = { identity: [allowIf({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': '' } })] }
    expectDecision(request({ 'aws:TagKeys': '' }), policies, 'ImplicitDeny')
    expectDecision(request({ 'aws:TagKeys': [''] }), policies, 'ImplicitDeny')
  })
  it('C2 / C18 / R96 [""] is null for Null, like ""', () => {
    const policies = { identity: [allowIf({ Null: { 'aws:TagKeys': 'true' } })] }
    expectDecision(request({ 'aws:TagKeys': '' }), policies, 'Allow')
    expectDecision(request({ 'aws:TagKeys': [''] }), policies, 'Allow')
  })

  // The role identity of a session comes from aws:PrincipalArn when it holds a single role ARN
  // (C4); a one-element list is that single value (C2), and a [] spelling beside it is absent.
  it('C4 / C2 aws:PrincipalArn as a one-element list gives the role path (resource policy names the role with path)', () => {
    const policies = { resource: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:role/team/Deploy` }, Action: '*' }) }
    const roleWithPath = `arn:aws:iam::${ACCT}:role/team/Deploy`
    expectDecision(request({ 'aws:PrincipalArn': roleWithPath }, { principal: SESSION }), policies, 'Allow')
    expectDecision(request({ 'aws:PrincipalArn': [roleWithPath] }, { principal: SESSION }), policies, 'Allow')
    expectDecision(request({ 'aws:PrincipalArn': roleWithPath, 'AWS:PRINCIPALARN': [] }, { principal: SESSION }), policies, 'Allow')
  })

  // C5 derives aws:username, aws:PrincipalArn, aws:PrincipalAccount, aws:ResourceAccount when the
  // context does not hold them; a key given as [] is absent everywhere (C2), so it is derived.
  it('C5 / C2 a derived key supplied as [] is still derived (condition and variable)', () => {
    expectDecision(request({ 'aws:username': [] }), { identity: [allowIf({ StringEquals: { 'aws:username': 'alice' } })] }, 'Allow')
    expectDecision(
      request({ 'aws:PrincipalAccount': [] }),
      { identity: [allowIf({ StringEquals: { 'aws:PrincipalAccount': ACCT } })] },
      'Allow',
    )
    expectDecision(
      request({ 'aws:username': [] }, { resource: 'arn:aws:s3:::bucket/alice/x' }),
      { identity: [allowOn('arn:aws:s3:::bucket/${aws:username}/*')] },
      'Allow',
    )
  })

  // An unrecognised caller (C3) is denied, but "explicit denies are still reported first when a
  // Deny matches": `*` names every caller (C7), so a Deny to Principal "*" (resource policy, RCP)
  // applies to it. The engine let "*" name nobody for such a caller.
  it('C3 / C7 a Deny with Principal "*" is an explicit deny for an unrecognised caller', () => {
    const group = `arn:aws:iam::${ACCT}:group/devs`
    const deny = { Effect: 'Deny', Principal: '*', Action: 's3:GetObject' }
    expectDecision(request(undefined, { principal: group }), { resource: doc(deny) }, 'ExplicitDeny')
    expectDecision(request(undefined, { principal: '' }), { rcps: [[doc({ ...deny, Principal: { AWS: '*' } })]] }, 'ExplicitDeny')
  })
  // "*" in NotPrincipal lists every identity, so every caller escapes (C8) — an unrecognised
  // caller too; it is then implicitly denied (C3), not explicitly. The engine never let it escape.
  it('C3 / C8 NotPrincipal "*" lets an unrecognised caller escape the Deny: ImplicitDeny', () => {
    const group = `arn:aws:iam::${ACCT}:group/devs`
    expectDecision(
      request(undefined, { principal: group }),
      { resource: doc({ Effect: 'Deny', NotPrincipal: '*', Action: '*' }) },
      'ImplicitDeny',
    )
  })

  // With a set qualifier a context value "" is an empty set, i.e. null / absent (C2, R81, A47).
  // The engine applied that only after two earlier checks, so "" was still "present" for them:
  // the empty policy value list (C16: absent + ForAllValues is true) and IfExists (R106: the
  // presence test comes first, an absent key yields true).
  it('C16 / C2 / A47 ForAllValues with an empty value list holds for "" as for an absent key', () => {
    const policies = { identity: [allowIf({ 'ForAllValues:StringEquals': { 'aws:TagKeys': [] } })] }
    expectDecision(request(undefined), policies, 'Allow')
    expectDecision(request({ 'aws:TagKeys': '' }), policies, 'Allow')
    const deny = {
      identity: [doc(allowAll, { ...allowAll, Effect: 'Deny', Condition: { 'ForAnyValue:StringNotLikeIfExists': { 'aws:TagKeys': [] } } })],
    }
    expectDecision(request(undefined), deny, 'ExplicitDeny')
    expectDecision(request({ 'aws:TagKeys': '' }), deny, 'ExplicitDeny')
  })
  it('R106 / C2 / A47 ForAnyValue:...IfExists holds for "" as for an absent key (presence test first)', () => {
    const policies = { identity: [allowIf({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'env' } })] }
    expectDecision(request(undefined), policies, 'Allow')
    expectDecision(request({ 'aws:TagKeys': '' }), policies, 'Allow')
  })
})

/**
 * The per-call caches of `evaluate` must never serve a stale answer: whatever changed in the
 * policies between two calls (a new Deny, a replaced text, a mutated array, a changed plain
 * object) is honoured on the next call. Parsed policies and JSON text are immutable and may be
 * reused; plain objects are snapshotted on every call.
 */
import { describe, expect, it } from 'vitest'
import { evaluate, parsePolicy } from '../../src/index.js'
import type { PolicySet } from '../../src/index.js'

const request = {
  principal: 'arn:aws:iam::111122223333:user/alice',
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::b/k',
  resourceAccount: '111122223333',
}
const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }
const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }] }

describe('per-call caches never serve stale policies', () => {
  it('a Deny pushed into the same identity array of texts is honoured', () => {
    const identity = [JSON.stringify(allow)]
    const policies = { identity }
    expect(evaluate(request, policies).decision).toBe('Allow')
    expect(evaluate(request, policies).decision).toBe('Allow')
    identity.push(JSON.stringify(deny))
    expect(evaluate(request, policies).decision).toBe('ExplicitDeny')
    identity.pop()
    expect(evaluate(request, policies).decision).toBe('Allow')
  })

  it('a text replaced in place, a slot added or removed, are honoured', () => {
    const policies: Record<string, unknown> = { identity: [JSON.stringify(allow)] }
    expect(evaluate(request, policies as PolicySet).decision).toBe('Allow')
    ;(policies['identity'] as string[])[0] = JSON.stringify(deny)
    expect(evaluate(request, policies as PolicySet).decision).toBe('ExplicitDeny')
    ;(policies['identity'] as string[])[0] = JSON.stringify(allow)
    policies['permissionsBoundary'] = JSON.stringify(deny)
    expect(evaluate(request, policies as PolicySet).decision).toBe('ExplicitDeny')
    delete policies['permissionsBoundary']
    expect(evaluate(request, policies as PolicySet).decision).toBe('Allow')
  })

  it('an SCP level added to the same levels array is honoured', () => {
    const scps = [[parsePolicy(allow, { kind: 'scp' })]]
    const policies = { identity: [parsePolicy(allow)], scps }
    expect(evaluate(request, policies).decision).toBe('Allow')
    scps.push([])
    expect(evaluate(request, policies).failedGate).toEqual({ kind: 'scp', level: 1 })
    ;(scps[1] as unknown[]).push(parsePolicy(allow, { kind: 'scp' }))
    expect(evaluate(request, policies).decision).toBe('Allow')
  })

  it('a plain policy object changed after a call is honoured (never trusted by identity)', () => {
    const policy = structuredClone(allow)
    const policies = { identity: [policy] }
    expect(evaluate(request, policies).decision).toBe('Allow')
    policy.Statement.push({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' })
    expect(evaluate(request, policies).decision).toBe('ExplicitDeny')
  })

  it('an unknown slot added to a remembered policies object is still refused', () => {
    const policies: Record<string, unknown> = { identity: [JSON.stringify(allow)] }
    expect(evaluate(request, policies as PolicySet).decision).toBe('Allow')
    policies['identities'] = []
    expect(() => evaluate(request, policies as PolicySet)).toThrow(/not a policy type/)
  })
})

/** Keeps the README's quick start true. */
import { describe, expect, it } from 'vitest'
import { quickStart } from './quick-start.js'

describe('README quick start', () => {
  it('gives the decisions and reasons the README shows', () => {
    const { read, remove } = quickStart()
    expect(read.decision).toBe('Allow')
    expect(remove.decision).toBe('ExplicitDeny')
    expect(remove.reason).toBe('explicitly denied by identity policy #0 statement #1 ("NoDeletes")')
    expect(remove.decisiveStatements).toEqual([
      { policyType: 'identity', policyIndex: 0, statementIndex: 1, sid: 'NoDeletes', effect: 'Deny' },
    ])
  })
})

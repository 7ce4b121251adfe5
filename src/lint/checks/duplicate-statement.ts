/**
 * Check `duplicate-statement`: a statement identical to an earlier one, apart from its `Sid`
 * (R13).
 */
import type { Finding, LintCheck } from '../types.js'

/**
 * Canonical text of a JSON value: object members sorted, list entries sorted and deduplicated,
 * a one-element list written as its element — the spellings that mean the same (R44).
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    const items = [...new Set(value.map(canonical))].sort()
    return items.length === 1 ? (items[0] as string) : `[${items.join(',')}]`
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
    return `{${members.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The `duplicate-statement` lint check (what it reports: see the module comment). */
export const duplicateStatement: LintCheck = {
  code: 'duplicate-statement',
  severity: 'suggestion',
  description: 'A statement is identical to an earlier statement of the same policy (ignoring `Sid`, element order and value order).',
  rationale:
    'Statements are OR-ed (R13), so a repeated statement changes nothing; it only makes the policy longer, which counts against the size quota. IAM Access Analyzer suggests "redundant statement".',
  fix: 'Remove the repeated statement.',
  rules: ['R13'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        { Sid: 'B', Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' },
      ],
    },
  },
  check(context) {
    const findings: Finding[] = []
    const seen = new Map<string, number>()
    for (const statement of context.document.statements) {
      const { Sid: _sid, ...rest } = statement.raw
      const key = canonical(rest)
      const earlier = seen.get(key)
      if (earlier === undefined) seen.set(key, statement.index)
      else findings.push(context.finding(duplicateStatement, statement.path, `this statement repeats statement ${earlier} (R13)`))
    }
    return findings
  },
}

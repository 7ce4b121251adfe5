/**
 * Check `multivalued-key-variable`: a policy variable naming a multivalued key, which cannot be
 * substituted (R116, A38).
 */
import { isKnownMultivalued } from '../condition-keys.js'
import { parseTemplate, resourceVariableStart } from '../../policy/variables.js'
import { forEachConditionValue, forEachResource } from '../facts.js'
import type { Finding, LintCheck } from '../types.js'

/** The `multivalued-key-variable` lint check (what it reports: see the module comment). */
export const multivaluedKeyVariable: LintCheck = {
  code: 'multivalued-key-variable',
  severity: 'warning',
  description: 'A policy variable names a multivalued key such as `${aws:TagKeys}`.',
  rationale:
    'Only single-valued keys can be used as variables (R116). A multivalued key never resolves, so the resource pattern matches nothing and a positive string test never matches (R117).',
  fix: 'Use a single-valued key in the variable, or test the multivalued key with ForAnyValue:/ForAllValues: instead.',
  rules: ['R116', 'R117', 'A38'],
  example: {
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:TagKeys}/*' }],
    },
  },
  check(context) {
    if (!context.document.variablesEnabled) return []
    const findings: Finding[] = []
    const inspect = (path: string, text: string): void => {
      const parsed = parseTemplate(text)
      if (!parsed.ok) return
      for (const part of parsed.parts) {
        if (part.kind !== 'variable' || !isKnownMultivalued(part.keyLower)) continue
        findings.push(
          context.finding(multivaluedKeyVariable, path, `\${${part.key}} names a multivalued key, which is never substituted (R116)`),
        )
      }
    }
    forEachResource(context, (value) => {
      const start = resourceVariableStart(value.value)
      if (start !== -1) inspect(value.path, value.value.slice(start))
    })
    forEachConditionValue(context, ['string', 'arn'], (value) => {
      if (typeof value.value === 'string') inspect(value.path, value.value)
    })
    return findings
  },
}

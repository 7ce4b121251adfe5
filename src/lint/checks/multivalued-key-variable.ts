/**
 * Check `multivalued-key-variable`: a policy variable naming a multivalued key, which cannot be
 * substituted (R116, A38).
 */
import { isKnownMultivalued } from '../condition-keys.js'
import { parseTemplate } from '../../policy/variables.js'
import { forEachVariableText } from '../facts.js'
import { statementExample } from '../examples.js'
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
  example: statementExample('identity', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:TagKeys}/*' }),
  check(context) {
    const findings: Finding[] = []
    forEachVariableText(context, (path, text) => {
      const parsed = parseTemplate(text)
      if (!parsed.ok) return
      for (const part of parsed.parts) {
        if (part.kind !== 'variable' || !isKnownMultivalued(part.keyLower)) continue
        findings.push(
          context.finding(multivaluedKeyVariable, path, `\${${part.key}} names a multivalued key, which is never substituted (R116)`),
        )
      }
    })
    return findings
  },
}

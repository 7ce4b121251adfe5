/**
 * Check `policy-size-organizations`: an SCP or RCP longer than 5,120 characters, every character
 * counted (R145).
 */
import { sizeCheck } from '../check-factories.js'
import { statementExample } from '../examples.js'

/** The `policy-size-organizations` lint check (what it reports: see the module comment). */
export const policySizeOrganizations = sizeCheck({
  code: 'policy-size-organizations',
  severity: 'error',
  description: 'A service control policy or resource control policy has more than 5,120 characters, white space included.',
  rationale:
    'Organizations limits SCPs and RCPs to 5,120 characters and, unlike IAM, counts every character including white space (R145). IAM Access Analyzer reports "policy size exceeds SCP quota" as an error.',
  fix: 'Minify the JSON (remove indentation), use wildcards, or split the policy into several policies attached at the same level.',
  rules: ['R145'],
  example: statementExample('scp', {
    Effect: 'Deny',
    Action: Array.from({ length: 300 }, (_, i) => `ec2:ExampleAction${i}`),
    Resource: '*',
  }),
  kinds: ['scp', 'rcp'],
  quotaName: 'Organizations policy quota',
  limit: 5120,
  countWhitespace: true,
})

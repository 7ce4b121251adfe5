/**
 * Builders for the checks' documentation examples (`LintCheck.example`), so that a check states
 * only the statement that triggers it: most examples are one statement in a `2012-10-17`
 * document, and the size checks need long generated lists.
 */
import type { PolicyKind } from '../policy/model.js'
import type { LintExample } from './types.js'

/** An example of `kind`: a document with `"Version": "2012-10-17"` and the one statement `statement`. */
export function statementExample(kind: PolicyKind, statement: Readonly<Record<string, unknown>>): LintExample {
  return { kind, policy: { Version: '2012-10-17', Statement: [statement] } }
}

/** `count` object ARNs in distinct example buckets (`arn:aws:s3:::example-bucket-0/*`, ...), to make a policy long. */
export function exampleBucketArns(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `arn:aws:s3:::example-bucket-${i}/*`)
}

/** `count` role ARNs of the example account (`arn:aws:iam::111122223333:role/example-role-0`, ...), to make a policy long. */
export function exampleRoleArns(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `arn:aws:iam::111122223333:role/example-role-${i}`)
}

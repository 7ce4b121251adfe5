/**
 * Fuzzing the policy readers with fast-check (SECURITY.md, "Fuzzing"): arbitrary JSON and
 * JavaScript values, structural mutations of valid policies, and character mutations of JSON text
 * into `validatePolicy` and `lintPolicy` (never throw), `parsePolicy` (only
 * `PolicyValidationError`), and `evaluate`/`compile` with the text as a policy (only
 * `PolicyValidationError`). Text and value must agree: text JSON.parse refuses is invalid, valid
 * text is valid as the value it denotes. Inputs are unchanged by every call (`fingerprint`), parsed
 * policies deeply frozen. The decision side is in fuzz-decisions.test.ts; the checks themselves in
 * fuzz-checks.ts.
 *
 * Budget: a few hundred runs per property in `npm test`; `IAM_EVAL_FUZZ=1` (`npm run fuzz`) shares
 * one million runs among the core properties of both files (`IAM_EVAL_FUZZ=<n>` shares n), in the
 * proportions of the `runs(quick, share)` calls. `IAM_EVAL_FUZZ_BUDGET_MS` caps each property's
 * time; `IAM_EVAL_SEED=<n>` replays a reported seed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validatePolicy } from '../../src/index.js'
import type { PolicySet } from '../../src/index.js'
import { lintPolicy } from '../../src/lint/index.js'
import { cloneJson, policyArb, requestArb } from '../support/arbitraries.js'
import type { SlotKind } from '../support/arbitraries.js'
import {
  applyMutations,
  applyTextMutations,
  fingerprint,
  hostileJsonArb,
  hostileValueArb,
  materialize,
  mutationsArb,
  textMutationsArb,
} from './hostile-arbitraries.js'
import { assertProperty, checkDecision, checkPolicyValue, kindArb } from './fuzz-checks.js'
import { FUZZ_TIMEOUT, runs } from './support.js'

describe('validatePolicy, parsePolicy and lintPolicy on arbitrary values', () => {
  it(
    'never throw (parsePolicy: only PolicyValidationError), agree with each other, leave the input unchanged',
    () => {
      assertProperty(
        'validate-parse-lint-values',
        fc.property(
          fc.oneof(
            hostileValueArb,
            fc.jsonValue({ stringUnit: 'binary' }),
            fc.anything({ withNullPrototype: true, withBigInt: true, withSparseArray: true }),
          ),
          kindArb,
          (input, kind) => {
            checkPolicyValue(materialize(input), kind)
          },
        ),
        runs(300, 0.2),
      )
    },
    FUZZ_TIMEOUT,
  )
})

describe('mutated valid policies', () => {
  const mutatedPolicyArb = fc
    .tuple(
      requestArb,
      kindArb.filter((kind) => kind !== 'trust'),
    )
    .chain(([{ scenario }, kind]) => fc.tuple(policyArb(kind as SlotKind, scenario), fc.constant(kind), mutationsArb(hostileValueArb)))
    .map(([policy, kind, mutations]) => ({ kind, policy: applyMutations(cloneJson(policy), mutations) }))

  it(
    'as values: validate/parse/lint never fail untyped and never change the input',
    () => {
      assertProperty(
        'mutated-policy-values',
        fc.property(mutatedPolicyArb, kindArb, ({ kind, policy }, otherKind) => {
          checkPolicyValue(materialize(policy), kind)
          checkPolicyValue(materialize(policy), otherKind)
        }),
        runs(200, 0.1),
      )
    },
    FUZZ_TIMEOUT,
  )
})

describe('JSON text', () => {
  const textArb = fc.oneof(
    { arbitrary: fc.json({ stringUnit: 'binary' }), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 50 }), weight: 1 },
    {
      arbitrary: fc
        .tuple(
          requestArb,
          kindArb.filter((kind) => kind !== 'trust'),
        )
        .chain(([{ scenario }, kind]) => fc.tuple(policyArb(kind as SlotKind, scenario), textMutationsArb, fc.boolean()))
        .map(([policy, mutations, pretty]) =>
          applyTextMutations(pretty ? JSON.stringify(policy, null, 2) : JSON.stringify(policy), mutations),
        ),
      weight: 6,
    },
  )

  it(
    'parsePolicy refuses typed what it refuses, agrees with JSON.parse, and evaluate refuses typed',
    () => {
      assertProperty(
        'json-text',
        fc.property(textArb, kindArb, (text, kind) => {
          checkPolicyValue(text, kind)
          const validation = validatePolicy(text, { kind })
          let value: unknown
          let jsonOk = true
          try {
            // The policy reader skips a leading byte order mark (json-text.ts; RFC 8259 allows it); JSON.parse does not.
            value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
          } catch {
            jsonOk = false
          }
          // What JSON.parse refuses is never a valid policy; valid text is also valid as the value it denotes.
          if (!jsonOk) expect(validation.valid).toBe(false)
          if (validation.valid) expect(validatePolicy(value, { kind }).valid).toBe(true)
          const slot: PolicySet =
            kind === 'trust'
              ? { resource: text }
              : kind === 'scp'
                ? { scps: [[text]] }
                : kind === 'rcp'
                  ? { rcps: [[text]] }
                  : kind === 'endpoint'
                    ? { endpoint: [text] }
                    : kind === 'boundary'
                      ? { permissionsBoundary: text }
                      : kind === 'session'
                        ? { session: text }
                        : kind === 'resource'
                          ? { resource: text }
                          : { identity: [text] }
          checkDecision(
            { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key' },
            slot,
          )
        }),
        runs(300, 0.2),
      )
    },
    FUZZ_TIMEOUT,
  )
})

describe('lintPolicy on arbitrary JSON values and texts', () => {
  it(
    'never throws',
    () => {
      assertProperty(
        'lint-values-and-texts',
        fc.property(fc.oneof(hostileJsonArb, fc.json({ stringUnit: 'binary' }), hostileValueArb), kindArb, (input, kind) => {
          const value = materialize(input)
          const before = fingerprint(value)
          let findings: unknown
          expect(() => (findings = lintPolicy(value, { kind }))).not.toThrow()
          expect(Array.isArray(findings)).toBe(true)
          expect(fingerprint(value)).toEqual(before)
        }),
        runs(200, 0.1),
      )
    },
    FUZZ_TIMEOUT,
  )
})

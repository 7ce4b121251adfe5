/**
 * A stand-in `VerifyCaller` for local runs and tests: a fixed table of opaque tokens and the
 * claims each one stands for. NOT FOR PRODUCTION. It proves nothing about a token beyond "this
 * string is in the table", and the table is public. Replace it with a real verifier (the README
 * shows one built on `aws-jwt-verify`) before deploying.
 *
 * To keep an unmodified copy of this example from ever serving traffic, creating the demo verifier
 * inside a Lambda execution environment throws, which fails the function's cold start.
 */
import { bearerToken, callerFromClaims } from './identity.js'
import type { IdentityClaims, VerifyCaller } from './identity.js'

const ACCOUNT = '111122223333'

/** The demo users: what a real identity provider would put in their verified ID tokens. */
export const DEMO_TOKENS: Readonly<Record<string, IdentityClaims>> = {
  // Alice works on the orders team and signed in with a password only.
  'demo-token-alice': {
    sub: '3f1c6a52-8f0e-4c1e-9a57-0d2f6b1e7c11',
    'cognito:username': 'alice',
    'cognito:preferred_role': `arn:aws:iam::${ACCOUNT}:role/orders-team`,
    amr: ['pwd'],
  },
  // Bob is an orders admin who completed MFA...
  'demo-token-bob-mfa': {
    sub: '9b2d4e70-1a3c-4f5e-8d6b-7c9a0e1f2d33',
    'cognito:username': 'bob',
    'cognito:preferred_role': `arn:aws:iam::${ACCOUNT}:role/orders-admin`,
    amr: ['pwd', 'mfa'],
  },
  // ...and the same Bob in a session where he skipped it.
  'demo-token-bob-no-mfa': {
    sub: '9b2d4e70-1a3c-4f5e-8d6b-7c9a0e1f2d33',
    'cognito:username': 'bob',
    'cognito:preferred_role': `arn:aws:iam::${ACCOUNT}:role/orders-admin`,
    amr: ['pwd'],
  },
  // Carol is a contractor: a valid user whose role no policy grants anything.
  'demo-token-carol': {
    sub: 'c4a8e1d2-6b7f-4e3a-9c0d-5f1b2a3e4d55',
    'cognito:username': 'carol',
    'cognito:preferred_role': `arn:aws:iam::${ACCOUNT}:role/contractors`,
    amr: ['pwd', 'mfa'],
  },
}

/** A verifier that accepts exactly the tokens of `tokens`. For tests and local runs only. */
export function demoTokenVerifier(tokens: Readonly<Record<string, IdentityClaims>> = DEMO_TOKENS): VerifyCaller {
  if (process.env['AWS_LAMBDA_FUNCTION_NAME'] !== undefined) {
    throw new Error('demoTokenVerifier must not run in AWS Lambda: plug in a real token verifier (see the README)')
  }
  return async (event) => {
    const token = bearerToken(event)
    // Own properties only, so a token such as "constructor" or "__proto__" finds nothing.
    if (token === undefined || !Object.hasOwn(tokens, token)) return undefined
    const claims = tokens[token]
    return claims === undefined ? undefined : callerFromClaims(claims)
  }
}

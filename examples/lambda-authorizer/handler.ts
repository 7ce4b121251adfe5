/**
 * The Lambda entry point (`handler.handler`): compiles the API's access policy once per cold start
 * and serves every invocation of the execution environment with the same compiled authorizer.
 *
 * Configuration (environment variables):
 * - `HTTP_API_SIMPLE_RESPONSES`: `false` when an HTTP API authorizer expects IAM policy responses
 *   (default `true`, matching `enableSimpleResponses`). REST APIs always get an IAM policy.
 */
import { compile } from 'iam-eval'
import { createAuthorizerHandler } from './authorizer.js'
import { demoTokenVerifier } from './demo-verifier.js'
import ordersApiPolicy from './policies/orders-api.json' with { type: 'json' }

// Module scope runs once per cold start. A policy that does not validate throws here, so a bad
// deploy fails loudly at init instead of denying (or worse) request by request.
const authorizer = compile({ resource: ordersApiPolicy })

export const handler = createAuthorizerHandler({
  authorizer,
  // REPLACE before deploying: the demo verifier accepts a public list of fake tokens (and refuses
  // to start inside Lambda). See "Verifying callers" in the README for a real one.
  verifyCaller: demoTokenVerifier(),
  httpApiSimpleResponses: process.env['HTTP_API_SIMPLE_RESPONSES'] !== 'false',
})

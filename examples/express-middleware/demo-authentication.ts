/**
 * STAND-IN AUTHENTICATION, NOT FOR PRODUCTION. Trusts an `X-Demo-User` header naming a user of a
 * fixed directory, which anyone can send. It exists so the example runs without an identity
 * provider; put your real authentication (session cookie, verified JWT, mTLS, ...) in its place,
 * keeping the contract: set `req.user` only for a caller whose credentials were verified.
 *
 * To keep it out of production by accident, creating it with NODE_ENV=production throws.
 */
import type { RequestHandler } from 'express'
import type { AuthenticatedUser } from './user.js'

const ACCOUNT = '111122223333'

function user(name: string, tags: AuthenticatedUser['tags']): AuthenticatedUser {
  return { arn: `arn:aws:iam::${ACCOUNT}:user/${name}`, tags }
}

/** The demo users. */
export const DEMO_USERS: ReadonlyMap<string, AuthenticatedUser> = new Map([
  ['alice', user('alice', { team: 'blue', job: 'engineer' })],
  ['bob', user('bob', { team: 'red', job: 'engineer' })],
  ['olivia', user('olivia', { team: 'blue', job: 'manager' })],
  ['mallory', user('mallory', { team: 'blue', job: 'manager', status: 'suspended' })],
])

/** The stand-in middleware: sets `req.user` for a known `X-Demo-User`, and nothing otherwise. */
export function demoAuthentication(users: ReadonlyMap<string, AuthenticatedUser> = DEMO_USERS): RequestHandler {
  if (process.env['NODE_ENV'] === 'production') {
    throw new Error('demoAuthentication trusts a header anyone can send: replace it before running in production')
  }
  return (req, _res, next) => {
    const name = req.get('X-Demo-User')
    const found = name === undefined ? undefined : users.get(name)
    // Not authenticated is not an error here: routes that need a caller answer 401 themselves.
    if (found !== undefined) req.user = found
    next()
  }
}

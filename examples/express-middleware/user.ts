/**
 * The authenticated user, as the authentication middleware leaves it on `req.user` for the ones
 * after it. Declared on Express's `Request` (the same way Passport declares `req.user`), so any
 * authentication middleware can fill it in and route code reads it typed.
 */

/** Attributes the policies test as `aws:PrincipalTag/<key>`. */
export type UserTags = Readonly<Record<string, string>>

declare global {
  // Express's own extension point for request types; a namespace is the only way to merge into it.
  namespace Express {
    interface User {
      /** The user as an IAM-style principal ARN: what the policies' `Principal` elements can name. */
      readonly arn: string
      readonly tags: UserTags
    }

    interface Request {
      /** Set by the authentication middleware when, and only when, the caller is authenticated. */
      user?: User
    }
  }
}

export type AuthenticatedUser = Express.User

/**
 * The process exit codes, in one place because scripts depend on them: 0 success (and Allow),
 * 1 usage, file, policy or assertion errors (and failed tests), 2 a denied request.
 */

/** Success; for `evaluate`, the request is allowed. */
export const EXIT_OK = 0
/** Bad usage, unreadable or invalid input, a failed `--expect`, failing test cases, validation errors. */
export const EXIT_ERROR = 1
/** `evaluate` only: the request is denied (explicitly or implicitly). */
export const EXIT_DENIED = 2

/**
 * Turning anything that was thrown into a short message, without ever throwing again: a hostile
 * value may throw from its `message` getter or its `toString`.
 */

/** A one-line description of a thrown value; never throws. */
export function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return String(thrown.message)
    if (typeof thrown === 'string') return thrown
    return `a thrown ${thrown === null ? 'null' : typeof thrown}`
  } catch {
    return 'an exception that could not be described'
  }
}

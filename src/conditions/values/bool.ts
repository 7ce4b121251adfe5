/**
 * Boolean condition values (R92, R111, C11): `true` / `false` in any ASCII letter case, or JSON
 * booleans. Everything else, numbers included, is not a boolean and never matches.
 */

/**
 * Parses a `Bool` operand (C11).
 *
 * @param value - The policy or request value.
 * @returns The boolean, or `undefined` when the value is not a boolean.
 */
export function parseBoolean(value: string | number | boolean): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (typeof value !== 'string') return undefined
  // `(c | 0x20) === 't'` holds only for 'T' and 't' (likewise for the other letters), and no
  // non-ASCII character lower-cases to any of these letters, so this equals
  // `value.toLowerCase() === 'true'` without allocating.
  if (value.length === 4) {
    return (value.charCodeAt(0) | 0x20) === 116 &&
      (value.charCodeAt(1) | 0x20) === 114 &&
      (value.charCodeAt(2) | 0x20) === 117 &&
      (value.charCodeAt(3) | 0x20) === 101
      ? true
      : undefined
  }
  if (value.length === 5) {
    return (value.charCodeAt(0) | 0x20) === 102 &&
      (value.charCodeAt(1) | 0x20) === 97 &&
      (value.charCodeAt(2) | 0x20) === 108 &&
      (value.charCodeAt(3) | 0x20) === 115 &&
      (value.charCodeAt(4) | 0x20) === 101
      ? false
      : undefined
  }
  return undefined
}

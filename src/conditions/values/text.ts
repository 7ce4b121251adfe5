/**
 * Text form of condition and variable values (R107, C14): what string and ARN operators, and
 * policy-variable substitution, see when a value is a number or a boolean.
 */

/**
 * Converts a value to its condition text (C14): strings unchanged, numbers as JavaScript's
 * shortest round-trip text (`String(n)`; `-0` gives `0`), booleans as `true` / `false`.
 * Callers validate inputs first (C1), so non-finite numbers do not reach this function.
 *
 * @param value - A policy or request scalar.
 * @returns Its text.
 */
export function toConditionText(value: string | number | boolean): string {
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return String(value)
}

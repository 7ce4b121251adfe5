/**
 * Reading the evaluation time (`--now`, a suite's `now`): an ISO 8601 date-time such as
 * `2025-01-31T12:00:00Z` (a time needs a zone: `Z` or `+01:00`; a bare date is midnight UTC), or whole seconds since the Unix epoch (the unit of `aws:EpochTime`).
 */

/** The time `value` names, or `undefined` when it names none. */
export function parseTime(value: string | number): Date | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? new Date(value * 1000) : undefined
  const text = value.trim()
  if (/^-?\d+$/.test(text)) return new Date(Number(text) * 1000)
  // Date.parse accepts more than ISO 8601 (locale formats) and reads a time without a zone as local
  // time; demand the ISO shape with an explicit zone so a suite means the same on every machine.
  if (!/^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2}))?$/.test(text)) return undefined
  const time = Date.parse(text)
  return Number.isNaN(time) ? undefined : new Date(time)
}

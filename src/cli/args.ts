/**
 * Command-line parsing on top of `node:util` `parseArgs`: the one error type for bad usage, the
 * options every command shares (`--help`, `--color`, `--no-color`), and small readers for
 * repeatable and enumerated options. Commands declare their own options next to their code.
 */
import { parseArgs } from 'node:util'
import type { ColourFlag } from './output/colour.js'

/** Bad usage: unknown flag, missing value, conflicting options. Exits 1 with the message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** The option descriptions `parseArgs` takes. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>

/** Options every command understands. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const satisfies OptionSpec

/** Parsed values: strings, booleans, or lists of strings for repeatable options. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

/** The result of {@link parseCommandLine}. */
export interface ParsedCommandLine {
  readonly values: OptionValues
  readonly positionals: readonly string[]
}

/**
 * Parses `args` strictly (unknown options are errors) with `options` plus the common ones.
 * @throws UsageError with `parseArgs`'s message, which names the offending option.
 */
export function parseCommandLine(args: readonly string[], options: OptionSpec, allowPositionals: boolean): ParsedCommandLine {
  try {
    const parsed = parseArgs({ args: [...args], options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals })
    return { values: parsed.values as OptionValues, positionals: parsed.positionals }
  } catch (error) {
    // parseArgs throws TypeErrors with codes such as ERR_PARSE_ARGS_UNKNOWN_OPTION; all are usage errors.
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

/** The colour wish expressed by `--color` / `--no-color` (the later spelling wins if both are given). */
export function colourFlag(values: OptionValues): ColourFlag {
  if (values['no-color'] === true) return 'never'
  if (values['color'] === true) return 'always'
  return undefined
}

/** A string option, or `undefined`. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw new UsageError(`--${name} needs a value`)
  return value
}

/** A repeatable string option as a list (empty when absent). */
export function stringList(values: OptionValues, name: string): string[] {
  const value = values[name]
  if (value === undefined) return []
  const list = Array.isArray(value) ? value : [value]
  return list.map((item) => {
    if (typeof item !== 'string') throw new UsageError(`--${name} needs a value`)
    return item
  })
}

/** A string option that must be one of `choices` (compared case-insensitively; returns the canonical spelling). */
export function choiceOption<T extends string>(values: OptionValues, name: string, choices: readonly T[]): T | undefined {
  const value = stringOption(values, name)
  if (value === undefined) return undefined
  const found = choices.find((choice) => choice.toLowerCase() === value.toLowerCase())
  if (found === undefined) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not '${value}'`)
  return found
}

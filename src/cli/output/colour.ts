/**
 * Terminal colour: whether to use it, and the few styles the CLI prints with. Owns the policy
 * "colour on a TTY, none when piped or under NO_COLOR", so every command decides the same way.
 */

/** The styles output code uses; each returns its text unchanged when colour is off. */
export interface Style {
  /** Whether the styles add escape codes (some layouts differ slightly without colour). */
  readonly enabled: boolean
  readonly bold: (text: string) => string
  readonly dim: (text: string) => string
  readonly red: (text: string) => string
  readonly green: (text: string) => string
  readonly yellow: (text: string) => string
  readonly cyan: (text: string) => string
}

/** How the user asked for colour on the command line, if at all. */
export type ColourFlag = 'always' | 'never' | undefined

/**
 * Decides whether to colour a stream. Precedence, strongest first: `--no-color`, `--color`,
 * `NO_COLOR` (any non-empty value, per no-color.org, which lets command-line flags override it),
 * `FORCE_COLOR` (non-empty and not `0`, the common convention of CI systems), and finally
 * whether the stream is a terminal.
 */
export function wantsColour(flag: ColourFlag, env: Readonly<Record<string, string | undefined>>, isTTY: boolean | undefined): boolean {
  if (flag === 'never') return false
  if (flag === 'always') return true
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false
  const force = env['FORCE_COLOR']
  if (force !== undefined && force !== '' && force !== '0') return true
  return isTTY === true
}

function wrap(open: number, close: number): (text: string) => string {
  return (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`)
}

const identity = (text: string): string => text

/** Styles that add ANSI escape codes when `enabled`, and nothing otherwise. */
export function createStyle(enabled: boolean): Style {
  if (!enabled) {
    return { enabled, bold: identity, dim: identity, red: identity, green: identity, yellow: identity, cyan: identity }
  }
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  }
}

/** Styles that never colour (machine output, matcher messages). */
export const PLAIN: Style = createStyle(false)

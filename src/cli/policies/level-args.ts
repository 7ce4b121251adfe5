/**
 * The `[LEVEL:]FILE` syntax of `--scp` and `--rcp`: `--scp 0:root.json --scp 1:ou.json
 * --scp 1:ou-extra.json --scp 2:account.json` builds three levels (organization root, OU,
 * account), each of which must allow on its own. Without a prefix a file joins level 0. Levels
 * must be contiguous from 0: a gap would be an empty level, which denies everything, and is far
 * more likely a typo than an intent.
 */
import { UsageError } from '../args.js'

/** `[LEVEL:]FILE` arguments grouped by level, in argument order within each level. */
export function groupLevels(option: string, args: readonly string[]): string[][] {
  const levels: string[][] = []
  for (const arg of args) {
    // Digits only, so a Windows drive letter (`C:\...`) is never taken for a level.
    const match = /^(\d+):(.+)$/.exec(arg)
    const level = match === null ? 0 : Number(match[1])
    const file = match === null ? arg : (match[2] as string)
    if (!Number.isSafeInteger(level) || level > 100) throw new UsageError(`--${option} '${arg}': level ${match?.[1] ?? ''} is out of range`)
    while (levels.length <= level) levels.push([])
    ;(levels[level] as string[]).push(file)
  }
  const gap = levels.findIndex((level) => level.length === 0)
  if (gap !== -1) {
    throw new UsageError(`--${option}: level ${gap} has no policy (levels count from 0: --${option} 0:root.json --${option} 1:ou.json)`)
  }
  return levels
}

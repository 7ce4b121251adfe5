/**
 * From command-line path arguments to a sorted list of files: each argument may be a file, a
 * directory (searched with the command's default patterns) or a glob (tinyglobby, picomatch
 * syntax). `node_modules` is never searched. A missing file or a glob that matches nothing is an
 * error, so a typo in CI cannot silently test nothing.
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import { globSync, isDynamicPattern } from 'tinyglobby'

/** Directories never searched. */
const IGNORED = ['**/node_modules/**']

/** Options of {@link expandPaths}. */
export interface ExpandOptions {
  /** Absolute directory that relative arguments and patterns resolve against. */
  readonly cwd: string
  /** Patterns searched in a directory argument, and in `cwd` when there are no arguments. */
  readonly patterns: readonly string[]
  /** Patterns excluded from directory and glob searches (not from explicitly named files). */
  readonly exclude?: readonly string[]
}

/** The files found, or why an argument found nothing. */
export interface ExpandResult {
  /** Absolute paths, sorted and without duplicates. */
  readonly files: readonly string[]
  /** The arguments that named nothing, with why. */
  readonly errors: readonly { readonly path: string; readonly message: string }[]
}

function search(directory: string, patterns: readonly string[], exclude: readonly string[]): string[] {
  return globSync([...patterns], { cwd: directory, absolute: true, ignore: [...IGNORED, ...exclude], dot: false, onlyFiles: true })
}

/** Expands path arguments (see the module comment). */
export function expandPaths(args: readonly string[], options: ExpandOptions): ExpandResult {
  const files = new Set<string>()
  const errors: { path: string; message: string }[] = []
  const exclude = options.exclude ?? []
  if (args.length === 0) {
    for (const file of search(options.cwd, options.patterns, exclude)) files.add(path.normalize(file))
  }
  for (const arg of args) {
    const absolute = path.resolve(options.cwd, arg)
    const stat = statSync(absolute, { throwIfNoEntry: false })
    if (stat?.isDirectory() === true) {
      for (const file of search(absolute, options.patterns, exclude)) files.add(path.normalize(file))
    } else if (stat !== undefined) {
      files.add(absolute)
    } else if (isDynamicPattern(arg)) {
      // Globs use forward slashes, also on Windows; they are matched relative to cwd.
      const found = search(options.cwd, [arg.split(path.sep).join('/')], exclude)
      if (found.length === 0) errors.push({ path: arg, message: `${arg}: no files match this pattern` })
      for (const file of found) files.add(path.normalize(file))
    } else {
      errors.push({ path: arg, message: `${arg}: no such file or directory` })
    }
  }
  return { files: [...files].sort(), errors }
}

/** A path as shown to people and CI systems: relative to `cwd` with forward slashes, or absolute if outside it. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file.split(path.sep).join('/')
  return relative.split(path.sep).join('/')
}

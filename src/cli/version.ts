/**
 * The program's version, read at run time from the package's own `package.json` so a release
 * never needs a code change. Found by walking up from the running file (`dist/cli.js` in the
 * package, `src/cli/` when run from source).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE_NAME = 'iam-eval'

/** The version in iam-eval's `package.json`, or `unknown` if it cannot be found. */
export function packageVersion(from: string = fileURLToPath(import.meta.url)): string {
  let directory = path.dirname(from)
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown }
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version
    } catch {
      // No readable package.json here: keep walking up.
    }
    const parent = path.dirname(directory)
    if (parent === directory) return 'unknown'
    directory = parent
  }
}

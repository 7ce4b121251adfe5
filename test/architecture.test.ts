/**
 * The layering of `src/`, enforced: data flows one way (text -> model -> compiled form ->
 * decision), so a module may import only from its own layer or lower ones, and nothing outside
 * the CLI imports the CLI. A new directory must be given a layer here before it can be used.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src')

/** Layer of each top-level directory or file of src/, lowest first. */
const LAYERS: Record<string, number> = {
  util: 0,
  policy: 1,
  'limits.ts': 1,
  match: 2,
  conditions: 3,
  compile: 4,
  evaluate: 5,
  lint: 5,
  'index.ts': 6,
  format: 6,
  'schema.ts': 6,
  'vitest.ts': 7,
  cli: 8,
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts') ? [full] : []
  })
}

function layerOf(file: string): { unit: string; layer: number } {
  // Imports name the emitted `.js`; the source is `.ts` (generated modules are `.js` themselves).
  const unit = (path.relative(SOURCE, file).split(path.sep)[0] as string).replace(/\.js$/, '.ts')
  const layer = LAYERS[unit]
  if (layer === undefined) throw new Error(`src/${unit} has no layer in test/architecture.test.ts`)
  return { unit, layer }
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g

describe('architecture', () => {
  const files = sourceFiles(SOURCE)

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(30)
  })

  it('imports only go down (or sideways) the layers, and only the CLI imports the CLI', () => {
    const violations: string[] = []
    for (const file of files) {
      const from = layerOf(file)
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(IMPORT)) {
        const target = path.resolve(path.dirname(file), (match[1] ?? match[2]) as string)
        if (!target.startsWith(SOURCE)) continue
        const to = layerOf(target)
        const upward = to.layer > from.layer
        const intoCli = to.unit === 'cli' && from.unit !== 'cli'
        if (upward || intoCli) violations.push(`${path.relative(SOURCE, file)} imports ${path.relative(SOURCE, target)}`)
      }
    }
    expect(violations).toEqual([])
  })

  it('the core does not import Node built-ins, so it runs in edge runtimes and browsers', () => {
    const core = files.filter((file) => !['cli', 'vitest.ts'].includes(layerOf(file).unit))
    const offenders = core.filter((file) => /from\s+['"](node:|fs['"]|path['"])/.test(readFileSync(file, 'utf8')))
    expect(offenders.map((file) => path.relative(SOURCE, file))).toEqual([])
  })
})

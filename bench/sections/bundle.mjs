/**
 * Bundle size: a tiny Lambda-style entry importing `evaluate`/`compile` from dist/index.js,
 * bundled with esbuild (bundle, minify, ESM, platform node); bytes minified and gzipped.
 */
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { build } from 'esbuild'
import { fmtBytes } from '../lib/format.mjs'

const entry = (from) => `import { compile, evaluate } from ${JSON.stringify(from)}
const authorizer = compile(JSON.parse(process.env.POLICIES ?? '{"identity":[]}'))
export const handler = async (event) => ({
  decision: authorizer.evaluate(event.request).decision,
  oneShot: event.policies ? evaluate(event.request, event.policies).decision : undefined,
})
`

export async function runBundle(log, distUrl) {
  log('\nbundle size')
  const from = fileURLToPath(distUrl)
  const result = await build({
    stdin: {
      contents: entry(from),
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      sourcefile: 'lambda-entry.mjs',
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0].contents
  const minified = code.byteLength
  const gzipped = gzipSync(code, { level: 9 }).byteLength
  // The largest inputs, by bytes they contribute to the output.
  const output = Object.values(result.metafile.outputs)[0]
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const inputs = Object.entries(output.inputs)
    .map(([file, info]) => [path.relative(root, path.resolve(root, file)).replace(/^(\.\.\/)+/, ''), info.bytesInOutput])
    .sort((a, b) => b[1] - a[1])
  const byPackage = new Map()
  for (const [file, bytes] of inputs) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)
    const key = m ? m[1] : /(^|\/)dist\/[^/]+\.js$/.test(file) ? 'iam-eval (dist)' : file
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytes)
  }
  log(`  ${fmtBytes(minified)} minified, ${fmtBytes(gzipped)} gzipped`)
  return {
    minified,
    gzipped,
    table: {
      title: 'Lambda bundle (esbuild: bundle, minify, ESM, platform node)',
      columns: ['What', 'Bytes'],
      rows: [
        ['minified', fmtBytes(minified)],
        ['minified + gzip (level 9)', fmtBytes(gzipped)],
        ...[...byPackage.entries()].sort((a, b) => b[1] - a[1]).map(([pkg, bytes]) => [`  of which ${pkg} (minified)`, fmtBytes(bytes)]),
      ],
      notes: ['entry: `import { compile, evaluate } from "../dist/index.js"` plus a 4-line handler'],
    },
  }
}

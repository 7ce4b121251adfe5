#!/usr/bin/env node
/**
 * Bundles the authorizer for Lambda: one minified ESM file, `dist/handler.mjs`, with iam-eval and
 * the policy JSON inlined, so the deployment package needs no node_modules and a cold start reads
 * a single file. Prints the bundle size, minified and gzipped.
 *
 * Usage: node examples/lambda-authorizer/build.mjs   (Lambda handler setting: `handler.handler`)
 */
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const outfile = here('./dist/handler.mjs')

const result = await build({
  entryPoints: [here('./handler.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  // The nodejs20.x runtime; raise together with the function's runtime.
  target: 'node20',
  // Lambda's runtime ships the SDK, but this handler needs none of it: bundle everything.
  packages: 'bundle',
  // Readable stack traces in CloudWatch when the function runs with NODE_OPTIONS=--enable-source-maps.
  sourcemap: 'linked',
  logLevel: 'warning',
})

if (result.errors.length > 0) process.exit(1)

const bundle = readFileSync(outfile)
const gzipped = gzipSync(bundle, { level: 9 }).length
console.log(`${relative(process.cwd(), outfile)}: ${bundle.length} bytes minified, ${gzipped} bytes gzipped`)

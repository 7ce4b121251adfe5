import { defineConfig } from 'tsup'

// The library entries build to ESM first and CJS beside them, with declarations for both.
// The linter is its own entry so that a Lambda importing only the evaluator never bundles it;
// code splitting keeps one shared copy of the core between entries (one parsed-policy brand).
// The CLI is one ESM file with a shebang; it is a program, not an import target.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      schema: 'src/schema.ts',
      lint: 'src/lint/index.ts',
      vitest: 'src/vitest.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'node20',
    platform: 'neutral',
    splitting: true,
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
  },
])

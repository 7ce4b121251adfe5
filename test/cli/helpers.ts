/**
 * Helpers of the CLI end-to-end tests: run the built `dist/cli.js` in a child process with a
 * controlled environment, and create throw-away directories of policy and suite files.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The built program (the test script builds before vitest runs). */
export const CLI = path.join(ROOT, 'dist/cli.js')

/** What a run printed and returned. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Options of {@link runCli}. */
export interface RunOptions {
  readonly cwd?: string
  /** Extra environment; colour variables are removed unless given here. */
  readonly env?: Readonly<Record<string, string>>
  readonly input?: string
}

/** Runs `node dist/cli.js ...args`. */
export function runCli(args: readonly string[], options: RunOptions = {}): CliRun {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    // The child's colour and CI behaviour must depend only on what the test says.
    if (value !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS', 'CI', 'TERM'].includes(key)) env[key] = value
  }
  Object.assign(env, options.env)
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  })
  if (result.error !== undefined) throw result.error
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A temporary directory with files; `cleanup()` removes it. */
export interface Fixture {
  readonly dir: string
  /** Writes `content` (a string as is, anything else as pretty JSON) at `relative`, creating directories. */
  write(relative: string, content: unknown): string
  path(relative: string): string
  cleanup(): void
}

/** Creates a {@link Fixture}. */
export function fixture(files: Readonly<Record<string, unknown>> = {}): Fixture {
  const dir = mkdtempSync(path.join(tmpdir(), 'iam-eval-cli-'))
  const self: Fixture = {
    dir,
    write(relative, content) {
      const file = path.join(dir, relative)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`)
      return file
    },
    path: (relative) => path.join(dir, relative),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
  for (const [relative, content] of Object.entries(files)) self.write(relative, content)
  return self
}

/** ANSI escape sequences (colour). */
export const ANSI = /\u001b\[[0-9;]*m/

/** A policy document with the given statements. */
export function policy(...statements: Record<string, unknown>[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements }
}

/** A policy's JSON text with one statement per line: statement `i` starts at line `4 + i`, column 5. */
export function policyText(...statements: Record<string, unknown>[]): string {
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements.map((statement) => `    ${JSON.stringify(statement)}`).join(',\n')}\n  ]\n}\n`
}

/** Common request pieces. */
export const ALICE = 'arn:aws:iam::111122223333:user/alice'
export const OBJECT = 'arn:aws:s3:::amzn-s3-demo-bucket/report.csv'

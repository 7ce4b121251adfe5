/**
 * The `iam-eval` program: picks the command, runs it, and turns its outcome into an exit code.
 * Owns the top-level help, `--version`, and the last line of defence: usage errors exit 1 with a
 * hint, anything unexpected exits 1 with its message (never a silent success).
 */
import { UsageError } from './args.js'
import { EVALUATE_HELP, runEvaluate } from './commands/evaluate.js'
import { runTest, TEST_HELP } from './commands/test.js'
import { runValidate, VALIDATE_HELP } from './commands/validate.js'
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js'
import { processIo } from './io.js'
import type { CommandIo } from './io.js'
import { packageVersion } from './version.js'

const HELP = `Usage: iam-eval <command> [options]

Decide AWS IAM authorization exactly as AWS does, offline.

Commands:
  evaluate    decide one request against policy files and explain the decision
  validate    check policy files against the IAM grammar and the rules of their kind
  test        run policy test suites (*.iam-test.yaml / *.iam-test.json)
  help [CMD]  show help for a command

Options:
  -h, --help     show help (also after any command: iam-eval test --help)
  -V, --version  print the version

Exit codes: 0 success/allowed, 1 usage, input or test failure, 2 denied (evaluate).
`

type Command = (args: readonly string[], io: CommandIo) => Promise<number>

const COMMANDS: Readonly<Record<string, { run: Command; help: string }>> = {
  evaluate: { run: runEvaluate, help: EVALUATE_HELP },
  validate: { run: runValidate, help: VALIDATE_HELP },
  test: { run: runTest, help: TEST_HELP },
}

/** Runs the program with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined) {
    // No command is a usage error: the help goes to stderr so scripts notice.
    io.stderr.write(HELP)
    return EXIT_ERROR
  }
  if (first === '-h' || first === '--help') {
    io.stdout.write(HELP)
    return EXIT_OK
  }
  if (first === '-V' || first === '--version') {
    io.stdout.write(`${packageVersion()}\n`)
    return EXIT_OK
  }
  if (first === 'help') {
    const topic = rest[0]
    const command = topic === undefined ? undefined : COMMANDS[topic]
    if (topic !== undefined && command === undefined) return usage(io, `unknown command '${topic}'`)
    io.stdout.write(command?.help ?? HELP)
    return EXIT_OK
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, first) ? COMMANDS[first] : undefined
  if (command === undefined) {
    return usage(io, first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`)
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message, first)
    io.stderr.write(`iam-eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return EXIT_ERROR
  }
}

function usage(io: CommandIo, message: string, command?: string): number {
  io.stderr.write(`iam-eval: ${message}\nRun 'iam-eval ${command === undefined ? '' : `${command} `}--help' for usage.\n`)
  return EXIT_ERROR
}

// Set the exit code rather than calling process.exit, so piped output is flushed completely.
main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`iam-eval: ${String(error)}\n`)
    process.exitCode = EXIT_ERROR
  },
)

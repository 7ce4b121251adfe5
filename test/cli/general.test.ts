/**
 * The program as a whole: help on every command, --version from package.json, usage errors and
 * their exit code.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, runCli } from './helpers.js'

const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version

describe('iam-eval', () => {
  it('prints the version from package.json with --version and -V', () => {
    for (const flag of ['--version', '-V']) {
      const run = runCli([flag])
      expect(run.code).toBe(0)
      expect(run.stdout).toBe(`${version}\n`)
    }
  })

  it('reads the version relative to the built file, whatever the working directory', () => {
    const run = runCli(['--version'], { cwd: path.parse(ROOT).root })
    expect(run.stdout).toBe(`${version}\n`)
  })

  it('prints help with --help, -h and help, exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const run = runCli(args)
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('Usage: iam-eval <command>')
      for (const command of ['evaluate', 'validate', 'test']) expect(run.stdout).toContain(command)
    }
  })

  it.each(['evaluate', 'validate', 'test'])('has --help, -h and help for %s', (command) => {
    const viaFlag = runCli([command, '--help'])
    expect(viaFlag.code).toBe(0)
    expect(viaFlag.stdout).toContain(`Usage: iam-eval ${command}`)
    expect(viaFlag.stderr).toBe('')
    expect(runCli([command, '-h']).stdout).toBe(viaFlag.stdout)
    expect(runCli(['help', command]).stdout).toBe(viaFlag.stdout)
  })

  it('documents the exit codes and the --context syntax', () => {
    const help = runCli(['evaluate', '--help']).stdout
    expect(help).toContain('Exit codes: 0 allowed, 2 denied')
    expect(help).toContain('KEY:=JSON')
    expect(help).toContain('--scp [LEVEL:]FILE')
    expect(runCli(['validate', '--help']).stdout).toContain('auto guesses from the content')
    expect(runCli(['test', '--help']).stdout).toContain('--reporter NAME[=FILE]')
  })

  it('exits 1 with the help on stderr when no command is given', () => {
    const run = runCli([])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('Usage: iam-eval <command>')
  })

  it('exits 1 on an unknown command or option, with a hint', () => {
    const command = runCli(['frobnicate'])
    expect(command.code).toBe(1)
    expect(command.stderr).toContain("unknown command 'frobnicate'")
    expect(command.stderr).toContain("Run 'iam-eval --help'")
    const option = runCli(['--frob'])
    expect(option.code).toBe(1)
    expect(option.stderr).toContain("unknown option '--frob'")
    const help = runCli(['help', 'nope'])
    expect(help.code).toBe(1)
  })

  it.each(['evaluate', 'validate', 'test'])('exits 1 on an unknown option of %s, naming it', (command) => {
    const run = runCli([command, '--no-such-option'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('--no-such-option')
    expect(run.stderr).toContain(`Run 'iam-eval ${command} --help'`)
  })
})

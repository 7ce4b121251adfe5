/**
 * What a command may touch of its process: where it writes, the environment, the working
 * directory, and the styles for each stream. Commands take this instead of reaching for
 * `process`, so they stay testable and never exit the process themselves.
 */
import { createStyle, wantsColour } from './output/colour.js'
import type { ColourFlag, Style } from './output/colour.js'

/** A text sink. */
export interface Writer {
  write(text: string): void
}

/** The process surroundings of a command. */
export interface CommandIo {
  readonly stdout: Writer
  readonly stderr: Writer
  readonly env: Readonly<Record<string, string | undefined>>
  /** Absolute working directory; relative paths in arguments resolve against it. */
  readonly cwd: string
  /** Styles for stdout, decided by {@link withColour}. */
  readonly out: Style
  /** Styles for stderr. */
  readonly err: Style
  /** Reads standard input to the end (for `--request -`). */
  readStdin(): Promise<string>
}

/** The surroundings of the running process, uncoloured until a command has read its flags. */
export function processIo(): CommandIo {
  const plain = createStyle(false)
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    out: plain,
    err: plain,
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
      return Buffer.concat(chunks).toString('utf8')
    },
  }
}

/** `io` with styles chosen per stream from the flag, the environment and whether each stream is a terminal. */
export function withColour(io: CommandIo, flag: ColourFlag): CommandIo {
  const isTTY = (writer: Writer): boolean | undefined => (writer as { isTTY?: boolean }).isTTY
  return {
    ...io,
    out: createStyle(wantsColour(flag, io.env, isTTY(io.stdout))),
    err: createStyle(wantsColour(flag, io.env, isTTY(io.stderr))),
  }
}

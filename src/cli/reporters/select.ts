/**
 * From `--reporter` arguments to reporters: `NAME` writes to standard output, `NAME=FILE` to a
 * file (created with its directories), so one run can annotate a pull request and leave a JUnit
 * file for the CI system: `--reporter github --reporter junit=reports/iam.xml`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../args.js'
import type { CommandIo, Writer } from '../io.js'
import { PLAIN } from '../output/colour.js'
import type { RunOutcome, SuiteOutcome } from '../suite/outcome.js'
import { githubReporter } from './github.js'
import { jsonReporter } from './json.js'
import { junitReporter } from './junit.js'
import { prettyReporter } from './pretty.js'
import { REPORTER_NAMES } from './reporter.js'
import type { Reporter, ReporterName, ReporterTarget } from './reporter.js'

/** A writer that collects text and writes the file when the run ends. */
class FileWriter implements Writer {
  private readonly chunks: string[] = []
  constructor(readonly file: string) {}
  write(text: string): void {
    this.chunks.push(text)
  }
  flush(): void {
    mkdirSync(path.dirname(this.file), { recursive: true })
    writeFileSync(this.file, this.chunks.join(''))
  }
}

function create(name: ReporterName, target: ReporterTarget, verbose: boolean): Reporter {
  switch (name) {
    case 'pretty':
      return prettyReporter(target, verbose)
    case 'json':
      return jsonReporter(target)
    case 'junit':
      return junitReporter(target)
    case 'github':
      return githubReporter(target)
  }
}

/** Builds the reporters named by `specs` (default: pretty on standard output) as one reporter. */
export function selectReporters(specs: readonly string[], io: CommandIo, verbose: boolean): Reporter {
  const reporters: Reporter[] = []
  const files: FileWriter[] = []
  for (const spec of specs.length === 0 ? ['pretty'] : specs) {
    const equals = spec.indexOf('=')
    const nameText = equals === -1 ? spec : spec.slice(0, equals)
    const name = REPORTER_NAMES.find((candidate) => candidate === nameText.toLowerCase())
    if (name === undefined)
      throw new UsageError(`--reporter must be one of ${REPORTER_NAMES.join(', ')} (optionally NAME=FILE), not '${spec}'`)
    if (equals === -1) {
      // Only the pretty reporter colours: the others are read by machines.
      reporters.push(create(name, { writer: io.stdout, style: name === 'pretty' ? io.out : PLAIN }, verbose))
    } else {
      const file = spec.slice(equals + 1)
      if (file === '') throw new UsageError(`--reporter ${spec}: the file name is empty`)
      const writer = new FileWriter(path.resolve(io.cwd, file))
      files.push(writer)
      reporters.push(create(name, { writer, style: PLAIN }, verbose))
    }
  }
  return {
    suiteFinished(suite: SuiteOutcome) {
      for (const reporter of reporters) reporter.suiteFinished?.(suite)
    },
    finish(run: RunOutcome) {
      for (const reporter of reporters) reporter.finish(run)
      for (const file of files) file.flush()
    },
  }
}

/**
 * The policy options of `iam-eval evaluate` (`--identity`, `--resource-policy`, `--trust`,
 * `--boundary`, `--session`, `--scp`, `--rcp`, `--endpoint`) read into policy sources, each file
 * checked as the kind its option names. Every problem of every file is collected before giving up.
 */
import path from 'node:path'
import type { PolicyKind } from '../../index.js'
import { stringList, stringOption, UsageError } from '../args.js'
import type { OptionValues } from '../args.js'
import { displayPath } from '../files/expand-paths.js'
import { InputProblems } from '../files/input-problems.js'
import type { Problem } from '../files/problem.js'
import type { CommandIo } from '../io.js'
import { groupLevels } from './level-args.js'
import type { PolicySources } from './set.js'
import { loadPolicyFile } from './source.js'
import type { PolicySource } from './source.js'

/**
 * Loads the policy files named by the options.
 * @throws InputProblems with every missing, malformed or invalid file; UsageError for bad options.
 */
export function policySourcesFromArgs(values: OptionValues, io: CommandIo): PolicySources {
  const problems: Problem[] = []
  const load = (file: string, kind: PolicyKind): PolicySource | undefined => {
    const absolute = path.resolve(io.cwd, file)
    const loaded = loadPolicyFile(absolute, displayPath(absolute, io.cwd), kind)
    if ('problems' in loaded) {
      problems.push(...loaded.problems)
      return undefined
    }
    return loaded.source
  }
  const one = (name: string, kind: PolicyKind): PolicySource | undefined => {
    const file = stringOption(values, name)
    return file === undefined ? undefined : load(file, kind)
  }
  const many = (name: string, kind: PolicyKind): PolicySource[] | undefined => {
    const files = stringList(values, name)
    return files.length === 0 ? undefined : files.map((file) => load(file, kind)).filter((source) => source !== undefined)
  }
  const levels = (name: string, kind: PolicyKind): PolicySource[][] | undefined => {
    const files = stringList(values, name)
    if (files.length === 0) return undefined
    return groupLevels(name, files).map((level) => level.map((file) => load(file, kind)).filter((source) => source !== undefined))
  }
  if (values['resource-policy'] !== undefined && values['trust'] !== undefined) {
    throw new UsageError('--resource-policy and --trust both name the resource policy; give one of them')
  }
  const sources: PolicySources = {
    identity: many('identity', 'identity'),
    resource: one('resource-policy', 'resource') ?? one('trust', 'trust'),
    permissionsBoundary: one('boundary', 'boundary'),
    session: one('session', 'session'),
    scps: levels('scp', 'scp'),
    rcps: levels('rcp', 'rcp'),
    endpoint: many('endpoint', 'endpoint'),
  }
  if (problems.length > 0) throw new InputProblems(problems)
  return sources
}

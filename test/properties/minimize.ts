/**
 * Greedy minimizer for failing property cases. fast-check shrinks what it generated, but our cases
 * come from chained arbitraries (the policies are aimed at the request), which it shrinks poorly.
 * This removes parts of the JSON case itself — whole slots, policies, statements, elements, list
 * entries, context keys — one at a time, keeping each removal after which the case still fails,
 * until no single removal does. Shallow parts are tried first, so big cuts come early. A candidate
 * that makes the oracle throw (an invalid policy) simply does not count as failing.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type Path = Array<string | number>

/** Every path to a removable part (object member or array element), shallowest first. */
function removablePaths(root: Json): Path[] {
  const paths: Path[] = []
  let level: Array<{ value: Json; path: Path }> = [{ value: root, path: [] }]
  while (level.length > 0) {
    const next: Array<{ value: Json; path: Path }> = []
    for (const { value, path } of level) {
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          paths.push([...path, index])
          next.push({ value: item, path: [...path, index] })
        })
      } else if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) {
          paths.push([...path, key])
          next.push({ value: item, path: [...path, key] })
        }
      }
    }
    level = next
  }
  return paths
}

/** A copy of `root` without the part at `path`. */
function without(root: Json, path: Path): Json {
  const [head, ...rest] = path
  if (head === undefined) return root
  if (Array.isArray(root)) {
    const copy = root.slice()
    if (rest.length === 0) copy.splice(head as number, 1)
    else copy[head as number] = without(root[head as number] as Json, rest)
    return copy
  }
  if (typeof root === 'object' && root !== null) {
    const copy: { [key: string]: Json } = { ...root }
    if (rest.length === 0) delete copy[head as string]
    else copy[head as string] = without(root[head as string] as Json, rest)
    return copy
  }
  return root
}

/**
 * Minimizes `value` while `fails(candidate)` holds. `fails` must return false (not throw) for
 * candidates it cannot judge. Stops after `budget` evaluations.
 */
export function minimize<T>(value: T, fails: (candidate: T) => boolean, budget = 20_000): T {
  let current = JSON.parse(JSON.stringify(value)) as Json
  let spent = 0
  let progress = true
  while (progress && spent < budget) {
    progress = false
    for (const path of removablePaths(current)) {
      if (spent++ >= budget) break
      const candidate = without(current, path)
      let failing = false
      try {
        failing = fails(candidate as T)
      } catch {
        failing = false
      }
      if (failing) {
        current = candidate
        progress = true
        break
      }
    }
  }
  return current as T
}

/**
 * Makes `globalThis.gc` available without a command-line flag, so that mitata collects garbage
 * before each measurement instead of its fallback (allocating a 1 GB array to force a collection).
 * Must be imported before mitata.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

if (typeof globalThis.gc !== 'function') {
  v8.setFlagsFromString('--expose-gc')
  globalThis.gc = vm.runInNewContext('gc')
}
export const gc = globalThis.gc

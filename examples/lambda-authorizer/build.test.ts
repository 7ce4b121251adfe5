/**
 * Tests of the deployment bundle: runs `build.mjs` as a user would, then loads the bundle it wrote
 * and invokes it on a sample event, proving the single file works without the source tree.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import { httpApiEvent, restApiEvent } from './fixtures/events.js'

const run = promisify(execFile)
const buildScript = fileURLToPath(new URL('./build.mjs', import.meta.url))
const bundlePath = fileURLToPath(new URL('./dist/handler.mjs', import.meta.url))

describe('the Lambda bundle', () => {
  it('builds, loads and authorizes a sample event', async () => {
    const { stdout } = await run(process.execPath, [buildScript])
    // The size is reported, not asserted: it is for humans watching it over time.
    console.info(stdout.trim())
    expect(stdout).toMatch(/\d+ bytes minified, \d+ bytes gzipped/)
    expect(existsSync(bundlePath)).toBe(true)

    const bundle: unknown = await import(pathToFileURL(bundlePath).href)
    const handler = (bundle as { handler?: unknown }).handler
    if (typeof handler !== 'function') throw new Error('the bundle does not export a handler function')

    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    try {
      await expect(handler(restApiEvent({ token: 'demo-token-alice' }))).resolves.toMatchObject({
        policyDocument: { Statement: [{ Effect: 'Allow' }] },
        context: { decision: 'Allow' },
      })
      await expect(handler(httpApiEvent({ token: 'demo-token-alice', method: 'DELETE', path: '/orders/ord-7f3a9c' }))).resolves.toEqual({
        isAuthorized: false,
        context: { principal: 'arn:aws:sts::111122223333:assumed-role/orders-team/alice', decision: 'ImplicitDeny' },
      })
    } finally {
      log.mockRestore()
    }
  })
})

import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { decodeBase64 } from '../../../src/conditions/values/base64.js'

const bytesToBinary = (bytes: Uint8Array): string => String.fromCharCode(...bytes)

describe('decodeBase64', () => {
  it('decodes the RFC 4648 test vectors', () => {
    expect(decodeBase64('')).toBe('')
    expect(decodeBase64('Zg==')).toBe('f')
    expect(decodeBase64('Zm8=')).toBe('fo')
    expect(decodeBase64('Zm9v')).toBe('foo')
    expect(decodeBase64('Zm9vYg==')).toBe('foob')
    expect(decodeBase64('Zm9vYmE=')).toBe('fooba')
    expect(decodeBase64('Zm9vYmFy')).toBe('foobar')
  })

  it('keeps every byte value 0-255 as one character', () => {
    expect(decodeBase64('AP8=')).toBe('\u0000\u00ff')
    expect(decodeBase64('+/+/')).toBe('\u00fb\u00ff\u00bf')
  })

  it('accepts non-zero pad bits (RFC 4648 3.5 lets decoders choose)', () => {
    expect(decodeBase64('QQ==')).toBe('A')
    expect(decodeBase64('QR==')).toBe('A')
    expect(decodeBase64('QR==')).toBe(decodeBase64('QQ=='))
    expect(decodeBase64('QUI=')).toBe('AB')
    expect(decodeBase64('QUJ=')).toBe('AB')
  })

  it('rejects bad length, padding and characters', () => {
    for (const bad of [
      'Q',
      'QQ',
      'QQ=',
      'QUI',
      'QQ===',
      'Q===',
      '====',
      '=QQQ',
      'Q=QQ',
      'QQ=Q',
      'QQ==QQ==',
      'QQ==Zg==',
      'Zm9v YmFy',
      'Zm9v\nYmFy',
      ' Zm9v',
      'Zm9v ',
      'Zm9-',
      'Zm9_',
      'Zm9.',
      'Zm9é',
      'Zm9\u0000',
      'Zm9vYmFy\u00a0',
    ]) {
      expect(decodeBase64(bad), JSON.stringify(bad)).toBeUndefined()
    }
  })

  it('round-trips random bytes (including long inputs) against btoa', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const binary = bytesToBinary(bytes)
        expect(decodeBase64(btoa(binary))).toBe(binary)
      }),
      { numRuns: 10_000 },
    )
    const big = new Uint8Array(100_000).map((_, i) => (i * 31) & 255)
    let binary = ''
    for (const b of big) binary += String.fromCharCode(b)
    expect(decodeBase64(btoa(binary))).toBe(binary)
  })

  it('agrees with a strict reference on random strings', () => {
    const strict = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('A', 'Q', 'z', '9', '+', '/', '=', '-', ' '), maxLength: 12 }), (s) => {
        const decoded = decodeBase64(s)
        if (strict.test(s)) expect(decoded).toBe(atob(s))
        else expect(decoded).toBeUndefined()
      }),
      { numRuns: 20_000 },
    )
  })
})

/**
 * Binary condition values (R93, C12): strict standard base64 decoding to a "binary string" (one
 * character per byte, codes 0-255), so that `BinaryEquals` is plain `===` on decoded values.
 * Written by hand because `atob` is lenient (it ignores whitespace and accepts missing padding)
 * and `Buffer` is Node-only.
 */

/** Sextet value per character code (0-127), -1 for characters outside the alphabet. */
const SEXTET = new Int8Array(128).fill(-1)
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
for (let i = 0; i < 64; i++) SEXTET[ALPHABET.charCodeAt(i)] = i

const PAD = 61 // '='
/** Bytes per `String.fromCharCode` call, well under engines' argument-count limits. */
const CHUNK = 8192

function sextet(s: string, i: number): number {
  const c = s.charCodeAt(i)
  return c < 128 ? (SEXTET[c] as number) : -1
}

/**
 * Decodes strict standard base64 (C12): alphabet `A-Za-z0-9+/`, length a multiple of 4, `=`
 * padding required and only as the last one or two characters of the final quantum, no
 * whitespace or other characters. The empty string decodes to the empty string.
 *
 * Non-zero pad bits (e.g. `QR==` next to the canonical `QQ==`, both the byte 0x41) are
 * accepted and ignored: RFC 4648 §3.5 lets decoders reject them but does not require it, and
 * accepting them keeps the comparison on what the bytes are rather than how they were spelled.
 *
 * @param value - The base64 text.
 * @returns The bytes as a string of char codes 0-255, or `undefined` when the text is invalid.
 */
export function decodeBase64(value: string): string | undefined {
  if (typeof value !== 'string') return undefined
  const n = value.length
  if (n % 4 !== 0) return undefined
  if (n === 0) return ''
  let padding = 0
  if (value.charCodeAt(n - 1) === PAD) padding = value.charCodeAt(n - 2) === PAD ? 2 : 1
  let out = ''
  const codes: number[] = []
  const full = n - 4 // the last quantum is handled separately because of padding
  for (let i = 0; i < full; i += 4) {
    const a = sextet(value, i)
    const b = sextet(value, i + 1)
    const c = sextet(value, i + 2)
    const d = sextet(value, i + 3)
    if ((a | b | c | d) < 0) return undefined
    const bits = (a << 18) | (b << 12) | (c << 6) | d
    codes.push(bits >>> 16, (bits >>> 8) & 0xff, bits & 0xff)
    if (codes.length >= CHUNK) {
      out += String.fromCharCode(...codes)
      codes.length = 0
    }
  }
  const a = sextet(value, full)
  const b = sextet(value, full + 1)
  const c = padding === 2 ? 0 : sextet(value, full + 2)
  const d = padding >= 1 ? 0 : sextet(value, full + 3)
  if ((a | b | c | d) < 0) return undefined
  const bits = (a << 18) | (b << 12) | (c << 6) | d
  codes.push(bits >>> 16)
  if (padding < 2) codes.push((bits >>> 8) & 0xff)
  if (padding < 1) codes.push(bits & 0xff)
  out += String.fromCharCode(...codes)
  return out
}

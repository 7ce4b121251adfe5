/**
 * IP address condition values (R94, R112, C13): strict parsers for request addresses and policy
 * ranges, and the containment test. Addresses are held as four 32-bit words so containment is a
 * few integer operations, with no BigInt and no allocation.
 *
 * Own parsers rather than ipaddr.js: its `parse` is lenient (octal `010.0.0.1`, `127.1`,
 * `0x7f.0.0.1`), and a hand-written scanner parses a request value without building regexes
 * or arrays.
 */

/**
 * A parsed address. IPv4 is `family` 4 with the address in `w3` (unsigned) and `w0`-`w2` zero;
 * IPv6 is `family` 6 with the 128 bits in `w0` (most significant) to `w3`, each unsigned.
 * Both families share one shape so the hot path stays monomorphic.
 */
export interface IpAddress {
  /** 4 or 6. */
  readonly family: 4 | 6
  /** Bits 127-96 (IPv6), else 0. */
  readonly w0: number
  /** Bits 95-64 (IPv6), else 0. */
  readonly w1: number
  /** Bits 63-32 (IPv6), else 0. */
  readonly w2: number
  /** Bits 31-0 (IPv6) or the IPv4 address. */
  readonly w3: number
}

/** A parsed CIDR range: the network address (host bits cleared) and its mask, word by word. */
export interface IpRange extends IpAddress {
  /** Prefix length: 0-32 for IPv4, 0-128 for IPv6. */
  readonly prefix: number
  /** Mask of `w0`. */
  readonly m0: number
  /** Mask of `w1`. */
  readonly m1: number
  /** Mask of `w2`. */
  readonly m2: number
  /** Mask of `w3`. */
  readonly m3: number
}

// Scratch space for the eight IPv6 groups. JavaScript runs one parse at a time and the parser
// calls nothing that could re-enter it, so sharing it is safe and saves an allocation per call.
const groups = new Uint16Array(8)

/** Result slots of the scanners, read right after a successful call (same re-entrancy argument). */
let scannedV4 = 0

/**
 * Scans a strict dotted quad in s[start, end): four decimal numbers 0-255 without leading zeros.
 * Leaves the address in `scannedV4`.
 */
function scanIPv4(s: string, start: number, end: number): boolean {
  let address = 0
  let i = start
  for (let octet = 0; octet < 4; octet++) {
    if (octet > 0) {
      if (i >= end || s.charCodeAt(i) !== 46 /* . */) return false
      i++
    }
    const first = i
    let v = 0
    while (i < end && i - first < 3) {
      const c = s.charCodeAt(i) - 48
      if (c < 0 || c > 9) break
      v = v * 10 + c
      i++
    }
    const length = i - first
    if (length === 0 || v > 255) return false
    if (length > 1 && s.charCodeAt(first) === 48) return false
    address = address * 256 + v
  }
  if (i !== end) return false
  scannedV4 = address
  return true
}

/** Value of one hex digit, or -1. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  const lower = c | 0x20
  if (lower >= 97 && lower <= 102) return lower - 87
  return -1
}

/**
 * Scans a strict IPv6 address in s[start, end) into `groups`: 1-4 hex digits per group, at most
 * one `::` standing for one or more zero groups, an optional dotted-quad tail in the last 32 bits,
 * no zone id, no prefix.
 */
function scanIPv6(s: string, start: number, end: number): boolean {
  let count = 0
  let gap = -1
  let i = start
  if (i + 1 < end && s.charCodeAt(i) === 58 && s.charCodeAt(i + 1) === 58) {
    gap = 0
    i += 2
    if (i === end) {
      groups.fill(0)
      return true
    }
  } else if (i < end && s.charCodeAt(i) === 58) {
    return false
  }
  for (;;) {
    // One group (or the dotted-quad tail) starts at i.
    const first = i
    let v = 0
    while (i < end && i - first < 5) {
      const h = hexValue(s.charCodeAt(i))
      if (h < 0) break
      v = v * 16 + h
      i++
    }
    if (i < end && s.charCodeAt(i) === 46 /* . */) {
      // Dotted-quad tail: rescan from the group start; it must end the address.
      if (count > 6 || !scanIPv4(s, first, end)) return false
      groups[count++] = scannedV4 >>> 16
      groups[count++] = scannedV4 & 0xffff
      break
    }
    const length = i - first
    if (length === 0 || length > 4 || count === 8) return false
    groups[count++] = v
    if (i === end) break
    if (s.charCodeAt(i) !== 58) return false
    i++
    if (i < end && s.charCodeAt(i) === 58) {
      if (gap >= 0) return false
      gap = count
      i++
      if (i === end) break
    } else if (i === end) {
      // A single trailing colon.
      return false
    }
  }
  if (gap < 0) return count === 8
  if (count > 7) return false
  // Move the groups written after `::` to the end and zero the gap.
  const after = count - gap
  for (let k = 1; k <= after; k++) groups[8 - k] = groups[count - k] as number
  for (let k = gap; k < 8 - after; k++) groups[k] = 0
  return true
}

function word(high: number, low: number): number {
  return (high * 65536 + low) >>> 0
}

/**
 * Parses a request IP address strictly (C13): an IPv4 dotted quad (decimal 0-255, no leading
 * zeros) or an IPv6 address (`::` compression, hex in any case, optional dotted-quad tail, no
 * zone id, no prefix). An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, in any spelling) is
 * returned as the IPv4 address.
 *
 * @param value - The request value.
 * @returns The address, or `undefined` when the value is not an address.
 */
export function parseIpAddress(value: string): IpAddress | undefined {
  if (typeof value !== 'string') return undefined
  return parseAddressIn(value, 0, value.length, true)
}

function parseAddressIn(s: string, start: number, end: number, unwrapMapped: boolean): IpAddress | undefined {
  if (scanIPv4(s, start, end)) return { family: 4, w0: 0, w1: 0, w2: 0, w3: scannedV4 }
  if (!scanIPv6(s, start, end)) return undefined
  const w0 = word(groups[0] as number, groups[1] as number)
  const w1 = word(groups[2] as number, groups[3] as number)
  const w2 = word(groups[4] as number, groups[5] as number)
  const w3 = word(groups[6] as number, groups[7] as number)
  if (unwrapMapped && w0 === 0 && w1 === 0 && w2 === 0xffff) return { family: 4, w0: 0, w1: 0, w2: 0, w3 }
  return { family: 6, w0, w1, w2, w3 }
}

/** The mask of the word covering bits [32·index, 32·index + 32) of a prefix. */
function maskWord(prefix: number, index: number): number {
  const bits = Math.min(Math.max(prefix - 32 * index, 0), 32)
  // `<< 32` is a no-op in JavaScript, hence the special cases.
  return bits === 0 ? 0 : bits === 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0
}

function makeRange(family: 4 | 6, prefix: number, a: IpAddress): IpRange {
  const m0 = family === 6 ? maskWord(prefix, 0) : 0
  const m1 = family === 6 ? maskWord(prefix, 1) : 0
  const m2 = family === 6 ? maskWord(prefix, 2) : 0
  const m3 = family === 6 ? maskWord(prefix, 3) : maskWord(prefix, 0)
  return {
    family,
    w0: (a.w0 & m0) >>> 0,
    w1: (a.w1 & m1) >>> 0,
    w2: (a.w2 & m2) >>> 0,
    w3: (a.w3 & m3) >>> 0,
    prefix,
    m0,
    m1,
    m2,
    m3,
  }
}

/**
 * Parses a policy IP value (C13, R94): an address as accepted by {@link parseIpAddress} (but not
 * unwrapped yet), optionally followed by `/prefix` (decimal digits, 0-32 for IPv4, 0-128 for
 * IPv6). Host bits are ignored; a bare address is `/32` or `/128`; an IPv4-mapped IPv6 range with
 * a prefix of at least 96 is the corresponding IPv4 range (prefix - 96).
 *
 * @param value - The policy value, e.g. `203.0.113.0/24` or `2001:DB8::/32`.
 * @returns The range, or `undefined` when the value is not a valid range.
 */
export function parseIpRange(value: string): IpRange | undefined {
  if (typeof value !== 'string') return undefined
  const slash = value.indexOf('/')
  const addressEnd = slash < 0 ? value.length : slash
  const address = parseAddressIn(value, 0, addressEnd, false)
  if (address === undefined) return undefined
  const max = address.family === 4 ? 32 : 128
  let prefix = max
  if (slash >= 0) {
    const n = value.length
    if (slash + 1 === n) return undefined
    prefix = 0
    for (let i = slash + 1; i < n; i++) {
      const c = value.charCodeAt(i) - 48
      if (c < 0 || c > 9) return undefined
      prefix = prefix * 10 + c
      if (prefix > max) return undefined
    }
  }
  if (address.family === 6 && prefix >= 96 && address.w0 === 0 && address.w1 === 0 && address.w2 === 0xffff) {
    return makeRange(4, prefix - 96, { family: 4, w0: 0, w1: 0, w2: 0, w3: address.w3 })
  }
  return makeRange(address.family, prefix, address)
}

/**
 * Tests whether an address lies in a range. Families never match each other (C13).
 *
 * @param range - The policy range.
 * @param address - The request address.
 * @returns `true` when the address is inside the range.
 */
export function rangeContains(range: IpRange, address: IpAddress): boolean {
  return (
    range.family === address.family &&
    ((address.w3 ^ range.w3) & range.m3) === 0 &&
    ((address.w2 ^ range.w2) & range.m2) === 0 &&
    ((address.w1 ^ range.w1) & range.m1) === 0 &&
    ((address.w0 ^ range.w0) & range.m0) === 0
  )
}

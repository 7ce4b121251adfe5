// Reference evaluator — value conversions (section 11 of the spec, C9-C14).
// Naive and independent of src/.

export type Scalar = string | number | boolean

// ---------------------------------------------------------------------------------------------
// Text (R107, C14)
// ---------------------------------------------------------------------------------------------

/** C14: numbers use JavaScript's shortest round-trip text (`-0` is `0`); booleans true/false. */
export function toText(v: Scalar): string {
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (Object.is(v, -0)) return '0'
  return String(v)
}

// ---------------------------------------------------------------------------------------------
// Exact decimals (R108, C9)
// ---------------------------------------------------------------------------------------------

/**
 * An exact decimal: sign * 0.DIGITS * 10^point, with DIGITS free of leading and trailing zeros
 * (zero is sign 0, digits ''). The exponent is a bigint so `1e999999999999` costs nothing.
 */
export interface Decimal {
  sign: -1 | 0 | 1
  digits: string
  point: bigint
}

const DECIMAL_RE = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/

/** Parse decimal text per C9. Returns null when the text is not a number. */
export function parseDecimalText(text: string): Decimal | null {
  const m = DECIMAL_RE.exec(text)
  if (m === null) return null
  const signText = m[1] ?? ''
  const intPart = m[2] ?? ''
  const fracPart = m[3] ?? m[4] ?? ''
  const exp = m[5] === undefined ? 0n : BigInt(m[5])
  let digits = intPart + fracPart
  // value = 0.digits * 10^(len(intPart) + exp)
  let point = BigInt(intPart.length) + exp
  let lead = 0
  while (lead < digits.length && digits.charAt(lead) === '0') lead++
  digits = digits.slice(lead)
  point -= BigInt(lead)
  let end = digits.length
  while (end > 0 && digits.charAt(end - 1) === '0') end--
  digits = digits.slice(0, end)
  if (digits === '') return { sign: 0, digits: '', point: 0n }
  return { sign: signText === '-' ? -1 : 1, digits, point }
}

/** C9: a finite JSON number or decimal text; booleans are not numbers. */
export function parseNumber(v: Scalar): Decimal | null {
  if (typeof v === 'boolean') return null
  if (typeof v === 'number') return Number.isFinite(v) ? parseDecimalText(toText(v)) : null
  return parseDecimalText(v)
}

/** Exact comparison of two decimals: -1, 0 or 1. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  if (a.sign !== b.sign) return a.sign < b.sign ? -1 : 1
  if (a.sign === 0) return 0
  // same non-zero sign: compare magnitudes, then apply the sign
  let mag: number
  if (a.point !== b.point) {
    mag = a.point < b.point ? -1 : 1
  } else {
    const len = Math.max(a.digits.length, b.digits.length)
    const da = a.digits.padEnd(len, '0')
    const db = b.digits.padEnd(len, '0')
    mag = da === db ? 0 : da < db ? -1 : 1
  }
  return a.sign * mag
}

/** Multiply a decimal by 10^k exactly. */
function shiftDecimal(d: Decimal, k: bigint): Decimal {
  return d.sign === 0 ? d : { sign: d.sign, digits: d.digits, point: d.point + k }
}

// ---------------------------------------------------------------------------------------------
// Dates (R109, C10): every instant is an exact decimal number of milliseconds since the epoch
// ---------------------------------------------------------------------------------------------

const EPOCH_TEXT_RE = /^-?\d+$/
const ISO_RE = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?$/

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Parse a W3C ISO 8601 date/time (C10 profiles) into epoch milliseconds, or null. */
export function parseIsoMillis(text: string): bigint | null {
  const m = ISO_RE.exec(text)
  if (m === null) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = m[3] === undefined ? 1 : Number(m[3]) // C10/R109: partial forms start at day 1
  const hour = m[4] === undefined ? 0 : Number(m[4])
  const minute = m[5] === undefined ? 0 : Number(m[5])
  const second = m[6] === undefined ? 0 : Number(m[6])
  // C10: fractions beyond milliseconds are truncated
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'))
  if (month < 1 || month > 12) return null
  if (day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || second > 59) return null
  let offsetMinutes = 0 // C10: a missing TZD means UTC
  const tz = m[8]
  if (tz !== undefined && tz !== 'Z') {
    const oh = Number(tz.slice(1, 3))
    const om = Number(tz.slice(4, 6))
    if (oh > 23 || om > 59) return null // (reference choice: offsets range-checked like times)
    offsetMinutes = (tz.charAt(0) === '-' ? -1 : 1) * (oh * 60 + om)
  }
  const days = daysFromCivil(year, month, day)
  const ms = days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis - offsetMinutes * 60_000
  return BigInt(ms)
}

/**
 * C10: digits only (optional leading `-`) or a JSON number => UNIX epoch seconds; otherwise one of
 * the ISO profiles. Returns the instant as an exact decimal number of milliseconds, or null.
 */
export function parseInstant(v: Scalar): Decimal | null {
  if (typeof v === 'boolean') return null
  if (typeof v === 'number') {
    const secs = parseNumber(v)
    return secs === null ? null : shiftDecimal(secs, 3n)
  }
  if (EPOCH_TEXT_RE.test(v)) {
    const secs = parseDecimalText(v)
    return secs === null ? null : shiftDecimal(secs, 3n)
  }
  const ms = parseIsoMillis(v)
  return ms === null ? null : parseDecimalText(ms.toString())
}

// ---------------------------------------------------------------------------------------------
// Booleans (R111, C11)
// ---------------------------------------------------------------------------------------------

/** C11: `true`/`false` in any letter case, or JSON booleans; anything else is not a boolean. */
export function parseBool(v: Scalar): boolean | undefined {
  if (typeof v === 'boolean') return v
  if (typeof v !== 'string') return undefined
  const l = v.toLowerCase()
  return l === 'true' ? true : l === 'false' ? false : undefined
}

// ---------------------------------------------------------------------------------------------
// Base64 (R93, C12)
// ---------------------------------------------------------------------------------------------

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** C12: strict standard base64 (padding required, no whitespace). Returns bytes or null. */
export function decodeBase64(text: string): Uint8Array | null {
  if (!BASE64_RE.test(text)) return null
  return new Uint8Array(Buffer.from(text, 'base64'))
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

// ---------------------------------------------------------------------------------------------
// IP addresses (R94, R112, C13) — own strict parser (ipaddr.js is lenient)
// ---------------------------------------------------------------------------------------------

export interface IpAddr {
  family: 4 | 6
  value: bigint
}

export interface IpRange {
  family: 4 | 6
  value: bigint
  prefix: number
}

const IPV4_RE = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/

/** Strict dotted quad: decimal, 0-255, no leading zeros (C13). */
export function parseIPv4(text: string): bigint | null {
  const m = IPV4_RE.exec(text)
  if (m === null) return null
  let v = 0n
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i])
    if (octet > 255) return null
    v = (v << 8n) | BigInt(octet)
  }
  return v
}

const HEX_GROUP_RE = /^[0-9A-Fa-f]{1,4}$/

/** Parse a list of `:`-separated IPv6 pieces; the last may be a dotted quad if `allowQuad`. */
function parseV6Groups(pieces: string[], allowQuad: boolean): bigint[] | null {
  const groups: bigint[] = []
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as string
    if (allowQuad && i === pieces.length - 1 && p.includes('.')) {
      const v4 = parseIPv4(p)
      if (v4 === null) return null
      groups.push(v4 >> 16n, v4 & 0xffffn)
    } else {
      if (!HEX_GROUP_RE.test(p)) return null
      groups.push(BigInt(parseInt(p, 16)))
    }
  }
  return groups
}

/** Strict IPv6: `::` at most once, 1-4 hex digits per group, optional dotted-quad tail (C13). */
export function parseIPv6(text: string): bigint | null {
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return null // no zone id, no prefix, no spaces
  const halves = text.split('::')
  if (halves.length > 2) return null
  let groups: bigint[]
  if (halves.length === 1) {
    const g = parseV6Groups(text.split(':'), true)
    if (g === null || g.length !== 8) return null
    groups = g
  } else {
    const headText = halves[0] as string
    const tailText = halves[1] as string
    const head = headText === '' ? [] : parseV6Groups(headText.split(':'), false)
    const tail = tailText === '' ? [] : parseV6Groups(tailText.split(':'), true)
    if (head === null || tail === null) return null
    if (head.length + tail.length > 7) return null // `::` stands for at least one group
    const zeros = new Array<bigint>(8 - head.length - tail.length).fill(0n)
    groups = [...head, ...zeros, ...tail]
  }
  let v = 0n
  for (const g of groups) v = (v << 16n) | g
  return v
}

const MAPPED_PREFIX = 0xffffn // ::ffff:0:0/96

/** C13: a request address. An IPv4-mapped IPv6 address is the IPv4 address. */
export function parseIpAddress(text: string): IpAddr | null {
  const v4 = parseIPv4(text)
  if (v4 !== null) return { family: 4, value: v4 }
  const v6 = parseIPv6(text)
  if (v6 === null) return null
  if (v6 >> 32n === MAPPED_PREFIX) return { family: 4, value: v6 & 0xffffffffn }
  return { family: 6, value: v6 }
}

const PREFIX_RE = /^(0|[1-9]\d*)$/

/**
 * C13 / R94: a policy value — an address, or address/prefix. Without a prefix: /32 or /128.
 * Host bits are ignored (the comparison masks both sides). An IPv4-mapped IPv6 range with prefix
 * >= 96 is the IPv4 range with prefix - 96.
 */
export function parseIpRange(text: string): IpRange | null {
  const slash = text.indexOf('/')
  const addrText = slash < 0 ? text : text.slice(0, slash)
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1)
  let family: 4 | 6
  let value: bigint
  const v4 = parseIPv4(addrText)
  if (v4 !== null) {
    family = 4
    value = v4
  } else {
    const v6 = parseIPv6(addrText)
    if (v6 === null) return null
    family = 6
    value = v6
  }
  const max = family === 4 ? 32 : 128
  let prefix = max
  if (prefixText !== undefined) {
    if (!PREFIX_RE.test(prefixText)) return null
    prefix = Number(prefixText)
    if (prefix > max) return null
  }
  if (family === 6 && value >> 32n === MAPPED_PREFIX && prefix >= 96) {
    return { family: 4, value: value & 0xffffffffn, prefix: prefix - 96 }
  }
  return { family, value, prefix }
}

/** R94: same family, and the first `prefix` bits agree. */
export function ipInRange(addr: IpAddr, range: IpRange): boolean {
  if (addr.family !== range.family) return false // C13: families never match each other
  const bits = BigInt(range.family === 4 ? 32 : 128)
  const shift = bits - BigInt(range.prefix)
  return addr.value >> shift === range.value >> shift
}

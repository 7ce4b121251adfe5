import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import ipaddr from 'ipaddr.js'
import { parseIpAddress, parseIpRange, rangeContains, type IpAddress } from '../../../src/conditions/values/ip.js'

function v4(text: string): IpAddress {
  const a = parseIpAddress(text)
  if (a === undefined) throw new Error(`expected ${text} to parse`)
  return a
}

function inRange(range: string, address: string): boolean {
  const r = parseIpRange(range)
  const a = parseIpAddress(address)
  if (r === undefined || a === undefined) throw new Error(`bad input ${range} ${address}`)
  return rangeContains(r, a)
}

/**
 * ipaddr.js reads the deprecated IPv4-compatible form `::a.b.c.d` as the mapped `::ffff:a.b.c.d`;
 * RFC 4291 (and C13) keep it the IPv6 address `::a.b:c.d`. Respell it so ipaddr.js reads it per
 * the RFC.
 */
function forIpaddr(s: string): string {
  return /^::\d+\.\d+\.\d+\.\d+$/.test(s) ? `::0:${s.slice(2)}` : s
}

/** The eight 16-bit groups of a parsed IPv6 address. */
function groupsOf(a: IpAddress): number[] {
  return [a.w0, a.w1, a.w2, a.w3].flatMap((w) => [w >>> 16, w & 0xffff])
}

describe('parseIpAddress: IPv4', () => {
  it('accepts strict dotted quads', () => {
    expect(v4('0.0.0.0')).toEqual({ family: 4, w0: 0, w1: 0, w2: 0, w3: 0 })
    expect(v4('255.255.255.255')).toEqual({ family: 4, w0: 0, w1: 0, w2: 0, w3: 0xffffffff })
    expect(v4('203.0.113.7').w3).toBe(((203 << 24) >>> 0) + 113 * 256 + 7)
    expect(v4('10.0.0.1').w3).toBe(0x0a000001)
  })

  it('rejects everything lenient parsers accept', () => {
    for (const bad of [
      '010.0.0.1',
      '10.0.0.01',
      '00.0.0.0',
      '127.1',
      '127.0.1',
      '2130706433',
      '0x7f.0.0.1',
      '0x7f000001',
      '0177.0.0.1',
      '256.0.0.0',
      '1.2.3.256',
      '1.2.3.1000',
      '1.2.3.4.',
      '.1.2.3.4',
      '1..2.3',
      '1.2.3.4.5',
      '1.2.3',
      ' 1.2.3.4',
      '1.2.3.4 ',
      '1.2.3.4/32',
      '1.2.3.-4',
      '+1.2.3.4',
      '１.2.3.4',
      '',
    ]) {
      expect(parseIpAddress(bad), bad).toBeUndefined()
    }
  })
})

describe('parseIpAddress: IPv6', () => {
  it('accepts the RFC 4291 text forms', () => {
    expect(groupsOf(v4('::'))).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
    expect(groupsOf(v4('::1'))).toEqual([0, 0, 0, 0, 0, 0, 0, 1])
    expect(groupsOf(v4('1::'))).toEqual([1, 0, 0, 0, 0, 0, 0, 0])
    expect(groupsOf(v4('2001:DB8::8:800:200C:417A'))).toEqual([0x2001, 0xdb8, 0, 0, 0x8, 0x800, 0x200c, 0x417a])
    expect(groupsOf(v4('1:2:3:4:5:6:7:8'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(groupsOf(v4('1:2:3:4:5:6:7::'))).toEqual([1, 2, 3, 4, 5, 6, 7, 0])
    expect(groupsOf(v4('::2:3:4:5:6:7:8'))).toEqual([0, 2, 3, 4, 5, 6, 7, 8])
    expect(groupsOf(v4('0001:0:0:0:0:0:0:ffFF'))).toEqual([1, 0, 0, 0, 0, 0, 0, 0xffff])
    expect(groupsOf(v4('::13.1.68.3'))).toEqual([0, 0, 0, 0, 0, 0, 0x0d01, 0x4403])
    expect(groupsOf(v4('1:2:3:4:5:6:1.2.3.4'))).toEqual([1, 2, 3, 4, 5, 6, 0x0102, 0x0304])
    expect(groupsOf(v4('1:2:3:4:5::1.2.3.4'))).toEqual([1, 2, 3, 4, 5, 0, 0x0102, 0x0304])
    expect(v4('::1').family).toBe(6)
  })

  it('unwraps IPv4-mapped addresses in every spelling', () => {
    const expected = v4('192.0.2.33')
    for (const mapped of [
      '::ffff:192.0.2.33',
      '::FFFF:192.0.2.33',
      '0:0:0:0:0:ffff:192.0.2.33',
      '::ffff:c000:221',
      '0:0::ffff:C000:0221',
      '0000:0000:0000:0000:0000:FFFF:C000:0221',
    ]) {
      expect(parseIpAddress(mapped), mapped).toEqual(expected)
    }
    // IPv4-compatible (deprecated) and other embeddings stay IPv6.
    expect(v4('::192.0.2.33').family).toBe(6)
    expect(v4('::fffe:192.0.2.33').family).toBe(6)
    expect(v4('1::ffff:192.0.2.33').family).toBe(6)
  })

  it('rejects malformed addresses', () => {
    for (const bad of [
      ':',
      ':::',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      '1::2::3',
      '1:::2',
      ':1:2:3:4:5:6:7:8',
      '1:2:3:4:5:6:7:8:',
      ':1::',
      '1::2:',
      '::1:',
      '1:2:3:4:5:6:7:8::',
      '::1:2:3:4:5:6:7:8',
      '1:2:3:4::5:6:7:8',
      '12345::',
      '::12345',
      'g::1',
      '::1%eth0',
      'fe80::1%1',
      '::1/128',
      '[::1]',
      ' ::1',
      '::1 ',
      '::ffff:1.2.3',
      '::ffff:1.2.3.04',
      '::ffff:256.2.3.4',
      '::1.2.3.4:5',
      '1.2.3.4::',
      '1:2:3:4:5:6:7:1.2.3.4',
      '1:2:3:4:5:6::1.2.3.4',
      '::ffff:1.2.3.4.5',
      '::0x1',
      '',
    ]) {
      expect(parseIpAddress(bad), bad).toBeUndefined()
    }
  })

  it('parses many spellings of the same address identically', () => {
    const groupArb = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 })
    fc.assert(
      fc.property(groupArb, fc.boolean(), fc.boolean(), fc.nat(), (g, upper, padded, pick) => {
        const hex = (n: number): string => {
          const h = n.toString(16)
          const t = padded ? h.padStart(4, '0') : h
          return upper ? t.toUpperCase() : t
        }
        const spellings = [g.map(hex).join(':')]
        // Every run of zero groups may be compressed.
        for (let a = 0; a < 8; a++) {
          for (let b = a + 1; b <= 8 && g[b - 1] === 0; b++) {
            spellings.push(`${g.slice(0, a).map(hex).join(':')}::${g.slice(b).map(hex).join(':')}`)
          }
        }
        // Dotted-quad tail.
        const tail = `${(g[6] as number) >> 8}.${(g[6] as number) & 255}.${(g[7] as number) >> 8}.${(g[7] as number) & 255}`
        spellings.push(`${g.slice(0, 6).map(hex).join(':')}:${tail}`)
        const mapped = g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff
        const spelling = spellings[pick % spellings.length] as string
        const parsed = parseIpAddress(spelling)
        expect(parsed, spelling).toBeDefined()
        if (mapped) expect(parsed).toEqual({ family: 4, w0: 0, w1: 0, w2: 0, w3: (((g[6] as number) << 16) | (g[7] as number)) >>> 0 })
        else expect(groupsOf(parsed as IpAddress)).toEqual(g)
        // ipaddr.js (strict validity check) agrees for these valid inputs.
        expect(ipaddr.IPv6.isValid(spelling)).toBe(true)
        expect(ipaddr.IPv6.parse(spelling).parts).toEqual(g)
      }),
      { numRuns: 20_000 },
    )
  })

  it('accepts exactly what ipaddr.js strict checks accept, on random short strings', () => {
    const chars = fc.constantFrom('0', '1', 'f', 'F', ':', ':', '.', '9', '2', '5')
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 16 }), (s) => {
        const mine = parseIpAddress(s) !== undefined
        const theirs = ipaddr.IPv4.isValidFourPartDecimal(s) || (ipaddr.IPv6.isValid(s) && !s.includes('%'))
        // ipaddr.js accepts leading zeros in octets of a dotted-quad tail; C13 does not.
        const tail = s.slice(s.lastIndexOf(':') + 1)
        const lenientTail = s.includes(':') && tail.includes('.') && /(^|\.)0\d/.test(tail)
        if (lenientTail) expect(mine).toBe(false)
        else expect(mine, s).toBe(theirs)
      }),
      { numRuns: 50_000 },
    )
  })
})

describe('parseIpRange', () => {
  it('reads address/prefix and bare addresses', () => {
    expect(parseIpRange('203.0.113.0/24')).toMatchObject({ family: 4, prefix: 24, w3: 0xcb007100, m3: 0xffffff00 })
    expect(parseIpRange('203.0.113.7')).toMatchObject({ family: 4, prefix: 32, m3: 0xffffffff })
    expect(parseIpRange('0.0.0.0/0')).toMatchObject({ family: 4, prefix: 0, m3: 0 })
    expect(parseIpRange('2001:DB8:1234:5678::/64')).toMatchObject({ family: 6, prefix: 64, m0: 0xffffffff, m1: 0xffffffff, m2: 0, m3: 0 })
    expect(parseIpRange('::1')).toMatchObject({ family: 6, prefix: 128, m3: 0xffffffff })
    expect(parseIpRange('::/0')).toMatchObject({ family: 6, prefix: 0, m0: 0, m1: 0, m2: 0, m3: 0 })
    expect(parseIpRange('10.0.0.0/032')).toMatchObject({ family: 4, prefix: 32 })
  })

  it('ignores host bits', () => {
    expect(parseIpRange('203.0.113.5/24')).toEqual(parseIpRange('203.0.113.0/24'))
    expect(parseIpRange('2001:db8::ffff/32')).toEqual(parseIpRange('2001:db8::/32'))
    expect(parseIpRange('255.255.255.255/0')).toEqual(parseIpRange('0.0.0.0/0'))
  })

  it('turns IPv4-mapped ranges with prefix >= 96 into IPv4 ranges', () => {
    expect(parseIpRange('::ffff:203.0.113.0/120')).toEqual(parseIpRange('203.0.113.0/24'))
    expect(parseIpRange('::ffff:203.0.113.9')).toEqual(parseIpRange('203.0.113.9/32'))
    expect(parseIpRange('::ffff:0:0/96')).toEqual(parseIpRange('0.0.0.0/0'))
    expect(parseIpRange('::ffff:0:0/95')?.family).toBe(6)
  })

  it('rejects malformed ranges', () => {
    for (const bad of [
      '10.0.0.0/33',
      '::/129',
      '10.0.0.0/',
      '10.0.0.0/-1',
      '10.0.0.0/+8',
      '10.0.0.0/8/8',
      '10.0.0.0/ 8',
      '10.0.0.0 /8',
      '10.0.0.0/0x8',
      '010.0.0.0/8',
      '10.0/8',
      '/8',
      '::1%eth0/128',
      'fe80::/10%1',
      '1:2:3/64',
      '',
    ]) {
      expect(parseIpRange(bad), bad).toBeUndefined()
    }
  })
})

describe('rangeContains', () => {
  it('tests membership', () => {
    expect(inRange('203.0.113.0/24', '203.0.113.255')).toBe(true)
    expect(inRange('203.0.113.0/24', '203.0.114.0')).toBe(false)
    expect(inRange('203.0.113.0/24', '203.0.112.255')).toBe(false)
    expect(inRange('0.0.0.0/0', '255.255.255.255')).toBe(true)
    expect(inRange('128.0.0.0/1', '255.0.0.0')).toBe(true)
    expect(inRange('128.0.0.0/1', '127.255.255.255')).toBe(false)
    expect(inRange('203.0.113.7', '203.0.113.7')).toBe(true)
    expect(inRange('203.0.113.7', '203.0.113.8')).toBe(false)
    expect(inRange('2001:DB8:1234:5678::/64', '2001:db8:1234:5678:ffff:ffff:ffff:ffff')).toBe(true)
    expect(inRange('2001:DB8:1234:5678::/64', '2001:db8:1234:5679::')).toBe(false)
    expect(inRange('::/0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(true)
    expect(inRange('::1/128', '0:0:0:0:0:0:0:1')).toBe(true)
    expect(inRange('::1/128', '::2')).toBe(false)
    expect(inRange('::/127', '::1')).toBe(true)
    expect(inRange('8000::/1', '7fff::')).toBe(false)
    expect(inRange('2001:db8::/33', '2001:db8:7fff::')).toBe(true)
    expect(inRange('2001:db8::/33', '2001:db8:8000::')).toBe(false)
  })

  it('never matches across families', () => {
    expect(inRange('0.0.0.0/0', '::1')).toBe(false)
    expect(inRange('::/0', '1.2.3.4')).toBe(false)
    // A mapped request address is IPv4, so an IPv6 range cannot hold it...
    expect(inRange('::/0', '::ffff:1.2.3.4')).toBe(false)
    // ...but the IPv4 range and a mapped range of prefix >= 96 do.
    expect(inRange('1.2.3.0/24', '::ffff:1.2.3.4')).toBe(true)
    expect(inRange('::ffff:1.2.3.0/120', '1.2.3.4')).toBe(true)
    expect(inRange('::ffff:0:0/95', '1.2.3.4')).toBe(false)
  })

  it('agrees with ipaddr.js for IPv4', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV4(), fc.integer({ min: 0, max: 32 }), (addr, net, prefix) => {
        const expected = ipaddr.IPv4.parse(addr).match(ipaddr.IPv4.parse(net), prefix)
        expect(inRange(`${net}/${prefix}`, addr)).toBe(expected)
      }),
      { numRuns: 20_000 },
    )
  })

  it('agrees with ipaddr.js for IPv6', () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.ipV6(), fc.integer({ min: 0, max: 128 }), fc.nat(128), (addr, net, prefix, flip) => {
        // Also probe addresses that share a long prefix with the network.
        const netParts = ipaddr.IPv6.parse(forIpaddr(net)).parts.slice()
        const near = netParts.slice()
        const word = Math.min(Math.floor(flip / 16), 7)
        near[word] = ((near[word] as number) ^ (1 << (15 - (flip % 16)))) & 0xffff
        for (const candidate of [addr, new ipaddr.IPv6(near).toString()]) {
          const a = ipaddr.IPv6.parse(forIpaddr(candidate))
          const r = parseIpRange(`${net}/${prefix}`)
          const parsed = parseIpAddress(candidate)
          expect(r).toBeDefined()
          expect(parsed).toBeDefined()
          if (r === undefined || parsed === undefined) return
          if (a.isIPv4MappedAddress() || r.family === 4) {
            // Mapped addresses are IPv4 here (C13): compare with the IPv4 view.
            const expected = r.family === 4 && a.isIPv4MappedAddress() && a.match(ipaddr.IPv6.parse(forIpaddr(net)), prefix)
            expect(rangeContains(r, parsed)).toBe(expected)
          } else {
            expect(rangeContains(r, parsed)).toBe(a.match(ipaddr.IPv6.parse(forIpaddr(net)), prefix))
          }
        }
      }),
      { numRuns: 20_000 },
    )
  })
})

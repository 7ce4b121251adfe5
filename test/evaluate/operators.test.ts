/**
 * Condition operators, family by family (spec sections 8-11): each test states the rule it
 * checks. A condition is tested by putting it in an identity Allow and reading the decision:
 * Allow when the condition holds, ImplicitDeny when it does not.
 */
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/index.js'

type Context = Record<string, string | number | boolean | (string | number | boolean)[]>

/** Whether `condition` holds for `context` (the Allow applies). */
function holds(condition: Record<string, unknown>, context: Context = {}, version = '2012-10-17'): boolean {
  const result = evaluate(
    {
      principal: 'arn:aws:iam::111122223333:user/alice',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      resourceAccount: '111122223333',
      context,
    },
    { identity: [{ Version: version, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition }] }] },
    { now: Date.UTC(2026, 0, 2, 3, 4, 5) },
  )
  return result.decision === 'Allow'
}

describe('string operators (R85-R89)', () => {
  it('R85 StringEquals is exact and case-sensitive', () => {
    expect(holds({ StringEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' })).toBe(true)
    expect(holds({ StringEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'Alice' })).toBe(false)
  })
  it('R88 * and ? are literal in StringEquals (E25)', () => {
    expect(holds({ StringEquals: { 'a:k': 'admin-*' } }, { 'a:k': 'admin-1' })).toBe(false)
    expect(holds({ StringEquals: { 'a:k': 'admin-*' } }, { 'a:k': 'admin-*' })).toBe(true)
  })
  it('R86 IgnoreCase compares lower-cased forms, locale-independently', () => {
    expect(holds({ StringEqualsIgnoreCase: { 'a:k': 'ADMIN' } }, { 'a:k': 'admin' })).toBe(true)
    expect(holds({ StringNotEqualsIgnoreCase: { 'a:k': 'ADMIN' } }, { 'a:k': 'Admin' })).toBe(false)
    expect(holds({ StringEqualsIgnoreCase: { 'a:k': 'İSTANBUL' } }, { 'a:k': 'i̇stanbul' })).toBe(true)
  })
  it('R87 StringLike: * any sequence, ? exactly one character, whole-string match', () => {
    expect(holds({ StringLike: { 'a:k': 'home/*/docs' } }, { 'a:k': 'home/alice/docs' })).toBe(true)
    expect(holds({ StringLike: { 'a:k': 'home/?' } }, { 'a:k': 'home/ab' })).toBe(false)
    expect(holds({ StringLike: { 'a:k': 'home' } }, { 'a:k': 'home/x' })).toBe(false)
    expect(holds({ StringLike: { 'a:k': 'HOME*' } }, { 'a:k': 'home' })).toBe(false)
  })
  it('R76 several values are OR-ed; R77 negated operators NOR them (E14)', () => {
    const regions = ['eu-west-1', 'eu-west-2']
    expect(holds({ StringEquals: { 'aws:RequestedRegion': regions } }, { 'aws:RequestedRegion': 'eu-west-2' })).toBe(true)
    expect(holds({ StringNotEquals: { 'aws:RequestedRegion': regions } }, { 'aws:RequestedRegion': 'eu-west-2' })).toBe(false)
    expect(holds({ StringNotEquals: { 'aws:RequestedRegion': regions } }, { 'aws:RequestedRegion': 'us-east-1' })).toBe(true)
  })
  it('R74, R75 several operators and several keys are AND-ed (E15)', () => {
    const condition = { StringEquals: { 'a:x': '1', 'a:y': '2' }, StringLike: { 'a:z': 'z*' } }
    expect(holds(condition, { 'a:x': '1', 'a:y': '2', 'a:z': 'zz' })).toBe(true)
    expect(holds(condition, { 'a:x': '1', 'a:y': '3', 'a:z': 'zz' })).toBe(false)
    expect(holds(condition, { 'a:x': '1', 'a:y': '2', 'a:z': 'q' })).toBe(false)
  })
  it('R107 numbers and booleans are compared as their text', () => {
    expect(holds({ StringEquals: { 'a:k': 10 } }, { 'a:k': '10' })).toBe(true)
    expect(holds({ StringEquals: { 'a:k': 'true' } }, { 'a:k': true })).toBe(true)
  })
})

describe('missing keys, IfExists and empty values (R80-R82, R97)', () => {
  it('R80 a missing key fails positive operators and satisfies negated ones (E6, E7)', () => {
    expect(holds({ StringEquals: { 'a:k': 'x' } })).toBe(false)
    expect(holds({ StringNotEquals: { 'a:k': 'x' } })).toBe(true)
    expect(holds({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })).toBe(true)
    expect(holds({ ArnNotLike: { 'aws:SourceArn': 'arn:*' } })).toBe(true)
  })
  it('R97 IfExists holds when the key is absent and applies the operator otherwise', () => {
    expect(holds({ StringEqualsIfExists: { 'a:k': 'x' } })).toBe(true)
    expect(holds({ StringEqualsIfExists: { 'a:k': 'x' } }, { 'a:k': 'y' })).toBe(false)
    expect(holds({ StringNotEqualsIfExists: { 'a:k': 'x' } }, { 'a:k': 'x' })).toBe(false)
  })
  it('R78 key names are case-insensitive, values are not (E13)', () => {
    expect(holds({ StringEquals: { 'AWS:SourceIP-ish': 'v' } }, { 'aws:sourceip-ish': 'v' })).toBe(true)
    expect(holds({ IpAddress: { 'AWS:SourceIP': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.9' })).toBe(true)
  })
  it('R79 two spellings of one key: any variant for positive operators, all for negated ones', () => {
    const context = { 'aws:ResourceTag/Team': 'red', 'aws:resourcetag/team': 'blue' }
    expect(holds({ StringEquals: { 'aws:ResourceTag/team': 'red' } }, context)).toBe(true)
    expect(holds({ StringNotEquals: { 'aws:ResourceTag/team': 'red' } }, context)).toBe(false)
    expect(holds({ StringNotEquals: { 'aws:ResourceTag/team': 'green' } }, context)).toBe(true)
  })
  it('R81 an empty list is an absent key; an empty string is a present value for plain operators', () => {
    expect(holds({ StringNotEquals: { 'a:k': 'x' } }, { 'a:k': [] })).toBe(true)
    expect(holds({ StringEquals: { 'a:k': '' } }, { 'a:k': '' })).toBe(true)
    expect(holds({ Null: { 'a:k': 'true' } }, { 'a:k': '' })).toBe(true)
  })
  it('R82, C16 an empty policy value list fails for a present key and follows R80 when absent', () => {
    expect(holds({ StringEquals: { 'a:k': [] } }, { 'a:k': 'x' })).toBe(false)
    expect(holds({ StringNotEquals: { 'a:k': [] } }, { 'a:k': 'x' })).toBe(false)
    expect(holds({ StringNotEquals: { 'a:k': [] } })).toBe(true)
    expect(holds({ 'ForAllValues:StringEquals': { 'a:k': [] } })).toBe(true)
    expect(holds({ 'ForAnyValue:StringEquals': { 'a:k': [] } })).toBe(false)
    expect(holds({ StringEqualsIfExists: { 'a:k': [] } })).toBe(true)
  })
  it('R83 an empty Condition makes the statement inert', () => {
    expect(holds({})).toBe(false)
  })
})

describe('numeric operators (R90, R108)', () => {
  it('compare the request value on the left, exactly', () => {
    expect(holds({ NumericLessThanEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '10' })).toBe(true)
    expect(holds({ NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': 10 })).toBe(false)
    expect(holds({ NumericGreaterThan: { 'a:n': '1.5' } }, { 'a:n': '1.50001' })).toBe(true)
    expect(holds({ NumericGreaterThanEquals: { 'a:n': -3 } }, { 'a:n': '-3.0' })).toBe(true)
    expect(holds({ NumericEquals: { 'a:n': '0.1' } }, { 'a:n': '0.10' })).toBe(true)
    expect(holds({ NumericEquals: { 'a:n': '1e3' } }, { 'a:n': 1000 })).toBe(true)
    expect(holds({ NumericGreaterThan: { 'a:n': '9007199254740992' } }, { 'a:n': '9007199254740993' })).toBe(true)
  })
  it('R108 an unparsable value never satisfies a positive operator; the negated one holds', () => {
    expect(holds({ NumericEquals: { 'a:n': '10' } }, { 'a:n': 'ten' })).toBe(false)
    expect(holds({ NumericNotEquals: { 'a:n': '10' } }, { 'a:n': 'ten' })).toBe(true)
    expect(holds({ NumericEquals: { 'a:n': 'x' } }, { 'a:n': '1' })).toBe(false)
    expect(holds({ NumericEquals: { 'a:n': '1' } }, { 'a:n': true })).toBe(false)
  })
})

describe('date operators (R91, R109, R110)', () => {
  it('compare instants across formats and time zones', () => {
    expect(
      holds({ DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, { 'aws:CurrentTime': '2020-01-01T01:00:00+00:30' }),
    ).toBe(true)
    expect(holds({ DateEquals: { 'aws:CurrentTime': '2020-01-01' } }, { 'aws:CurrentTime': '2020-01-01T00:00:00Z' })).toBe(true)
    expect(holds({ DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, { 'aws:CurrentTime': '1577836799' })).toBe(true)
    expect(holds({ DateLessThanEquals: { 'aws:EpochTime': 1577836800 } }, { 'aws:EpochTime': '2020-01-01T00:00:00Z' })).toBe(true)
    expect(holds({ DateNotEquals: { 'aws:CurrentTime': '2020-01-01' } }, { 'aws:CurrentTime': 'yesterday' })).toBe(true)
  })
  it('R110 aws:EpochTime also works with numeric operators', () => {
    expect(holds({ NumericGreaterThan: { 'aws:EpochTime': 1700000000 } }, { 'aws:EpochTime': 1800000000 })).toBe(true)
  })
  it('C5 aws:CurrentTime and aws:EpochTime come from options.now when the context lacks them', () => {
    expect(holds({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-02T03:04:04Z' } })).toBe(true)
    expect(holds({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-02T03:04:05Z' } })).toBe(false)
    expect(holds({ NumericEquals: { 'aws:EpochTime': Date.UTC(2026, 0, 2, 3, 4, 5) / 1000 } })).toBe(true)
  })
})

describe('Bool and BinaryEquals (R92, R93, R111, R126)', () => {
  it('Bool accepts true/false in any case and JSON booleans; anything else never matches', () => {
    expect(holds({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'TRUE' })).toBe(true)
    expect(holds({ Bool: { 'aws:SecureTransport': false } }, { 'aws:SecureTransport': 'false' })).toBe(true)
    expect(holds({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'yes' })).toBe(false)
    expect(holds({ Bool: { 'aws:SecureTransport': 'yes' } }, { 'aws:SecureTransport': 'true' })).toBe(false)
  })
  it('R126 MFA: Bool true needs the key; BoolIfExists true also allows long-term keys (E11)', () => {
    expect(holds({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } })).toBe(false)
    expect(holds({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } })).toBe(true)
    expect(holds({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }, { 'aws:MultiFactorAuthPresent': false })).toBe(false)
    expect(holds({ NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } }, { 'aws:MultiFactorAuthAge': '120' })).toBe(true)
  })
  it('BinaryEquals compares decoded bytes', () => {
    expect(holds({ BinaryEquals: { 'a:b': 'QmluYXJ5' } }, { 'a:b': 'QmluYXJ5' })).toBe(true)
    expect(holds({ BinaryEquals: { 'a:b': 'QQ==' } }, { 'a:b': 'QR==' })).toBe(true)
    expect(holds({ BinaryEquals: { 'a:b': 'QmluYXJ5' } }, { 'a:b': 'QmluYXJ6' })).toBe(false)
    expect(holds({ BinaryEquals: { 'a:b': 'QmluYXJ5' } }, { 'a:b': 'not base64!' })).toBe(false)
  })
})

describe('IP address operators (R94, R112, C13)', () => {
  it('matches IPv4 and IPv6 ranges, host bits ignored, bare addresses exact', () => {
    expect(holds({ IpAddress: { 'aws:SourceIp': '203.0.113.5/24' } }, { 'aws:SourceIp': '203.0.113.200' })).toBe(true)
    expect(holds({ IpAddress: { 'aws:SourceIp': '203.0.113.5' } }, { 'aws:SourceIp': '203.0.113.6' })).toBe(false)
    expect(holds({ IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } }, { 'aws:SourceIp': '2001:db8:1234:5678:abcd::1' })).toBe(true)
    expect(holds({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } }, { 'aws:SourceIp': '2001:db8::9' })).toBe(true)
  })
  it('families never match each other; mapped IPv6 addresses are IPv4', () => {
    expect(holds({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, { 'aws:SourceIp': '2001:db8::1' })).toBe(false)
    expect(holds({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '::ffff:203.0.113.9' })).toBe(true)
  })
  it('R112 a malformed request address fails IpAddress and satisfies NotIpAddress (E12)', () => {
    for (const address of ['999.1.1.1', '010.0.0.1', '127.1', '0x7f.0.0.1', '10.0.0.1/32', '', 'fe80::1%eth0']) {
      expect(holds({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, { 'aws:SourceIp': address })).toBe(false)
      expect(holds({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': address })).toBe(true)
    }
  })
})

describe('ARN operators (R95, R66)', () => {
  it('ArnLike and ArnEquals match field by field; a * does not cross a colon (E26)', () => {
    const value = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt'
    expect(holds({ ArnLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } }, { 'aws:SourceArn': value })).toBe(false)
    expect(holds({ StringLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } }, { 'aws:SourceArn': value })).toBe(
      true,
    )
    expect(
      holds(
        { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:topic' } },
        { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:topic' },
      ),
    ).toBe(true)
  })
  it('A30 a value that is not an ARN never matches the positive operators', () => {
    expect(holds({ ArnLike: { 'aws:SourceArn': '*' } }, { 'aws:SourceArn': 'not-an-arn' })).toBe(false)
    expect(holds({ ArnNotLike: { 'aws:SourceArn': '*' } }, { 'aws:SourceArn': 'not-an-arn' })).toBe(true)
  })
})

describe('Null and set qualifiers (R96, R98-R106)', () => {
  it('R96 Null true holds when absent; false when present (E10)', () => {
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } })).toBe(true)
    expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' })).toBe(true)
    expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } })).toBe(false)
  })
  it('R98 ForAllValues:Null is always true and ForAnyValue:Null always false (E30)', () => {
    expect(holds({ 'ForAllValues:Null': { 'aws:TagKeys': 'false' } })).toBe(true)
    expect(holds({ 'ForAnyValue:Null': { 'aws:TagKeys': 'false' } }, { 'aws:TagKeys': ['a'] })).toBe(false)
  })
  it('R101 ForAllValues: every request value matches some policy value; absent or empty is true (E8)', () => {
    const condition = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } }
    expect(holds(condition, { 'aws:TagKeys': ['env'] })).toBe(true)
    expect(holds(condition, { 'aws:TagKeys': ['env', 'cost'] })).toBe(false)
    expect(holds(condition)).toBe(true)
    expect(holds(condition, { 'aws:TagKeys': [] })).toBe(true)
    expect(holds(condition, { 'aws:TagKeys': '' })).toBe(true)
  })
  it('R102 ForAnyValue: some request value matches; absent or empty is false', () => {
    const condition = { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'team*' } }
    expect(holds(condition, { 'aws:TagKeys': ['env', 'team-x'] })).toBe(true)
    expect(holds(condition, { 'aws:TagKeys': ['env'] })).toBe(false)
    expect(holds(condition)).toBe(false)
  })
  it('R103 negated operators under ForAllValues test each value against none of the policy values (E9)', () => {
    const condition = { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }
    expect(holds(condition, { 'aws:TagKeys': ['key1:legal'] })).toBe(false)
    expect(holds(condition, { 'aws:TagKeys': ['key2:audit'] })).toBe(true)
    expect(holds(condition)).toBe(true)
  })
  it('R105 a multivalued value without a qualifier: positive if any value matches, negated is its negation', () => {
    expect(holds({ StringEquals: { 'aws:CalledVia': 'athena.amazonaws.com' } }, { 'aws:CalledVia': ['a', 'athena.amazonaws.com'] })).toBe(
      true,
    )
    expect(
      holds({ StringNotEquals: { 'aws:CalledVia': 'athena.amazonaws.com' } }, { 'aws:CalledVia': ['a', 'athena.amazonaws.com'] }),
    ).toBe(false)
  })
  it('R106 a qualifier with IfExists tests presence first', () => {
    expect(holds({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'x' } })).toBe(true)
    expect(holds({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'x' } }, { 'aws:TagKeys': ['y'] })).toBe(false)
  })
  it('C2 a single value and a one-element list are the same', () => {
    expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' } }, { 'aws:TagKeys': 'a' })).toBe(true)
    expect(holds({ StringEquals: { 'aws:username': 'a' } }, { 'aws:username': ['a'] })).toBe(true)
  })
})

describe('policy variables (R113-R121)', () => {
  it('R113 substitutes context values, key names case-insensitively', () => {
    expect(holds({ StringEquals: { 's3:prefix': 'home/${AWS:username}/' } }, { 's3:prefix': 'home/alice/', 'aws:username': 'alice' })).toBe(
      true,
    )
  })
  it('R114 only under Version 2012-10-17 (E24)', () => {
    expect(
      holds({ StringEquals: { 's3:prefix': '${aws:username}' } }, { 's3:prefix': 'alice', 'aws:username': 'alice' }, '2008-10-17'),
    ).toBe(false)
    expect(
      holds(
        { StringEquals: { 's3:prefix': '${aws:username}' } },
        { 's3:prefix': '${aws:username}', 'aws:username': 'alice' },
        '2008-10-17',
      ),
    ).toBe(true)
  })
  it('R117 an unresolvable variable matches nothing; negated operators then hold', () => {
    expect(holds({ StringEquals: { 'a:k': '${aws:PrincipalTag/team}' } }, { 'a:k': '' })).toBe(false)
    expect(holds({ StringNotEquals: { 'a:k': '${aws:PrincipalTag/team}' } }, { 'a:k': 'x' })).toBe(true)
  })
  it('R118 defaults apply when the key is absent (and, C19, when it is empty)', () => {
    expect(holds({ StringEquals: { 'a:k': "${aws:PrincipalTag/team, 'none'}" } }, { 'a:k': 'none' })).toBe(true)
    expect(holds({ StringEquals: { 'a:k': "${aws:PrincipalTag/team, 'none'}" } }, { 'a:k': 'none', 'aws:PrincipalTag/team': '' })).toBe(
      true,
    )
  })
  it('R119, R120 ${*} ${?} ${$} and substituted text are literal, never wildcards', () => {
    expect(holds({ StringLike: { 'a:k': 'a${*}' } }, { 'a:k': 'a*' })).toBe(true)
    expect(holds({ StringLike: { 'a:k': 'a${*}' } }, { 'a:k': 'ab' })).toBe(false)
    expect(holds({ StringLike: { 'a:k': '${$}${?}' } }, { 'a:k': '$?' })).toBe(true)
    expect(holds({ StringLike: { 'a:k': 'x/${a:v}' } }, { 'a:k': 'x/anything', 'a:v': '*' })).toBe(false)
  })
  it('R92 no substitution in Bool; R115 none in numeric operators', () => {
    expect(holds({ Bool: { 'a:b': '${a:v}' } }, { 'a:b': 'true', 'a:v': 'true' })).toBe(false)
    expect(holds({ NumericEquals: { 'a:n': '${a:v}' } }, { 'a:n': '1', 'a:v': '1' })).toBe(false)
  })
  it('R116 a multivalued key is unresolvable', () => {
    expect(holds({ StringEquals: { 'a:k': '${a:v}' } }, { 'a:k': 'x', 'a:v': ['x', 'y'] })).toBe(false)
  })
})

/** `IpAddress` / `NotIpAddress` (R94, R112, C13): ranges parsed at compile time, numeric compare per request. */
import { parseIpAddress, parseIpRange, rangeContains } from '../values/ip.js'
import type { IpAddress, IpRange } from '../values/ip.js'
import { defineOperator } from './definition.js'

/** `IpAddress` (and, negated, `NotIpAddress`). */
export const ipAddress = defineOperator<IpRange, IpAddress>({
  preparePolicyValue: (value) => (typeof value === 'string' ? parseIpRange(value) : undefined),
  prepareRequestValue: (value) => (typeof value === 'string' ? parseIpAddress(value) : undefined),
  test: (requestValue, policyValue) => rangeContains(policyValue, requestValue),
})

/**
 * Workload (e): identity policies with N statements that each allow one exact action, N from 10 to
 * 100,000 (in policies of at most 1,000 statements). The "hit" request names the action of the last
 * statement (the worst place for a scan); the "miss" request names an action no statement has.
 */
import { ACCOUNT, PRINCIPAL } from './basic.mjs'

export const SCALING_SIZES = [10, 100, 1_000, 10_000, 100_000]

const SERVICES = ['s3', 'ec2', 'dynamodb', 'sqs', 'sns', 'lambda', 'kms', 'logs', 'iam', 'rds', 'ecs', 'glue']
const VERBS = ['Get', 'Put', 'List', 'Describe', 'Delete', 'Create', 'Update', 'Tag']

/** The exact action of statement `i`. */
export const scalingAction = (i) => `${SERVICES[i % SERVICES.length]}:${VERBS[(i >> 4) % VERBS.length]}Resource${i}`

export function buildScalingWorkload(size) {
  const policies = []
  for (let start = 0; start < size; start += 1_000) {
    const statements = []
    for (let i = start; i < Math.min(size, start + 1_000); i++)
      statements.push({ Sid: `S${i}`, Effect: 'Allow', Action: scalingAction(i), Resource: '*' })
    policies.push({ Version: '2012-10-17', Statement: statements })
  }
  const request = (action) => ({ principal: PRINCIPAL, action, resource: '*', resourceAccount: ACCOUNT })
  return {
    size,
    policies: { identity: policies },
    hit: request(scalingAction(size - 1)),
    miss: request('s3:GetResourceThatNoStatementNames'),
  }
}

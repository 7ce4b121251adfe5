/**
 * The README's quick start, runnable: one identity policy, one request evaluated per call, then
 * a compiled authorizer reused for another request. `examples/quick-start.test.ts` checks that
 * what it prints is what the README says.
 */
import { compile, evaluate } from 'iam-eval'
import type { EvaluationResult } from 'iam-eval'

const policies = {
  identity: [
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/${aws:username}/*' },
        { Sid: 'NoDeletes', Effect: 'Deny', Action: 's3:Delete*', Resource: '*' },
      ],
    },
  ],
}

const request = {
  principal: 'arn:aws:iam::111122223333:user/alice',
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::reports/alice/q1.csv',
  resourceAccount: '111122223333',
}

/** Runs the quick start and returns the two results. */
export function quickStart(): { read: EvaluationResult; remove: EvaluationResult } {
  const read = evaluate(request, policies)
  const authorizer = compile(policies)
  const remove = authorizer.evaluate({ ...request, action: 's3:DeleteObject' })
  return { read, remove }
}

if (process.argv[1]?.endsWith('quick-start.ts') || process.argv[1]?.endsWith('quick-start.js')) {
  const { read, remove } = quickStart()
  console.log(read.decision, '-', read.reason)
  console.log(remove.decision, '-', remove.reason)
}

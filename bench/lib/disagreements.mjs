/**
 * The (d) agreement report as text lines: counts, then every disagreement with iam-simulate in
 * full detail, then the other contenders' agreement (iam-eval per-call must agree with compiled on
 * every request; iam-simulate's unvalidated path and pbac are listed for information).
 */
const PRINCIPAL_KEYS = new Set(['aws:principalarn', 'aws:principalaccount', 'aws:username'])

const short = (value, max = 400) => {
  const s = typeof value === 'string' ? value : JSON.stringify(value)
  return s.length > max ? `${s.slice(0, max)}…` : s
}

function requestLine(r) {
  const extra = Object.fromEntries(Object.entries(r.context ?? {}).filter(([k]) => !PRINCIPAL_KEYS.has(k.toLowerCase())))
  return `${r.action} on ${r.resource}${Object.keys(extra).length > 0 ? ` with ${short(extra, 300)}` : ''}`
}

export function disagreementLines(managed) {
  const { simAgreement, disagreements, others, workload, contenders } = managed
  const lines = []
  const { agree, compared } = simAgreement
  lines.push(`iam-eval vs iam-simulate (runSimulation) on (d): ${agree}/${compared} requests agree, ${compared - agree} disagree`)
  disagreements.forEach((d, n) => {
    lines.push('')
    lines.push(
      `#${n + 1} request ${d.index} (${d.origin.origin}, drawn from ${d.origin.policy}${d.origin.sid ? ` / ${d.origin.sid}` : ''})`,
    )
    lines.push(`   request:      ${requestLine(d.request)}`)
    lines.push(`   iam-eval:     ${d.iamEval} — ${d.iamEvalReason}`)
    if (d.iamEvalStatement) lines.push(`   statement:    ${d.iamEvalStatement.policy}: ${short(d.iamEvalStatement.statement)}`)
    lines.push(`   iam-simulate: ${short(d.simulate, 300)}`)
    const v = d.simulateOnIamEvalStatement
    if (v)
      lines.push(
        `   iam-simulate on that statement: ${v.group}; ${v.failing.length > 0 ? `fails on ${v.failing.join('; ')}` : 'no failing element reported'}`,
      )
    if (d.simulateAllowedBy)
      lines.push(`   iam-simulate allowed by: ${d.simulateAllowedBy.policy}: ${short(d.simulateAllowedBy.statement)}`)
    lines.push(`   verdict:      ${d.verdict}`)
  })
  lines.push('')
  const label = (id) => contenders.find((c) => c.id === id).label
  for (const [id, a] of Object.entries(others)) {
    lines.push(`${label(id)} vs iam-eval compiled: ${a.agree}/${a.compared} agree`)
    const limit = id === 'text' || id === 'object' ? Infinity : 25
    for (const i of a.differ.slice(0, limit)) {
      const c = contenders.find((x) => x.id === id)
      lines.push(
        `   request ${i}: ${requestLine(workload.requests[i])}: iam-eval ${managed.contenders.find((x) => x.id === 'compiled').decisions[i]}, ${id} ${short(c.decisions[i], 200)}`,
      )
    }
    if (a.differ.length > limit) lines.push(`   … and ${a.differ.length - limit} more`)
  }
  return lines
}

/**
 * Workload (d): 50 AWS managed policies, 1,000 requests. Every contender decides every request (the
 * slow ones spread over the rounds); the time per decision is averaged over the requests. iam-eval's
 * decisions are checked against iam-simulate's on every request, and every disagreement is listed.
 */
import { do_not_optimize } from 'mitata'
import { buildManagedWorkload } from '../workloads/managed.mjs'
import { asJsonText, CONTENDER_LABELS, decisionMatches } from '../lib/contenders.mjs'
import { now, runRounds, slicedContender } from '../lib/harness.mjs'
import { fmtNs, fmtRate, fmtRatio } from '../lib/format.mjs'
import { preparePbac, runUnsafeSimulation, simulateDecision, toPbacRequest, toSimulation, fromSimulateResult } from '../lib/peers.mjs'

/** Estimated ns per decision over the first `n` requests (after one untimed pass over them). */
function estimate(decide, n) {
  for (let i = 0; i < n; i++) decide(i)
  const t0 = now()
  for (let i = 0; i < n; i++) decide(i)
  return (now() - t0) / n
}

/**
 * A contender over all requests: timed with mitata on full passes when a pass is cheap (always for
 * iam-eval compiled), otherwise sliced across the rounds. `decide(i)` must be synchronous here.
 */
function overRequests(id, count, decide, { forceFull = false } = {}) {
  const label = CONTENDER_LABELS[id]
  if (forceFull || estimate(decide, Math.min(count, 50)) * count < 100e6) {
    const decisions = Array.from({ length: count }, (_, i) => decide(i))
    return {
      id,
      label,
      decisions,
      opsPerCall: count,
      heavy: id === 'object' || id === 'pbac',
      fn: () => {
        for (let i = 0; i < count; i++) do_not_optimize(decide(i))
      },
    }
  }
  return { ...slicedContender({ id, label, count, decide }), sliced: true }
}

const asList = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** A statement of the workload by iam-eval's reference. */
function statementAt(workload, ref) {
  const doc = workload.policies.identity[ref.policyIndex]
  return { policy: workload.policyNames[ref.policyIndex], statement: asList(doc.Statement)[ref.statementIndex] }
}

/** What iam-simulate said about one statement (from the analysis it returns). */
function simulateView(response, workload, ref) {
  const analysis = response?.result?.analysis?.identityAnalysis
  if (analysis === undefined || ref === undefined) return undefined
  const { statement } = statementAt(workload, ref)
  const policyId = `identity${ref.policyIndex}`
  for (const group of ['allowStatements', 'denyStatements', 'unmatchedStatements']) {
    const found = analysis[group]?.find((s) => s.policyId === policyId && JSON.stringify(s.statement) === JSON.stringify(statement))
    if (found !== undefined) {
      const explain = found.explain ?? {}
      const failing = []
      if (found.actionMatch === false) failing.push('action')
      for (const r of asList(explain.resources))
        if (r.matches === false && r.mismatchReason) failing.push(`resource ${r.resource}: ${r.mismatchReason}`)
      for (const c of asList(explain.conditions))
        if (c.matches === false)
          failing.push(`condition ${c.operator} ${c.conditionKeyValue}${c.failedBecauseMissing ? ' (key missing from context)' : ''}`)
      return { group, resourceMatch: found.resourceMatch, actionMatch: found.actionMatch, conditionMatch: found.conditionMatch, failing }
    }
  }
  return undefined
}

/** Known causes, recognised from the details, with the spec's verdict. Unknown ones say so. */
function classify(d) {
  const failing = (d.simulateOnIamEvalStatement?.failing ?? []).join(' ')
  if (/aws:ResourceAccount.*key missing/i.test(failing))
    return 'iam-simulate leaves aws:ResourceAccount absent; AWS sends it for almost every action and iam-eval derives it from the request (spec R124, C5) — iam-eval is right'
  if (/productMismatch/.test(failing))
    return 'iam-simulate refuses a resource pattern whose resource field starts with a wildcard (`*/regexpatternset/*/*`); ARN fields are plain globs (spec R66, R67) — iam-eval is right'
  if (String(d.simulate).startsWith('error')) return 'iam-simulate refused the request (input validation), so it gave no decision'
  return 'not classified automatically: see details'
}

export async function runManagedWorkload(engine, config, log) {
  log('\n(d) AWS managed policies')
  const t0 = now()
  const workload = await buildManagedWorkload({
    reject: (name, doc) => {
      try {
        engine.compile({ identity: [doc] })
        return undefined
      } catch (error) {
        return `iam-eval refused it: ${error instanceof Error ? error.message : String(error)}`
      }
    },
  })
  const { requests, policies } = workload
  const count = requests.length
  log(`  built in ${fmtNs(now() - t0)}: ${workload.title}; ${workload.rejected.length} candidate(s) refused`)
  for (const r of workload.rejected) log(`    refused ${r.name}: ${r.reason}`)

  // iam-eval decisions (the reference for the comparisons) and every contender.
  const authorizer = engine.compile(policies)
  const reference = requests.map((r) => authorizer.evaluate(r))
  const text = asJsonText(policies)
  const simulations = requests.map((r) => toSimulation(r, policies))
  let pbac
  let pbacNote
  try {
    pbac = preparePbac(policies.identity)
  } catch (error) {
    pbacNote = `pbac's schema refused the policies (${error.message.slice(0, 120)}); prepared with validatePolicies: false`
    pbac = preparePbac(policies.identity, { validate: false })
  }
  const pbacRequests = requests.map(toPbacRequest)
  const stride = config.quick ? 10 : 1 // quick runs give iam-simulate every 10th request only

  const contenders = [
    overRequests('compiled', count, (i) => authorizer.evaluate(requests[i]).decision, { forceFull: true }),
    overRequests('text', count, (i) => engine.evaluate(requests[i], text).decision),
    overRequests('object', count, (i) => engine.evaluate(requests[i], policies).decision),
    slicedContender({
      id: 'simulate',
      label: CONTENDER_LABELS.simulate,
      count,
      stride,
      decide: async (i) => simulateDecision(simulations[i]),
    }),
    slicedContender({
      id: 'unsafe',
      label: CONTENDER_LABELS.unsafe,
      count,
      stride,
      decide: (i) => fromSimulateResult(runUnsafeSimulation(simulations[i], {})),
    }),
    overRequests('pbac', count, (i) => (pbac.evaluate(pbacRequests[i]) ? 'Allow' : 'Deny (explicit or implicit)')),
  ]
  for (const c of contenders) log(`  ${c.label}: ${c.fn !== undefined ? 'timed on full passes (mitata)' : 'sliced across rounds'}`)
  const results = await runRounds(contenders, { rounds: config.rounds, budgetMs: config.budgetMs, log: config.verbose ? log : () => {} })
  for (const c of contenders) Object.assign(c, results.get(c.id))

  // Agreement.
  const counts = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 }
  for (const r of reference) counts[r.decision]++
  const agreement = (c, map = (d) => d) => {
    let agree = 0
    let compared = 0
    const differ = []
    for (let i = 0; i < count; i++) {
      const theirs = c.decisions[i]
      if (theirs === undefined) continue
      compared++
      if (decisionMatches(map(theirs), reference[i].decision)) agree++
      else differ.push(i)
    }
    return { agree, compared, differ }
  }
  const simulate = contenders.find((c) => c.id === 'simulate')
  const simAgreement = agreement(simulate, (d) => d.decision)
  const disagreements = simAgreement.differ.map((i) => {
    const mine = reference[i]
    const ref = mine.decisiveStatements?.[0]
    const response = simulate.decisions[i].response
    const d = {
      index: i,
      request: requests[i],
      origin: workload.origins[i],
      iamEval: mine.decision,
      iamEvalReason: mine.reason,
      iamEvalStatement: ref === undefined ? undefined : statementAt(workload, ref),
      simulate: simulate.decisions[i].decision,
      simulateOnIamEvalStatement: simulateView(response, workload, ref),
    }
    if (mine.decision !== 'Allow' && response?.result?.analysis?.identityAnalysis) {
      const allow = response.result.analysis.identityAnalysis.allowStatements?.[0]
      if (allow !== undefined)
        d.simulateAllowedBy = { policy: workload.policyNames[Number(allow.policyId.replace('identity', ''))], statement: allow.statement }
    }
    d.verdict = classify(d)
    return d
  })
  const others = {}
  for (const id of ['text', 'object', 'unsafe', 'pbac']) others[id] = agreement(contenders.find((c) => c.id === id))
  // Keep only the decisions (iam-simulate's full analyses are large).
  simulate.decisions = simulate.decisions.map((d) => d?.decision)

  // Table.
  const compiled = contenders.find((c) => c.id === 'compiled')
  const agreeCell = (id) => {
    if (id === 'compiled')
      return `reference (${counts.Allow} Allow, ${counts.ImplicitDeny} ImplicitDeny, ${counts.ExplicitDeny} ExplicitDeny)`
    const a = id === 'simulate' ? simAgreement : others[id]
    return `${a.agree}/${a.compared} agree`
  }
  const rows = contenders.map((c) => [
    c.label,
    agreeCell(c.id),
    fmtNs(c.median),
    `${fmtNs(c.min)} – ${fmtNs(c.max)}`,
    fmtRate(c.median),
    c.id === 'compiled' ? '1x' : fmtRatio(c.median / compiled.median),
  ])
  rows.push([CONTENDER_LABELS.floor, 'n/a', '—', '—', '—', '—'])
  const notes = [
    `time per decision averaged over the ${count} requests; median of ${config.rounds} interleaved rounds, min – max over rounds`,
    `contenders marked "sliced" decide a different slice of the requests in each round (one pass over all ${count} in total${stride > 1 ? `; quick mode: every ${stride}th request only` : ''}); the others are timed on full passes with mitata`,
    `sliced: ${contenders
      .filter((c) => c.fn === undefined)
      .map((c) => c.label)
      .join(', ')}`,
    '"Decision" compares each contender with iam-eval compiled on every request it decided (pbac answers true/false, so only Allow vs deny is compared)',
    `${CONTENDER_LABELS.floor}: n/a — no hand-written function for 50 managed policies`,
    `policies: ${workload.policyNames.join(', ')}`,
  ]
  if (pbacNote) notes.push(pbacNote)
  if (workload.rejected.length > 0)
    notes.push(`candidates refused and replaced: ${workload.rejected.map((r) => `${r.name} (${r.reason})`).join('; ')}`)
  const plainContender = ({ id, label, median, min, max, perRound, decisions, fn }) => ({
    id,
    label,
    median,
    min,
    max,
    perRound,
    decisions,
    sliced: fn === undefined,
  })
  return {
    workload: {
      id: 'd',
      title: workload.title,
      policyNames: workload.policyNames,
      requests,
      origins: workload.origins,
      rejected: workload.rejected,
    },
    contenders: contenders.map(plainContender),
    counts,
    simAgreement,
    disagreements,
    others,
    table: {
      title: workload.title,
      columns: ['Contender', 'Decision', 'Time / decision (mean over requests)', 'Min – max', 'Decisions/s', 'Time ÷ compiled'],
      rows,
      notes,
    },
  }
}

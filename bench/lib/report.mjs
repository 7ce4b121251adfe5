/**
 * Turns measured contenders into tables (see format.mjs for rendering).
 */
import { fmtNs, fmtRate, fmtRatio } from './format.mjs'

/** The decision cell: what the contender answered and whether it is right. */
export function answerCell(c, expected) {
  if (c.na !== undefined) return 'n/a'
  if (c.correct) return `${c.answer} (ok)`
  return `WRONG: ${c.answer}${expected === undefined ? '' : ` (expected ${expected})`}`
}

/**
 * A contender table. `ratio` = contender time / compiled time: how many times faster iam-eval
 * compiled is (below 1 for the floor, which is faster).
 */
export function contenderTable(title, expected, contenders, config, { perDecisionNote } = {}) {
  const compiled = contenders.find((c) => c.id === 'compiled')
  const rows = contenders.map((c) => {
    if (c.median === undefined) return [c.label, answerCell(c, expected), '—', '—', '—', '—']
    return [
      c.label,
      answerCell(c, expected),
      fmtNs(c.median),
      `${fmtNs(c.min)} – ${fmtNs(c.max)}`,
      fmtRate(c.median),
      c.id === 'compiled' ? '1x' : fmtRatio(c.median / compiled.median),
    ]
  })
  const notes = [
    `median of ${config.rounds} interleaved rounds (each round's figure is mitata's median sample, or for sliced contenders the mean over that round's slice); min – max over rounds`,
    '"time ÷ compiled" = contender time / iam-eval compiled time: how many times faster compiled is (the floor is below 1x)',
  ]
  if (perDecisionNote) notes.push(perDecisionNote)
  const floor = contenders.find((c) => c.id === 'floor')
  if (floor?.median !== undefined && compiled?.median !== undefined)
    notes.push(`iam-eval compiled takes ${fmtRatio(compiled.median / floor.median)} the hand-written floor's time`)
  for (const c of contenders) {
    if (c.na !== undefined) notes.push(`${c.label}: n/a — ${c.na}`)
    if (c.note !== undefined) notes.push(`${c.label}: ${c.note}`)
  }
  return {
    title,
    columns: ['Contender', 'Decision', 'Median / decision', 'Min – max', 'Decisions/s', 'Time ÷ compiled'],
    rows,
    notes,
  }
}

/**
 * Number formatting and tables: aligned text for stdout, Markdown for RESULTS.md.
 */

/** A duration given in ns, in the most readable unit. */
export function fmtNs(ns) {
  if (ns === undefined || Number.isNaN(ns)) return '—'
  if (ns < 0) return `-${fmtNs(-ns)}`
  if (ns < 1_000) return `${ns.toFixed(ns < 10 ? 2 : ns < 100 ? 1 : 0)} ns`
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(ns < 10_000 ? 2 : ns < 100_000 ? 1 : 0)} µs`
  if (ns < 1_000_000_000) return `${(ns / 1_000_000).toFixed(ns < 10_000_000 ? 2 : ns < 100_000_000 ? 1 : 0)} ms`
  return `${(ns / 1_000_000_000).toFixed(2)} s`
}

export const fmtMs = (ms) => fmtNs(ms * 1e6)

/** Decisions per second for a time per decision in ns. */
export function fmtRate(ns) {
  const rate = 1e9 / ns
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(rate >= 1e7 ? 1 : 2)} M/s`
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(rate >= 1e4 ? 1 : 2)} k/s`
  return `${rate.toFixed(rate >= 10 ? 0 : 1)} /s`
}

export function fmtRatio(x) {
  if (x === undefined || !Number.isFinite(x)) return '—'
  if (x >= 100) return `${Math.round(x).toLocaleString('en-US')}x`
  return `${x.toFixed(x >= 10 ? 1 : 2)}x`
}

export const fmtBytes = (n) => (n >= 1024 ? `${(n / 1024).toFixed(1)} KB (${n.toLocaleString('en-US')} B)` : `${n} B`)

/** A table: { title, columns: string[], rows: string[][], notes?: string[] }. */
export function textTable({ title, columns, rows, notes = [] }) {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => String(r[i] ?? '').length)))
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')
  const out = [title, '-'.repeat(title.length), line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
  for (const n of notes) out.push(`  * ${n}`)
  return out.join('\n')
}

const escapeCell = (s) => String(s ?? '').replace(/\|/g, '\\|')

export function markdownTable({ title, columns, rows, notes = [] }, level = '###') {
  const out = [
    `${level} ${title}`,
    '',
    `| ${columns.map(escapeCell).join(' | ')} |`,
    `| ${columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
  ]
  for (const r of rows) out.push(`| ${r.map(escapeCell).join(' | ')} |`)
  if (notes.length > 0) {
    out.push('')
    for (const n of notes) out.push(`- ${n}`)
  }
  return out.join('\n')
}

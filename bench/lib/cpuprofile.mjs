/**
 * Summaries of V8 .cpuprofile data: self and inclusive time by function.
 */
const where = (frame) => {
  const file = frame.url.replace(/^file:\/\/.*\/(dist|bench|node_modules)\//, '$1/')
  return `${frame.functionName || '(anonymous)'}  ${file ? `${file}:${frame.lineNumber + 1}` : ''}`
}
export { where as frameName }

export function summarizeCpuProfile(profile, top = 25) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const hits = new Map()
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1)
  const totalSamples = profile.samples.length
  const totalMs = (profile.endTime - profile.startTime) / 1000
  const self = new Map()
  const inclusive = new Map()
  const visit = (node, stack) => {
    const key = where(node.callFrame)
    const h = hits.get(node.id) ?? 0
    self.set(key, (self.get(key) ?? 0) + h)
    const fresh = !stack.has(key)
    const nextStack = fresh ? new Set(stack).add(key) : stack
    let sub = h
    for (const c of node.children ?? []) sub += visit(nodes.get(c), nextStack)
    if (fresh) inclusive.set(key, (inclusive.get(key) ?? 0) + sub)
    return sub
  }
  visit(nodes.get(profile.nodes[0].id), new Set())
  const pct = (n) => `${((100 * n) / totalSamples).toFixed(1).padStart(5)}%  ${((totalMs * n) / totalSamples).toFixed(2).padStart(8)} ms`
  const lines = [`top self time (${totalSamples} samples over ${totalMs.toFixed(1)} ms):`]
  for (const [fn, n] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(n)}  ${fn}`)
  lines.push('top inclusive time:')
  for (const [fn, n] of [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, top + 5)) lines.push(`  ${pct(n)}  ${fn}`)
  return lines
}

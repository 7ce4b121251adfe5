/**
 * The same policy set with every document as JSON text (as read from a file), for the per-call
 * `evaluate` on text.
 */
export function asJsonText(policies) {
  const text = (doc) => JSON.stringify(doc, null, 2)
  const out = {}
  for (const [slot, value] of Object.entries(policies)) {
    if (slot === 'scps' || slot === 'rcps') out[slot] = value.map((level) => level.map(text))
    else if (Array.isArray(value)) out[slot] = value.map(text)
    else out[slot] = text(value)
  }
  return out
}

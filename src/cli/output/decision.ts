/**
 * The colour of a decision, so every command paints Allow, ExplicitDeny and ImplicitDeny alike:
 * green for Allow, red for an explicit Deny (a statement said no), yellow for an implicit deny
 * (nothing said yes).
 */
import type { Decision } from '../../index.js'
import type { Style } from './colour.js'

/** The style function for a decision. */
export function decisionColour(style: Style, decision: Decision): (text: string) => string {
  switch (decision) {
    case 'Allow':
      return style.green
    case 'ExplicitDeny':
      return style.red
    case 'ImplicitDeny':
      return style.yellow
  }
}

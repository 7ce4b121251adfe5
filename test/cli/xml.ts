/**
 * A small strict XML reader for the JUnit tests: it accepts only well-formed documents (one root,
 * balanced tags, quoted attributes without duplicates, valid entity and character references,
 * no forbidden characters) and returns the element tree with decoded attributes and text.
 */

/** One element. */
export interface XmlElement {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: XmlElement[]
  text: string
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/
// XML 1.0 Char production (minus what the entity check below handles).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/

function decode(text: string, where: string): string {
  if (text.includes('<')) throw new Error(`raw '<' in ${where}`)
  return text.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated reference '${match}' in ${where}`)
    switch (body) {
      case 'amp':
        return '&'
      case 'lt':
        return '<'
      case 'gt':
        return '>'
      case 'quot':
        return '"'
      case 'apos':
        return "'"
    }
    const numeric = /^#(\d+)$/.exec(body) ?? /^#x([0-9A-Fa-f]+)$/.exec(body)
    if (numeric === null) throw new Error(`unknown entity '&${body};' in ${where}`)
    const code = Number.parseInt(numeric[1] as string, body.startsWith('#x') ? 16 : 10)
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff)
    if (!allowed) throw new Error(`character reference to a forbidden character in ${where}`)
    return String.fromCodePoint(code)
  })
}

/** Parses `text` strictly; throws with a description of the first problem. */
export function parseXml(text: string): XmlElement {
  if (FORBIDDEN.test(text)) throw new Error('forbidden character in the document')
  let position = 0
  const declaration = /^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z0-9._-]+")?\s*\?>/.exec(text)
  if (declaration !== null) position = declaration[0].length
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  while (position < text.length) {
    const next = text.indexOf('<', position)
    const chunk = text.slice(position, next === -1 ? text.length : next)
    if (stack.length === 0) {
      if (chunk.trim() !== '') throw new Error(`text outside the root element: ${JSON.stringify(chunk.slice(0, 20))}`)
    } else {
      const top = stack[stack.length - 1] as XmlElement
      top.text += decode(chunk, `<${top.name}> text`)
    }
    if (next === -1) break
    position = next
    if (text.startsWith('</', position)) {
      const close = /^<\/([A-Za-z_:][A-Za-z0-9_:.-]*)\s*>/.exec(text.slice(position))
      if (close === null) throw new Error(`malformed end tag at ${position}`)
      const open = stack.pop()
      if (open === undefined || open.name !== close[1]) throw new Error(`end tag </${close[1]}> does not match <${open?.name ?? '(none)'}>`)
      position += close[0].length
      continue
    }
    if (text.startsWith('<!--', position)) {
      const end = text.indexOf('-->', position)
      if (end === -1) throw new Error('unterminated comment')
      position = end + 3
      continue
    }
    position += 1
    const name = NAME.exec(text.slice(position))
    if (name === null) throw new Error(`malformed start tag at ${position}`)
    position += name[0].length
    const attributes: Record<string, string> = {}
    for (;;) {
      const attribute = /^\s+([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(text.slice(position))
      if (attribute === null) break
      const attributeName = attribute[1] as string
      if (attributeName in attributes) throw new Error(`duplicate attribute ${attributeName} on <${name[0]}>`)
      attributes[attributeName] = decode(attribute[3] ?? attribute[4] ?? '', `attribute ${attributeName}`)
      position += attribute[0].length
    }
    const end = /^\s*(\/?)>/.exec(text.slice(position))
    if (end === null) throw new Error(`malformed start tag <${name[0]}> at ${position}`)
    position += end[0].length
    const element: XmlElement = { name: name[0], attributes, children: [], text: '' }
    if (stack.length === 0) {
      if (root !== undefined) throw new Error('more than one root element')
      root = element
    } else {
      ;(stack[stack.length - 1] as XmlElement).children.push(element)
    }
    if (end[1] !== '/') stack.push(element)
  }
  if (stack.length > 0) throw new Error(`unclosed element <${(stack[stack.length - 1] as XmlElement).name}>`)
  if (root === undefined) throw new Error('no root element')
  return root
}

/** Every descendant element named `name`. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = []
  for (const child of element.children) {
    if (child.name === name) found.push(child)
    found.push(...descendants(child, name))
  }
  return found
}

// Streaming XML for the returns: saxes (a maintained, conformant streaming parser; decision 0007)
// reads the file chunk by chunk, and only the elements a format asks for are built into small trees
// and handed on, each with its line and element path, so that a return of any size never has to be
// held in memory whole. Malformed XML stops the read with the line where it broke.
import { SaxesParser } from 'saxes'
import { errorKind } from '../errors/domain-error.ts'

export interface XmlNode {
  name: string
  /** The line (from 1) of the element's start tag. */
  line: number
  /** The element path with sibling positions, e.g. /Message/Children/Child[12]. */
  path: string
  children: XmlNode[]
  /** The element's own text, trimmed ('' for an element that only holds others). */
  text: string
}

export type XmlItem = { kind: 'root'; name: string; line: number } | { kind: 'element'; node: XmlNode }

export class XmlNotWellFormed extends errorKind('invalid') {}

/**
 * Reads XML text chunks and yields the root element's name as soon as it is open, then every element
 * for which `capture(names)` is true (names from the root down to the element), once it is closed.
 */
export async function* readXml(
  chunks: AsyncIterable<string> | Iterable<string>,
  capture: (names: readonly string[]) => boolean,
): AsyncGenerator<XmlItem> {
  const parser = new SaxesParser({ position: true })
  const names: string[] = []
  const paths: string[] = []
  // sibling counters per open element: how many children of each name it has had so far
  const counters: Map<string, number>[] = [new Map()]
  const building: XmlNode[] = []
  const ready: XmlItem[] = []
  let failure: Error | null = null
  parser.on('error', (error) => {
    failure ??= new XmlNotWellFormed(error.message)
  })
  parser.on('opentag', (tag) => {
    const name = tag.name
    const siblings = counters[counters.length - 1]
    const position = (siblings.get(name) ?? 0) + 1
    siblings.set(name, position)
    const path = `${paths[paths.length - 1] ?? ''}/${name}${paths.length === 0 ? '' : `[${position}]`}`
    names.push(name)
    paths.push(path)
    counters.push(new Map())
    if (names.length === 1) ready.push({ kind: 'root', name, line: parser.line })
    if (building.length > 0 || capture(names)) {
      const node: XmlNode = { name, line: parser.line, path, children: [], text: '' }
      building[building.length - 1]?.children.push(node)
      building.push(node)
    }
  })
  parser.on('text', (text) => {
    const node = building[building.length - 1]
    if (node) node.text += text
  })
  parser.on('cdata', (text) => {
    const node = building[building.length - 1]
    if (node) node.text += text
  })
  parser.on('closetag', () => {
    const depth = names.length
    const node = building[building.length - 1]
    if (node && node.path === paths[depth - 1]) {
      building.pop()
      node.text = node.text.trim()
      if (building.length === 0) ready.push({ kind: 'element', node })
    }
    names.pop()
    paths.pop()
    counters.pop()
  })
  const drain = function* (): Generator<XmlItem> {
    while (ready.length > 0) yield ready.shift() as XmlItem
  }
  let first = true
  for await (const chunk of chunks) {
    if (first && chunk.trim() !== '') {
      const start = chunk.replace(/^\uFEFF/, '').trimStart()[0]
      if (start !== '<') throw new XmlNotWellFormed(`the file is not XML: it starts with "${start}"`)
      first = false
    }
    parser.write(chunk)
    if (failure) throw located(failure, parser.line)
    yield* drain()
  }
  parser.close()
  if (failure) throw located(failure, parser.line)
  if (names.length > 0) throw new XmlNotWellFormed(`the file ends inside <${names[names.length - 1]}>`)
  yield* drain()
}

function located(error: Error, line: number): XmlNotWellFormed {
  const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.+$/, '')
  return new XmlNotWellFormed(`the XML is not well formed at line ${line}: ${message}`)
}

/** The first child element of that name, if any. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name)
}

/** Every child element of that name. */
export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name)
}

/** The text of the first child element of that name, or undefined when it is absent or empty. */
export function textOf(node: XmlNode, name: string): string | undefined {
  const c = child(node, name)
  return c && c.text !== '' ? c.text : undefined
}

/** The element written back as compact XML: the `text` of a rejected element. */
export function serialise(node: XmlNode): string {
  const inner = node.children.length > 0 ? node.children.map(serialise).join('') : escapeXml(node.text)
  return `<${node.name}>${inner}</${node.name}>`
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

// Reads a FHIR JSON Bundle as a stream: each `entry` is handed on as its own text with the line it
// starts on, so that a bundle of any size is never parsed whole and a rejected entry can be shown as
// it was sent. A small structural scanner (strings, escapes, nesting), not a general JSON parser:
// every entry's text is then given to JSON.parse. Decision 0007 says why no library does this.
import { errorKind } from '../../errors/domain-error.ts'

export interface BundleEntry {
  /** 0-based position in Bundle.entry. */
  index: number
  line: number
  text: string
}

export type BundleItem = { kind: 'top'; key: string; value: unknown } | { kind: 'entry'; entry: BundleEntry }

export class NotJson extends errorKind('invalid') {}

export async function* readBundle(chunks: AsyncIterable<string>): AsyncGenerator<BundleItem> {
  let line = 1
  let depth = 0
  let inString = false
  let escaped = false
  let started = false
  let key = ''
  let keyText: string | null = null
  let expectingValue = false
  let capture: { text: string; line: number; kind: 'entry' | 'top'; key: string; depth: number } | null = null
  let entryIndex = 0
  let inEntries = false
  for await (const chunk of chunks) {
    const ready: BundleItem[] = []
    let from = 0
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]
      if (c === '\n') line++
      if (!started) {
        if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\uFEFF') continue
        if (c !== '{') throw new NotJson(`the file does not start with a JSON object (found "${c}" at line ${line})`)
        started = true
      }
      if (inString) {
        if (escaped) escaped = false
        else if (c === '\\') escaped = true
        else if (c === '"') {
          inString = false
          if (keyText !== null && depth === 1 && !capture) {
            key = keyText + chunk.slice(from, i)
            keyText = null
          }
        }
        continue
      }
      if (c === '"') {
        inString = true
        if (depth === 1 && !capture && !expectingValue) {
          keyText = ''
          from = i + 1
        } else if (depth === 1 && !capture && expectingValue) {
          capture = { text: '', line, kind: 'top', key, depth: 1 }
          from = i
          expectingValue = false
        }
        continue
      }
      if (keyText !== null) continue
      if (c === ':' && depth === 1 && !capture) {
        expectingValue = true
        continue
      }
      if (c === '{' || c === '[') {
        depth++
        if (depth === 2 && expectingValue) {
          expectingValue = false
          if (key === 'entry' && c === '[') inEntries = true
          else {
            capture = { text: '', line, kind: 'top', key, depth: 2 }
            from = i
          }
        } else if (depth === 3 && inEntries && c === '{' && !capture) {
          capture = { text: '', line, kind: 'entry', key, depth: 3 }
          from = i
        }
        continue
      }
      if (depth === 1 && capture?.depth === 1 && (c === ',' || c === '}')) {
        ready.push(finish(capture, capture.text + chunk.slice(from, i), entryIndex))
        capture = null
      }
      if (c === '}' || c === ']') {
        if (capture && depth === capture.depth && capture.depth > 1) {
          const text = capture.text + chunk.slice(from, i + 1)
          ready.push(finish(capture, text, entryIndex))
          if (capture.kind === 'entry') entryIndex++
          capture = null
        } else if (depth === 2 && inEntries) inEntries = false
        depth--
        continue
      }
      if (depth === 1 && c === ',') {
        expectingValue = false
        continue
      }
      if (depth === 1 && expectingValue && !capture && c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
        // a number, true, false or null at the top level
        capture = { text: '', line, kind: 'top', key, depth: 1 }
        from = i
        expectingValue = false
      }
    }
    if (capture) {
      capture.text += chunk.slice(from)
      from = 0
    }
    if (keyText !== null) keyText += chunk.slice(from)
    for (const item of ready) yield item
  }
  if (!started) throw new NotJson('the file is empty')
  if (depth !== 0 || inString) throw new NotJson(`the JSON ends before the Bundle is closed (line ${line})`)
}

function finish(
  capture: { line: number; kind: 'entry' | 'top'; key: string },
  text: string,
  index: number,
): BundleItem {
  if (capture.kind === 'entry') return { kind: 'entry', entry: { index, line: capture.line, text } }
  let value: unknown
  try {
    value = JSON.parse(text.trim())
  } catch {
    throw new NotJson(`Bundle.${capture.key} at line ${capture.line} is not valid JSON`)
  }
  return { kind: 'top', key: capture.key, value }
}

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
  const scanner = new BundleScanner()
  for await (const chunk of chunks) for (const item of scanner.scan(chunk)) yield item
  scanner.end()
}

/** A value being read out of the Bundle: an entry, or a top-level member, from where it starts. */
interface Capture {
  text: string
  line: number
  kind: 'entry' | 'top'
  key: string
  depth: number
}

/**
 * Where the scan stands between characters: in a string or not, how deep, the top-level key last
 * read, and the value being captured (its text so far, kept across chunks).
 */
class BundleScanner {
  private line = 1
  private depth = 0
  private inString = false
  private escaped = false
  private started = false
  private key = ''
  private keyText: string | null = null
  private expectingValue = false
  private capture: Capture | null = null
  private entryIndex = 0
  private inEntries = false
  /** where, in the chunk being scanned, the text not yet added to the capture (or key) starts */
  private from = 0
  private ready: BundleItem[] = []

  /** The items this chunk completes; what it leaves partway through is kept for the next chunk. */
  scan(chunk: string): BundleItem[] {
    this.ready = []
    this.from = 0
    for (let i = 0; i < chunk.length; i++) this.character(chunk, i)
    if (this.capture) {
      this.capture.text += chunk.slice(this.from)
      this.from = 0
    }
    if (this.keyText !== null) this.keyText += chunk.slice(this.from)
    return this.ready
  }

  /** The end of the input: refused when there was nothing, or the Bundle was not closed. */
  end(): void {
    if (!this.started) throw new NotJson('the file is empty')
    if (this.depth !== 0 || this.inString)
      throw new NotJson(`the JSON ends before the Bundle is closed (line ${this.line})`)
  }

  private character(chunk: string, i: number): void {
    const c = chunk[i]
    if (c === '\n') this.line++
    if (!this.started) {
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\uFEFF') return
      if (c !== '{') throw new NotJson(`the file does not start with a JSON object (found "${c}" at line ${this.line})`)
      this.started = true
    }
    if (this.inString) return this.inStringCharacter(chunk, i, c)
    if (c === '"') return this.openString(i)
    if (this.keyText !== null) return
    if (c === ':' && this.depth === 1 && !this.capture) {
      this.expectingValue = true
      return
    }
    if (c === '{' || c === '[') return this.open(c, i)
    if (this.depth === 1 && this.capture?.depth === 1 && (c === ',' || c === '}')) {
      this.ready.push(finish(this.capture, this.capture.text + chunk.slice(this.from, i), this.entryIndex))
      this.capture = null
    }
    if (c === '}' || c === ']') return this.close(chunk, i)
    if (this.depth === 1 && c === ',') {
      this.expectingValue = false
      return
    }
    if (
      this.depth === 1 &&
      this.expectingValue &&
      !this.capture &&
      c !== ' ' &&
      c !== '\n' &&
      c !== '\r' &&
      c !== '\t'
    ) {
      // a number, true, false or null at the top level
      this.capture = { text: '', line: this.line, kind: 'top', key: this.key, depth: 1 }
      this.from = i
      this.expectingValue = false
    }
  }

  private inStringCharacter(chunk: string, i: number, c: string): void {
    if (this.escaped) this.escaped = false
    else if (c === '\\') this.escaped = true
    else if (c === '"') {
      this.inString = false
      if (this.keyText !== null && this.depth === 1 && !this.capture) {
        this.key = this.keyText + chunk.slice(this.from, i)
        this.keyText = null
      }
    }
  }

  /** A string starts: a top-level key, a top-level string value, or text inside a value. */
  private openString(i: number): void {
    this.inString = true
    if (this.depth === 1 && !this.capture && !this.expectingValue) {
      this.keyText = ''
      this.from = i + 1
    } else if (this.depth === 1 && !this.capture && this.expectingValue) {
      this.capture = { text: '', line: this.line, kind: 'top', key: this.key, depth: 1 }
      this.from = i
      this.expectingValue = false
    }
  }

  /** An object or array opens: Bundle.entry, a top-level value, or one entry of Bundle.entry. */
  private open(c: string, i: number): void {
    this.depth++
    if (this.depth === 2 && this.expectingValue) {
      this.expectingValue = false
      if (this.key === 'entry' && c === '[') this.inEntries = true
      else {
        this.capture = { text: '', line: this.line, kind: 'top', key: this.key, depth: 2 }
        this.from = i
      }
    } else if (this.depth === 3 && this.inEntries && c === '{' && !this.capture) {
      this.capture = { text: '', line: this.line, kind: 'entry', key: this.key, depth: 3 }
      this.from = i
    }
  }

  /** An object or array closes: perhaps the value being captured, or Bundle.entry itself. */
  private close(chunk: string, i: number): void {
    if (this.capture && this.depth === this.capture.depth && this.capture.depth > 1) {
      const text = this.capture.text + chunk.slice(this.from, i + 1)
      this.ready.push(finish(this.capture, text, this.entryIndex))
      if (this.capture.kind === 'entry') this.entryIndex++
      this.capture = null
    } else if (this.depth === 2 && this.inEntries) this.inEntries = false
    this.depth--
  }
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

// Splits a note into word tokens that keep their place in the original text (UTF-16 offsets), with
// each token's sentence and, when it sits inside quotation marks, which quotation.
import { must } from '../errors/must.ts'

export interface Token {
  /** Lower-case, curly apostrophes made straight; clitics ("'s", "n't") are tokens of their own. */
  norm: string
  /** The dictionary form ("chose" → choose, "choices" → choice) once `annotate` (nlp.ts) has run; else `norm`. */
  lemma: string
  /** The universal part of speech (NOUN, VERB, AUX, ADJ, ADV, PRON, PROPN, DET, ADP...) once annotated; else ''. */
  pos: string
  start: number
  end: number
  /** Written with a capital first letter ("Ellie-May", "YP"): a name, or the start of a sentence. */
  capital: boolean
  /** True for punctuation: patterns never match it and it ends a clause. */
  punct: boolean
  sentence: number
  /** Index into `Tokens.quotes`, or -1 when the token is not quoted. */
  quote: number
}

/** A pair of quotation marks: tokens `[first, last]` inside, and the text offsets of the marks. */
export interface Quote {
  first: number
  last: number
  open: number
  close: number
}

export interface Tokens {
  tokens: Token[]
  quotes: Quote[]
}

// words (letters, marks, digits, inner apostrophes), decimals and times as one token, quotation
// marks, and any other single non-space character. Hyphens are dropped so that "risk-taking" and
// "risk taking", "24-year-old" and "24 year old" read the same.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|["“”‘’']|[^\s\p{L}\p{M}\p{N}]/gu
const HYPHENS = new Set(['-', '‐', '‑', '_'])
const SENTENCE_END = new Set(['.', '!', '?'])
const DOUBLE_QUOTES = new Set(['"', '“', '”'])
const IRREGULAR_NEGATIVES: Record<string, string> = {
  "can't": 'can',
  "won't": 'will',
  "shan't": 'shall',
  "ain't": 'is',
}

interface Mark {
  kind: 'double' | 'single-open' | 'single-close'
  at: number
  /** Index of the next token to be emitted when the mark was seen. */
  before: number
}

/**
 * The most words a sentence holds: a longer run (a pasted document with no full stops) is read as
 * sentences of this many. Patterns are searched within a sentence, and that search takes time in its
 * length squared; no sentence a person writes is this long.
 */
export const LONGEST_SENTENCE = 150

function boundSentences(tokens: Token[]): void {
  let number = 0
  let original = tokens[0]?.sentence
  let run = 0
  for (const t of tokens) {
    if (t.sentence !== original || run === LONGEST_SENTENCE) {
      number++
      run = 0
      original = t.sentence
    }
    t.sentence = number
    run++
  }
}

export function tokenize(text: string): Tokens {
  const tokens: Token[] = []
  const marks: Mark[] = []
  let sentence = 0
  let lastEnd = 0
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0]
    const start = must(m.index, 'where a match of a token starts')
    // a blank line or a line break after a full stop ends a sentence even without punctuation
    if (tokens.length > 0 && /\n/.test(text.slice(lastEnd, start))) {
      if (!tokens[tokens.length - 1].punct || !SENTENCE_END.has(tokens[tokens.length - 1].norm)) sentence++
    }
    lastEnd = start + raw.length
    if (HYPHENS.has(raw)) continue
    if (DOUBLE_QUOTES.has(raw)) {
      marks.push({ kind: 'double', at: start, before: tokens.length })
      continue
    }
    if (raw === '‘') {
      marks.push({ kind: 'single-open', at: start, before: tokens.length })
      continue
    }
    if (raw === '’') {
      marks.push({ kind: 'single-close', at: start, before: tokens.length })
      continue
    }
    if (raw === "'") {
      // a straight single quote opens before a word and closes after one; elsewhere it is an apostrophe
      const before = text[start - 1]
      const after = text[start + 1]
      const wordAfter = after !== undefined && /[\p{L}\p{N}]/u.test(after)
      const wordBefore = before !== undefined && /[\p{L}\p{N}.!?,]/u.test(before)
      if (!wordBefore && wordAfter) marks.push({ kind: 'single-open', at: start, before: tokens.length })
      else if (wordBefore && !wordAfter) marks.push({ kind: 'single-close', at: start, before: tokens.length })
      continue
    }
    const isWord = /[\p{L}\p{M}\p{N}]/u.test(raw[0])
    if (!isWord) {
      tokens.push({
        norm: raw,
        lemma: raw,
        capital: false,
        pos: 'PUNCT',
        start,
        end: start + raw.length,
        punct: true,
        sentence,
        quote: -1,
      })
      if (SENTENCE_END.has(raw)) sentence++
      continue
    }
    pushWord(tokens, raw, start, sentence)
  }
  // a sentence mark just before a token pushes the count past it; renumber densely is not needed:
  // sentence numbers only have to differ between sentences
  boundSentences(tokens)
  const quotes = pairQuotes(marks, tokens)
  return { tokens, quotes }
}

function pushWord(tokens: Token[], raw: string, start: number, sentence: number): void {
  const lower = raw.toLowerCase().replace(/’/g, "'")
  if (lower.endsWith("n't") && lower.length > 3) {
    const stem = IRREGULAR_NEGATIVES[lower] ?? lower.slice(0, -3)
    pushToken(tokens, stem, start, start + raw.length - 3, sentence)
    pushToken(tokens, "n't", start + raw.length - 3, start + raw.length, sentence)
    return
  }
  if (lower === 'cannot') {
    pushToken(tokens, 'can', start, start + 3, sentence)
    pushToken(tokens, 'not', start + 3, start + 6, sentence)
    return
  }
  const apostrophe = lower.lastIndexOf("'")
  if (apostrophe > 0 && CLITICS.has(lower.slice(apostrophe))) {
    pushToken(tokens, lower.slice(0, apostrophe), start, start + apostrophe, sentence)
    pushToken(tokens, lower.slice(apostrophe), start + apostrophe, start + raw.length, sentence)
    return
  }
  pushToken(tokens, lower, start, start + raw.length, sentence, raw[0] !== lower[0])
}

const CLITICS = new Set(["'s", "'re", "'m", "'d", "'ve", "'ll"])

function pushToken(tokens: Token[], norm: string, start: number, end: number, sentence: number, capital = false): void {
  tokens.push({ norm, lemma: norm, pos: '', capital, start, end, punct: false, sentence, quote: -1 })
}

// Straight double quotes alternate open/close; curly ones pair in order. An unpaired mark is
// ignored rather than quoting the rest of the note.
function pairQuotes(marks: Mark[], tokens: Token[]): Quote[] {
  const quotes: Quote[] = []
  let openDouble: Mark | null = null
  let openSingle: Mark | null = null
  const close = (open: Mark, mark: Mark) => {
    const first = open.before
    const last = mark.before - 1
    if (last < first) return
    const index = quotes.length
    quotes.push({ first, last, open: open.at, close: mark.at })
    for (let i = first; i <= last; i++) if (tokens[i].quote === -1) tokens[i].quote = index
  }
  for (const mark of marks) {
    if (mark.kind === 'double') {
      if (openDouble) {
        close(openDouble, mark)
        openDouble = null
      } else openDouble = mark
    } else if (mark.kind === 'single-open') {
      if (!openSingle) openSingle = mark
    } else if (openSingle) {
      close(openSingle, mark)
      openSingle = null
    }
  }
  return quotes
}

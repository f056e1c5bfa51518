// The English model the checker reads meaning with: wink-nlp and its packaged English web model
// (MIT; pure JavaScript, no download at install or run time; docs/decisions/0006-language-meaning.md).
// It gives each word its lemma ("chose", "chooses", "choosing" → choose; "choices" → choice) and its
// part of speech (universal tags: NOUN, VERB, AUX, ADJ, ADV, PRON, PROPN, DET, ADP...), so that a
// rule names a meaning once and "she made the choice" reads like "she chose". The model loads on the
// first check (about a tenth of a second), not with every command.
import { createRequire } from 'node:module'
import type { ItsFunction, WinkMethods } from 'wink-nlp'
import type { Token } from './tokenize.ts'

let nlp: WinkMethods | null = null

function model(): WinkMethods {
  if (!nlp) {
    const require = createRequire(import.meta.url)
    const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default
    const english = require('wink-eng-lite-web-model') as import('wink-nlp').Model
    nlp = winkNLP(english, ['pos'])
  }
  return nlp
}

interface Tagged {
  start: number
  end: number
  lemma: string
  pos: string
}

/** No word is longer than this: the model's tests of a word take time in its length squared. */
export const LONGEST_WORD = 64

/**
 * `text` with each run of characters other than spaces cut to its first LONGEST_WORD, the rest made
 * spaces: the same length, so every place in it is the same place in `text`. No real word is that
 * long; a pasted run of 100,000 letters would otherwise hold the server for minutes.
 */
export function boundWords(text: string): string {
  return text.replace(
    new RegExp(`(\\S{${LONGEST_WORD}})(\\S+)`, 'gu'),
    (_, kept: string, rest: string) => kept + ' '.repeat(rest.length),
  )
}

/** The model's words with their places in `text`, lemma and part of speech. */
export function tag(text: string): Tagged[] {
  const wink = model()
  const its = wink.its
  const tokens = wink.readDoc(boundWords(text)).tokens()
  const values = tokens.out(its.value) as string[]
  // the library's own type for `its.lemma` does not fit its `out` (it is a token function all the same)
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[]
  const tags = tokens.out(its.pos) as string[]
  const out: Tagged[] = []
  let cursor = 0
  for (let i = 0; i < values.length; i++) {
    const at = text.indexOf(values[i], cursor)
    if (at < 0) continue // the model changed the characters (it does not, but a word lost is better than a wrong place)
    cursor = at + values[i].length
    out.push({ start: at, end: cursor, lemma: lemmas[i].toLowerCase().replace(/’/g, "'"), pos: tags[i] })
  }
  return out
}

/**
 * Gives each of the checker's tokens the lemma and part of speech of the model's word at its place.
 * A token that is only part of the model's word ("co" of "co-operate") keeps its own form as lemma;
 * the lemma of a token that is the model's word exactly is the model's.
 */
export function annotate(text: string, tokens: Token[]): void {
  const tagged = tag(text)
  let j = 0
  for (const t of tokens) {
    if (t.punct) continue
    while (j < tagged.length && tagged[j].end <= t.start) j++
    const w = tagged[j]
    if (!w || w.start > t.start) continue
    t.pos = w.pos
    if (w.start === t.start && w.end === t.end) t.lemma = w.lemma
  }
}

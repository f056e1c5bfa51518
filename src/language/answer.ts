// What a record says back to blame it holds up. A note may carry blaming words it does not own:
// another person's quoted words, a word in quotation marks, or what the abuse made the child
// believe. Whether those words blame the child depends on what the note says next to them: a note
// that names the abuse, the coercion or the challenge answers them; one that does not leaves them
// standing as the record's view (docs/decisions/0060-language-reported-blame.md).
import type { Token } from './tokenize.ts'

// words that name the abuse or the adults' part, or challenge a wording (as lemmas or prefixes)
const ANSWER_PREFIXES = ['groom', 'exploit', 'abus', 'coerc', 'manipulat', 'traffick', 'minimis', 'minimiz', 'annotat']
const ANSWERS = new Set([
  'challenge',
  'challenged',
  'explain',
  'explained',
  'victim',
  'victims',
  'blame',
  'blamed',
  'blaming',
  'fault',
  'responsible',
  'responsibility',
  'threat',
  'threats',
  'threaten',
  'threatened',
  'duress',
  'force',
  'forced',
  'control',
  'controlled',
  'debt',
  'rape',
  'raped',
  'consent',
  'inappropriate',
  'inaccurate',
  'wrong',
  'audit',
  'auditor',
  'auditors',
  'review',
  'reviewer',
  'reviewers',
  'safeguarding',
  'referral',
])

function answers(t: Token): boolean {
  if (t.punct) return false
  if (ANSWERS.has(t.norm) || ANSWERS.has(t.lemma)) return true
  return ANSWER_PREFIXES.some((p) => t.norm.startsWith(p))
}

/**
 * Whether the note answers blaming words in the sentence holding `at`, or in the sentence after it
 * ("Freya's mother said 'she chooses to go there'. The worker explained that Freya is being groomed.").
 * Words inside quotation marks are the quoted person's, not the note's answer.
 */
export function answeredNear(tokens: Token[], at: number): boolean {
  const sentence = tokens[at].sentence
  // within 40 words either side: a note's own answer is near the words it answers
  let from = at
  while (from > 0 && at - from < 40 && tokens[from - 1].sentence === sentence) from--
  for (let i = from; i < tokens.length && i - at < 40 && tokens[i].sentence <= sentence + 1; i++)
    if (tokens[i].quote === -1 && answers(tokens[i])) return true
  return false
}

const BACK = new Set(['this', 'that', 'which', 'these', 'those'])

/**
 * Whether the note goes on to say something of the quoted words, after them in the same sentence or
 * the next: "; this has been raised with the supervising social worker", "; this reflects adult
 * frustration rather than her needs", ", which shows how the grooming has shaped her". Whatever it
 * says, the writer has not left them standing as the record's own.
 */
export function commentedOn(tokens: Token[], last: number): boolean {
  const sentence = tokens[last].sentence
  for (let i = last + 1; i < tokens.length - 1 && i - last < 40 && tokens[i].sentence <= sentence + 1; i++) {
    const t = tokens[i]
    if (t.quote !== -1 || !BACK.has(t.norm)) continue
    const before = tokens[i - 1]
    // a new clause that begins with it: after ";", ",", ".", "and", or opening the next sentence
    if (!(before.punct || before.norm === 'and' || before.sentence !== t.sentence)) continue
    const next = tokens[i + 1]
    if (next.pos === 'AUX' || next.pos === 'VERB' || next.pos === 'NOUN' || next.pos === 'ADV') return true
  }
  return false
}

/** Words in quotation marks within the phrase (`start` to `end`), short enough to be a word held up. */
export function quotedWithin(tokens: Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const q = tokens[i].quote
    if (q < 0) continue
    let n = 0
    for (let j = Math.max(0, i - 4); j < Math.min(tokens.length, i + 5); j++) if (tokens[j].quote === q) n++
    if (n <= 3) return true
  }
  return false
}

// verbs by which someone makes a child believe something: "made to feel", "manipulated into thinking"
const INDUCING = new Set([
  'make',
  'lead',
  'groom',
  'manipulate',
  'condition',
  'trick',
  'convince',
  'persuade',
  'brainwash',
  'pressure',
  'pressurise',
  'coerce',
  'encourage',
  'teach',
])
const BELIEVING = new Set(['feel', 'believe', 'think', 'see', 'accept'])

/**
 * Whether the phrase at `at` is what someone made the child believe: "Roisin has been made to feel
 * it was her choice", "she has been manipulated into thinking she is in control". The belief is the
 * abuse's work, said as such; the note does not say it of the child.
 */
export function inducedBelief(tokens: Token[], at: number, sentenceStart: number): boolean {
  for (let i = at, steps = 0; i > sentenceStart && steps < 8; i--, steps++) {
    const t = tokens[i]
    if (t.norm === ';' || t.norm === '.' || t.norm === 'but') return false
    if (!BELIEVING.has(t.lemma) && !BELIEVING.has(t.norm)) continue
    const link = tokens[i - 1]
    if (link?.norm !== 'to' && link?.norm !== 'into') continue
    // "made to feel", "groomed to believe", "manipulated into thinking", "led by them to believe"
    for (let k = i - 2; k >= sentenceStart && k >= i - 5; k--) {
      const v = tokens[k]
      if (INDUCING.has(v.lemma) || INDUCING.has(v.norm)) return true
      if (v.punct) break
    }
  }
  return false
}

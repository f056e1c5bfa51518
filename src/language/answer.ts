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
  // a reviewer's or worker's answer to an account: "the reviewing lawyer rejects this"
  'reject',
  'rejects',
  'rejected',
  'dispute',
  'disputes',
  'disputed',
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
    // the object of a new clause's verb: "; officers recorded this as a concern about the driver"
    if (before.pos === 'VERB' && clauseOpensNear(tokens, i - 1)) return true
    // a new clause that begins with it: after ";", ",", ".", "and", or opening the next sentence
    if (!(before.punct || before.norm === 'and' || before.sentence !== t.sentence)) continue
    const next = tokens[i + 1]
    if (next.pos === 'AUX' || next.pos === 'VERB' || next.pos === 'NOUN' || next.pos === 'ADV') return true
  }
  return false
}

// a ";" or the start of a sentence within three words before `verb`, with its subject between
function clauseOpensNear(tokens: Token[], verb: number): boolean {
  for (let k = verb - 1; k >= 0 && verb - k <= 4; k--) {
    if (tokens[k].quote !== -1) return false
    if (tokens[k].norm === ';' || tokens[k].sentence !== tokens[verb].sentence) return k < verb - 1
    if (tokens[k].punct) return false
  }
  return false
}

/**
 * Whether blaming words at `start`..`end` are a person's reported view ("The suspect says Skye was a
 * willing participant", "Jayden feels it was his fault") that the note answers after them, in the same
 * sentence or the next ("; the reviewing lawyer rejects this, as a 14-year-old cannot consent", "I told
 * him clearly that the adults are responsible, not him"). The words are the person's, and the record's
 * own view is the answer. The answer is looked for only after the words, outside quotation marks.
 */
export function reportedAndAnswered(tokens: Token[], start: number, end: number, sentenceStart: number): boolean {
  let verb = -1
  for (let i = start - 1; i >= sentenceStart && start - i <= 8; i--) {
    const t = tokens[i]
    if (t.norm === ';' || t.norm === ':' || t.norm === 'but' || (t.punct && t.norm !== ',')) return false
    if (REPORTED_VIEW.has(t.norm) && t.pos === 'VERB') {
      verb = i
      break
    }
  }
  // the writer's own words ("I told her it was her fault") are the record's
  if (verb < 0 || verb === sentenceStart || ['i', 'we'].includes(tokens[verb - 1].norm)) return false
  // the answer is the note's own clause after the reported one ("; the lawyer rejects this", ". I told
  // him..."), not more of the reported words ("Mum says she is bringing it on herself and is beyond control")
  const sentence = tokens[start].sentence
  let ownClause = false
  for (let i = end; i < tokens.length && i - end < 40 && tokens[i].sentence <= sentence + 1; i++) {
    const t = tokens[i]
    if (t.sentence !== sentence || [';', ':', '—', '–', 'but', 'however'].includes(t.norm)) ownClause = true
    if (ownClause && t.quote === -1 && answers(t)) return true
  }
  return commentedOn(tokens, end - 1)
}

// verbs that give a person's words or view as theirs
const REPORTED_VIEW = new Set([
  'says',
  'said',
  'states',
  'stated',
  'claims',
  'claimed',
  'feels',
  'felt',
  'thinks',
  'thought',
  'believes',
  'believed',
  'insists',
  'insisted',
  'maintains',
  'maintained',
  'told',
  'tells',
])

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

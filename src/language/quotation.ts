// Words in quotation marks are someone's own words, often the child's, which good practice records
// as said. A quotation introduced by who said it ("she said", "in her words", "the phrase") is not
// flagged; an unattributed one may be the writer's own label, so it is flagged at low severity.
import type { Quote, Token } from './tokenize.ts'
import { CHILD_NOUNS, OTHER_PEOPLE, whoComesBefore } from './about.ts'
import { answeredNear, commentedOn } from './answer.ts'

const ATTRIBUTION = new Set([
  // "the suspect's claim that she "looked 18""
  'claim',
  'account',
  'said',
  'says',
  'say',
  'saying',
  'told',
  'tells',
  'tell',
  'telling',
  'stated',
  'states',
  'state',
  'explained',
  'explains',
  'described',
  'describes',
  'describing',
  'describe',
  'reported',
  'reports',
  'disclosed',
  'discloses',
  'replied',
  'replies',
  'added',
  'adds',
  'wrote',
  'writes',
  'written',
  'messaged',
  'texted',
  'shouted',
  'asked',
  'asks',
  'commented',
  'insisted',
  'insists',
  'answered',
  'whispered',
  'cried',
  'screamed',
  'admitted',
  'claimed',
  'claims',
  'mentioned',
  'responded',
  'continued',
  'repeated',
  'recalled',
  'called',
  'calls',
  'calling',
  'call',
  'referred',
  'refers',
  'words',
  'word',
  'phrase',
  'phrases',
  'term',
  'terms',
  'label',
  'labels',
  'labelled',
  'expression',
  'language',
  'quote',
  'quoted',
  'quotes',
  'statement',
  'account',
  'saying',
  'posted',
  'typed',
  'sent',
  'read',
  'reads',
  'yelled',
  'explaining',
  // an audit or review holding up a record's words: "the review noted that 'chose to go back' ...",
  // "criticised the file for calling her 'promiscuous'", "words such as 'streetwise'"
  'noted',
  'notes',
  'criticised',
  'criticized',
  'criticising',
  'criticizing',
  'quoting',
  'wording',
  // "the audit sample included a note that Kacper was 'streetwise'"
  'note',
  ':',
])
const AFTER = new Set([
  'term',
  'terms',
  'phrase',
  'phrases',
  'word',
  'words',
  'label',
  'labels',
  'expression',
  'language',
  'said',
  'says',
  'told',
  'added',
  'explained',
  'replied',
  'stated',
  'wrote',
  'insisted',
  'cried',
  'shouted',
  'whispered',
  'answered',
  'asked',
  'continued',
])
// verbs that place a quotation in a document only when a place follows: "'chose to go back' appears
// in the chronology", not "she 'chose' it, it appears"
const PLACED = new Set(['appears', 'appeared', 'appear', 'recurs', 'recurred'])
const PLACES = new Set(['in', 'throughout', 'across', 'on', 'again', 'repeatedly', 'twice'])

// words that put a quoted word in question rather than use it: "discussed whether Grace 'agreed'"
const QUESTIONING = new Set(['whether', 'supposedly', 'allegedly', 'so-called', 'apparently'])

/**
 * Whether a quotation says whose words it holds, before it (same sentence) or just after it, or
 * holds the word up to question ("whether she 'agreed'"). A quotation in a list of quotations
 * ("calling her 'promiscuous' and her abuse 'consensual'") shares the attribution of the one before.
 */
export function attributed(tokens: Token[], quote: Quote, quotes: readonly Quote[] = []): boolean {
  const sentence = quote.first < tokens.length ? tokens[quote.first].sentence : -1
  if (endorsed(tokens, quote, sentence)) return false
  for (let i = quote.first - 1, steps = 0; i >= 0 && steps < 8; i--, steps++) {
    const t = tokens[i]
    if (t.sentence !== sentence && t.norm !== ':') break
    if (ATTRIBUTION.has(t.norm) || QUESTIONING.has(t.norm)) return true
    const before = quotes.findIndex((q) => q.last === i)
    if (before >= 0 && quotes[before] !== quote) return attributed(tokens, quotes[before], quotes)
  }
  for (let i = quote.last + 1, steps = 0; i < tokens.length && steps < 5; i++, steps++) {
    if (AFTER.has(tokens[i].norm)) return true
    if (PLACED.has(tokens[i].norm) && PLACES.has(tokens[i + 1]?.norm ?? '')) return true
  }
  return false
}

/** The writer takes the quoted words as their own: "... — I agree with this assessment". */
function endorsed(tokens: Token[], quote: Quote, sentence: number): boolean {
  for (let i = quote.last + 1; i < tokens.length && tokens[i].sentence === sentence; i++) {
    const w = tokens[i].norm
    if ((w === 'agree' || w === 'concur' || w === 'share') && ['i', 'we'].includes(tokens[i - 1]?.norm ?? ''))
      return true
  }
  return false
}

const CLAIMS = new Set([
  'claim',
  'claims',
  'claimed',
  'claiming',
  'allege',
  'alleges',
  'alleged',
  'insist',
  'insists',
  'insisted',
  'maintain',
  'maintains',
  'maintained',
  'assert',
  'asserts',
  'asserted',
  'argue',
  'argues',
  'argued',
  'contend',
  'contends',
])

/**
 * Whether the words at `at` are what an adult or another professional claims ("the 25-year-old
 * claims they are in a relationship", "the suspect insists it was consensual"): their account,
 * reported as theirs, not the writer's description of the child.
 */
export function claimedBySomeoneElse(tokens: Token[], at: number, sentenceStart: number): boolean {
  for (let i = at - 1; i >= sentenceStart; i--) {
    const w = tokens[i].norm
    if (w === ';' || w === ':' || w === '.' || w === 'but') return false
    if (CLAIMS.has(w)) return whoComesBefore(tokens, i, sentenceStart) === 'someone-else'
  }
  return false
}

// verbs by which a person's words are reported: "Foster carer says Jodie is 'boy mad'"; words that
// name a wording ("the phrase", "the term") hold it up instead, and are not here
const REPORTING = new Set([
  'said',
  'says',
  'say',
  'told',
  'tells',
  'stated',
  'states',
  'described',
  'describes',
  'reported',
  'reports',
  'commented',
  'comments',
  'notes',
  'noted',
  'added',
  'adds',
  'mentioned',
  'insisted',
  'insists',
  'called',
  'calls',
  'wrote',
  'writes',
  'remarked',
  'feels',
  'felt',
  'thinks',
  'thought',
  'believes',
])
// people who speak of the child in a note besides those `about.ts` names: school staff by their role
const SPEAKERS = new Set([
  'tutor',
  'tutors',
  'head',
  'headteacher',
  'senco',
  'keyworker',
  'caseworker',
  'foster',
  'sergeant',
  'constable',
  'inspector',
  'detective',
])

/**
 * Whether an attributed quotation is another person's blame the note leaves standing: the words of an
 * adult or a professional about the child ("Her grandmother said she 'asks for it'", "Officer notes that
 * Ifeoma 'seemed to be enjoying herself'"), with nothing in the note that names the abuse or challenges
 * them or saying anything of them. The child's own words, an audit's or a review's quotation, and a
 * challenged or commented one are not.
 */
export function reportedUnanswered(tokens: Token[], quote: Quote): boolean {
  const sentence = tokens[quote.first]?.sentence
  for (let i = quote.first - 1, steps = 0; i >= 0 && steps < 8; i--, steps++) {
    const t = tokens[i]
    if (t.sentence !== sentence) return false
    if (QUESTIONING.has(t.norm)) return false
    if (!REPORTING.has(t.norm)) continue
    if (speakerOf(tokens, i) !== 'someone-else') return false
    return !answeredNear(tokens, quote.first) && !commentedOn(tokens, quote.last)
  }
  return false
}

// the person before a verb of saying, within its clause: "Her head of year said", "Dad described"
function speakerOf(tokens: Token[], verb: number): 'child' | 'someone-else' | 'none' {
  const sentence = tokens[verb].sentence
  for (let i = verb - 1, steps = 0; i >= 0 && steps < 6; i--, steps++) {
    const t = tokens[i]
    if (t.sentence !== sentence || t.norm === ';' || t.norm === ':' || t.norm === 'that' || t.norm === 'and')
      return 'none'
    if (t.punct || t.quote !== -1) continue
    if (OTHER_PEOPLE.has(t.norm) || OTHER_PEOPLE.has(t.lemma) || SPEAKERS.has(t.norm))
      return t.norm === 'we' ? 'none' : 'someone-else'
    if (CHILD_NOUNS.has(t.norm) || ['she', 'he', 'they', 'i'].includes(t.norm)) return 'child'
    if (t.pos === 'PROPN') return 'child'
  }
  return 'none'
}

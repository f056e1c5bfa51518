// "Use this wording": turns a rule's suggestion templates into words that replace a span of the
// note and leave a grammatical sentence that keeps the risk information. "She is putting herself
// at risk" becomes "She is at risk of exploitation", never "She is is at risk of exploitation".
//
// A rule's suggestions are templates of these kinds (the first that fits the note decides the span,
// and only the templates of that kind that fit are offered):
//   {be} ...      a predicate about the child. It replaces the phrase with the verb group it belongs
//                 to ("is putting herself at risk", "has been making poor choices", "is promiscuous",
//                 "should have known"); {be} takes that group's tense and person ("is", "was",
//                 "were", "has been", "will be", "to be", "being").
//   {be} ... …    the same, replacing the phrase only up to its "to": "chose to" → "was made to",
//                 and the rest of the phrase ("go back to the flat") stays.
//   <verb> ...    the phrase's own verb changed: "<go> missing" for "absconded" gives "went
//                 missing", for "has absconded" "gone missing", for "absconding" "going missing".
//   {np} a | b | c  a noun phrase: it replaces the noun phrase the phrase sits in, with its determiner
//                 ("a child prostitute", "her risky behaviour"): a for one, b for several, c for a
//                 mass noun ("prostitution", "promiscuity").
//   {drop}        leaves an adverb out ("she willingly went" → "she went").
//   anything else replaces an adverbial phrase as it stands ("due to her own behaviour").
// A template starting "{child}" is offered only when the clause is about the child, one starting
// "{thing}" only when it is about a thing or what happened ("the sex was consensual").
// {object} is the person the phrase names ("older men" in "contacting older men"); a template that
// needs one does not fit a phrase that names none. {what} is the phrase's last noun ("CSE" in
// "involved in CSE"). A template ending
// in "+by" (or "+for") puts that word in place of a preposition just after the phrase ("involved
// with older men" → "groomed by older men"), or before a noun phrase that follows ("dating a
// 20-year-old" → "being groomed by a 20-year-old"); otherwise it is left out. A suggestion that
// would leave a word twice at a seam ("is is") is dropped rather than offered.
import type { Token } from './tokenize.ts'
import { OTHER_PEOPLE, whoItIsAbout } from './about.ts'

export interface Rewrite {
  start: number
  end: number
  suggestions: string[]
}

type Kind = 'predicate' | 'verb' | 'noun' | 'drop' | 'plain'

const BE_FORMS = new Set(['is', 'are', 'am', 'was', 'were', "'s", "'re", "'m", 'be', 'been', 'being'])
const HAVE_FORMS = new Set(['has', 'have', 'had', "'ve", "'d"])
const DO_FORMS: Record<string, string> = { do: 'are', does: 'is', did: 'was' }
const MODALS = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'shall', "'ll", 'ought'])
const PAST_MODALS = new Set(['would', 'could', 'might', 'should', 'must', 'ought'])
const PLURAL_SUBJECTS = new Set(['they', 'we', 'you'])
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'her', 'his', 'their', 'my', 'your', 'our', 'such'])
const PREPOSITIONS = new Set(['with', 'by', 'in', 'into', 'to', 'for', 'on', 'from'])
const REFLEXIVES = new Set(['herself', 'himself', 'themselves', 'themself', 'myself', 'yourself'])
// verbs whose object is the blame itself: "is making a lifestyle choice" is rewritten as a predicate
const LIGHT_VERBS = new Set(['make', 'take', 'choose', 'lead', 'live', 'enjoy', 'prefer', 'want'])
// words the English model sometimes reads as verbs after "to" ("consented to sex")
const NOT_VERBS = new Set(['sex', 'intercourse', 'oral', 'it', 'this', 'that'])
const JOINERS = new Set(['still', 'yet', 'anyway', 'regardless', 'but', 'and'])
const PERSON_WORDS = new Set([...OTHER_PEOPLE, 'him', 'them', 'lads', 'boys', 'guys', 'olders', 'strangers', 'girls'])

function kindOf(template: string): Kind {
  template = template.replace(/^\{(child|thing)\} /, '')
  if (template.startsWith('{be}')) return 'predicate'
  if (template.startsWith('{np}')) return 'noun'
  if (template === '{drop}') return 'drop'
  if (/^<[a-z]+>/.test(template)) return 'verb'
  return 'plain'
}

/** The span and the words of each suggestion that fits, for a phrase at tokens [from, to). */
export function rewrite(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  sentenceStart: number,
  all: readonly string[],
): Rewrite {
  const who = whoItIsAbout(tokens, from, sentenceStart)
  const aboutAThing = who === 'thing' || who === 'childs-thing' || who === 'what-happened'
  const templates = all
    .filter((t) => !(t.startsWith('{child} ') && aboutAThing) && !(t.startsWith('{thing} ') && !aboutAThing))
    .map((t) => t.replace(/^\{(child|thing)\} /, ''))
  const tried = new Set<Kind>()
  for (const first of templates) {
    const kind = kindOf(first)
    if (tried.has(kind)) continue
    tried.add(kind)
    const suggestions: string[] = []
    let chosen: Span | null = null
    for (const template of templates) {
      if (kindOf(template) !== kind) continue
      const span = spanFor(kind, template, tokens, from, to, sentenceStart)
      if (!span || (chosen && (span.from !== chosen.from || span.to !== chosen.to))) continue
      const words = fill(text, template, kind, tokens, span, from, to)
      if (words === null || doubledAtSeam(text, tokens[span.from].start, tokens[span.to - 1].end, words)) continue
      chosen = span
      suggestions.push(words)
    }
    if (chosen && suggestions.length) {
      let start = tokens[chosen.from].start
      let end = tokens[chosen.to - 1].end
      if (kind === 'drop') {
        // leaving words out takes one space with them: "she willingly went" → "she went"
        const after = /^ +/.exec(text.slice(end))?.[0].length ?? 0
        if (after) end += after
        else start -= /( +)$/.exec(text.slice(0, start))?.[1].length ?? 0
      }
      return { start, end, suggestions }
    }
  }
  return { start: tokens[from].start, end: tokens[to - 1].end, suggestions: [] }
}

interface Span {
  /** first token replaced */
  from: number
  /** first token not replaced */
  to: number
  /** the verb whose form the words take, or -1 (an adjective or noun after a copula) */
  verb: number
  /** the auxiliaries kept in front of the words, as tokens [from, chainEnd) */
  chainEnd: number
  /** the preposition the template's "+by" replaces (inside the span), or "before" a noun phrase, or none */
  preposition: 'in' | 'before' | null
}

function spanFor(
  kind: Kind,
  template: string,
  tokens: Token[],
  from: number,
  to: number,
  sentenceStart: number,
): Span | null {
  const sentence = tokens[from].sentence
  const inSentence = (i: number) => i < tokens.length && tokens[i].sentence === sentence && !tokens[i].punct
  const first = tokens[from]
  if (kind === 'drop') {
    if (first.pos !== 'ADV' && first.pos !== 'ADP') return null
    // "because | of his own choices": leaving the words out would leave "because" with nothing to say
    const before = tokens[from - 1]
    if (from > sentenceStart && before && !before.punct && ['SCONJ', 'ADP'].includes(before.pos)) return null
    return { from, to, verb: -1, chainEnd: from, preposition: null }
  }
  if (kind === 'plain') {
    if (!['ADP', 'SCONJ', 'ADV'].includes(first.pos) && first.norm !== 'due') return null
    return { from, to, verb: -1, chainEnd: from, preposition: null }
  }
  if (kind === 'noun') return nounSpan(tokens, from, to, sentenceStart, inSentence)
  // predicate and verb: the phrase's verb group
  const ends = phraseEnd(kind, template, tokens, from, to, inSentence)
  if (!ends) return null
  const { end, preposition } = ends

  let start = from
  // auxiliaries at the start of the phrase ("can look after herself", "should have known") are its verb group
  while (start < end && isAuxiliary(tokens[start])) start++
  let verb = start < end && isVerb(tokens[start]) ? start : -1
  if (kind === 'verb' && verb < 0) return null
  if (verb < 0 && start === from) {
    // "making poor choices": the verb that governs the phrase; "is promiscuous", "is a party girl": the copula
    let before = from - 1
    while (before >= sentenceStart && (DETERMINERS.has(tokens[before].norm) || tokens[before].pos === 'DET')) before--
    const b = tokens[before]
    if (before < sentenceStart || !b || b.punct) return null
    if (isVerb(b) && !BE_FORMS.has(b.norm)) verb = start = before
    else if (BE_FORMS.has(b.norm)) start = before + 1
    else if (b.pos === 'ADV' && before - 1 >= sentenceStart && isAuxiliary(tokens[before - 1])) start = before + 1
    else return null
  }
  // back over the auxiliaries (and adverbs between them): "has been", "will be", "is repeatedly"
  let chainStart = Math.min(start, from)
  while (chainStart > sentenceStart) {
    const t = tokens[chainStart - 1]
    if (t.punct) break
    if (isAuxiliary(t) || (t.pos === 'ADV' && chainStart - 2 >= sentenceStart && isAuxiliary(tokens[chainStart - 2])))
      chainStart--
    else break
  }
  if (verb < 0 && chainStart === start && !(start > from)) return null // an adjective with no copula before it
  // "working for the olders | selling drugs": a bare "-ing" after someone else says what they do
  if (
    chainStart === start &&
    verb >= 0 &&
    tokens[verb].norm.endsWith('ing') &&
    saidOfObject(tokens, verb, sentenceStart)
  )
    return null
  if (kind === 'verb') return { from: verb, to: end, verb, chainEnd: verb, preposition }
  return { from: chainStart, to: end, verb, chainEnd: start, preposition }
}

/** Where a predicate's or verb's words end, and the preposition a "+by" template replaces. */
function phraseEnd(
  kind: Kind,
  template: string,
  tokens: Token[],
  from: number,
  to: number,
  inSentence: (i: number) => boolean,
): { end: number; preposition: Span['preposition'] } | null {
  let end = to
  if (template.endsWith(' …')) {
    // "chose to" → "was made to": the span ends at the phrase's infinitive "to"
    let t = from
    const infinitive = (i: number) =>
      tokens[i].norm === 'to' && tokens[i + 1]?.pos === 'VERB' && !NOT_VERBS.has(tokens[i + 1].norm)
    while (t < to && !infinitive(t)) t++
    if (t === to) return null
    end = t + 1
  } else {
    // words that join the phrase to what follows stay outside it ("knows the risks | but still")
    while (end - 1 > from && (['CCONJ', 'SCONJ'].includes(tokens[end - 1].pos) || JOINERS.has(tokens[end - 1].norm)))
      end--
  }
  let preposition: Span['preposition'] = null
  const by = /\+([a-z]+)$/.test(template)
  // "recruited into dealing (by the olders)": what the child was drawn into goes with the words
  // replaced, and only a template that names who did it ("+by") fits
  if (kind === 'predicate' && !template.endsWith(' …') && drawnInto(tokens, end, inSentence)) {
    if (!by) return null
    end += 2
  }
  if (by && !template.endsWith(' …')) {
    if (PREPOSITIONS.has(tokens[end - 1].norm) && end - 1 > from) preposition = 'in'
    else if (inSentence(end) && PREPOSITIONS.has(tokens[end].norm)) {
      end++
      preposition = 'in'
    } else if (inSentence(end) && ['DET', 'NUM', 'PROPN', 'NOUN', 'PRON'].includes(tokens[end].pos))
      preposition = 'before'
  } else if (
    end - 1 > from &&
    tokens[end - 1].pos === 'ADP' &&
    !template.endsWith(' …') &&
    inSentence(end) &&
    ['DET', 'NUM', 'NOUN', 'PROPN', 'PRON', 'ADJ'].includes(tokens[end].pos)
  )
    end-- // "paid per | run"
  return { end, preposition }
}

/** A noun phrase's span: the whole phrase around the words, unless a light verb governs it ("make choices"). */
function nounSpan(
  tokens: Token[],
  from: number,
  to: number,
  sentenceStart: number,
  inSentence: (i: number) => boolean,
): Span | null {
  const first = tokens[from]
  if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(first.pos) && !DETERMINERS.has(first.norm)) return null
  let start = from
  while (start > sentenceStart && isNounPart(tokens[start - 1], true)) start--
  const governor = tokens[start - 1]
  if (start > sentenceStart && governor && isVerb(governor) && LIGHT_VERBS.has(governor.lemma)) return null
  // "a drug runner | for months": the noun phrase ends at a preposition in the phrase
  const cut = tokens.slice(from + 1, to).findIndex((t) => t.pos === 'ADP')
  let end = cut >= 0 ? from + 1 + cut : to
  while (cut < 0 && inSentence(end) && isNounPart(tokens[end], false)) end++
  const head = tokens[end - 1]
  if (head.pos !== 'NOUN' && head.pos !== 'PROPN' && !(head.pos === 'ADJ' && end - 1 > start)) return null
  return { from: start, to: end, verb: -1, chainEnd: start, preposition: null }
}

function drawnInto(tokens: Token[], end: number, inSentence: (i: number) => boolean): boolean {
  return (
    inSentence(end + 1) &&
    tokens[end].norm === 'into' &&
    (tokens[end + 1].pos === 'VERB' || tokens[end + 1].pos === 'NOUN')
  )
}

// the "-ing" verb at `verb` follows the object of a verb or preposition ("for the olders selling")
function saidOfObject(tokens: Token[], verb: number, sentenceStart: number): boolean {
  let i = verb - 1
  if (i < sentenceStart || !(isNounPart(tokens[i], false) || PERSON_WORDS.has(tokens[i].norm))) return false
  while (i > sentenceStart && (isNounPart(tokens[i - 1], true) || PERSON_WORDS.has(tokens[i - 1].norm))) i--
  const before = tokens[i - 1]
  return i > sentenceStart && before !== undefined && !before.punct && (before.pos === 'ADP' || isVerb(before))
}

function isAuxiliary(t: Token): boolean {
  return BE_FORMS.has(t.norm) || HAVE_FORMS.has(t.norm) || MODALS.has(t.norm) || t.norm in DO_FORMS
}

function isVerb(t: Token | undefined): boolean {
  return t !== undefined && !t.punct && !isAuxiliary(t) && (t.pos === 'VERB' || t.pos === 'AUX')
}

function isNounPart(t: Token, before: boolean): boolean {
  if (t.punct) return false
  if (before && (DETERMINERS.has(t.norm) || t.norm === "'s")) return true
  return t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || (before && (t.pos === 'DET' || t.pos === 'NUM'))
}

function fill(
  text: string,
  template: string,
  kind: Kind,
  tokens: Token[],
  span: Span,
  from: number,
  to: number,
): string | null {
  let body = template
  const by = /\s\+([a-z]+)$/.exec(body)
  if (by) body = body.slice(0, by.index)
  if (body.endsWith(' …')) body = body.slice(0, -2)
  const ellipsis = template.endsWith(' …')
  for (const [slot, person] of [
    ['{object}', true],
    ['{what}', false],
  ] as const) {
    if (!body.includes(slot)) continue
    const words = nounIn(text, tokens, from, to, person)
    if (!words) return null
    body = body.replace(slot, words)
  }
  if (by && span.preposition) body = `${body} ${by[1]}`
  else if (
    !by &&
    !ellipsis &&
    kind !== 'noun' &&
    kind !== 'drop' &&
    PREPOSITIONS.has(tokens[span.to - 1].norm) &&
    span.to - 1 >= from
  )
    return null // the phrase's own preposition would be lost
  if (kind === 'drop') return ''
  if (kind === 'plain') return agree(body, false, pastBefore(tokens, span.from))
  if (kind === 'noun') {
    const copula = tokens[span.from - 1]?.norm ?? ''
    return agree(nounFor(body.slice('{np}'.length).trim(), tokens, span), false, PAST_FINITE.has(copula))
  }
  // "was prostituting | herself": a reflexive left after the new words would have no verb
  if (REFLEXIVES.has(tokens[span.to]?.norm ?? '')) return null
  const plural = pluralSubject(tokens, span.from)
  if (kind === 'verb') {
    const m = /^<([a-z]+)>/.exec(body)
    if (!m) return null
    return inflect(m[1], verbForm(tokens, span.verb, plural)) + body.slice(m[0].length)
  }
  // predicate: the auxiliaries as written (a "does" becomes "is"; a modal that was the phrase's
  // own, "should have known", goes), then "be" in the form they call for
  const chain = tokens.slice(span.from, span.chainEnd)
  let rest = body.slice('{be}'.length).trimStart()
  const be = beFor(chain, tokens, span, plural, from)
  if (be === null) return null
  // the phrase's own "is"/"has" stay ("is a drug runner" → "is being..."); its own modal goes
  const ownModal = chain.some((t, i) => span.from + i >= from && MODALS.has(t.norm))
  const keep = chain.filter((t, i) => !(t.norm in DO_FORMS) && (span.from + i < from || !ownModal))
  const kept = keep.length ? text.slice(keep[0].start, keep[keep.length - 1].end) : ''
  // "has been being contacted" reads "has been contacted", "has been possibly being abused" "has been possibly abused"
  if (/(^|\s|')(be|been|being)$/.test(`${kept} ${be}`.trim())) rest = rest.replace(/^([a-z]+ly )?being /, '$1')
  let words = [kept, be, rest].filter((w) => w).join(' ')
  // "had been | not something..." reads "had not been something..."
  if (rest.startsWith('not ')) words = words.replace(/^(\S+) ((?:\S+ )+)not /, '$1 not $2')
  const finite = /^[a-z']+/.exec(words)?.[0] ?? ''
  return agree(words, plural, PAST_FINITE.has(finite))
}

const PAST_FINITE = new Set(['was', 'were', 'had', 'did'])

// the clause the words sit in is in the past: "he was at risk | due to..."
function pastBefore(tokens: Token[], at: number): boolean {
  for (let i = at - 1; i >= 0 && !tokens[i].punct; i--) {
    if (PAST_FINITE.has(tokens[i].norm)) return true
    if (['is', 'are', 'am', 'has', 'have', 'does', 'do', "'s", "'re"].includes(tokens[i].norm)) return false
  }
  return false
}

/**
 * The words agree with the sentence: several children are "children who are", and what was is
 * "who was" ("He was a drug runner" → "He was a child who was being criminally exploited").
 */
function agree(words: string, plural: boolean, past: boolean): string {
  let out = words
  if (plural)
    out = out.replace(/\ban? (child|victim|young person)\b( who is)?/, (_, noun: string, who?: string) => {
      const several = noun === 'child' ? 'children' : noun === 'young person' ? 'young people' : 'victims'
      return several + (who ? ' who are' : '')
    })
  if (past)
    out = out.replace(
      /\b(who|adults) (is|are)\b/g,
      (_, who: string, be: string) => `${who} ${be === 'is' ? 'was' : 'were'}`,
    )
  return out
}

function beFor(chain: Token[], tokens: Token[], span: Span, plural: boolean, from: number): string | null {
  // the phrase's own modal is replaced: "should have known" → "was", "can look after" → "is"
  const own = chain.find((t, i) => span.from + i >= from && MODALS.has(t.norm))
  if (own) return PAST_MODALS.has(own.norm) ? (plural ? 'were' : 'was') : plural ? 'are' : 'is'
  const last = chain[chain.length - 1]
  if (last) {
    if (BE_FORMS.has(last.norm)) return '' // "is putting" → "is at risk"; "has been putting" → "has been at risk"
    if (HAVE_FORMS.has(last.norm)) return 'been'
    if (MODALS.has(last.norm)) return 'be'
    if (last.norm in DO_FORMS) return plural && last.norm === 'did' ? 'were' : DO_FORMS[last.norm]
    return null
  }
  if (span.verb < 0) return null
  const form = verbForm(tokens, span.verb, plural)
  if (form === 'ing') return 'being'
  if (form === 'base') return tokens[span.verb - 1]?.norm === 'to' ? 'be' : plural ? 'are' : 'is'
  if (form === 'third') return 'is'
  return plural ? 'were' : 'was'
}

type Form = 'base' | 'third' | 'past' | 'participle' | 'ing'

function verbForm(tokens: Token[], i: number, plural: boolean): Form {
  const t = tokens[i]
  const before = tokens[i - 1]
  if (t.norm.endsWith('ing') && t.lemma !== t.norm) return 'ing'
  const afterHave = before !== undefined && HAVE_FORMS.has(before.norm)
  if (t.norm === t.lemma) {
    if (before?.norm === 'to' || (before && MODALS.has(before.norm)) || (before && before.norm in DO_FORMS))
      return 'base'
    if (afterHave) return 'participle'
    // "she put herself at risk": a bare form after a singular subject is the past
    return plural || (before !== undefined && BE_FORMS.has(before.norm)) ? 'base' : 'past'
  }
  if (t.norm.endsWith('s') && (t.norm === t.lemma + 's' || t.norm === t.lemma + 'es' || /ies$/.test(t.norm)))
    return 'third'
  return afterHave || (before !== undefined && BE_FORMS.has(before.norm)) ? 'participle' : 'past'
}

function pluralSubject(tokens: Token[], at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 4; i--) {
    if (tokens[i].punct) return false
    if (PLURAL_SUBJECTS.has(tokens[i].norm)) return true
    if (['she', 'he', 'i', 'it'].includes(tokens[i].norm)) return false
  }
  return false
}

// one, several or a mass noun: "a child prostitute", "child prostitutes", "child prostitution"
function nounFor(variants: string, tokens: Token[], span: Span): string {
  const [one, several = one, mass = one] = variants.split(' | ').map((v) => v.trim())
  const head = tokens[span.to - 1]
  if (/(tion|sion|ity|ism|ing|ness|ence|ance|ment)$/.test(head.norm) || head.norm === 'sex') return mass
  if (head.norm !== head.lemma && head.norm.endsWith('s')) return several
  return one
}

// the person a phrase names ("older men" in "hangs around with older men"), or its last noun phrase
function nounIn(text: string, tokens: Token[], from: number, to: number, person: boolean): string | null {
  const runs: [number, number][] = []
  for (let i = from; i < to; i++) {
    if (!isNounPart(tokens[i], true) && !(tokens[i].pos === 'PRON' && ['him', 'them'].includes(tokens[i].norm)))
      continue
    let j = i
    while (j < to && (isNounPart(tokens[j], true) || ['him', 'them'].includes(tokens[j].norm))) j++
    runs.push([i, j])
    i = j
  }
  const run = person
    ? runs.find(([a, b]) => tokens.slice(a, b).some((t) => PERSON_WORDS.has(t.norm)))
    : runs[runs.length - 1]
  if (!run) return null
  // a possessive at the start of a run is the child's ("her friends"): keep it
  return text.slice(tokens[run[0]].start, tokens[run[1] - 1].end)
}

const IRREGULAR: Record<string, Record<Form, string>> = {
  be: { base: 'be', third: 'is', past: 'was', participle: 'been', ing: 'being' },
  go: { base: 'go', third: 'goes', past: 'went', participle: 'gone', ing: 'going' },
  take: { base: 'take', third: 'takes', past: 'took', participle: 'taken', ing: 'taking' },
  give: { base: 'give', third: 'gives', past: 'gave', participle: 'given', ing: 'giving' },
  have: { base: 'have', third: 'has', past: 'had', participle: 'had', ing: 'having' },
  get: { base: 'get', third: 'gets', past: 'got', participle: 'got', ing: 'getting' },
  send: { base: 'send', third: 'sends', past: 'sent', participle: 'sent', ing: 'sending' },
}

export function inflect(verb: string, form: Form): string {
  const known = IRREGULAR[verb]
  if (known) return known[form]
  switch (form) {
    case 'base':
      return verb
    case 'third':
      return /(s|x|z|ch|sh|o)$/.test(verb)
        ? verb + 'es'
        : /[^aeiou]y$/.test(verb)
          ? verb.slice(0, -1) + 'ies'
          : verb + 's'
    case 'ing':
      return /[^aeiouy]e$/.test(verb) ? verb.slice(0, -1) + 'ing' : verb + 'ing'
    default:
      return verb.endsWith('e') ? verb + 'd' : /[^aeiou]y$/.test(verb) ? verb.slice(0, -1) + 'ied' : verb + 'ed'
  }
}

const SEAM = 100

// "she is is at risk": the replacement's first word repeats the word before the span, or its last
// word the word after it
function doubledAtSeam(text: string, start: number, end: number, words: string): boolean {
  if (!words) return false
  // a word's length either side is enough: a search of all the text before it is a whole pass per finding
  const before = /([\p{L}']+)\s*$/u.exec(text.slice(Math.max(0, start - SEAM), start))?.[1]?.toLowerCase()
  const after = /^\s*([\p{L}']+)/u.exec(text.slice(end, end + SEAM))?.[1]?.toLowerCase()
  const parts = words.toLowerCase().split(/\s+/)
  return (before !== undefined && before === parts[0]) || (after !== undefined && after === parts[parts.length - 1])
}

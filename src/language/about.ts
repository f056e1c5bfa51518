// Who a phrase is about: the subject of the clause it sits in. Victim-blaming language is language
// about the child; the same words said of an adult ("Mum has chosen not to attend", "the suspect
// is manipulative") or of a thing ("her phone keeps going missing", "the trip involved risky
// activities") blame no child. Read with the parts of speech the English model gives (nlp.ts).
import type { Token } from './tokenize.ts'

/**
 * - `child`: the child the note is about (she, he, they, YP, the girl, a first name...);
 * - `someone-else`: a family member, an adult, a suspect or a professional;
 * - `childs-thing`: a thing that is the child's ("her behaviour", "his missing episodes");
 * - `thing`: any other thing or activity;
 * - `what-happened`: what was done to the child ("the sex was consensual"): about the child;
 * - `unknown`: no subject in the clause ("Sw visit: adamant she will..."): read as the child.
 */
export type Who = 'child' | 'someone-else' | 'childs-thing' | 'thing' | 'what-happened' | 'unknown'

const SUBJECT_PRONOUNS = new Set(['she', 'he', 'they', 'i', 'we', 'you', 'it'])
const POSSESSIVES = new Set(['her', 'his', 'their', 'my', 'your', 'our'])
const RELATIVES = new Set(['who', 'that', 'which'])
// words that end the clause a subject could be in, looking back from the phrase
const CLAUSE_BREAKS = new Set([
  ';',
  ':',
  '.',
  '!',
  '?',
  '(',
  ')',
  '—',
  '–',
  'but',
  'and',
  'or',
  'so',
  'because',
  'although',
  'though',
  'whilst',
  'when',
  'if',
  'unless',
])
// words that begin a clause only as conjunctions ("as she left"), not as prepositions ("describes himself as")
const CLAUSE_BREAKS_AS_CONJUNCTIONS = new Set(['as', 'since', 'until', 'after', 'before', 'while'])
export const CHILD_NOUNS = new Set([
  'child',
  'children',
  'girl',
  'girls',
  'boy',
  'boys',
  'yp',
  'cyp',
  'young',
  'teenager',
  'teen',
  'daughter',
  'son',
  'pupil',
  'student',
  'kid',
  'victim',
  'minor',
  'youngster',
  'juvenile',
  'female',
  'females',
  'patient',
  'youth',
  // police and prosecutors' words for the victim: "the complainant", "V", "IP" (injured party)
  'complainant',
  'v',
  'ip',
])
/** Words for what was done to the child: "the sex was consensual" is about the child. */
const ABUSE_NOUNS = new Set([
  'sex',
  'relationship',
  'contact',
  'intercourse',
  'activity',
  'encounter',
  'act',
  'acts',
  'incident',
  'abuse',
  'exploitation',
  // what the child said of it: "this allegation should be treated with caution"
  'allegation',
  'allegations',
  'disclosure',
  'disclosures',
  // "both parties consenting": the child and the adult together
  'parties',
])
/** Family members, adults, suspects and professionals: people other than the child. */
export const OTHER_PEOPLE = new Set([
  // family
  'mum',
  'mom',
  'mother',
  'mummy',
  'dad',
  'father',
  'daddy',
  'stepdad',
  'stepfather',
  'stepmum',
  'stepmother',
  'parent',
  'parents',
  'carer',
  'carers',
  'aunt',
  'auntie',
  'aunty',
  'uncle',
  'nan',
  'nana',
  'nanna',
  'gran',
  'granny',
  'grandma',
  'grandmother',
  'grandad',
  'granddad',
  'grandpa',
  'grandfather',
  'grandparent',
  'grandparents',
  'sister',
  'brother',
  'sibling',
  'siblings',
  'cousin',
  'family',
  'partner',
  'lodger',
  'neighbour',
  'landlord',
  'landlady',
  'driver',
  'owner',
  'mechanic',
  'shopkeeper',
  // adults
  'adult',
  'adults',
  'man',
  'men',
  'male',
  'males',
  'woman',
  'women',
  'guy',
  'guys',
  'gentleman',
  'lady',
  // suspects
  'suspect',
  'suspects',
  'perpetrator',
  'perpetrators',
  'offender',
  'offenders',
  'abuser',
  'abusers',
  'defendant',
  'accused',
  'exploiter',
  'exploiters',
  'groomer',
  'dealer',
  'dealers',
  'gang',
  'olders',
  // professionals
  'officer',
  'officers',
  'police',
  'staff',
  'worker',
  'workers',
  'sw',
  'teacher',
  'teachers',
  'nurse',
  'doctor',
  'gp',
  'manager',
  'professional',
  'professionals',
  'practitioner',
  'practitioners',
  'team',
  'school',
  'service',
  'services',
  'agency',
  'agencies',
  'panel',
  'ds',
  'dc',
  'pc',
  'sgt',
  'di',
  'mr',
  'mrs',
  'ms',
  'dr',
  'we',
])

/** Who the clause holding tokens from `at` is about, looking back to the clause's start. */
export function whoItIsAbout(tokens: Token[], at: number, sentenceStart: number): Who {
  const own = namedAtStart(tokens, at)
  if (own) return own
  // "staff called her promiscuous": "her" is the one named, not a possessive
  if (at - 1 >= sentenceStart && namedAs(tokens, at - 1, at, sentenceStart)) return 'child'
  // a phrase that is itself a noun ("her 28-year-old boyfriend") starts where its noun phrase starts
  const phrase = ownNounPhrase(tokens, at, sentenceStart)
  if (phrase === 'adult') return 'someone-else'
  at = phrase
  for (let i = at - 1; i >= sentenceStart; i--) {
    const t = tokens[i]
    const w = t.norm
    // "Dad willingly got in the car and was cooperative": verbs joined by "and" share their subject
    if ((w === 'and' || w === 'or' || w === 'but') && isVerb(tokens[i + 1])) continue
    // "Mr Drabble (23) has a chaotic lifestyle and previous convictions for supplying": "and" joining two
    // objects begins no clause of its own; a clause has a finite verb between the "and" and the phrase
    // (anywhere up to the next break: "and no force was used", "and in my opinion knows what..." are clauses)
    if ((w === 'and' || w === 'or') && !finiteVerbBetween(tokens, i + 1, conjunctEnd(tokens, i + 1))) continue
    const aged = bracketAge(tokens, i, sentenceStart)
    if (aged) return aged
    if (CLAUSE_BREAKS.has(w) || (t.punct && w !== ',')) return 'unknown'
    // "YP states went of own accord": a verb of saying the model reads as a noun begins the reported clause
    if (REPORTING_READ_AS_NOUNS.has(w) && t.pos === 'NOUN' && isVerb(tokens[i + 1])) return 'unknown'
    if (CLAUSE_BREAKS_AS_CONJUNCTIONS.has(w) && t.pos === 'SCONJ') return 'unknown'
    // "an adult male she met on Snapchat chose to...": a clause with no "who" said of the noun before it
    if (SUBJECT_PRONOUNS.has(w) && w !== 'it' && contactClause(tokens, i, at, sentenceStart)) {
      const head = i - 1
      const headFrom = nounPhraseStart(tokens, head, sentenceStart)
      return joinedToChild(tokens, headFrom, sentenceStart) ? 'child' : classify(tokens, headFrom, head + 1)
    }
    if (SUBJECT_PRONOUNS.has(w)) {
      if (w === 'we') return 'someone-else'
      // "Mr Osei, 30, attended the clinic; he is sexually active": "he" is the adult the clause before names
      if (adultBeforeSemicolon(tokens, i, sentenceStart)) return 'someone-else'
      // "it is her choice": an empty "it" says nothing about who
      if (w === 'it') return followedByVerb(tokens, i) && BE.has(tokens[i + 1]?.norm ?? '') ? 'unknown' : 'thing'
      return 'child'
    }
    // "describe her as a risk taker": what follows "as" is said of her
    if ((w === 'her' || w === 'him' || w === 'them') && tokens[i + 1]?.norm === 'as') return 'child'
    // "described Leah as promiscuous", "staff called her promiscuous": the object of a verb of naming
    if (namedAs(tokens, i, at, sentenceStart)) return 'child'
    // "Staff feel this is a choice she is making": a demonstrative subject says nothing about who
    // "the landlord is sexually active with adults; this is not a concern": "this" is the clause before
    if ((w === 'this' || w === 'that') && followedByVerb(tokens, i) && !nominal(tokens[i + 1]))
      return clauseBefore(tokens, i, sentenceStart)
    if (RELATIVES.has(w) && (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'SCONJ')) {
      // "a 27 year old male who is...": the relative stands for the noun before it
      if (i - 1 >= sentenceStart && nominal(tokens[i - 1]))
        return classify(tokens, nounPhraseStart(tokens, i - 1, sentenceStart), i)
      // "concerned that Mia...": a new clause begins
      if (w === 'that') return 'unknown'
      continue
    }
    // "the 26-year-old is...": an age names a person
    // "the flat is": the model reads some nouns after a determiner as adjectives
    const adjAsNoun = t.pos === 'ADJ' && tokens[i - 1]?.pos === 'DET' && followedByVerb(tokens, i)
    if (!nominal(t) && !isAgeOld(tokens, i) && !adjAsNoun) continue
    const from = nounPhraseStart(tokens, i, sentenceStart)
    const before = from > sentenceStart ? tokens[from - 1] : undefined
    // "the taxi driver who drove Skye was": the object of a relative clause is not the subject after it
    const relHead = followedByVerb(tokens, i) ? relativeClauseHead(tokens, from, sentenceStart) : -1
    if (relHead >= 0) return classify(tokens, nounPhraseStart(tokens, relHead, sentenceStart), relHead + 1)
    // "she and the 24-year-old were": a subject that joins the child to someone else is about the child
    if (followedByVerb(tokens, i) && joinedToChild(tokens, from, sentenceStart)) return 'child'
    // "the landlord of the flat is", "a 22-year-old from Bolton was": the subject is the noun the preposition follows
    if (
      before?.pos === 'ADP' &&
      followedByVerb(tokens, i) &&
      POSTMODIFIERS.has(before.norm) &&
      from - 2 >= sentenceStart
    ) {
      // climb through a chain of them: "intercourse with a man in his thirties was"
      let head = from - 2
      let headFrom = nounPhraseStart(tokens, head, sentenceStart)
      while (
        headFrom - 2 >= sentenceStart &&
        tokens[headFrom - 1].pos === 'ADP' &&
        POSTMODIFIERS.has(tokens[headFrom - 1].norm) &&
        (nominal(tokens[headFrom - 2]) || isAgeOld(tokens, headFrom - 2))
      ) {
        head = headFrom - 2
        headFrom = nounPhraseStart(tokens, head, sentenceStart)
      }
      const h = tokens[head]
      if (joinedToChild(tokens, headFrom, sentenceStart)) return 'child'
      if (personNoun(tokens, head) || ABUSE_NOUNS.has(h.norm) || ABUSE_NOUNS.has(h.lemma))
        return classify(tokens, headFrom, head + 1)
    }
    // "the suspect, the taxi driver, is streetwise": a person named again between commas
    if (tokens[i + 1]?.norm === ',' && personNoun(tokens, i)) {
      const verbAfter = appositionThenVerb(tokens, i + 1, at)
      if (verbAfter) return classify(tokens, from, i + 1)
    }
    // a subject is followed by its verb; a noun after a preposition, or not followed by a verb, is
    // an object or a complement ("went with older men", "getting gifts and money in return")
    if (!followedByVerb(tokens, i) || before?.pos === 'ADP') {
      i = from
      continue
    }
    return classify(tokens, from, i + 1)
  }
  return 'unknown'
}

// where the noun phrase a match opens with starts ("her 28-year-old boyfriend"), or "adult" when it is a
// clause's subject that says its person is an adult ("the adult sex worker"; "she has an adult
// boyfriend" is not)
function ownNounPhrase(tokens: Token[], at: number, sentenceStart: number): number | 'adult' {
  if (at >= tokens.length || at <= sentenceStart || !(nominal(tokens[at]) || tokens[at].pos === 'ADJ')) return at
  const b = tokens[at - 1]
  if (!(b.norm === "'s" || POSSESSIVES.has(b.norm) || ['DET', 'ADJ', 'NUM'].includes(b.pos))) return at
  const from = nounPhraseStart(tokens, at, sentenceStart)
  const opens = from === sentenceStart || tokens[from - 1].punct || CLAUSE_BREAKS.has(tokens[from - 1].norm)
  if (opens) for (let k = from; k < at; k++) if (ADULT_MODIFIERS.has(tokens[k].norm)) return 'adult'
  return from
}

// "Ms Okafor (38) works for the council", "Leah (14) went": an age in brackets after a name says who
// (not "reports sex with "boyfriend" (28), consensual": an age before a comma and no verb names no subject)
function bracketAge(tokens: Token[], i: number, sentenceStart: number): Who | null {
  if (tokens[i].norm !== ')' || tokens[i - 2]?.norm !== '(' || i - 3 < sentenceStart) return null
  if (!nominal(tokens[i - 3]) || (tokens[i + 1]?.norm === ',' && !isVerb(tokens[i + 2]))) return null
  const age = ageIn(tokens[i - 1].norm)
  if (age === null) return null
  return age >= 18 ? 'someone-else' : 'child'
}

// verbs of saying that the English model can read as plural nouns in shorthand ("YP states", "Pt reports")
const REPORTING_READ_AS_NOUNS = new Set(['states', 'reports', 'says', 'claims', 'alleges', 'describes'])

// titles that only adults carry before a name
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'ds', 'dc', 'pc', 'sgt', 'di', 'cllr', 'prof'])

// words in a noun phrase that make its person an adult
const ADULT_MODIFIERS = new Set(['adult', 'grown'])

// the noun a relative clause ending at `from` is said of, when a verb of that clause comes between:
// "the taxi driver who drove [Skye]", "the man that drove [her]"; -1 when there is none
function relativeClauseHead(tokens: Token[], from: number, sentenceStart: number): number {
  let verb = false
  for (let k = from - 1; k > sentenceStart && from - k <= 8; k--) {
    const t = tokens[k]
    if (t.punct || CLAUSE_BREAKS.has(t.norm)) return -1
    if (t.pos === 'VERB') verb = true
    if ((t.norm === 'who' || t.norm === 'that') && t.pos === 'PRON')
      return verb && personNoun(tokens, k - 1) ? k - 1 : -1
  }
  return -1
}

// who a match names at its start
function namedAtStart(tokens: Token[], at: number): Who | null {
  const first = tokens[at]
  const second = tokens[at + 1]
  // a name's possessive is about that person: "Mum cannot cope with Leah's lifestyle choices"
  if (first?.pos === 'PROPN' && second?.norm === "'s") return OTHER_PEOPLE.has(first.norm) ? 'someone-else' : 'child'
  // a match that begins its own clause names its subject: "... because she is willing" is about "she"
  if (!first || !second || !SUBJECT_PRONOUNS.has(second.norm)) return null
  if (!CLAUSE_BREAKS.has(first.norm) && !CLAUSE_BREAKS_AS_CONJUNCTIONS.has(first.norm)) return null
  return second.norm === 'we' ? 'someone-else' : second.norm === 'it' ? 'thing' : 'child'
}

// "38", "16yrs", "16yo": an age written in brackets
function ageIn(w: string): number | null {
  const m = /^(\d{1,2})(yrs?|yo|y)?$/.exec(w)
  return m ? Number(m[1]) : null
}

// "Esme and a 22-year-old", "Tristan (11) and two men": the child named first, joined by "and"
function joinedToChild(tokens: Token[], npFrom: number, sentenceStart: number): boolean {
  let k = npFrom - 1
  if (k <= sentenceStart || tokens[k].norm !== 'and') return false
  k--
  // past an age beside the name: "(11)", ", aged 13,"
  if (tokens[k].norm === ')' && tokens[k - 2]?.norm === '(') k -= 3
  else if (tokens[k].norm === ',' && tokens[k - 2]?.norm === ',') k -= 3
  else if (tokens[k].norm === ',' && tokens[k - 3]?.norm === ',' && tokens[k - 2]?.norm === 'aged') k -= 4
  if (k < sentenceStart) return false
  const other = tokens[k]
  if (SUBJECT_PRONOUNS.has(other.norm)) return other.norm !== 'it' && other.norm !== 'we'
  return other.pos === 'PROPN' && !OTHER_PEOPLE.has(other.norm)
}

const POSTMODIFIERS = new Set(['of', 'from', 'in', 'at', 'with', 'on'])

// a person: a word for one (a relative, an adult, a professional, a child) or "a 22-year-old"
function personNoun(tokens: Token[], i: number): boolean {
  const t = tokens[i]
  return OTHER_PEOPLE.has(t.norm) || OTHER_PEOPLE.has(t.lemma) || CHILD_NOUNS.has(t.norm) || isAgeOld(tokens, i)
}

// from the comma after a noun, a second noun phrase and a closing comma straight before a verb
function appositionThenVerb(tokens: Token[], comma: number, at: number): boolean {
  for (let j = comma + 1; j < at && j < comma + 10; j++) {
    const t = tokens[j]
    if (t.norm === ',') return isVerb(tokens[j + 1]) || followedByVerb(tokens, j)
    if (t.punct) return false
  }
  return false
}

// a subject pronoun straight after a noun and before the match's own clause ("the man she met ... chose")
function contactClause(tokens: Token[], pronoun: number, at: number, sentenceStart: number): boolean {
  const head = pronoun - 1
  if (head < sentenceStart || !personNoun(tokens, head)) return false
  const t = tokens[head]
  if (!OTHER_PEOPLE.has(t.norm) && !isAgeOld(tokens, head)) return false
  // the pronoun's own verb comes between it and the match, in the same clause
  let verb = false
  for (let j = pronoun + 1; j < at; j++) {
    // the comma that closes an apposition straight before the verb: "the suspect, a man she met online, is"
    if (tokens[j].punct && !(tokens[j].norm === ',' && isVerb(tokens[j + 1]))) return false
    if (isVerb(tokens[j])) verb = true
  }
  return verb
}

// the clause before a ";" or "," that a demonstrative subject refers back to, when it is said of someone else
function clauseBefore(tokens: Token[], i: number, sentenceStart: number): Who {
  for (let k = i - 1; k > sentenceStart; k--) {
    const w = tokens[k].norm
    if (w === ';' || w === ',' || w === '—' || w === '–') {
      return whoItIsAbout(tokens, k, sentenceStart) === 'someone-else' ? 'someone-else' : 'unknown'
    }
  }
  return 'unknown'
}

const NAMING = new Set(['describe', 'call', 'label', 'brand', 'consider', 'deem', 'regard', 'see', 'view', 'class'])

// a child (a pronoun or a name, not another person) who is the object of a verb of naming, with
// "as" or the label straight after: "described Leah as", "called her"
function namedAs(tokens: Token[], i: number, at: number, sentenceStart: number): boolean {
  const t = tokens[i]
  const object = ['her', 'him', 'them'].includes(t.norm) || (t.pos === 'PROPN' && !OTHER_PEOPLE.has(t.norm))
  if (!object || i - 1 < sentenceStart) return false
  const verb = tokens[i - 1]
  if (!NAMING.has(verb.lemma) || verb.pos !== 'VERB') return false
  return tokens[i + 1]?.norm === 'as' || i + 1 === at
}

const BE = new Set(['is', 'was', "'s", 'are', 'were', 'seems', 'appears', 'looks'])

// the word after a noun, past an age in apposition (", 22,") and adverbs, is a verb
function followedByVerb(tokens: Token[], i: number): boolean {
  let j = i + 1
  if (tokens[j]?.norm === ',' && /^\d{1,2}$/.test(tokens[j + 1]?.norm ?? '') && tokens[j + 2]?.norm === ',') j += 3
  while (tokens[j] && tokens[j].pos === 'ADV') j++
  const t = tokens[j]
  if (!t || t.punct) return false
  // the model reads some verbs in the past as adjectives ("the trip involved...")
  if (t.pos === 'ADJ' && t.norm.endsWith('ed')) return true
  return t.pos === 'AUX' || t.pos === 'VERB' || BE.has(t.norm) || t.norm === 'has' || t.norm === 'had'
}

function isVerb(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'AUX' || t.pos === 'VERB' || BE.has(t.norm))
}

/** Who the noun phrase just before `at` is ("the 25-year-old claims"), or else who the clause is about. */
export function whoComesBefore(tokens: Token[], at: number, sentenceStart: number): Who {
  const last = at - 1
  if (last >= sentenceStart && (nominal(tokens[last]) || isAgeOld(tokens, last)))
    return classify(tokens, nounPhraseStart(tokens, last, sentenceStart), at)
  return whoItIsAbout(tokens, at, sentenceStart)
}

// "old" in "a 25-year-old", which names a person
function isAgeOld(tokens: Token[], i: number): boolean {
  return tokens[i].norm === 'old' && i > 0 && (tokens[i - 1].norm === 'year' || tokens[i - 1].norm === 'years')
}

function nominal(t: Token | undefined): boolean {
  if (!t || t.punct) return false
  if (CHILD_NOUNS.has(t.norm) || OTHER_PEOPLE.has(t.norm)) return true
  return t.pos === 'NOUN' || t.pos === 'PROPN'
}

// back over the words that belong to the noun: adjectives, numbers and nouns, up to and including a
// determiner or possessive ("the climbing wall trip", "her 28-year-old boyfriend", "the man's car")
function nounPhraseStart(tokens: Token[], head: number, sentenceStart: number): number {
  let from = head
  while (from - 1 >= sentenceStart) {
    const t = tokens[from - 1]
    if (t.punct) {
      if (t.norm === ',' && isAgeApposition(tokens, from - 1)) {
        from -= 1
        continue
      }
      break
    }
    if (t.pos === 'DET' || POSSESSIVES.has(t.norm)) return from - 1
    // "his missing episodes": a participle between a possessive or determiner and the noun describes the noun
    const owner = tokens[from - 2]
    if (t.pos === 'VERB' && t.norm.endsWith('ing') && owner && from - 2 >= sentenceStart)
      if (owner.pos === 'DET' || POSSESSIVES.has(owner.norm)) {
        from--
        continue
      }
    if (
      t.norm === "'s" ||
      ['ADJ', 'NUM', 'NOUN', 'PROPN'].includes(t.pos) ||
      CHILD_NOUNS.has(t.norm) ||
      OTHER_PEOPLE.has(t.norm)
    )
      from--
    else break
  }
  return from
}

// "sister, 22," — the comma after an age that follows a noun
function isAgeApposition(tokens: Token[], comma: number): boolean {
  return comma >= 2 && /^\d{1,2}$/.test(tokens[comma - 1].norm) && tokens[comma - 2].norm === ','
}

function classify(tokens: Token[], from: number, to: number): Who {
  const head = tokens[to - 1]
  if (isAgeOld(tokens, to - 1) && /^\d{1,2}$/.test(tokens[to - 3]?.norm ?? ''))
    return Number(tokens[to - 3].norm) >= 18 ? 'someone-else' : 'child'
  if (OTHER_PEOPLE.has(head.norm) || OTHER_PEOPLE.has(head.lemma)) return 'someone-else'
  if (ABUSE_NOUNS.has(head.norm) || ABUSE_NOUNS.has(head.lemma)) return 'what-happened'
  let possessed = false
  // "Mr Lomax", "Mrs Kaur": a name with an adult's title is an adult ("Mr Lomax's car" stays his too)
  if (from < to && TITLES.has(tokens[from].norm) && to - from >= 2) return 'someone-else'
  for (let i = from; i < to; i++) {
    const w = tokens[i].norm
    // "a 27 year old male", "older sister": an adult, or a relative of the child
    if (/^\d{1,2}$/.test(w) && Number(w) >= 18 && tokens[i + 1]?.norm === 'year') return 'someone-else'
    if ((w === 'older' || w === 'grown' || w === 'adult') && i < to - 1) return 'someone-else'
    if (POSSESSIVES.has(w)) possessed = true
    if (tokens[i + 1]?.norm === "'s" && i + 1 < to) {
      // "mum's phone" is someone else's; "Chloe's phone", "YP's phone" the child's
      if (OTHER_PEOPLE.has(w)) return 'someone-else'
      possessed = true
    }
  }
  if (CHILD_NOUNS.has(head.norm) || (head.norm === 'person' && tokens[to - 2]?.norm === 'young')) return 'child'
  // a name: "Ellie-May" (the model reads "May" as a noun), "Tia"
  if ((head.pos === 'PROPN' || (head.capital && to - 1 > 0)) && !possessed) return 'child'
  return possessed ? 'childs-thing' : 'thing'
}

// where the words joined by a conjunction at `from` end: the next punctuation or word that opens a clause
function conjunctEnd(tokens: Token[], from: number): number {
  let j = from
  while (j < tokens.length && !tokens[j].punct && !CLAUSE_BREAKS.has(tokens[j].norm)) j++
  return j
}

// a finite verb (an auxiliary, or a verb not after "to", a preposition or as a gerund) from `from` to `to`
function finiteVerbBetween(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const t = tokens[j]
    if (SUBJECT_PRONOUNS.has(t.norm)) return true
    if (t.pos === 'AUX' || BE.has(t.norm)) return true
    if (t.pos !== 'VERB' || t.norm.endsWith('ing')) continue
    const b = tokens[j - 1]
    if (b && (b.norm === 'to' || b.pos === 'ADP' || b.pos === 'SCONJ')) continue
    return true
  }
  return false
}

const HE = new Set(['he', 'him', 'his'])
const SHE = new Set(['she', 'her', 'hers'])
const MALE_ADULTS = new Set([
  'mr',
  'man',
  'male',
  'father',
  'dad',
  'stepdad',
  'stepfather',
  'uncle',
  'grandad',
  'grandfather',
  'brother',
  'gentleman',
  'guy',
])
const FEMALE_ADULTS = new Set([
  'mrs',
  'ms',
  'woman',
  'female',
  'mother',
  'mum',
  'stepmum',
  'stepmother',
  'aunt',
  'auntie',
  'nan',
  'gran',
  'grandmother',
  'sister',
  'lady',
])

// a "he" or "she" opening the clause after ";" when the clause before is about one adult of that sex and
// names no one else: "Mr Osei, 30, attended the GUM clinic; he is sexually active with adult partners"
// ("the man groomed him; he is streetwise" names the child too, and stays the child's)
function adultBeforeSemicolon(tokens: Token[], pronoun: number, sentenceStart: number): boolean {
  const w = tokens[pronoun].norm
  if (w !== 'he' && w !== 'she') return false
  const semi = pronoun - 1
  if (semi <= sentenceStart || tokens[semi].norm !== ';') return false
  if (whoItIsAbout(tokens, semi - 1, sentenceStart) !== 'someone-else') return false
  const same = w === 'he' ? MALE_ADULTS : FEMALE_ADULTS
  let adult = false
  for (let k = sentenceStart; k < semi; k++) {
    const t = tokens[k]
    if (same.has(t.norm)) adult = true
    // anyone else in the clause before: a pronoun of either sex, a child, or a name without a title
    if (HE.has(t.norm) || SHE.has(t.norm) || t.norm === 'they' || t.norm === 'them') return false
    if (CHILD_NOUNS.has(t.norm)) return false
    // a name: not a title, not the name a title goes with, not a word naming a place or thing ("the GUM clinic")
    const named = t.pos === 'PROPN' && t.capital && !TITLES.has(t.norm) && !OTHER_PEOPLE.has(t.norm)
    if (named && !TITLES.has(tokens[k - 1]?.norm ?? '') && tokens[k + 1]?.pos !== 'NOUN') return false
  }
  return adult
}

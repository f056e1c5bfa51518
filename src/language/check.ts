// Checks a professional's text for victim-blaming language. Pure: the same text, dates and rules
// always give the same findings. It suggests; it never changes the text.
import { SHIPPED_LEXICON } from './lexicon.ts'
import { compileLexicon, type CompiledLexicon, type CompiledRule, type Entry } from './compile.ts'
import { matchEnds, type Node } from './pattern.ts'
import { tokenize, type Token, type Tokens } from './tokenize.ts'
import { annotate } from './nlp.ts'
import { rewrite } from './rewrite.ts'
import { asWritten } from './suggestion.ts'
import { ageOn, DateInputError, parseDay } from './age.ts'
import { agesIn, aboutCrime, mentionsAdult, nearPeers } from './context.ts'
import { whoItIsAbout } from './about.ts'
import { framedAsWrong, negatedBefore } from './negation.ts'
import { attributed, claimedBySomeoneElse, reportedUnanswered } from './quotation.ts'
import { answeredNear, inducedBelief, quotedWithin, reportedAndAnswered } from './answer.ts'
import { activeClauses } from './voice.ts'
import type { Advice, CheckOptions, Finding, Rule } from './types.ts'

interface Match {
  rule: number
  start: number
  end: number
  negated: boolean
}

interface Sentence {
  start: number
  end: number
}

const REPORTED_QUOTE =
  "another person's words about the child, quoted without saying that they are wrong or what professionals assess instead: the record carries the blame; record them as that person's view and say what happened to the child. It "
const UNATTRIBUTED_QUOTE =
  "in quotation marks without saying whose words they are: if they are the child's, say so; if they are a label, "

export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  return checkWith(text, options, true)
}

function checkWith(text: string, options: CheckOptions, turnRound: boolean): Finding[] {
  const lexicon = compileLexicon(options.rules ?? SHIPPED_LEXICON)
  // the age is known only with both dates; a bad date is the caller's mistake, not a finding
  if (options.childDob !== undefined && !parseDay(options.childDob))
    throw new DateInputError(`child date of birth "${options.childDob}" is not a date (expected YYYY-MM-DD)`)
  if (options.date !== undefined && !parseDay(options.date))
    throw new DateInputError(`date "${options.date}" is not a date (expected YYYY-MM-DD)`)
  const age =
    options.childDob !== undefined && options.date !== undefined ? ageOn(options.childDob, options.date) : null
  const toks = tokenize(text)
  const { tokens } = toks
  annotate(text, tokens)
  const sentences = sentenceBounds(tokens)
  const matches = chooseMatches(findMatches(lexicon, tokens, sentences))
  const found: { finding: Finding; match: Match }[] = []
  for (const match of matches) {
    const finding = judge(match, lexicon.rules[match.rule], toks, sentences[match.start], age, text)
    if (finding) found.push({ finding, match })
  }
  const findings = oneFindingPerPhrase(found, lexicon)
  if (turnRound) findings.push(...passiveFindings(text, tokens, findings, options))
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule))
}

// "The decision to stay was made by Fatima": the clause said actively is checked, and what it finds is
// reported on the passive clause's words (without a rewrite: the words differ)
function passiveFindings(text: string, tokens: Token[], findings: Finding[], options: CheckOptions): Finding[] {
  const out: Finding[] = []
  for (const clause of activeClauses(text, tokens)) {
    if (findings.some((f) => f.start < clause.end && clause.start < f.end)) continue
    const phrase = text.slice(clause.start, clause.end)
    for (const f of checkWith(clause.text, options, false))
      out.push({ ...f, start: clause.start, end: clause.end, phrase, suggestions: [] })
  }
  return out.filter((f, i) => out.findIndex((g) => g.rule === f.rule && g.start === f.start) === i)
}

// Two rules on the very same words give one finding (the rule listed first); a broad rule gives
// none where another rule found any of its words.
function oneFindingPerPhrase(found: { finding: Finding; match: Match }[], lexicon: CompiledLexicon): Finding[] {
  const overlaps = (a: Match, b: Match) => a.start < b.end && b.start < a.end
  return found
    .filter(({ match }, i) => {
      const fallback = lexicon.rules[match.rule].rule.fallback === true
      return !found.some(({ match: other }, j) => {
        if (j === i) return false
        if (other.start === match.start && other.end === match.end) return other.rule < match.rule
        return fallback && lexicon.rules[other.rule].rule.fallback !== true && overlaps(match, other)
      })
    })
    .map(({ finding }) => finding)
}

/** For each token, the token range of its sentence. */
function sentenceBounds(tokens: Token[]): Sentence[] {
  const out: Sentence[] = new Array(tokens.length)
  let from = 0
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || (i > from && tokens[i].sentence !== tokens[from].sentence)) {
      const s = { start: from, end: i }
      for (let j = from; j < i; j++) out[j] = s
      from = i
    }
  }
  return out
}

function findMatches(lexicon: CompiledLexicon, tokens: Token[], sentences: Sentence[]): Match[] {
  const out: Match[] = []
  // the words of each sentence, as written and as lemmas: a pattern whose required words are all
  // absent is not tried (most patterns, in most sentences)
  let words = new Set<string>()
  let wordsOf: Sentence | null = null
  const tryEntry = (e: Entry, i: number, limit: number) => {
    if (e.required && !hasAny(words, e.required)) return
    longest(e.rule, e.node, tokens, i, limit, out)
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.punct) continue
    const sentence = sentences[i]
    if (wordsOf !== sentence) {
      words = new Set()
      for (let j = sentence.start; j < sentence.end; j++) words.add(tokens[j].norm).add(tokens[j].lemma)
      wordsOf = sentence
    }
    const limit = sentence.end
    const entries = lexicon.byWord.get(t.norm)
    if (entries) for (const e of entries) tryEntry(e, i, limit)
    const byLemma = t.lemma !== t.norm ? lexicon.byWord.get(t.lemma) : undefined
    if (byLemma) for (const e of byLemma) if (!entries?.includes(e)) tryEntry(e, i, limit)
    const byTag = lexicon.byTag.get(t.pos)
    if (byTag) for (const e of byTag) tryEntry(e, i, limit)
    for (const p of lexicon.byPrefix) if (t.norm.startsWith(p.prefix)) tryEntry(p.entry, i, limit)
  }
  return out
}

function hasAny(words: Set<string>, required: Set<string>): boolean {
  for (const w of required) if (words.has(w)) return true
  return false
}

function longest(rule: number, node: Node, tokens: Token[], start: number, limit: number, out: Match[]): void {
  const ends = matchEnds(node, tokens, start, limit)
  if (ends.length === 0) return
  let best = -1
  let negated = false
  for (const e of ends) {
    const end = e >> 1
    if (end > best) {
      best = end
      negated = (e & 1) === 1
    } else if (end === best && (e & 1) === 1) negated = true
  }
  if (best > start) out.push({ rule, start, end: best, negated })
}

/** Per rule, the leftmost-longest matches that do not overlap, so one phrase gives one finding. */
function chooseMatches(matches: Match[]): Match[] {
  matches.sort((a, b) => a.rule - b.rule || a.start - b.start || b.end - a.end)
  const out: Match[] = []
  let last: Match | null = null
  for (const m of matches) {
    if (last && last.rule === m.rule && m.start < last.end) continue
    out.push(m)
    last = m
  }
  return out
}

function judge(
  match: Match,
  compiled: CompiledRule,
  toks: Tokens,
  sentence: Sentence,
  age: number | null,
  text: string,
): Finding | null {
  const { rule } = compiled
  const { tokens } = toks
  if (excepted(compiled, match, tokens, sentence)) return null
  if (match.negated || negatedBefore(tokens, match.start, sentence.start)) return null
  if (framedAsWrong(tokens, match.start, match.end, sentence.start, sentence.end)) return null
  if (!aboutTheChild(rule, tokens, match, sentence)) return null
  if (claimedBySomeoneElse(tokens, match.start, sentence.start)) return null
  // a person's reported view that the note answers: "the suspect says she was willing; the lawyer rejects this"
  if (reportedAndAnswered(tokens, match.start, match.end, sentence.start)) return null
  // what the abuse made the child believe, said as such: "made to feel it was her choice"
  if (inducedBelief(tokens, match.start, sentence.start)) return null
  // a word held up in quotation marks that the note answers: 'His "choice" ... was made under threat'
  if (quotedWithin(tokens, match.start, match.end) && answeredNear(tokens, match.start)) return null
  // the sentence goes on to say what the words are the result of: "..., this assessment understands
  // that behaviour as the result of months of grooming", "Cody is one of the boys he has exploited"
  if (namedAfter(tokens, match.end, sentence.end)) return null

  // choice and consent language is about a child: of someone 18 or over on the note's date it is not flagged
  if (rule.under18 && age !== null && age >= 18) return null
  let advice: Advice = rule
  if (rule.context === 'criminal') {
    // "Harvey was found with cannabis and a knife. He has been working for older boys": the sentence before counts
    if (!aboutCrime(tokens, sentenceBefore(tokens, sentence), sentence.end)) return null
  } else if (rule.context === 'adult-relationship') {
    if (age !== null && age >= 18) return null
    if (!mentionsAdult(tokens, sentence.start, sentence.end) && !adultInSentenceBefore(tokens, sentence)) return null
    if (nearPeers(tokens, sentence.start, sentence.end, age)) return null
  } else if (rule.context === 'sexual-activity') {
    const outcome = sexualActivity(match, tokens, sentence, age)
    if (outcome === null) return null
    advice = rule.ages?.[outcome] ?? rule
  }

  // the words that "Use this wording" replaces: the phrase, with the verb group or noun phrase it sits in
  let { start, end, suggestions } = rewrite(text, tokens, match.start, match.end, sentence.start, advice.suggestions)
  // words that would take one quotation mark of a pair with them are not rewritten: the finding keeps its own words
  if (/["“”‘’]/.test(text.slice(start, end)) || /\s'|'\s|^'|'$/.test(text.slice(start, end))) {
    start = tokens[match.start].start
    end = tokens[match.end - 1].end
    suggestions = []
  }
  let { severity, reason } = advice
  const quoteIndex = tokens[match.start].quote >= 0 ? tokens[match.start].quote : tokens[match.end - 1].quote
  if (quoteIndex >= 0) {
    const quote = toks.quotes[quoteIndex]
    if (!attributed(tokens, quote, toks.quotes)) {
      severity = 'low'
      reason = UNATTRIBUTED_QUOTE + reason
    } else if (reportedUnanswered(tokens, quote)) {
      // a quotation is not rewritten: the finding says what the note should add
      reason = REPORTED_QUOTE + reason
      start = tokens[match.start].start
      end = tokens[match.end - 1].end
      suggestions = []
    } else return null
  }
  const phrase = text.slice(start, end)
  return {
    start,
    end,
    phrase,
    rule: rule.id,
    severity,
    reason,
    suggestions: suggestions.map((s) => asWritten(phrase, s)),
    source: rule.source,
  }
}

function excepted(compiled: CompiledRule, match: Match, tokens: Token[], sentence: Sentence): boolean {
  for (const node of compiled.except) {
    for (let i = sentence.start; i < match.end; i++) {
      if (tokens[i].punct) continue
      for (const e of matchEnds(node, tokens, i, sentence.end)) if (e >> 1 > match.start && e >> 1 > i) return true
    }
  }
  return false
}

// Words said of an adult or of a thing blame no child ("Mum has chosen not to attend", "her phone
// keeps going missing"); a relationship word is the exception: "the man is her boyfriend" is about
// the child whoever the subject is, unless it is someone else's own relationship.
function aboutTheChild(rule: Rule, tokens: Token[], match: Match, sentence: Sentence): boolean {
  const who = whoItIsAbout(tokens, match.start, sentence.start)
  if (who === 'thing') return willOfTheUnnamedAgent(tokens, match, sentence)
  if (who === 'childs-thing') return rule.about !== 'person'
  if (who !== 'someone-else') return !doneToAdults(rule, tokens, match)
  if (rule.context !== 'adult-relationship') return false
  const before = tokens[match.start - 1]
  if (before === undefined || !(before.norm === 'her' || before.norm === 'their' || before.norm === "'s")) return false
  // "the man is her boyfriend" names the child's abuser; "her sister has moved in with her partner" is
  // the sister's own: after someone else's own verb the possessive is theirs
  const link = tokens[match.start - 2]
  return link !== undefined && (link.lemma === 'be' || link.lemma === 'become' || link.norm === 'as')
}

const WILL_ADVERBS = new Set([
  'willingly',
  'voluntarily',
  'knowingly',
  'happily',
  'readily',
  'freely',
  'eagerly',
  'gladly',
])
const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being'])

// "the men were allowed in by her, and alcohol was accepted willingly": a will said on a passive with no
// agent, in a sentence about adults, is the will of whoever did it, and the note leaves that to be the child
function willOfTheUnnamedAgent(tokens: Token[], match: Match, sentence: Sentence): boolean {
  if (match.end - match.start !== 1 || !WILL_ADVERBS.has(tokens[match.start].norm)) return false
  const participle = tokens[match.start - 1]
  const be = tokens[match.start - 2]
  if (!participle || !be || participle.pos !== 'VERB' || !BE_FORMS.has(be.norm)) return false
  return tokens[match.end]?.norm !== 'by' && mentionsAdult(tokens, sentence.start, sentence.end)
}

// verbs whose object is the one harmed (meeting or messaging adults is not among them: that is the child's harm)
const VICTIMISING = new Set(['prostitute', 'pimp', 'recruit', 'exploit', 'traffic', 'groom', 'control'])
const ADULT_OBJECTS = new Set(['adult', 'adults', 'women', 'men', 'woman', 'man', 'grown'])

// "suspected of prostituting adult women": a verb of harming whose object is adults is not said of the
// child (dating, meeting or messaging an adult is the harm itself)
function doneToAdults(rule: Rule, tokens: Token[], match: Match): boolean {
  if (rule.context === 'adult-relationship' || rule.context === 'sexual-activity') return false
  const last = tokens[match.end - 1]
  if (last?.pos !== 'VERB' || !VICTIMISING.has(last.lemma)) return false
  let j = match.end
  if (tokens[j]?.pos === 'DET') j++
  return ADULT_OBJECTS.has(tokens[j]?.norm ?? '')
}

const NAMING_THE_ABUSE = ['groom', 'exploit', 'coerc', 'manipulat', 'traffick']
// words that put the abuse in doubt or aside: "claims he was groomed", "rather than being exploited"
const DOUBTING = new Set([
  'accept',
  'accepts',
  'denies',
  'deny',
  'believe',
  'believes',
  'claim',
  'claims',
  'claimed',
  'claiming',
  'alleges',
  'alleged',
  'says',
  'said',
  'than',
  'not',
  'no',
  'never',
  'despite',
  'if',
  'whether',
  'really',
])

// the abuse said to follow from what the child did: "has led to her being exploited", "at risk of exploitation"
const AS_CONSEQUENCE = new Set([
  'led',
  'lead',
  'leads',
  'risk',
  'own',
  'position',
  'could',
  'might',
  'may',
  'become',
  'becoming',
])
// words that give the abuse as the explanation or name its agent: "the result of months of grooming",
// "which is exploitation", "one of the boys he has exploited"
const REFRAMING = new Set([
  'result',
  'because',
  'which',
  'reflect',
  'sign',
  'cause',
  'caused',
  'due',
  'product',
  'consistent',
  'indicative',
  'he',
  'they',
  'men',
  'adults',
  'adult',
])

// the abuse named after the match in the same sentence, in the note's own words and not put in doubt
function namedAfter(tokens: Token[], end: number, sentenceEnd: number): boolean {
  for (let i = end; i < sentenceEnd; i++) {
    const t = tokens[i]
    if (t.quote !== -1 || t.punct || !NAMING_THE_ABUSE.some((p) => t.norm.startsWith(p))) continue
    let doubted = false
    let reframed = false
    // the matched words count too: "refuses to accept that the men are exploiting her"
    for (let k = Math.max(0, i - 6); k < i; k++) {
      const w = tokens[k].norm
      if (DOUBTING.has(w) || AS_CONSEQUENCE.has(w)) doubted = true
      if (REFRAMING.has(w) || REFRAMING.has(tokens[k].lemma)) reframed = true
    }
    if (reframed && !doubted) return true
  }
  return false
}

/** Where the sentence before this one starts (this one's start when it is the first). */
function sentenceBefore(tokens: Token[], sentence: Sentence): number {
  if (sentence.start === 0) return 0
  const before = tokens[sentence.start - 1].sentence
  let from = sentence.start - 1
  while (from > 0 && tokens[from - 1].sentence === before) from--
  return from
}

const BACK_REFERENCES = new Set(['he', 'him', 'they', 'them', 'his', 'their'])

// "She was found with a 27-year-old man. It is believed they are in a relationship": the adult is
// named in the sentence before, and this one refers back to him.
function adultInSentenceBefore(tokens: Token[], sentence: Sentence): boolean {
  if (sentence.start === 0) return false
  let refersBack = false
  for (let i = sentence.start; i < sentence.end; i++) if (BACK_REFERENCES.has(tokens[i].norm)) refersBack = true
  if (!refersBack) return false
  return mentionsAdult(tokens, sentenceBefore(tokens, sentence), sentence.start)
}

type SexualOutcome = 'under13' | 'age13to15' | 'withAdult' | 'needsDob'

// "sexually active" is judged by who it is about: an adult subject is not this checker's business;
// with an adult it is abuse at any age under 18; otherwise the child's age decides, and without
// one the finding says what is needed.
function sexualActivity(match: Match, tokens: Token[], sentence: Sentence, age: number | null): SexualOutcome | null {
  if (age !== null && age >= 18) return null
  if (mentionsAdult(tokens, sentence.start, sentence.end)) return 'withAdult'
  const known = age ?? agesIn(tokens, sentence.start, match.start).find((m) => m.age < 18)?.age ?? null
  if (known === null) return 'needsDob'
  if (known < 13) return 'under13'
  if (known < 16) return 'age13to15'
  return null
}

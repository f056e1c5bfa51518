// Whether a match is negated or held up as wrong: "this is not a lifestyle choice", "it is wrong to
// say she is putting herself at risk", "calling this transactional sex is victim blaming". Such uses
// are the careful writing the checker asks for, so they are not flagged.
import type { Token } from './tokenize.ts'
import { OTHER_PEOPLE } from './about.ts'

const NEGATIONS = new Set([
  'not',
  "n't",
  'never',
  'no',
  'nor',
  'nobody',
  'noone',
  'neither',
  'without',
  'nothing',
  'none',
])
// words that may stand between a negation and what it negates ("not a", "never been described as")
const BRIDGE = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  'am',
  "'s",
  "'re",
  "'m",
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'will',
  'would',
  'should',
  'could',
  'can',
  'may',
  'might',
  'must',
  'shall',
  'she',
  'he',
  'they',
  'it',
  'this',
  'that',
  'these',
  'those',
  'we',
  'i',
  'you',
  'a',
  'an',
  'the',
  'her',
  'his',
  'their',
  'him',
  'them',
  'one',
  'child',
  'children',
  'girl',
  'boy',
  'young',
  'person',
  'people',
  'to',
  'as',
  'of',
  'at',
  'all',
  'about',
  'really',
  'actually',
  'necessarily',
  'merely',
  'simply',
  'ever',
  'even',
  'yet',
  'in',
  'any',
  'say',
  'saying',
  'said',
  'describe',
  'described',
  'describing',
  'call',
  'called',
  'calling',
  'label',
  'labelled',
  'labeled',
  'see',
  'seen',
  'view',
  'viewed',
  'regard',
  'regarded',
  'consider',
  'considered',
  'think',
  'thought',
  'suggest',
  'suggested',
  'suggestion',
  'evidence',
  'indication',
  'sign',
  'reason',
  'question',
  'making',
  'make',
  'made',
  'makes',
  'go',
  'went',
  'going',
  'goes',
  'with',
  'there',
  'into',
  'on',
  'get',
  'got',
  'getting',
  'something',
  'anything',
  'case',
  'matter',
  'such',
  'thing',
  'things',
])
const FRAMING = new Set([
  'wrong',
  // "was wrongly recorded as ...": an adverb that says a wording was wrong
  'wrongly',
  'incorrectly',
  'inaccurately',
  'inappropriately',
  'unfairly',
  'mistakenly',
  'inappropriate',
  'inaccurate',
  'incorrect',
  'misleading',
  'unhelpful',
  'avoid',
  'avoiding',
  'avoided',
  'challenge',
  'challenged',
  'reject',
  'rejected',
  'replace',
  'replaced',
  'remove',
  'removed',
  'unacceptable',
  'blaming',
  'stop',
  'stopped',
  'challenging',
  'escalation',
  'escalated',
  'escalate',
  'dispute',
  'disputed',
  'query',
  'queried',
  'questioned',
  'questioning',
  'annotated',
  'amended',
  'corrected',
  'refuted',
  'rebutted',
  'disagree',
  'disagreed',
])
const SPEECH = new Set([
  'say',
  'saying',
  'said',
  'describe',
  'describing',
  'described',
  'call',
  'calling',
  'called',
  'label',
  'labelling',
  'labeling',
  'labelled',
  'refer',
  'referring',
  'suggest',
  'suggesting',
  'think',
  'thinking',
  'see',
  'seeing',
  'view',
  'viewing',
  'record',
  'recording',
  'write',
  'writing',
  'use',
  'using',
  'term',
  'terming',
  'phrase',
  'phrases',
  'word',
  'words',
  'language',
  'characterise',
  'characterising',
  'imply',
  'implying',
  'blame',
  'blaming',
  'treat',
  'treating',
  // what someone else wrote or thought, held up to be challenged ("the suggestion that...", "the view that...")
  'suggestion',
  'view',
  'views',
  'comment',
  'comments',
  'claim',
  'claims',
  'assertion',
  'assumption',
  'idea',
  'notion',
  'description',
  'entry',
  'wording',
  'statement',
  'remark',
  'opinion',
  'belief',
  'narrative',
  'stating',
  'states',
  'recorded',
  'noted',
  'wrote',
])
const POST_FRAMING = new Set([
  'annotated',
  'amended',
  'corrected',
  'queried',
  'disputed',
  'struck',
  'withdrawn',
  'retracted',
  'blaming',
  'inappropriate',
  'unacceptable',
  'inaccurate',
  'misleading',
  'unhelpful',
  'incorrect',
  'avoided',
  'challenged',
  'replaced',
  'removed',
  'wrong',
])
// "... is not an acceptable term", "... should never be used"
const NOT_ACCEPTABLE = new Set([
  'acceptable',
  'appropriate',
  'accurate',
  'helpful',
  'right',
  'used',
  'ok',
  'okay',
  'correct',
  'suitable',
  'true',
])
const HARD_STOPS = new Set([';', ':', '.', '!', '?', 'but', 'however', 'although', 'though', 'whereas'])

// parts of speech a negation reaches across within its clause: "did not go missing by choice",
// "we should not describe her as having refused to engage", "does not mean she was consenting"
const BRIDGE_TAGS = new Set(['VERB', 'AUX', 'ADV', 'ADP', 'PART', 'DET', 'ADJ'])

/** Negated by a "not"/"never"/"no" bound to the match within its clause (through its verbs and function words). */
export function negatedBefore(tokens: Token[], start: number, sentenceStart: number): boolean {
  for (let i = start - 1, steps = 0; i >= sentenceStart && steps < 9; i--, steps++) {
    const t = tokens[i]
    const w = t.norm
    // an age in brackets after a name ("describe Mason (11) as") is part of the name
    if (w === ')' && tokens[i - 2]?.norm === '(' && /^\d{1,2}(yrs?|yo|y)?$/.test(tokens[i - 1]?.norm ?? '')) {
      i -= 2
      continue
    }
    if (NEGATIONS.has(w)) {
      const after = tokens[i + 1]?.norm
      return after !== 'only' && after !== 'just'
    }
    if (t.punct || HARD_STOPS.has(w) || t.pos === 'CCONJ' || (t.pos === 'SCONJ' && w !== 'that')) return false
    // a negated verb with its own object ("cannot cope with Leah's lifestyle choices") negates the
    // coping, not what follows the preposition; a verb of saying keeps it ("never described as")
    if (t.pos === 'ADP' && ownObjectVerb(tokens[i - 1])) return false
    // a child named as the subject ("no suggestion that Amy chose...") is a subject like "she"
    const named = i > sentenceStart && t.capital && (t.pos === 'PROPN' || t.pos === 'NOUN')
    if (!BRIDGE.has(w) && !BRIDGE_TAGS.has(t.pos) && !named) return false
    // a clause of its own ("does not realise she is...") is not negated, unless the negated verb
    // only reports or infers it ("does not mean she was...", "I don't think she is...")
    if ((SUBJECTS.has(w) || named) && i > sentenceStart) {
      let k = i - 1
      if (tokens[k].norm === 'that' && k > sentenceStart) k--
      if (!TRANSPARENT.has(tokens[k].lemma) && !TRANSPARENT.has(tokens[k].norm) && !NEGATIONS.has(tokens[k].norm))
        return false
    }
  }
  return false
}

const SUBJECTS = new Set(['she', 'he', 'they', 'i', 'we', 'you'])
// verbs and nouns through which a negation reaches the clause they introduce
// a lexical verb whose prepositional object is a thing of its own, not what a negation rules out
function ownObjectVerb(t: Token | undefined): boolean {
  if (!t || t.pos !== 'VERB') return false
  return !TRANSPARENT.has(t.lemma) && !SPEECH.has(t.norm) && !SPEECH.has(t.lemma) && !BRIDGE.has(t.norm)
}

const TRANSPARENT = new Set([
  // verbs of naming: "we must not describe Abigail as absconding" rules the label out
  'describe',
  'call',
  'label',
  'brand',
  'regard',
  'mean',
  'say',
  'think',
  'suggest',
  'show',
  'indicate',
  'imply',
  'prove',
  'believe',
  'follow',
  'accept',
  'agree',
  'consider',
  'find',
  'feel',
  'evidence',
  'sign',
  'indication',
  'suggestion',
  'case',
  'true',
  'that',
])

/** Held up as wrong: "it is wrong to say...", "rather than saying...", "instead of...", "... is victim blaming". */
export function framedAsWrong(
  tokens: Token[],
  start: number,
  end: number,
  sentenceStart: number,
  sentenceEnd: number,
): boolean {
  let sawSpeech = false
  for (let i = start - 1, steps = 0; i >= sentenceStart && steps < 20; i--, steps++) {
    const w = tokens[i].norm
    if (HARD_STOPS.has(w)) break
    if (SPEECH.has(w)) {
      sawSpeech = true
      // "should never be described as ...", "must not be called ...": the wording is ruled out
      if (ruledOut(tokens, i, sentenceStart)) return true
    }
    if ((w === 'rather' && tokens[i + 1]?.norm === 'than') || (w === 'instead' && tokens[i + 1]?.norm === 'of'))
      return true
    if (FRAMING.has(w) && sawSpeech) return true
  }
  for (let i = end, steps = 0; i < sentenceEnd && steps < 7; i++, steps++) {
    const w = tokens[i].norm
    if (HARD_STOPS.has(w)) break
    if (
      (w === 'not' || w === "n't" || w === 'never') &&
      [1, 2, 3].some((k) => NOT_ACCEPTABLE.has(tokens[i + k]?.norm ?? ''))
    )
      return true
    if (POST_FRAMING.has(w)) {
      if (w !== 'wrong') return true
      const before = tokens[i - 1]?.norm
      if (before === 'is' || before === 'was' || before === 'be' || before === 'are') return true
    }
  }
  return false
}

const RULING = new Set(['should', 'must', 'ought', 'shall'])
const SAYING = new Set([
  'say',
  'describe',
  'call',
  'label',
  'refer',
  'write',
  'record',
  'term',
  'characterise',
  'imply',
])
const CHILD_SUBJECTS = new Set(['she', 'he', 'they'])

/** A verb of saying ruled out just before it: "should never be described", "must not be called". */
function ruledOut(tokens: Token[], speech: number, sentenceStart: number): boolean {
  const before = (k: number) => (speech - k >= sentenceStart ? tokens[speech - k].norm : '')
  // "should never be described as" (passive) or "we should not write that" (active: a verb of saying or
  // writing, and not the child's own: "she should not see herself as a victim" is the onus put on her)
  const passive = before(1) === 'be'
  const k = passive ? 2 : 1
  if (!passive && !SAYING.has(tokens[speech].norm)) return false
  const negation = before(k)
  if (negation !== 'never' && negation !== 'not' && negation !== "n't") return false
  const ought = before(k + 1) === 'to' && before(k + 2) === 'ought'
  if (!RULING.has(before(k + 1)) && !ought) return false
  if (passive) return true
  const subject = speech - k - (ought ? 3 : 2) >= sentenceStart ? tokens[speech - k - (ought ? 3 : 2)] : undefined
  if (subject === undefined || CHILD_SUBJECTS.has(subject.norm)) return false
  return subject.pos !== 'PROPN' || OTHER_PEOPLE.has(subject.norm)
}

// What the words around a match say about who it is about: ages written in the text, whether an
// adult is involved, whether the subject is an adult, whether the sentence is about criminal exploitation.
import type { Token } from './tokenize.ts'

const AGE_UNITS = new Set(['year', 'years', 'yr', 'yrs', 'y'])
const AGE_BEFORE = new Set(['aged', 'age', 'is', 'was', "'s", 'turned', 'turning', 'now', '('])
const NOT_AGES = new Set([
  'hours',
  'hour',
  'times',
  'minutes',
  'mins',
  'days',
  'day',
  'weeks',
  'week',
  'months',
  'month',
  'per',
  '%',
  'pounds',
  'miles',
  'am',
  'pm',
  'o',
  'percent',
  'episodes',
  'of',
  'x',
  ':',
])
const DECADES: Record<string, number> = {
  twenties: 25,
  thirties: 35,
  forties: 45,
  fifties: 55,
  sixties: 65,
  seventies: 75,
  '20s': 25,
  '30s': 35,
  '40s': 45,
  '50s': 55,
  '60s': 65,
  '70s': 75,
}
const ADULT_WORDS = new Set([
  'adult',
  'adults',
  'man',
  'men',
  'male',
  'males',
  'grown',
  'guy',
  'guys',
  'woman',
  'women',
  'gentleman',
  'gentlemen',
  // adults by what they do: "the taxi driver", "the landlord of the flat"
  'landlord',
  'landlady',
  'driver',
])
const NOT_ADULT_AFTER_OLDER = new Set([
  'brother',
  'brothers',
  'sister',
  'sisters',
  'sibling',
  'siblings',
  'cousin',
  'cousins',
  'child',
  'children',
  'girl',
  'girls',
  'boy',
  'boys',
  'peer',
  'peers',
  'pupil',
  'pupils',
  'student',
  'students',
  'friend',
  'friends',
  'kids',
  'teenager',
  'teenagers',
  'than',
  'year',
  'age',
])

export interface AgeMention {
  age: number
  index: number
}

/** Ages written in tokens [from, to): "aged 24", "a 24-year-old", "(24)", ", 24,", "is 24", "24yo", "in his twenties". */
export function agesIn(tokens: Token[], from: number, to: number): AgeMention[] {
  const out: AgeMention[] = []
  for (let i = from; i < to; i++) {
    const t = tokens[i]
    if (t.punct) continue
    const decade = DECADES[t.norm]
    if (
      decade !== undefined &&
      i > from &&
      ['his', 'her', 'their', 'early', 'late', 'mid'].includes(tokens[i - 1].norm)
    ) {
      out.push({ age: decade, index: i })
      continue
    }
    const m = /^(\d{1,2})(yo|yrs|yr|y)?$/.exec(t.norm)
    if (!m) continue
    const age = Number(m[1])
    const next = i + 1 < to ? tokens[i + 1] : undefined
    const prev = i > from ? tokens[i - 1] : undefined
    if (m[2]) {
      out.push({ age, index: i })
      continue
    }
    if (next && AGE_UNITS.has(next.norm)) {
      const after = i + 2 < to ? tokens[i + 2].norm : ''
      if (after === 'old' || after === 'of' || next.norm === 'yrs' || next.norm === 'yr') {
        out.push({ age, index: i })
        continue
      }
    }
    if (next && next.norm === 'yo') {
      out.push({ age, index: i })
      continue
    }
    if (prev && AGE_BEFORE.has(prev.norm) && (!next || !NOT_AGES.has(next.norm))) {
      if (prev.norm === '(' && next?.norm !== ')') continue
      out.push({ age, index: i })
      continue
    }
    if (prev?.norm === ',' && next?.norm === ',') out.push({ age, index: i })
  }
  return out
}

/** Whether tokens [from, to) mention an adult: an age of 18 or more, "older man", "adult", "men". */
export function mentionsAdult(tokens: Token[], from: number, to: number): boolean {
  for (const mention of agesIn(tokens, from, to)) if (mention.age >= 18) return true
  return adultByWords(tokens, from, to)
}

/**
 * A relationship between near peers: the child is 16 or 17 (the age given, or written in the sentence)
 * and every adult the sentence names by age is at most two years older, with no other word for an adult
 * ("Courtney (17) is in a relationship with an 18-year-old she met at college"). Not an adult abuser.
 */
export function nearPeers(tokens: Token[], from: number, to: number, childAge: number | null): boolean {
  const ages = agesIn(tokens, from, to)
  const child = childAge ?? ages.find((m) => m.age < 18)?.age ?? null
  if (child === null || child < 16 || child >= 18) return false
  const adults = ages.filter((m) => m.age >= 18)
  return adults.length > 0 && adults.every((m) => m.age - child <= 2) && !adultByWords(tokens, from, to)
}

function adultByWords(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = tokens[i].norm
    if (ADULT_WORDS.has(w)) return true
    if (w === 'older') {
      const next = i + 1 < to ? tokens[i + 1].norm : ''
      if (!NOT_ADULT_AFTER_OLDER.has(next)) return true
    }
  }
  return false
}

const CHILD_SUBJECTS = new Set([
  'she',
  'he',
  'they',
  'i',
  'child',
  'girl',
  'boy',
  'yp',
  'daughter',
  'son',
  'pupil',
  'student',
  'teenager',
])
const ADULT_SUBJECTS = new Set([
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
  'aunt',
  'auntie',
  'aunty',
  'uncle',
  'nan',
  'nana',
  'gran',
  'granny',
  'grandma',
  'grandmother',
  'grandad',
  'granddad',
  'grandfather',
  'carer',
  'carers',
  'parent',
  'parents',
  'partner',
  'adult',
  'adults',
  'man',
  'men',
  'woman',
  'women',
  'suspect',
  'perpetrator',
  'offender',
  'abuser',
  'mr',
  'mrs',
  'ms',
  'lodger',
])

// words that may stand between a subject and its verb phrase: "her mother is now sexually active"
const SUBJECT_TO_VERB = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  "'s",
  'has',
  'have',
  'had',
  'will',
  'would',
  'may',
  'might',
  'can',
  'could',
  'also',
  'now',
  'still',
  'reportedly',
  'allegedly',
  'currently',
  'recently',
  'regularly',
  'often',
  'said',
  'says',
  'to',
  'believed',
])

/**
 * Whether the subject of the words at `at` is an adult ("her mother is sexually active"): an adult
 * word that leads straight into the verb phrase, before any word naming the child.
 */
export function subjectIsAdult(tokens: Token[], sentenceStart: number, at: number): boolean {
  let direct = true
  for (let i = at - 1; i >= sentenceStart; i--) {
    const w = tokens[i].norm
    if (w === ';' || w === ':') return false
    if (CHILD_SUBJECTS.has(w)) return false
    if (ADULT_SUBJECTS.has(w)) return direct
    if (!SUBJECT_TO_VERB.has(w)) direct = false
  }
  return false
}

const CRIME_WORDS = new Set([
  'drug',
  'drugs',
  'cannabis',
  'weed',
  'skunk',
  'cocaine',
  'coke',
  'crack',
  'heroin',
  'spice',
  'ketamine',
  'line',
  'lines',
  'gang',
  'gangs',
  'dealer',
  'dealers',
  'dealing',
  'deal',
  'trap',
  'ocg',
  'bando',
  'knife',
  'knives',
  'weapon',
  'weapons',
  'firearm',
  'firearms',
  'sell',
  'selling',
  'sold',
  'robbery',
  'robberies',
  'burglary',
  'burglaries',
  'theft',
  'steal',
  'stealing',
  'shoplifting',
  'olders',
  'grafting',
  'debt',
  'supply',
  'supplying',
  'runner',
  'runners',
  'running',
  'parcels',
  'package',
  'packages',
  'holding',
  'carrying',
  'stash',
  'cash',
  'courier',
  'couriers',
  'runs',
  'shotting',
  'shotter',
  'shotters',
  'trapping',
  // how drugs are packed and carried for sale
  'wraps',
  'burner',
  'bagged',
])

/** Whether tokens [from, to) are about criminal exploitation (drugs, county lines, gangs, weapons). */
export function aboutCrime(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = tokens[i].norm
    if (CRIME_WORDS.has(w) || w.startsWith('cuckoo') || w.startsWith('plug')) return true
  }
  return false
}

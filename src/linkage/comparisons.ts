// The comparisons of two prepared records, each with graded levels from the strongest agreement to
// "else" (disagreement). Level 0 is "null": one side has no value, which is no evidence either way.
import { jaroWinkler, jaroWinklerBound, oneTypoApart } from './jaro-winkler.ts'
import { sharesAny } from './nicknames.ts'
import { cutShortForm } from './short-forms.ts'
import type { PreparedRecords } from './prepared.ts'

export interface ComparisonDefinition {
  name: string
  /** labels of levels 1..n (level 0 is always "null") */
  levels: readonly string[]
  /** term-frequency adjustment of the exact level (level 1) by the frequency of the value */
  tf?: 'given' | 'family'
  /**
   * levels come in groups of this size, one group per condition, and m and u are probabilities
   * within a group: the address is weighed given whether the family names agree, because people of
   * one household share both (siblings are not one person twice)
   */
  groupSize?: number
}

const ADDRESS_LEVELS = [
  'same address',
  'same postcode or street',
  'postcode sector or similar street',
  'postcode district or town',
  'else',
]

// 1 January and 31 December are what systems fill in for an unknown day and month: an exact match on
// one of them is a level of its own (it weighs less); the 1st of a month against another day of the
// same month counts as a partial date that agrees.
export const COMPARISONS: readonly ComparisonDefinition[] = [
  {
    name: 'given_name',
    tf: 'given',
    levels: [
      'exact',
      'nickname or first part',
      'jaro-winkler >= 0.92',
      'phonetic',
      'jaro-winkler >= 0.8',
      'swapped with family name',
      'initial',
      'other name',
      'else',
    ],
  },
  {
    name: 'family_name',
    tf: 'family',
    levels: [
      'exact',
      'double-barrelled part',
      'jaro-winkler >= 0.92',
      'phonetic',
      'other or previous name',
      'swapped with given name',
      'jaro-winkler >= 0.8',
      'else',
    ],
  },
  {
    name: 'date_of_birth',
    levels: [
      'exact',
      'exact, a placeholder date',
      'day and month transposed',
      'partial date agrees to the month',
      'partial date agrees to the year',
      'one digit wrong',
      'within a month',
      'same year',
      'else',
    ],
  },
  { name: 'sex', levels: ['exact', 'else'] },
  { name: 'nhs_number', levels: ['exact', 'else'] },
  { name: 'identifier', levels: ['exact', 'one typo', 'else'] },
  {
    name: 'address',
    groupSize: ADDRESS_LEVELS.length,
    levels: [
      ...ADDRESS_LEVELS.map((l) => `${l}, family names differ`),
      ...ADDRESS_LEVELS.map((l) => `${l}, family names agree`),
    ],
  },
  {
    name: 'phone',
    groupSize: 2,
    levels: [
      'exact, family names differ',
      'else, family names differ',
      'exact, family names agree',
      'else, family names agree',
    ],
  },
]

export const COMPARISON_COUNT = COMPARISONS.length
export const GIVEN = 0
export const FAMILY = 1

/** Jaro–Winkler of two interned names, or 0 when it cannot reach `floor`. */
function nameSimilarity(p: PreparedRecords, a: number, b: number, floor: number): number {
  const n = p.names
  const ta = n.text[a]
  const tb = n.text[b]
  if (jaroWinklerBound(ta.length, tb.length, n.once[a], n.twice[a], n.once[b], n.twice[b]) < floor) return 0
  return jaroWinkler(ta, tb)
}

function stringSimilarity(p: PreparedRecords, a: number, b: number, floor: number): number {
  const s = p.strings
  const ta = s.text[a]
  const tb = s.text[b]
  if (jaroWinklerBound(ta.length, tb.length, s.once[a], s.twice[a], s.once[b], s.twice[b]) < floor) return 0
  return jaroWinkler(ta, tb)
}

/** "a" or "a-f": initials only ("A F", "E.L.") */
const initialsOnly = (name: string) => name.length === 1 || /^[a-z](-[a-z])+$/.test(name)

export function givenLevel(p: PreparedRecords, i: number, j: number): number {
  const a = p.given[i]
  const b = p.given[j]
  if (a < 0 || b < 0) return 0
  if (a === b) return 1
  const names = p.names
  const ga = names.nickGroups[a]
  const gb = names.nickGroups[b]
  if (ga !== null && gb !== null && sharesAny(ga, gb)) return 2
  if (firstPartMatches(p, a, b) || partOfTheOther(p, a, b) || cutShort(p, a, b)) return 2
  const single = initialsOnly(names.text[a]) || initialsOnly(names.text[b])
  const jw = single ? 0 : nameSimilarity(p, a, b, 0.8)
  if (jw >= 0.92) return 3
  if (!single && names.phonetic[a] === names.phonetic[b] && names.phonetic[a] >= 0) return 4
  if (jw >= 0.8) return 5
  const fa = p.family[i]
  const fb = p.family[j]
  if (fa >= 0 && fb >= 0 && sameName(p, a, fb) && sameName(p, fa, b)) return 6
  if (single && names.initial[a] === names.initial[b]) return 7
  if (inOtherNames(p, j, a) || inOtherNames(p, i, b)) return 8
  return 9
}

export function familyLevel(p: PreparedRecords, i: number, j: number): number {
  const a = p.family[i]
  const b = p.family[j]
  if (a < 0 || b < 0) return 0
  if (a === b) return 1
  const names = p.names
  if (partsShared(p, a, b)) return 2
  const jw = nameSimilarity(p, a, b, 0.8)
  if (jw >= 0.92) return 3
  if (names.phonetic[a] === names.phonetic[b] && names.phonetic[a] >= 0) return 4
  if (inOtherNames(p, j, a) || inOtherNames(p, i, b)) return 5
  const ga = p.given[i]
  const gb = p.given[j]
  if (ga >= 0 && gb >= 0 && sameName(p, a, gb) && sameName(p, ga, b)) return 6
  if (jw >= 0.8) return 7
  return 8
}

/** Same name, or near enough for a swap check (a typo on top of a swap is common). */
function sameName(p: PreparedRecords, a: number, b: number): boolean {
  return a === b || nameSimilarity(p, a, b, 0.92) >= 0.92
}

function firstPartMatches(p: PreparedRecords, a: number, b: number): boolean {
  const pa = p.names.parts[a]
  const pb = p.names.parts[b]
  if (pa === null && pb === null) return false
  const fa = pa === null ? a : pa[0]
  const fb = pb === null ? b : pb[0]
  return fa === fb
}

/**
 * One given name is a later word of the other's: "Ibrahim" and "Mohammed Ibrahim", "Zain" and
 * "Muhammad Zain" (a religious first name the child is not called by, or a middle name used).
 * Two names of two words each that share a word ("Mary-Ann", "Rose-Ann") are not this: sisters.
 */
function partOfTheOther(p: PreparedRecords, a: number, b: number): boolean {
  const pa = p.names.parts[a]
  const pb = p.names.parts[b]
  if (pa !== null && pb === null) return pa.includes(b)
  if (pa === null && pb !== null) return pb.includes(a)
  return false
}

/** A cut-short given name with a pet ending ("Debs", "Ibby"), first words compared (short-forms.ts). */
function cutShort(p: PreparedRecords, a: number, b: number): boolean {
  const names = p.names
  const fa = names.parts[a]?.[0] ?? a
  const fb = names.parts[b]?.[0] ?? b
  const ta = names.text[fa]
  const tb = names.text[fb]
  if (ta.charCodeAt(0) !== tb.charCodeAt(0)) return false
  return ta.length < tb.length
    ? cutShortForm(ta, tb, names.nickGroups[fa] !== null)
    : cutShortForm(tb, ta, names.nickGroups[fb] !== null)
}

/** "Smith" in "Smith-Jones", or "Jones-Smith" against "Smith-Brown". */
function partsShared(p: PreparedRecords, a: number, b: number): boolean {
  const pa = p.names.parts[a]
  const pb = p.names.parts[b]
  if (pa === null && pb === null) return false
  if (pa === null) return pb !== null && pb.includes(a)
  if (pb === null) return pa.includes(b)
  for (let x = 0; x < pa.length; x++) if (pb.includes(pa[x])) return true
  return false
}

function inOtherNames(p: PreparedRecords, record: number, name: number): boolean {
  const others = p.otherNames[record]
  if (others === null) return false
  if (others.includes(name)) return true
  const parts = p.names.parts[name]
  if (parts === null) return false
  for (let x = 0; x < parts.length; x++) if (others.includes(parts[x])) return true
  return false
}

/**
 * The one definition of a placeholder date of birth: 1 January or 31 December, the days a system
 * fills in when it knows only the year. The model weighs an exact match on one less; the exact rules
 * (exact-match.ts) want something else to agree. (The 1st of a month, a day not known, is
 * weighed where it meets another day of that month: dobLevel, "partial date agrees to the month".)
 */
export function placeholderDay(month: number, day: number): boolean {
  return (month === 1 && day === 1) || (month === 12 && day === 31)
}

/** placeholderDay of a full ISO date (YYYY-MM-DD). */
export function placeholderDate(date: string): boolean {
  return placeholderDay(Number(date.slice(5, 7)), Number(date.slice(8, 10)))
}

export function dobLevel(p: PreparedRecords, i: number, j: number): number {
  const ya = p.dobYear[i]
  const yb = p.dobYear[j]
  if (ya === 0 || yb === 0) return 0
  const ma = p.dobMonth[i]
  const mb = p.dobMonth[j]
  const da = p.dobDay[i]
  const db = p.dobDay[j]
  const fullA = ma !== 0 && da !== 0
  const fullB = mb !== 0 && db !== 0
  if (ya === yb && ma === mb && da === db) return fullA && placeholderDay(ma, da) ? 2 : fullA ? 1 : ma ? 4 : 5
  if (fullA && fullB) {
    if (ya === yb && da === mb && ma === db) return 3
    // the 1st of a month against a full date of that month, or 1 January against one of that year:
    // a day (a date) not known
    if (ya === yb && ma === mb && (da === 1 || db === 1)) return 4
    if (ya === yb && ((ma === 1 && da === 1) || (mb === 1 && db === 1))) return 5
    if (oneDigitApart(ya * 10000 + ma * 100 + da, yb * 10000 + mb * 100 + db)) return 6
    if (Math.abs(p.dobDays[i] - p.dobDays[j]) <= 31) return 7
    if (ya === yb) return 8
    return 9
  }
  // a partial date (YYYY or YYYY-MM) agrees with any date that has its year, and its month if known
  if (ya === yb && ma !== 0 && ma === mb) return 4
  if (ya === yb && (ma === 0 || mb === 0)) return 5
  if (ya === yb) return 8
  return 9
}

function oneDigitApart(a: number, b: number): boolean {
  let diffs = 0
  let prevA = -1
  let prevB = -1
  let swapped = false
  for (let k = 0; k < 8; k++) {
    const x = a % 10
    const y = b % 10
    if (x !== y) {
      diffs++
      if (diffs === 2 && prevA === y && prevB === x) swapped = true
    }
    prevA = x
    prevB = y
    a = (a - x) / 10
    b = (b - y) / 10
  }
  return diffs === 1 || (diffs === 2 && swapped)
}

function typoLevel(p: PreparedRecords, a: number, b: number, exact: number, typo: number, other: number): number {
  if (a < 0 || b < 0) return 0
  if (a === b) return exact
  return oneTypoApart(p.strings.text[a], p.strings.text[b]) ? typo : other
}

function exactLevel(a: number, b: number): number {
  if (a < 0 || b < 0) return 0
  return a === b ? 1 : 2
}

function similar(p: PreparedRecords, a: number, b: number, threshold: number): boolean {
  if (a < 0 || b < 0) return false
  return a === b || stringSimilarity(p, a, b, threshold) >= threshold
}

/** Postcode, house number, street and town as one comparison: they are not independent evidence. */
export function addressLevel(p: PreparedRecords, i: number, j: number, familyAgrees: boolean): number {
  const pa = p.postcode[i]
  const pb = p.postcode[j]
  const sa = p.street[i]
  const sb = p.street[j]
  const ta = p.town[i]
  const tb = p.town[j]
  if ((pa < 0 && sa < 0 && ta < 0) || (pb < 0 && sb < 0 && tb < 0)) return 0
  const samePostcode = pa >= 0 && pa === pb
  const sameStreet = similar(p, sa, sb, 0.9)
  const sameHouse = p.house[i] >= 0 && p.house[i] === p.house[j]
  const sameTown = similar(p, ta, tb, 0.88)
  const sameSector = p.sector[i] >= 0 && p.sector[i] === p.sector[j]
  const postcodeTypo = pa >= 0 && pb >= 0 && !samePostcode && oneTypoApart(p.strings.text[pa], p.strings.text[pb])
  let level: number
  if (sameHouse && (samePostcode || sameStreet)) level = 1
  else if (samePostcode || (sameStreet && (sameTown || sameSector || postcodeTypo))) level = 2
  else if (sameSector || postcodeTypo || sameStreet) level = 3
  else if ((p.district[i] >= 0 && p.district[i] === p.district[j]) || sameTown) level = 4
  else level = 5
  return familyAgrees ? level + ADDRESS_LEVELS.length : level
}

/** Fills `out` with the level of each comparison for records i and j. */
export function compareInto(p: PreparedRecords, i: number, j: number, out: Uint8Array): void {
  out[0] = givenLevel(p, i, j)
  const family = familyLevel(p, i, j)
  out[1] = family
  const familyAgrees = family >= 1 && family <= 3
  out[2] = dobLevel(p, i, j)
  out[3] = p.sex[i] === 0 || p.sex[j] === 0 ? 0 : p.sex[i] === p.sex[j] ? 1 : 2
  out[4] = p.nhs[i] === 0 || p.nhs[j] === 0 ? 0 : p.nhs[i] === p.nhs[j] ? 1 : 2
  out[5] = typoLevel(p, p.identifier[i], p.identifier[j], 1, 2, 3)
  out[6] = addressLevel(p, i, j, familyAgrees)
  const phone = exactLevel(p.phone[i], p.phone[j])
  // a household shares a landline or a parent's mobile: weighed given the family names, as the address
  out[7] = phone === 0 || !familyAgrees ? phone : phone + 2
}

export const ADDRESS = 6
export const SEX = 3
export const DATE_OF_BIRTH = 2
export const NHS_NUMBER = 4
export const IDENTIFIER = 5
/** the comparisons weighed given whether the family names agree */
export const PHONE = 7
export const HOUSEHOLD_COMPARISONS = [ADDRESS, PHONE] as const

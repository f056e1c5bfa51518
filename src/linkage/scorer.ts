// Scores pairs of prepared records under a model: the sum of each comparison's level weight (with a
// term-frequency adjustment on exact name matches) and the prior, turned into a probability.
import {
  ADDRESS,
  COMPARISONS,
  COMPARISON_COUNT,
  compareInto,
  DATE_OF_BIRTH,
  FAMILY,
  GIVEN,
  IDENTIFIER,
  NHS_NUMBER,
  PHONE,
  SEX,
} from './comparisons.ts'
import {
  LEVEL_STRIDE,
  levelWeights,
  priorWeight,
  probabilityFromWeight,
  tfAdjustment,
  type LinkageModel,
} from './model.ts'
import type { PreparedRecords } from './prepared.ts'
import { dayNumber } from './fields.ts'
import { must } from '../errors/must.ts'

/**
 * Two different given names in one family with one date of birth are twins (or siblings sharing a
 * birthday) far more often than one child written two ways: they share the family name, the date,
 * often the address and the phone, so the sum of independent weights would call them one. "One date"
 * is the same date, a placeholder, a day-month swap or one digit away (a year one digit apart on the
 * same day and month is siblings sharing a birthday as often as a typo). Unless an NHS number or
 * another identifier agrees (or is one typo apart), such a pair weighs TWINS_BITS more against:
 * linked only when much else agrees (a phone and an NHS number), otherwise left to a person. A
 * shared home is not required (decision 0051): twins recorded at two addresses (a parent's each,
 * a placement) are twins too, and one child written two ways keeps a given name that is a
 * nickname, a variant, a typo or a part of the other, which is not "else". (More against at a
 * shared home was tried: FEBRL dataset 4, where a corrupted given name at one address is one person,
 * lost recall below 0.995.)
 */
export const TWINS_BITS = -6
/** The comparisons any record of a person supplies for it (PairScorer.personLevels). */
export const PERSON_COMPARISONS = [SEX, ADDRESS, PHONE] as const
const GIVEN_ELSE = COMPARISONS[GIVEN].levels.length

const ADDRESS_GROUP = must(COMPARISONS[ADDRESS].groupSize, "the address comparison's group size")
/** the phone level "exact, family names agree": a household's phone */
const PHONE_EXACT_FAMILY_AGREES = COMPARISONS[PHONE].levels.indexOf('exact, family names agree') + 1
const dobLevelOf = (label: string) => COMPARISONS[DATE_OF_BIRTH].levels.indexOf(label) + 1
/** Dates of birth that are one date as twins share it (TWINS_BITS). */
const DOB_ONE_DATE = new Set(
  ['exact', 'exact, a placeholder date', 'day and month transposed', 'one digit wrong'].map(dobLevelOf),
)

const familyLevelOf = (label: string) => COMPARISONS[FAMILY].levels.indexOf(label) + 1
/** Family names of one family: agreeing, or written another way (a typo, a transliteration, an accent). */
const FAMILY_LIKE = new Set(
  ['exact', 'double-barrelled part', 'jaro-winkler >= 0.92', 'phonetic', 'jaro-winkler >= 0.8'].map(familyLevelOf),
)
/** Family names alike but weighed in the "family names differ" half of the home comparisons. */
export const familySpeltOtherwise = (levels: Uint8Array) => levels[FAMILY] > 3 && FAMILY_LIKE.has(levels[FAMILY])

export function twinsLike(levels: Uint8Array): boolean {
  return (
    levels[GIVEN] === GIVEN_ELSE &&
    FAMILY_LIKE.has(levels[FAMILY]) &&
    DOB_ONE_DATE.has(levels[DATE_OF_BIRTH]) &&
    levels[NHS_NUMBER] !== 1 &&
    levels[IDENTIFIER] !== 1 &&
    levels[IDENTIFIER] !== 2
  )
}

/**
 * Records whose dates of birth lie a generation apart (12 years or more, and not a digit or a
 * transposition away from each other) are a parent and a child, or two namesakes, never one person
 * written twice: a mother and a daughter with one name at one address, a father and "Jr". Only an
 * identifier that agrees (a UPN, level "exact" or "one typo") outweighs it: an NHS number does not
 * (a newborn's record can carry the mother's). Two full dates with the same day and month are a year
 * mistyped, not a generation.
 */
export const GENERATION_BITS = -30
export const GENERATION_YEARS = 12

/**
 * Two records of one family (family names agree) whose given names are not the same and whose dates
 * of birth disagree (not within a month, not a swap, a digit or a partial date): what they share of a home (address, phone) is what a
 * household shares, not evidence that they are one person, so its positive weight is taken back.
 * Siblings with near-identical names (Aaliyah and Aliyah) otherwise sum to a link.
 */
const DOB_SAME_YEAR = COMPARISONS[DATE_OF_BIRTH].levels.indexOf('same year') + 1
const DOB_ELSE = COMPARISONS[DATE_OF_BIRTH].levels.length
const DOB_ONE_DIGIT = COMPARISONS[DATE_OF_BIRTH].levels.indexOf('one digit wrong') + 1
const DOB_TRANSPOSED = COMPARISONS[DATE_OF_BIRTH].levels.indexOf('day and month transposed') + 1

const DAYS_PER_YEAR = 365.25

/** Whether two records' dates of birth lie a generation apart (see GENERATION_BITS). */
export function generationApart(p: PreparedRecords, i: number, j: number, levels: Uint8Array): boolean {
  const dobLevel = levels[DATE_OF_BIRTH]
  if (dobLevel === 0 || dobLevel === DOB_ONE_DIGIT || dobLevel === DOB_TRANSPOSED) return false
  // a UPN (or another identifier only one person holds) that agrees settles it: the date is wrong
  if (levels[IDENTIFIER] === 1 || levels[IDENTIFIER] === 2) return false
  const a = p.dobDays[i]
  const b = p.dobDays[j]
  if (a === a && b === b)
    // the same day and month with another year is a year mistyped more often than a shared birthday
    return (
      Math.abs(a - b) >= GENERATION_YEARS * DAYS_PER_YEAR &&
      (p.dobMonth[i] !== p.dobMonth[j] || p.dobDay[i] !== p.dobDay[j])
    )
  // a partial date (or an approximate age) is a year at best: a year more of slack
  return Math.abs(p.dobYear[i] - p.dobYear[j]) > GENERATION_YEARS
}

/**
 * What an agency said of the person's age (`is_child`, at the record's `recorded_at`) against the
 * other record's date of birth, or against the other record's own word years later: an adult's record
 * (a mother's, with no date of birth, as housing holds it) and a child's date of birth are two
 * people, as a generation apart is (GENERATION_BITS); so are "an adult" then and "a child" years
 * later. AGE_SLACK_YEARS either way forgives an agency's borderline (a 17-year-old recorded as an
 * adult, a care leaver of 19 still a child); a partial date is taken at its widest.
 */
export const AGE_SLACK_YEARS = 2
const ADULT_AGE = 18

function saysOtherwise(p: PreparedRecords, x: number, y: number): boolean {
  const flag = p.childFlag[x]
  const at = p.recordedDays[x]
  if (flag === 0 || at !== at) return false
  const year = p.dobYear[y]
  if (year !== 0) {
    const month = p.dobMonth[y]
    const day = p.dobDay[y]
    const oldest = (at - dayNumber(year, month || 1, day || 1)) / DAYS_PER_YEAR
    const youngest = (at - dayNumber(year, month || 12, day || 31)) / DAYS_PER_YEAR
    if (flag === 2 && oldest < ADULT_AGE - AGE_SLACK_YEARS) return true
    if (flag === 1 && youngest >= ADULT_AGE + AGE_SLACK_YEARS) return true
  }
  const then = p.recordedDays[y]
  return flag === 2 && p.childFlag[y] === 1 && then === then && then - at > AGE_SLACK_YEARS * DAYS_PER_YEAR
}

/** Whether records i and j disagree on the person's age (see AGE_SLACK_YEARS); an agreeing UPN settles it. */
export function agesDisagree(p: PreparedRecords, i: number, j: number, levels: Uint8Array): boolean {
  if (levels[IDENTIFIER] === 1 || levels[IDENTIFIER] === 2) return false
  return saysOtherwise(p, i, j) || saysOtherwise(p, j, i)
}

/** Family names agree and dates of birth disagree: household evidence, not identity (see above). */
export function householdOnly(levels: Uint8Array): boolean {
  return (
    levels[GIVEN] !== 1 &&
    levels[FAMILY] >= 1 &&
    levels[FAMILY] <= 3 &&
    (levels[DATE_OF_BIRTH] === DOB_SAME_YEAR || levels[DATE_OF_BIRTH] === DOB_ELSE)
  )
}

const FAMILY_ELSE = COMPARISONS[FAMILY].levels.length
/** Dates that agree as one person's (exact, a swap, a partial date that holds the other): names written
 * another way (swapped, transliterated: "Ali Maxamed", "Mohamad Cali") with such a date stay a person. */
const DOB_AGREES = new Set(
  ['exact', 'exact, a placeholder date', 'day and month transposed', 'partial date agrees to the month'].map(
    (level) => COMPARISONS[DATE_OF_BIRTH].levels.indexOf(level) + 1,
  ),
)

/**
 * Neither name alike (given and family names both "else"), dates of birth that do not agree as one
 * person's, and no identifier that agrees: two people
 * of one home (a step-sister, a lodger, a foster carer's own child). What they share of the home is
 * the household's, as in householdOnly, however a model trained on a town's step-families weighs a
 * shared address when family names differ.
 */
export function strangersAtOneHome(levels: Uint8Array): boolean {
  return (
    !DOB_AGREES.has(levels[DATE_OF_BIRTH]) &&
    levels[GIVEN] === GIVEN_ELSE &&
    levels[FAMILY] === FAMILY_ELSE &&
    levels[NHS_NUMBER] !== 1 &&
    levels[IDENTIFIER] !== 1 &&
    levels[IDENTIFIER] !== 2
  )
}

/** Dates of birth that say two people, or nothing: none on one side, within a month (not a digit or
 * a swap), the same year, or else. */
const DOB_NONE_OR_DISAGREES = new Set([0, ...['within a month', 'same year', 'else'].map(dobLevelOf)])

/**
 * A given name that is not the other's (not a nickname, variant, typo, part, initial or other name:
 * level "else"), whatever the family names, with no date of birth that agrees and no identifier that
 * agrees: a sibling, a parent, a lodger of one home ("Amy Holden" and "Karen Holden" at one address and
 * phone, "Priya Permar" and "Hema Parmar"), not one person. What they share of the home is the
 * household's, as in householdOnly and strangersAtOneHome, which need the family names to agree, or
 * to differ entirely, and a date on both sides (decision 0051).
 */
export function otherGivenNameAtHome(levels: Uint8Array): boolean {
  return (
    levels[GIVEN] === GIVEN_ELSE &&
    DOB_NONE_OR_DISAGREES.has(levels[DATE_OF_BIRTH]) &&
    levels[NHS_NUMBER] !== 1 &&
    levels[IDENTIFIER] !== 1 &&
    levels[IDENTIFIER] !== 2
  )
}

/**
 * Two full dates of birth that are two people's, not one date mistyped, with no identifier that
 * agrees: DATES_APART_YEARS or more apart (not a digit, a swap, a month or only the year away from
 * each other), or less but with the year, the month and the day all different (three errors in one
 * date are rarer than siblings or namesakes born a year or so apart: decision 0051). Two people
 * (siblings, cousins or namesakes of one name), whatever else agrees.
 */
export const DATES_APART_BITS = -10
export const DATES_APART_YEARS = 2

export function datesApart(p: PreparedRecords, i: number, j: number, levels: Uint8Array): boolean {
  if (levels[DATE_OF_BIRTH] !== DOB_ELSE) return false
  if (levels[NHS_NUMBER] === 1 || levels[IDENTIFIER] === 1 || levels[IDENTIFIER] === 2) return false
  const a = p.dobDays[i]
  const b = p.dobDays[j]
  // full dates only (a partial date is NaN here): a year or a month alone says too little; the same
  // day and month in another year is a year mistyped (as generationApart reads it)
  if (!(a === a && b === b)) return false
  const sameMonth = p.dobMonth[i] === p.dobMonth[j]
  const sameDay = p.dobDay[i] === p.dobDay[j]
  if (sameMonth && sameDay) return false
  return Math.abs(a - b) >= DATES_APART_YEARS * DAYS_PER_YEAR || (!sameMonth && !sameDay)
}

/**
 * A name and nothing else: no date of birth on one side, no home (the same address or postcode), no
 * phone and no identifier shared. Namesakes are common (the commonest given and family names of a
 * community in one town), so the names' weights, estimated on pairs that also agree on a date or a
 * home, overstate such a pair: NAME_ALONE_BITS more against.
 */
export const NAME_ALONE_BITS = 6
const ADDRESS_SAME_POSTCODE = 2

export function nameAlone(levels: Uint8Array): boolean {
  if (levels[DATE_OF_BIRTH] !== 0) return false
  if (levels[NHS_NUMBER] === 1 || levels[IDENTIFIER] === 1 || levels[IDENTIFIER] === 2) return false
  if (levels[PHONE] === 1 || levels[PHONE] === PHONE_EXACT_FAMILY_AGREES) return false
  const address = levels[ADDRESS]
  return !(address > 0 && (address - 1) % ADDRESS_GROUP < ADDRESS_SAME_POSTCODE)
}

/**
 * One name, dates of birth that disagree (within a month, the same year or further, not a digit or a
 * swap: level "within a month", "same year" or "else"), and two homes: both records hold an address and
 * they are not the same address, postcode or street, no phone and no identifier agree. The commonest
 * full names of a town ("Mohammed Khan" born 8 and 15 December 2012, "Jack Smith" nine days apart)
 * are namesakes weeks apart; one person written twice with the date wrong beyond a typo and the home
 * moved is two errors at once. NAME_ALONE_BITS more against (decision 0051).
 */
export function namesakesApart(levels: Uint8Array): boolean {
  if (!DOB_DISAGREES.has(levels[DATE_OF_BIRTH])) return false
  if (levels[NHS_NUMBER] === 1 || levels[IDENTIFIER] === 1 || levels[IDENTIFIER] === 2) return false
  if (levels[PHONE] === 1 || levels[PHONE] === PHONE_EXACT_FAMILY_AGREES) return false
  const address = levels[ADDRESS]
  return address > 0 && (address - 1) % ADDRESS_GROUP >= ADDRESS_SAME_POSTCODE
}
const DOB_DISAGREES = new Set(['within a month', 'same year', 'else'].map(dobLevelOf))

/**
 * Two valid NHS numbers that differ: two people, as the exact rules read it (identifiers.ts), however
 * their names, date and home agree (two children of one common name born weeks apart, each with their
 * own NHS number). Evidence rather than proof here (a newborn's record can carry the mother's number),
 * so IDENTIFIERS_CONFLICT_BITS against, enough to outweigh a name and a date (decision 0051).
 */
export const IDENTIFIERS_CONFLICT_BITS = -10
const NHS_ELSE = COMPARISONS[NHS_NUMBER].levels.length

export function nhsNumbersConflict(levels: Uint8Array): boolean {
  return levels[NHS_NUMBER] === NHS_ELSE && levels[IDENTIFIER] !== 1 && levels[IDENTIFIER] !== 2
}

/**
 * A brother and a sister: the sexes differ and the given names are not the same (a variant, a typo,
 * a nickname or another name: "Andrei" and "Andreea", "Sami" and "Samira"), with no identifier that
 * agrees. One child written twice with both the sex and the given name wrong is two errors at once;
 * twins of two sexes share the family name, the date and the home, and siblings' names are often one
 * letter apart. SEXES_BITS against, and what they share of a home is the household's (decision 0057).
 * The same given name with another sex stays a recording error (the sex comparison alone weighs it).
 */
export const SEXES_BITS = -10
const SEX_ELSE = COMPARISONS[SEX].levels.length

export function brotherAndSister(levels: Uint8Array): boolean {
  return (
    levels[SEX] === SEX_ELSE &&
    levels[GIVEN] > 1 &&
    levels[NHS_NUMBER] !== 1 &&
    levels[IDENTIFIER] !== 1 &&
    levels[IDENTIFIER] !== 2
  )
}

export interface RuleAdjustment {
  rule:
    'twins' | 'generation' | 'household' | 'age' | 'name alone' | 'dates apart' | 'namesakes' | 'identifiers' | 'sexes'
  reason: string
  bits: number
}

/** The rules `namesakes` (namesakesApart) and `identifiers` (nhsNumbersConflict), in bits; `sharedNhs`:
 * either NHS number is held by records a generation apart (shared-nhs.ts), so two that differ say nothing. */
function namesakesAndIdentifiers(levels: Uint8Array, sharedNhs: () => boolean, out?: RuleAdjustment[]): number {
  let bits = 0
  if (namesakesApart(levels)) {
    bits -= NAME_ALONE_BITS
    const reason = 'one name, dates of birth that disagree, two homes: namesakes'
    out?.push({ rule: 'namesakes', reason, bits: -NAME_ALONE_BITS })
  }
  if (nhsNumbersConflict(levels) && !sharedNhs()) {
    bits += IDENTIFIERS_CONFLICT_BITS
    out?.push({ rule: 'identifiers', reason: 'two valid NHS numbers that differ', bits: IDENTIFIERS_CONFLICT_BITS })
  }
  return bits
}

export class PairScorer {
  readonly weights: Float64Array
  readonly prior: number
  private tfGiven = new Float64Array(0)
  private tfFamily = new Float64Array(0)
  private known = 0
  private readonly levels = new Uint8Array(COMPARISON_COUNT)
  private readonly otherLevels = new Uint8Array(COMPARISON_COUNT)

  constructor(
    readonly model: LinkageModel,
    readonly records: PreparedRecords,
  ) {
    this.weights = levelWeights(model)
    this.prior = priorWeight(model)
    this.refreshNames()
  }

  /** Computes term-frequency adjustments of names interned since the last call. */
  refreshNames(): void {
    const names = this.records.names.text
    if (names.length === this.known) return
    if (names.length > this.tfGiven.length) {
      const size = Math.max(names.length, this.tfGiven.length * 2, 256)
      const g = new Float64Array(size)
      const f = new Float64Array(size)
      g.set(this.tfGiven.subarray(0, this.known))
      f.set(this.tfFamily.subarray(0, this.known))
      this.tfGiven = g
      this.tfFamily = f
    }
    const g = this.tfGiven
    const f = this.tfFamily
    const uGiven = this.model.comparisons[GIVEN].levels[0].u
    const uFamily = this.model.comparisons[FAMILY].levels[0].u
    const tf = this.model.termFrequencies
    for (let id = this.known; id < names.length; id++) {
      g[id] = tfAdjustment(tf.given, uGiven, names[id])
      f[id] = tfAdjustment(tf.family, uFamily, names[id])
    }
    this.known = names.length
  }

  /**
   * Match weight (bits, prior included) of records i and j; `levels` receives the levels. `others`:
   * the other records of the person i belongs to, whose sex, addresses and phones count as i's
   * (personLevels).
   */
  weight(i: number, j: number, levels: Uint8Array = this.levels, others?: ArrayLike<number>): number {
    compareInto(this.records, i, j, levels)
    if (others && others.length > 0) this.personLevels(i, j, levels, others)
    const w = this.weights
    let total = this.prior
    for (let k = 0; k < COMPARISON_COUNT; k++) total += w[k * LEVEL_STRIDE + levels[k]]
    if (levels[GIVEN] === 1) total += this.tfGiven[this.records.given[i]]
    if (levels[FAMILY] === 1) total += this.tfFamily[this.records.family[i]]
    return total + this.rules(i, j, levels, undefined, others)
  }

  /**
   * What one person's records hold together: an agency sends what it knows (a charity a phone, a
   * school the home address, police an old address), so record j is compared with the person, not
   * with one of its records. For the sex, the address and the phone (PERSON_COMPARISONS), `levels`
   * (i against j) takes the level of whichever of the person's records (`others`) weighs most in
   * favour, and any level where i holds none; the address and the phone keep the grouping of i's
   * family name against j's. Names and dates of birth stay i's own: they are what makes i the
   * person's best record; only when i holds no date of birth does the date come from the person.
   */
  personLevels(i: number, j: number, levels: Uint8Array, others: ArrayLike<number>): void {
    const w = this.weights
    const family = levels[FAMILY]
    const familyAgrees = family >= 1 && family <= 3
    const other = this.otherLevels
    // i holds no date of birth (housing's household member, a charity's client): the person's
    // records that do hold one say whether j's date is the person's (the most favourable of their
    // levels), so that a record of another age does not join the person through one that holds none
    const dobFromPerson = levels[DATE_OF_BIRTH] === 0
    const dob = DATE_OF_BIRTH * LEVEL_STRIDE
    for (let x = 0; x < others.length; x++) {
      const e = others[x]
      if (e === i || e === j) continue
      compareInto(this.records, e, j, other)
      if (dobFromPerson && other[DATE_OF_BIRTH] !== 0)
        if (levels[DATE_OF_BIRTH] === 0 || w[dob + other[DATE_OF_BIRTH]] > w[dob + levels[DATE_OF_BIRTH]])
          levels[DATE_OF_BIRTH] = other[DATE_OF_BIRTH]
      for (const k of PERSON_COMPARISONS) {
        let level = other[k]
        if (level === 0) continue
        const group = COMPARISONS[k].groupSize
        if (group) level = ((level - 1) % group) + 1 + (familyAgrees ? group : 0)
        if (levels[k] === 0 || w[k * LEVEL_STRIDE + level] > w[k * LEVEL_STRIDE + levels[k]]) levels[k] = level
      }
    }
  }

  /**
   * The rules on top of the sum (docs/linkage-model.md), in bits, for records i and j whose levels
   * are `levels`; each rule that applies is pushed to `out` when given (the explanation).
   */
  rules(i: number, j: number, levels: Uint8Array, out?: RuleAdjustment[], others?: ArrayLike<number>): number {
    let bits = 0
    // one person has one age: any of its records (i, `others`) may disagree with j's
    let ages = agesDisagree(this.records, i, j, levels)
    for (let x = 0; !ages && others && x < others.length; x++)
      if (others[x] !== j) ages = agesDisagree(this.records, others[x], j, levels)
    if (ages) {
      bits += GENERATION_BITS
      out?.push({
        rule: 'age',
        reason: "one record's child or adult at its date against the other's age",
        bits: GENERATION_BITS,
      })
    }
    if (nameAlone(levels)) {
      bits -= NAME_ALONE_BITS
      out?.push({
        rule: 'name alone',
        reason: 'a name and nothing else: no date of birth on one side, no home, phone or identifier shared',
        bits: -NAME_ALONE_BITS,
      })
    }
    const sharedNhs = () => this.records.nhsUnreliable(i) || this.records.nhsUnreliable(j)
    bits += namesakesAndIdentifiers(levels, sharedNhs, out)
    const sexes = brotherAndSister(levels)
    if (sexes) {
      bits += SEXES_BITS
      out?.push({ rule: 'sexes', reason: 'the sexes differ and the given names are not the same', bits: SEXES_BITS })
    }
    const twinsLikeLevels = twinsLike(levels)
    if (twinsLikeLevels) {
      const twins = this.twinsBits(levels)
      bits += twins
      out?.push({
        rule: 'twins',
        reason: 'given names differ in one family with one date of birth',
        bits: twins,
      })
    }
    if (generationApart(this.records, i, j, levels)) {
      bits += GENERATION_BITS
      out?.push({
        rule: 'generation',
        reason: `dates of birth ${GENERATION_YEARS} years or more apart`,
        bits: GENERATION_BITS,
      })
    } else {
      if (datesApart(this.records, i, j, levels)) {
        bits += DATES_APART_BITS
        out?.push({
          rule: 'dates apart',
          reason: `full dates of birth ${DATES_APART_YEARS} years or more apart, not a digit or a swap`,
          bits: DATES_APART_BITS,
        })
      }
      const household = householdOnly(levels)
      // a brother and a sister share a home as a household does (unless the twins rule took it back)
      const siblings = sexes && !(twinsLikeLevels && familySpeltOtherwise(levels))
      if (household || strangersAtOneHome(levels) || otherGivenNameAtHome(levels) || siblings) {
        const w = this.weights
        const shared =
          Math.max(0, w[ADDRESS * LEVEL_STRIDE + levels[ADDRESS]]) +
          Math.max(0, w[PHONE * LEVEL_STRIDE + levels[PHONE]])
        if (shared > 0) {
          bits -= shared
          out?.push({
            rule: 'household',
            reason: household
              ? "one family, dates of birth differ: a shared address or phone is a household's"
              : siblings && !strangersAtOneHome(levels) && !otherGivenNameAtHome(levels)
                ? "a brother and a sister: a shared address or phone is a household's"
                : "given names differ, no date of birth agrees: a shared address or phone is a household's",
            bits: -shared,
          })
        }
      }
    }
    return bits
  }

  /**
   * TWINS_BITS, and a family name spelt another way is weighed as strangers sharing a home
   * (comparisons.ts): for twins that home is the family's, so its weight is taken back.
   */
  private twinsBits(levels: Uint8Array): number {
    if (!familySpeltOtherwise(levels)) return TWINS_BITS
    return TWINS_BITS - this.homeBits(levels)
  }

  /** The positive weight of a shared address and phone: what a household shares. */
  private homeBits(levels: Uint8Array): number {
    const w = this.weights
    return (
      Math.max(0, w[ADDRESS * LEVEL_STRIDE + levels[ADDRESS]]) + Math.max(0, w[PHONE * LEVEL_STRIDE + levels[PHONE]])
    )
  }

  probability(i: number, j: number, others?: ArrayLike<number>): number {
    return probabilityFromWeight(this.weight(i, j, this.levels, others))
  }

  /** Term-frequency adjustment applied to an exact match of comparison k for record i. */
  tfBits(k: number, i: number): number {
    if (k === GIVEN) return this.tfGiven[this.records.given[i]]
    if (k === FAMILY) return this.tfFamily[this.records.family[i]]
    return 0
  }
}

/**
 * The scorer's rules that say two people outright, whatever else agrees: two valid NHS numbers that
 * differ (neither held by records a generation apart, shared-nhs.ts), dates of birth a generation
 * apart, full dates years apart, a brother and a sister. `threadline link` refuses a person holding
 * two such records (pipeline.ts contradictions, decision 0064). The import path's linker does not use
 * them: tried and measured on an unseen area, it kept 18 true pairs apart for 1 wrong pair fewer
 * (decision 0068).
 */
export function twoPeople(records: PreparedRecords, i: number, j: number, levels: Uint8Array): boolean {
  if (nhsNumbersConflict(levels) && !records.nhsUnreliable(i) && !records.nhsUnreliable(j)) return true
  if (generationApart(records, i, j, levels) || datesApart(records, i, j, levels)) return true
  // twins (another given name, one date: twinsLike) were tried and dropped: a child's pet name that
  // no table holds is "else" too (set o lost 83 right pairs for 10 wrong; decision 0064)
  return brotherAndSister(levels)
}

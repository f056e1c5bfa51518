// The characteristics the national data set on child sexual exploitation asks for (IICSA 2022; the
// national audit on group-based child sexual exploitation, 2025), read from what agencies record (pure).
// "Not recorded" and "refused" are kept apart everywhere: a refusal is an answer the agency recorded.
import { ageInYears } from '../calendar/index.ts'

export const NOT_RECORDED = 'not recorded'
export const REFUSED = 'refused'

/** The ONS 2021 census's high-level ethnic groups (England and Wales). */
export const ONS_2021_GROUPS = [
  'Asian, Asian British or Asian Welsh',
  'Black, Black British, Black Welsh, Caribbean or African',
  'Mixed or Multiple ethnic groups',
  'White',
  'Other ethnic group',
] as const
const [ASIAN, BLACK, MIXED, WHITE, OTHER] = ONS_2021_GROUPS
/** Text recorded that names no group we know: counted as recorded, never guessed. */
export const NOT_MAPPED = 'recorded, not mapped'

export const ETHNICITY_CATEGORIES = [...ONS_2021_GROUPS, NOT_MAPPED, REFUSED, NOT_RECORDED] as const

/** The value trimmed, or null when nothing is recorded (none, or only spaces). */
const recorded = (v: string | null | undefined): string | null => v?.trim() || null
const NOT_RECORDED_WORDS =
  /^(not[ _-]?(recorded|known|stated|obtained|given)|unknown|n\/?k|none recorded|nobt|ns|ic0|ic9|99)$/i
const REFUSED_WORDS = /^(refused|declined|refu|prefer not to say|information refused|not disclosed)$/i

// DfE's codes (school census and children in need census), the police's IC codes, and the 2021 census's
// 19 categories as the police's self-defined codes (W1..O9)
const CODES: Record<string, string> = {
  WBRI: WHITE,
  WIRI: WHITE,
  WIRT: WHITE,
  WOTH: WHITE,
  WROM: WHITE,
  MWBC: MIXED,
  MWBA: MIXED,
  MWAS: MIXED,
  MOTH: MIXED,
  AIND: ASIAN,
  APKN: ASIAN,
  ABAN: ASIAN,
  AOTH: ASIAN,
  CHNE: ASIAN, // Chinese is an Asian group in the 2021 census
  BCRB: BLACK,
  BAFR: BLACK,
  BOTH: BLACK,
  OOTH: OTHER,
  IC1: WHITE,
  IC2: WHITE,
  IC3: BLACK,
  IC4: ASIAN,
  IC5: ASIAN, // Chinese, Japanese or other South East Asian
  IC6: OTHER, // Arab or North African
}
const SELF_DEFINED: Record<string, string> = { W: WHITE, M: MIXED, A: ASIAN, B: BLACK, O: OTHER }

/** An ethnicity as recorded (a long form, a DfE code, a police IC or self-defined code) → an ONS 2021 group. */
export function ethnicityGroup(value: string | null | undefined): string {
  const v = recorded(value)
  if (v === null) return NOT_RECORDED
  if (NOT_RECORDED_WORDS.test(v)) return NOT_RECORDED
  if (REFUSED_WORDS.test(v)) return REFUSED
  const code = v.toUpperCase()
  if (CODES[code]) return CODES[code]
  if (/^[WMABO][1-9]$/.test(code)) return SELF_DEFINED[code[0]]
  const t = v.toLowerCase()
  if (/\b(mixed|multiple|dual heritage)\b/.test(t)) return MIXED
  if (
    /\b(asian|indian|pakistani|bangladeshi|chinese|kashmiri|sri lankan|nepali|japanese|vietnamese|filipino)\b/.test(t)
  )
    return ASIAN
  if (/\b(black|african|caribbean|somali|nigerian|ghanaian|eritrean)\b/.test(t)) return BLACK
  if (/\b(white|english|welsh|scottish|northern irish|irish|gypsy|traveller|roma|polish|eastern european)\b/.test(t))
    return WHITE
  if (/\b(arab|any other|other ethnic)\b/.test(t)) return OTHER
  return NOT_MAPPED
}

export const SEX_CATEGORIES = ['female', 'male', 'other', NOT_RECORDED] as const

export function sexCategory(value: string | null | undefined): string {
  const v = recorded(value)?.toLowerCase()
  if (v === undefined) return NOT_RECORDED
  if (v === 'female' || v === 'f') return 'female'
  if (v === 'male' || v === 'm') return 'male'
  if (v === 'other' || v === 'indeterminate') return 'other'
  return NOT_RECORDED
}

export const DISABILITY_CATEGORIES = ['yes', 'no', REFUSED, NOT_RECORDED] as const

export function disabilityCategory(value: string | null | undefined): string {
  const v = recorded(value)
  if (v === null) return NOT_RECORDED
  if (NOT_RECORDED_WORDS.test(v) || /^not[_ ]recorded$/i.test(v)) return NOT_RECORDED
  if (REFUSED_WORDS.test(v)) return REFUSED
  if (/^(none|no|n|no disability|not disabled|nond)$/i.test(v)) return 'no'
  return 'yes'
}

const BRITISH = /^(british|uk|gb|gbr|united kingdom|english|welsh|scottish|northern irish|british citizen)$/i

/** A nationality as recorded, in one spelling: `British` for the UK's forms, else the word in title case. */
export function nationalityCategory(value: string | null | undefined): string {
  const v = recorded(value)
  if (v === null) return NOT_RECORDED
  if (NOT_RECORDED_WORDS.test(v)) return NOT_RECORDED
  if (REFUSED_WORDS.test(v)) return REFUSED
  if (BRITISH.test(v)) return 'British'
  return v
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
}

export const AGE_BANDS = ['under 10', '10-12', '13-15', '16-17', '18-24', '25-39', '40 and over', NOT_RECORDED] as const

function bandOf(age: number): string {
  if (age < 10) return 'under 10'
  if (age <= 12) return '10-12'
  if (age <= 15) return '13-15'
  if (age <= 17) return '16-17'
  if (age <= 24) return '18-24'
  if (age <= 39) return '25-39'
  return '40 and over'
}

/**
 * The age band on a day (YYYY-MM-DD) from a date of birth that may be partial (YYYY or YYYY-MM): the band
 * when the earliest and latest possible birth dates agree on it, else not recorded.
 */
export function ageBand(dateOfBirth: string | null | undefined, day: string): string {
  const dob = recorded(dateOfBirth)
  if (dob === null) return NOT_RECORDED
  let earliest: string
  let latest: string
  if (/^\d{4}-\d{2}-\d{2}$/.test(dob)) earliest = latest = dob
  else if (/^\d{4}-\d{2}$/.test(dob)) {
    earliest = `${dob}-01`
    latest = `${dob}-${new Date(Date.UTC(Number(dob.slice(0, 4)), Number(dob.slice(5, 7)), 0)).getUTCDate()}`
  } else if (/^\d{4}$/.test(dob)) {
    earliest = `${dob}-01-01`
    latest = `${dob}-12-31`
  } else return NOT_RECORDED
  if (latest > day) return NOT_RECORDED
  const a = bandOf(ageInYears(earliest, day))
  return a === bandOf(ageInYears(latest, day)) ? a : NOT_RECORDED
}

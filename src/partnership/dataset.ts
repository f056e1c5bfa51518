// The national data set on child sexual exploitation as rows (pure): per period, role (victim or
// suspect), characteristic and category, the number of people for the whole area (each person once,
// their characteristic as any agency recorded it) and for each agency (the people its records name,
// their characteristic as that agency recorded it), with each characteristic's completeness: the share
// of people in that role whose characteristic was recorded (a refusal is recorded; "not recorded" is not).
// Group-based: tied to a network an analyst confirmed (never a suggested one). Suppression as suppress.ts.
import { isoFromDay, type Day } from '../calendar/days.ts'
import {
  AGE_BANDS,
  DISABILITY_CATEGORIES,
  ETHNICITY_CATEGORIES,
  NOT_RECORDED,
  REFUSED,
  SEX_CATEGORIES,
  ageBand,
  disabilityCategory,
  ethnicityGroup,
  nationalityCategory,
  sexCategory,
} from './characteristics.ts'
import { CASE_ROLES, type CaseRole } from './cases.ts'
import { periodIndex, type Period } from './periods.ts'
import { suppressCells, type CellGroup } from './suppress.ts'

export const DATASET_COLUMNS = [
  'period_start',
  'period_end',
  'role',
  'characteristic',
  'category',
  'agency',
  'count',
  'suppressed',
  'recorded_share',
] as const

export const CHARACTERISTICS = ['sex', 'age_band', 'ethnicity', 'nationality', 'disability', 'group_based'] as const
export type Characteristic = (typeof CHARACTERISTICS)[number]
export const GROUP_BASED = ['group-based', 'not group-based'] as const

export interface Traits {
  sex: string | null
  dateOfBirth: string | null
  ethnicity: string | null
  nationality: string | null
  disability: string | null
}

/** One person in one role in one period, as the area knows them or as one agency recorded them. */
export interface DatasetPerson {
  role: CaseRole
  /** Threadline's id of the person. */
  person: number
  /** null: the area's view of the person (all agencies' records); else the agency whose records name them. */
  agency: string | null
  /** The first day in the period a record names them in this role (their age is taken on it). */
  day: Day
  traits: Traits
  groupBased: boolean
}

export interface DatasetRow {
  period_start: string
  period_end: string
  role: CaseRole
  characteristic: Characteristic
  category: string
  agency: string | null
  count: number | null
  suppressed: boolean
  recorded_share: number | null
}

export function categoryOf(characteristic: Characteristic, p: DatasetPerson): string {
  switch (characteristic) {
    case 'sex':
      return sexCategory(p.traits.sex)
    case 'age_band':
      return ageBand(p.traits.dateOfBirth, isoFromDay(p.day))
    case 'ethnicity':
      return ethnicityGroup(p.traits.ethnicity)
    case 'nationality':
      return nationalityCategory(p.traits.nationality)
    case 'disability':
      return disabilityCategory(p.traits.disability)
    case 'group_based':
      return p.groupBased ? GROUP_BASED[0] : GROUP_BASED[1]
  }
}

const FIXED: Record<Exclude<Characteristic, 'nationality'>, readonly string[]> = {
  sex: SEX_CATEGORIES,
  age_band: AGE_BANDS,
  ethnicity: ETHNICITY_CATEGORIES,
  disability: DISABILITY_CATEGORIES,
  group_based: GROUP_BASED,
}

/** A cell's key: period, role, characteristic, category and agency (none for the area). */
const cell = (p: number, role: string, ch: string, cat: string, agency: string | null) =>
  `${p}\u0000${role}\u0000${ch}\u0000${cat}\u0000${agency ?? ''}`
/** The key of the number of people in a period and role, at an agency or in the area. */
const totalKey = (p: number, role: string, agency: string | null) => `${p}\u0000${role}\u0000${agency ?? ''}`

/** Each person counted once per period, role and agency (and once for the area) into their categories. */
function countPeople(periods: readonly Period[], people: readonly DatasetPerson[]) {
  const counts = new Map<string, number>()
  const totals = new Map<string, number>()
  const nationalities = new Set<string>()
  // each person once per period, role and agency (and once for the area), on the first day named
  const firsts = new Map<string, DatasetPerson>()
  for (const person of people) {
    const p = periodIndex(periods, person.day)
    if (p < 0) continue
    const key = `${p}\u0000${person.role}\u0000${person.person}\u0000${person.agency ?? ''}`
    const seen = firsts.get(key)
    if (!seen || person.day < seen.day) firsts.set(key, person)
  }
  for (const person of firsts.values()) {
    const p = periodIndex(periods, person.day)
    totals.set(totalKey(p, person.role, person.agency), (totals.get(totalKey(p, person.role, person.agency)) ?? 0) + 1)
    for (const ch of CHARACTERISTICS) {
      const cat = categoryOf(ch, person)
      if (ch === 'nationality' && cat !== NOT_RECORDED && cat !== REFUSED) nationalities.add(cat)
      const key = cell(p, person.role, ch, cat, person.agency)
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  return { counts, totals, nationalities }
}

/**
 * Every row: for each period, role, characteristic and category, the area's row (agency null) then one
 * per agency, zeros included. Nationalities are those recorded anywhere in the output, then refused
 * and not recorded. With `suppress`, counts from 1 to 4 and the cells that would give them away are
 * emptied; a completeness is emptied when the role's number is from 1 to 4 or its "not recorded" is hidden.
 */
export function datasetRows(
  periods: readonly Period[],
  people: readonly DatasetPerson[],
  options: { agencies: readonly string[]; suppress: boolean },
): DatasetRow[] {
  const agencies = [...new Set(options.agencies)].sort()
  const { counts, totals, nationalities } = countPeople(periods, people)
  const categories = (ch: Characteristic): readonly string[] =>
    ch === 'nationality'
      ? [
          ...[...nationalities].sort((a, b) => (a === 'British' ? -1 : b === 'British' ? 1 : a.localeCompare(b))),
          REFUSED,
          NOT_RECORDED,
        ]
      : FIXED[ch]
  // cells that add up: an area's and its agencies' (one category), and a characteristic's categories
  // (their total, the role's number, can be read off any other characteristic)
  const values = new Map<string, number>()
  const groups: CellGroup[] = []
  periods.forEach((_, p) => {
    for (const role of CASE_ROLES)
      for (const ch of CHARACTERISTICS) {
        for (const cat of categories(ch)) {
          const parts = agencies.map((a) => cell(p, role, ch, cat, a))
          const total = cell(p, role, ch, cat, null)
          for (const c of [total, ...parts]) values.set(c, counts.get(c) ?? 0)
          groups.push({ total, parts })
        }
        for (const agency of [null, ...agencies])
          groups.push({ total: null, parts: categories(ch).map((cat) => cell(p, role, ch, cat, agency)) })
      }
  })
  const hidden = options.suppress ? suppressCells(values, groups) : new Set<string>()
  const rows: DatasetRow[] = []
  periods.forEach((period, p) => {
    for (const role of CASE_ROLES)
      for (const ch of CHARACTERISTICS)
        for (const agency of [null, ...agencies]) {
          const total = totals.get(totalKey(p, role, agency)) ?? 0
          const notRecorded = cell(p, role, ch, NOT_RECORDED, agency)
          const share =
            ch === 'group_based' || total === 0
              ? null
              : options.suppress && (hidden.has(notRecorded) || (total >= 1 && total <= 4))
                ? null
                : Math.round((1 - (counts.get(notRecorded) ?? 0) / total) * 10_000) / 10_000
          for (const cat of categories(ch)) {
            const key = cell(p, role, ch, cat, agency)
            const isHidden = hidden.has(key)
            rows.push({
              period_start: period.start,
              period_end: period.end,
              role,
              characteristic: ch,
              category: cat,
              agency,
              count: isHidden ? null : (counts.get(key) ?? 0),
              suppressed: isHidden,
              recorded_share: share,
            })
          }
        }
  })
  // the area's row first within each category, as in the figures
  return rows.sort(
    (a, b) =>
      a.period_start.localeCompare(b.period_start) ||
      CASE_ROLES.indexOf(a.role) - CASE_ROLES.indexOf(b.role) ||
      CHARACTERISTICS.indexOf(a.characteristic) - CHARACTERISTICS.indexOf(b.characteristic) ||
      categories(a.characteristic).indexOf(a.category) - categories(b.characteristic).indexOf(b.category) ||
      (a.agency === null ? -1 : b.agency === null ? 1 : a.agency.localeCompare(b.agency)),
  )
}

// Code lists shared by the DfE returns (children in need census and SSDA903), and the checks every
// adapter makes with them: an unknown code is an error that names the list and its allowed values.
import type { FieldError } from '../records/validate.ts'

export interface CodeList {
  /** The list's name as the DfE specification calls it, for messages and the mapping document. */
  name: string
  codes: Readonly<Record<string, string>>
  /** The codes in the specification's order (an object's own order puts "4" before "1A"). */
  order: readonly string[]
}

/** A code list from its entries in the specification's order. */
export function codeList(name: string, entries: readonly (readonly [string, string])[]): CodeList {
  return { name, codes: Object.fromEntries(entries), order: entries.map(([c]) => c) }
}

/** DfE ethnicity (CBDS), the same in the CIN census and SSDA903. */
export const ETHNICITY = codeList('ethnicity', [
  ['WBRI', 'White British'],
  ['WIRI', 'White Irish'],
  ['WIRT', 'Traveller of Irish heritage'],
  ['WOTH', 'Any other White background'],
  ['WROM', 'Gypsy/Roma'],
  ['MWBC', 'White and Black Caribbean'],
  ['MWBA', 'White and Black African'],
  ['MWAS', 'White and Asian'],
  ['MOTH', 'Any other mixed background'],
  ['AIND', 'Indian'],
  ['APKN', 'Pakistani'],
  ['ABAN', 'Bangladeshi'],
  ['AOTH', 'Any other Asian background'],
  ['BCRB', 'Caribbean'],
  ['BAFR', 'African'],
  ['BOTH', 'Any other Black background'],
  ['CHNE', 'Chinese'],
  ['OOTH', 'Any other ethnic group'],
  ['REFU', 'Refused'],
  ['NOBT', 'Information not yet obtained'],
])

/**
 * Threadline's `ethnicity` for a DfE code: the label; "Refused" is kept as a value (the child or family
 * was asked and declined); NOBT ("not yet obtained") is left out, which the format reads as "not
 * recorded". The two are never merged.
 */
export function ethnicityFromDfe(code: string | undefined): string | undefined {
  if (code === undefined || code === 'NOBT') return undefined
  return ETHNICITY.codes[code]
}

/** DfE disability (CBDS), CIN census. */
export const DISABILITY = codeList('disability', [
  ['NONE', 'No disability'],
  ['MOB', 'Mobility'],
  ['HAND', 'Hand function'],
  ['PC', 'Personal care'],
  ['INC', 'Incontinence'],
  ['COMM', 'Communication'],
  ['LD', 'Learning'],
  ['HEAR', 'Hearing'],
  ['VIS', 'Vision'],
  ['BEH', 'Behaviour'],
  ['CON', 'Consciousness'],
  ['AUT', 'Autism'],
  ['DDA', 'Other (Disability Discrimination Act definition)'],
])

/**
 * Threadline's `disability` for a child's DfE codes: `none` for NONE; the labels of the others joined
 * with "; "; absent (not recorded) when the return has no Disabilities element.
 */
export function disabilityFromDfe(codes: string[]): string | undefined {
  if (codes.length === 0) return undefined
  if (codes.every((c) => c === 'NONE')) return 'none'
  return codes
    .filter((c) => c !== 'NONE')
    .map((c) => DISABILITY.codes[c])
    .join('; ')
}

/** UPN unknown reasons (CBDS), used in both returns. */
export const UPN_UNKNOWN = codeList('UPN unknown', [
  ['UN1', 'Child is aged under 6 years old and is not yet attending school'],
  ['UN2', 'Child has never attended school in England'],
  ['UN3', 'Child is educated at home'],
  ['UN4', 'Child is newly arrived in the UK and UPN not yet assigned'],
  ['UN5', 'Sources collating UPNs reflect discrepancy'],
  ['UN6', 'Child is aged 18 years or over'],
  ['UN7', 'Referral with no further action'],
])

/** Checks a code against its list; pushes an error naming the list and every allowed value. */
export function checkCode(
  list: CodeList,
  value: string | undefined,
  field: string,
  errors: FieldError[],
  allowed: readonly string[] = list.order,
  edition = '',
): string | undefined {
  if (value === undefined) return undefined
  if (allowed.includes(value)) return value
  errors.push({
    field,
    message: `"${value}" is not in the ${list.name} code list${edition} (allowed: ${allowed.join(', ')})`,
  })
  return undefined
}

/** `YYYY-MM-DD` for a real date given as `YYYY-MM-DD` (XML) or `DD/MM/YYYY` (the SSDA903's CSV), else null. */
export function returnDate(value: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : ['', '', '']
  if (!m) {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value)
    if (!m) return null
    ;[d, mo, y] = [m[1].padStart(2, '0'), m[2].padStart(2, '0'), m[3]]
  }
  const date = new Date(Date.UTC(+y, +mo - 1, +d))
  if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) return null
  return `${y}-${mo}-${d}`
}

/** Reads a date field: pushes an error for one that is not a real date. */
export function checkDate(value: string | undefined, field: string, errors: FieldError[]): string | undefined {
  if (value === undefined) return undefined
  const date = returnDate(value)
  if (date === null) errors.push({ field, message: `"${value}" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)` })
  return date ?? undefined
}

/** An impossible order of two dates (an end before its start) is an error. */
export function checkOrder(
  start: string | undefined,
  end: string | undefined,
  field: string,
  what: string,
  errors: FieldError[],
): void {
  if (start && end && end < start) errors.push({ field, message: `${end} is before ${what} ${start}` })
}

/**
 * A return's collection year runs from 1 April to its reference date (31 March). Each fact is recorded
 * (`recorded_at`) on its own latest date when that falls in the year the return covers, since the
 * authority's system held it from then; a fact carried over from an earlier year, or changed without
 * a new date, is recorded on the reference date, the latest the return shows it was known. So a fact
 * repeated unchanged the next year is `unchanged`, and a correction is a new version at that year's
 * reference date.
 */
export interface ReturnYear {
  /** The collection year, named by the year it ends (2023 for 1 April 2022 to 31 March 2023). */
  year: number
  referenceDate: string
  periodStart: string
}

export function returnYear(year: number, referenceDate?: string): ReturnYear {
  return { year, referenceDate: referenceDate ?? `${year}-03-31`, periodStart: `${year - 1}-04-01` }
}

export function recordedOn(year: ReturnYear, ownDate: string): string {
  return ownDate >= year.periodStart && ownDate <= year.referenceDate ? ownDate : year.referenceDate
}

/** Dates after the reference date cannot be in the return. */
export function checkNotAfter(year: ReturnYear, date: string | undefined, field: string, errors: FieldError[]): void {
  if (date && date > year.referenceDate)
    errors.push({ field, message: `${date} is after the return's reference date ${year.referenceDate}` })
}

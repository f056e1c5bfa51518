// The child's age on the note's date, in whole years, from dates written YYYY-MM-DD. A child born
// on 29 February has their birthday on 1 March in other years, as in English law.
import { errorKind } from '../errors/domain-error.ts'
import { ageInYears } from '../calendar/index.ts'
export function parseDay(value: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return null
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3])
  const probe = new Date(Date.UTC(y, mo - 1, d))
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null
  return { y, m: mo, d }
}

export class DateInputError extends errorKind('invalid') {}

/** Whole years between the date of birth and the date; throws DateInputError for bad input. */
export function ageOn(dateOfBirth: string, date: string): number {
  const born = parseDay(dateOfBirth)
  if (!born) throw new DateInputError(`child date of birth "${dateOfBirth}" is not a date (expected YYYY-MM-DD)`)
  const on = parseDay(date)
  if (!on) throw new DateInputError(`date "${date}" is not a date (expected YYYY-MM-DD)`)
  if (date < dateOfBirth) throw new DateInputError(`date ${date} is before the child's date of birth ${dateOfBirth}`)
  return ageInYears(dateOfBirth, date)
}

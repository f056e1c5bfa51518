// An NHS number held by records whose dates of birth lie a generation apart is a mother's number on
// her baby's record (a newborn's first record often carries it) or a number typed into the wrong
// record: for the records that hold it, it says nothing about who is who, so neither a conflict nor
// an agreement of that number counts (decision 0057). Pure: fed the records' numbers and dates.
import { dateParts, dayNumber } from './fields.ts'

/** Dates of birth this far apart on one NHS number: not one person's (as scorer.ts GENERATION_YEARS). */
export const SHARED_NHS_YEARS = 12
const DAYS = SHARED_NHS_YEARS * 365.25

/** The earliest and latest full date of birth (day numbers) seen with each NHS number. */
export class NhsNumberAges {
  private readonly span = new Map<number, [number, number]>()

  /** Notes one record's NHS number (its ten digits as a number) and full date of birth (a day number). */
  add(nhs: number, dobDays: number): void {
    if (!nhs || !(dobDays === dobDays)) return
    const seen = this.span.get(nhs)
    if (!seen) this.span.set(nhs, [dobDays, dobDays])
    else {
      if (dobDays < seen[0]) seen[0] = dobDays
      if (dobDays > seen[1]) seen[1] = dobDays
    }
  }

  /** As add, from an ISO date of birth (a partial date is no date here). */
  addDate(nhs: string, dateOfBirth: string | undefined): void {
    const d = dateParts(dateOfBirth)
    if (nhs && d.year && d.month && d.day) this.add(Number(nhs), dayNumber(d.year, d.month, d.day))
  }

  /** Whether records a generation apart hold this number (as add, or its normalised text). */
  unreliable(nhs: number | string): boolean {
    const seen = this.span.get(Number(nhs))
    return !!seen && seen[1] - seen[0] >= DAYS
  }
}

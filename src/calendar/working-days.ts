// Working days in England and Wales: Monday to Friday, less the bank holidays in the curated table.
//
// Definitions used by every deadline in Threadline (all days are Europe/London calendar days):
// - "within N working days of X" ends when the Nth working day AFTER the day of X ends. The day of X
//   itself never counts, whether or not it is a working day, and whatever the time of day X was.
//   A concern recorded on Friday 09:00 with 1 working day is due by the end of Monday (unless Monday
//   is a bank holiday).
// - `addWorkingDays(x, n)` returns the instant that day ends: 00:00 London time of the next calendar
//   day. Something is in time when it happens strictly before that instant, and overdue from it on.
//   (An `--as-of` day ends at 23:59:59.999, so "as of the due day" is not yet overdue.)
// - `workingDaysBetween(a, b)` counts the working days after the day of `a` up to and including the
//   day of `b`, so `workingDaysBetween(x, lastDayOf(addWorkingDays(x, n))) === n`.
import { BankHoliday, ENGLAND_AND_WALES_BANK_HOLIDAYS, FIRST_COVERED_YEAR, LAST_COVERED_YEAR } from './bank-holidays.ts'
import {
  Day,
  dayFromIso,
  dayFromParts,
  isoFromDay,
  londonDay,
  londonMidnight,
  parseInstant,
  partsFromDay,
  weekday,
} from './days.ts'

export interface WorkingCalendar {
  /** Bank holidays (and any local closure days) as day numbers. */
  readonly holidays: ReadonlySet<Day>
  readonly firstDay: Day
  readonly lastDay: Day
  readonly describe: (day: Day) => BankHoliday | undefined
}

/**
 * A calendar from a holiday table. `extraClosures` lets an area add its own non-working days (none by
 * default); the covered years bound the calendar so a sum never silently runs off the table's end.
 */
export function makeCalendar(
  holidays: readonly BankHoliday[] = ENGLAND_AND_WALES_BANK_HOLIDAYS,
  options: { firstYear?: number; lastYear?: number; extraClosures?: readonly BankHoliday[] } = {},
): WorkingCalendar {
  const all = [...holidays, ...(options.extraClosures ?? [])]
  const byDay = new Map<Day, BankHoliday>()
  for (const h of all) byDay.set(dayFromIso(h.date), h)
  return {
    holidays: new Set(byDay.keys()),
    firstDay: dayFromParts(options.firstYear ?? FIRST_COVERED_YEAR, 1, 1),
    lastDay: dayFromParts(options.lastYear ?? LAST_COVERED_YEAR, 12, 31),
    describe: (day) => byDay.get(day),
  }
}

export const englandAndWales: WorkingCalendar = makeCalendar()

function toDay(date: Date | string | Day): Day {
  if (typeof date === 'number') return date
  if (typeof date === 'string')
    return /^\d{4}-\d{2}-\d{2}$/.test(date) ? dayFromIso(date) : londonDay(parseInstant(date))
  return londonDay(date)
}

function covered(calendar: WorkingCalendar, day: Day): void {
  if (day < calendar.firstDay || day > calendar.lastDay) {
    throw new RangeError(
      `no bank holiday table for ${partsFromDay(day).year}: working days are known from ${isoFromDay(calendar.firstDay)} ` +
        `to ${isoFromDay(calendar.lastDay)} (extend src/calendar/bank-holidays.ts)`,
    )
  }
}

/** Is this London calendar day (a 'YYYY-MM-DD', an instant, or a day number) a working day? */
export function isWorkingDay(date: Date | string | Day, calendar: WorkingCalendar = englandAndWales): boolean {
  const day = toDay(date)
  covered(calendar, day)
  const w = weekday(day)
  return w !== 0 && w !== 6 && !calendar.holidays.has(day)
}

/** The Nth working day after the London day of `from` (n ≥ 1), as a day number; n = 0 is the day itself. */
export function nthWorkingDayAfter(
  from: Date | string | Day,
  n: number,
  calendar: WorkingCalendar = englandAndWales,
): Day {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${n}`)
  let day = toDay(from)
  for (let left = n; left > 0;) {
    day++
    if (isWorkingDay(day, calendar)) left--
  }
  return day
}

/**
 * The end of the Nth working day after the London day of `from`: the instant (00:00 Europe/London of
 * the following calendar day) from which something "due within N working days of `from`" is overdue.
 */
export function addWorkingDays(from: Date | string, n: number, calendar: WorkingCalendar = englandAndWales): Date {
  return new Date(londonMidnight(nthWorkingDayAfter(from, n, calendar) + 1))
}

/** Working days after the day of `from` up to and including the day of `to`; negative when `to` is earlier. */
export function workingDaysBetween(
  from: Date | string | Day,
  to: Date | string | Day,
  calendar: WorkingCalendar = englandAndWales,
): number {
  const a = toDay(from)
  const b = toDay(to)
  if (b < a) return -workingDaysBetween(b, a, calendar) || 0 // never -0
  let count = 0
  for (let day = a + 1; day <= b; day++) if (isWorkingDay(day, calendar)) count++
  return count
}

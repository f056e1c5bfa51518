// The periods a partnership figure is counted over (pure). Dates are calendar days in
// Europe/London, both ends inclusive. `--by month|quarter|year`: the whole calendar months, calendar
// quarters (from 1 January, 1 April, 1 July, 1 October) or financial years (from 1 April) that hold
// any day from `from` to `to`; without `--by`, one period from `from` to `to`. No total over the range.
import {
  addMonths,
  dayFromIso,
  dayFromParts,
  isoFromDay,
  londonMidnight,
  partsFromDay,
  type Day,
} from '../calendar/days.ts'
import { errorKind } from '../errors/domain-error.ts'

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

export interface Period {
  /** YYYY-MM-DD, the first day (London). */
  start: string
  /** YYYY-MM-DD, the last day (London), inclusive. */
  end: string
  startDay: Day
  endDay: Day
  /** The first instant of the first day. */
  startsAt: Date
  /** The last instant of the last day (the end of that London day). */
  endsAt: Date
}

export class PeriodError extends errorKind('invalid') {}

/** A YYYY-MM-DD date that exists, as a day number; throws PeriodError naming the option. */
export function parseDay(value: string | undefined, name: string): Day {
  if (value === undefined || value === '') throw new PeriodError(`${name} is required (YYYY-MM-DD)`)
  try {
    return dayFromIso(value)
  } catch {
    throw new PeriodError(`${name} "${value}" is not a date (expected YYYY-MM-DD)`)
  }
}

export function parsePeriodKind(value: string | undefined): PeriodKind | null {
  if (value === undefined) return null
  if ((PERIOD_KINDS as readonly string[]).includes(value)) return value as PeriodKind
  throw new PeriodError(`--by "${value}" is not one of: ${PERIOD_KINDS.join(', ')}`)
}

export function period(startDay: Day, endDay: Day): Period {
  return {
    start: isoFromDay(startDay),
    end: isoFromDay(endDay),
    startDay,
    endDay,
    startsAt: new Date(londonMidnight(startDay)),
    endsAt: new Date(londonMidnight(endDay + 1) - 1),
  }
}

/** The first day of the period of this kind holding `day`. */
export function periodStart(day: Day, by: PeriodKind): Day {
  const { year, month } = partsFromDay(day)
  if (by === 'month') return dayFromParts(year, month, 1)
  if (by === 'quarter') return dayFromParts(year, month - ((month - 1) % 3), 1)
  return dayFromParts(month >= 4 ? year : year - 1, 4, 1)
}

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 }

/** The periods from `from` to `to` (day numbers or YYYY-MM-DD). Throws PeriodError when from is after to. */
export function periodsFor(from: Day | string, to: Day | string, by: PeriodKind | null): Period[] {
  const a = typeof from === 'string' ? parseDay(from, '--from') : from
  const b = typeof to === 'string' ? parseDay(to, '--to') : to
  if (a > b) throw new PeriodError(`--from ${isoFromDay(a)} is after --to ${isoFromDay(b)}`)
  if (by === null) return [period(a, b)]
  const list: Period[] = []
  for (let start = periodStart(a, by); start <= b; start = addMonths(start, MONTHS[by]))
    list.push(period(start, addMonths(start, MONTHS[by]) - 1))
  return list
}

/** The period before this one, of the same length in calendar terms (for "change against the previous period"). */
export function previousPeriod(p: Period, by: PeriodKind | null): Period {
  if (by !== null) return period(addMonths(p.startDay, -MONTHS[by]), p.startDay - 1)
  const length = p.endDay - p.startDay + 1
  return period(p.startDay - length, p.startDay - 1)
}

/** The index of the period holding `day`, or -1. Periods are in order and do not overlap. */
export function periodIndex(periods: readonly Period[], day: Day): number {
  let lo = 0
  let hi = periods.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (day < periods[mid].startDay) hi = mid - 1
    else if (day > periods[mid].endDay) lo = mid + 1
    else return mid
  }
  return -1
}

// Calendar days as whole numbers (days since 1970-01-01) and fast Europe/London conversions.
// Risk and deadline rules run over millions of events, so the London date of an instant is worked
// out here with the UK daylight-saving rule (since 1996: from 01:00 UTC on the last Sunday of March
// to 01:00 UTC on the last Sunday of October) instead of a time-zone library on every call.
// Instants before 1996 fall back to luxon, which knows the older rules.
import { DateTime } from 'luxon'

export const ZONE = 'Europe/London'
const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const FAST_FROM_YEAR = 1996

/** A calendar date as a day number. */
export type Day = number

export function dayFromParts(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS)
}

/** 'YYYY-MM-DD' to a day number; throws on anything else. */
export function dayFromIso(date: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) throw new Error(`"${date}" is not a date (expected YYYY-MM-DD)`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const day = dayFromParts(y, mo, d)
  const back = new Date(day * DAY_MS)
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new Error(`"${date}" is not a date`)
  return day
}

export function isoFromDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function partsFromDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

/** 0 Sunday … 6 Saturday. */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
}

/** The same day of the month `months` later, clamped to the month's end (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
  const p = partsFromDay(day)
  const monthIndex = p.year * 12 + (p.month - 1) + months
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12 + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return dayFromParts(year, month, Math.min(p.day, last))
}

/** The same date `years` later (29 February to 28 February in a common year). */
export function addYears(day: Day, years: number): Day {
  return addMonths(day, years * 12)
}

const lastSundayCache = new Map<number, [Day, Day]>()
/** The last Sundays of March and October of a year: the UK clock-change days. */
function clockChangeDays(year: number): [Day, Day] {
  let hit = lastSundayCache.get(year)
  if (!hit) {
    const lastSunday = (month: number) => {
      const end = dayFromParts(year, month + 1, 0)
      return end - weekday(end)
    }
    hit = [lastSunday(3), lastSunday(10)]
    lastSundayCache.set(year, hit)
  }
  return hit
}

/** Europe/London's offset from UTC, in ms, at an instant. */
export function londonOffsetMs(ms: number): number {
  const year = new Date(ms).getUTCFullYear()
  if (year < FAST_FROM_YEAR) return DateTime.fromMillis(ms, { zone: ZONE }).offset * 60_000
  const [spring, autumn] = clockChangeDays(year)
  const start = spring * DAY_MS + HOUR_MS
  const end = autumn * DAY_MS + HOUR_MS
  return ms >= start && ms < end ? HOUR_MS : 0
}

/** The London calendar day of an instant. */
export function londonDay(at: Date | number): Day {
  const ms = typeof at === 'number' ? at : at.getTime()
  return Math.floor((ms + londonOffsetMs(ms)) / DAY_MS)
}

/** The instant a London calendar day begins (00:00 local; the UK never changes clocks at midnight). */
export function londonMidnight(day: Day): number {
  const { year } = partsFromDay(day)
  if (year < FAST_FROM_YEAR) {
    const p = partsFromDay(day)
    return DateTime.fromObject({ year: p.year, month: p.month, day: p.day }, { zone: ZONE }).toMillis()
  }
  const [spring, autumn] = clockChangeDays(year)
  // Midnight of the spring change day is still GMT; midnight of the autumn change day is still BST.
  const summer = day > spring && day <= autumn
  return day * DAY_MS - (summer ? HOUR_MS : 0)
}

/**
 * An ISO 8601 time to epoch ms. A date-time without an offset is Europe/London local time (the import
 * format's rule); a bare date is the start of that London day.
 */
export function parseInstant(value: string | Date): number {
  if (value instanceof Date) return value.getTime()
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return londonMidnight(dayFromIso(value))
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const ms = Date.parse(value)
    if (!Number.isNaN(ms)) return ms
  }
  const local = DateTime.fromISO(value, { zone: ZONE })
  if (!local.isValid) throw new Error(`"${value}" is not an ISO 8601 time`)
  return local.toMillis()
}

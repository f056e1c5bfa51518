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

// Day numbers to and from civil dates with integer arithmetic only (H. Hinnant's algorithms): these run
// for every window edge of every piece of evidence, so no Date objects.
export function dayFromParts(year: number, month: number, day: number): Day {
  // Month overflow (month 13, day 0) is allowed, as with Date.UTC.
  const mIndex = year * 12 + (month - 1)
  let y = Math.floor(mIndex / 12)
  const m = mIndex - y * 12 + 1
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5)
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468 + (day - 1)
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
  const p = partsFromDay(day)
  const y = p.year >= 0 && p.year <= 9999 ? String(p.year).padStart(4, '0') : String(p.year)
  return `${y}-${p.month < 10 ? '0' : ''}${p.month}-${p.day < 10 ? '0' : ''}${p.day}`
}

export function partsFromDay(day: Day): { year: number; month: number; day: number } {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  return { year: era * 400 + yoe + (m <= 2 ? 1 : 0), month: m, day: d }
}

const daysInMonth = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]

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
  return dayFromParts(year, month, Math.min(p.day, daysInMonth(year, month)))
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
      const end = dayFromParts(year, month, daysInMonth(year, month))
      return end - weekday(end)
    }
    hit = [lastSunday(3), lastSunday(10)]
    lastSundayCache.set(year, hit)
  }
  return hit
}

/** Europe/London's offset from UTC, in ms, at an instant. */
export function londonOffsetMs(ms: number): number {
  const year = partsFromDay(Math.floor(ms / DAY_MS)).year
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
  // The common case first: a full date-time with Z or an offset, which Date.parse reads exactly.
  const n = value.length
  if (n >= 20 && value.charCodeAt(10) === 84 /* T */) {
    const last = value.charCodeAt(n - 1)
    const offset =
      last === 90 /* Z */ ||
      last === 122 /* z */ ||
      (value.charCodeAt(n - 3) === 58 /* : */ && (value.charCodeAt(n - 6) === 43 || value.charCodeAt(n - 6) === 45))
    if (offset) {
      const ms = Date.parse(value)
      if (!Number.isNaN(ms)) return ms
    }
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return londonMidnight(dayFromIso(value))
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const ms = Date.parse(value)
    if (!Number.isNaN(ms)) return ms
  }
  const local = DateTime.fromISO(value, { zone: ZONE })
  if (!local.isValid) throw new Error(`"${value}" is not an ISO 8601 time`)
  return local.toMillis()
}

/**
 * Whole years from a full date of birth to a day (both YYYY-MM-DD): someone born on 29 February has
 * their birthday on 1 March in common years, as in English law. The one age rule for every capability.
 */
export function ageInYears(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number)
  const [y, m, d] = day.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/**
 * Is a person certainly `years` old or more on a date, from a (possibly partial) date of birth: judged
 * on the London date from the latest possible birth date (someone born on 29 February turns a year
 * older on 1 March of a common year). Undefined when there is no date of birth to judge by.
 */
export function isAtLeastOn(dateOfBirth: string | undefined, years: number, on: string | Date): boolean | undefined {
  if (!dateOfBirth) return undefined
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(dateOfBirth)
  if (!m) return undefined
  const y = Number(m[1])
  const mo = m[2] ? Number(m[2]) : 12
  const d = m[3] ? Number(m[3]) : new Date(Date.UTC(y, mo, 0)).getUTCDate()
  return londonDay(parseInstant(on)) * 86_400_000 >= Date.UTC(y + years, mo - 1, d)
}

/**
 * Is a person an adult (18 or over) on a date, from a (possibly partial) date of birth: only when
 * certainly 18 (isAtLeastOn). Undefined when it cannot be known. The one rule for risk (who is an
 * adult) and missing (whose episode is a child's).
 */
export function isAdultOn(dateOfBirth: string | undefined, on: string | Date, isChild?: boolean): boolean | undefined {
  if (isChild === true) return false
  if (!dateOfBirth) return isChild === false ? true : undefined
  return isAtLeastOn(dateOfBirth, 18, on)
}

/**
 * The date of birth a person is judged by when their agencies' records give several: the fullest (a
 * whole date before a year and month, before a year alone) and, among equally full ones, the latest (the
 * youngest the person may be, so a child is not taken for an adult by a wrongly joined record). The
 * answer does not depend on the order the records are read in. Null when none gives one.
 */
export function fullestDateOfBirth(dates: Iterable<string | null | undefined>): string | null {
  let best: string | null = null
  for (const d of dates) if (d && (!best || d.length > best.length || (d.length === best.length && d > best))) best = d
  return best
}

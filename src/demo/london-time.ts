// Fast Europe/London time arithmetic for generating many thousands of timestamps. UK summer time
// runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
// (luxon is exact but too slow to call for every one of millions of generated times.)

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
export const YEAR = 365.25 * DAY

const bounds = new Map<number, [number, number]>()

function lastSundayUtc(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0) // last day of the month
  const dow = new Date(last).getUTCDay()
  return last - dow * DAY
}

/** Start and end (UTC ms) of British Summer Time in a year. */
export function summerTime(year: number): [number, number] {
  let b = bounds.get(year)
  if (!b) {
    b = [lastSundayUtc(year, 2) + HOUR, lastSundayUtc(year, 9) + HOUR]
    bounds.set(year, b)
  }
  return b
}

export function londonOffsetMinutes(ms: number): number {
  const [start, end] = summerTime(new Date(ms).getUTCFullYear())
  return ms >= start && ms < end ? 60 : 0
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** ISO 8601 in London local time, with its offset (`+01:00`/`Z` as `+00:00`) or without one. */
export function isoLondon(ms: number, withOffset = true): string {
  const offset = londonOffsetMinutes(ms)
  const d = new Date(ms + offset * MINUTE)
  const local = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  return withOffset ? `${local}${offset === 60 ? '+01:00' : '+00:00'}` : local
}

/** The London calendar date of an instant, `YYYY-MM-DD`. */
export function londonDay(ms: number): string {
  return isoLondon(ms, false).slice(0, 10)
}

/** The instant of a London wall-clock time (a time in the spring gap is read as summer time). */
export function londonTime(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute)
  const guess = asUtc - londonOffsetMinutes(asUtc) * MINUTE
  return asUtc - londonOffsetMinutes(guess) * MINUTE
}

/** `YYYY-MM-DD` to the instant of London midnight that day. */
export function parseDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) throw new Error(`"${date}" is not a date (expected YYYY-MM-DD)`)
  return londonTime(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** Parse any ISO time this generator writes (with or without offset) back to UTC ms. */
export function parseIso(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text)
  if (!m) throw new Error(`"${text}" is not an ISO time`)
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0))
  if (m[7] === undefined) return londonTime(y, mo, d, h, mi) + s * 1000
  const sign = m[7] === 'Z' ? 0 : m[7][0] === '-' ? -1 : 1
  const offset = m[7] === 'Z' ? 0 : sign * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(4, 6)))
  return Date.UTC(y, mo - 1, d, h, mi, s) - offset * MINUTE
}

/** London wall-clock parts of an instant. */
export function londonParts(ms: number): { year: number; month: number; day: number; hour: number; weekday: number } {
  const d = new Date(ms + londonOffsetMinutes(ms) * MINUTE)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    weekday: d.getUTCDay(),
  }
}

/** The same London day at a given wall-clock hour and minute. */
export function atLocal(ms: number, hour: number, minute = 0): number {
  const p = londonParts(ms)
  return londonTime(p.year, p.month, p.day, hour, minute)
}

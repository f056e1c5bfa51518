// Times in the record format are ISO 8601; one without an offset is Europe/London local time.
import { DateTime } from 'luxon'
import { londonOffsetMs } from '../calendar/index.ts'

export const ZONE = 'Europe/London'
const HOUR = 3_600_000
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/
const DAY = 24 * HOUR

/** A record's time as a Date; null when absent or not a time (a bad time must not crash a list). */
export function parseTime(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  if (typeof value !== 'string' || value.trim() === '') return null
  // fast path for the normalised form (an explicit offset): lists read every version of every event
  if (WITH_OFFSET.test(value)) {
    const ms = Date.parse(value)
    if (!Number.isNaN(ms)) return new Date(ms)
  }
  const parsed = DateTime.fromISO(value.trim(), { zone: ZONE })
  return parsed.isValid ? parsed.toJSDate() : null
}

/** Elapsed hours, not wall-clock hours: 72 hours across a change of clocks are still 72 real hours. */
export function plusElapsedHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * HOUR)
}

/** Calendar days in Europe/London (the same wall-clock time `days` days later). */
export function plusLondonDays(from: Date, days: number): Date {
  // wall-clock arithmetic with the fast London offset (lists do this for every episode)
  const wall = from.getTime() + londonOffsetMs(from.getTime()) + days * DAY
  const guess = wall - londonOffsetMs(wall)
  return new Date(wall - londonOffsetMs(guess))
}

export function hoursBetween(a: Date, b: Date): number {
  return (b.getTime() - a.getTime()) / HOUR
}

export function daysBetween(a: Date, b: Date): number {
  return (b.getTime() - a.getTime()) / DAY
}

/** Wall-clock parts in Europe/London. */
export function londonParts(d: Date): { hour: number; weekday: number; month: string } {
  const l = DateTime.fromJSDate(d).setZone(ZONE)
  return { hour: l.hour, weekday: l.weekday, month: l.toFormat('yyyy-MM') }
}

/** Plain code-unit order: deterministic and fast (no locale), for sorting ids. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// Time is an input. "Now" is THREADLINE_NOW when set (so reviews and tests can replay the past),
// else the machine's clock; every deadline and overdue state is computed from it when read.
import { DateTime } from 'luxon'

export const ZONE = 'Europe/London'

export function now(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env.THREADLINE_NOW
  if (!fixed) return new Date()
  const parsed = DateTime.fromISO(fixed, { zone: ZONE })
  if (!parsed.isValid) throw new Error(`THREADLINE_NOW "${fixed}" is not an ISO 8601 time`)
  return parsed.toJSDate()
}

/** `--as-of YYYY-MM-DD`: the end of that day in Europe/London. Returns null for a malformed date. */
export function endOfDayLondon(date: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null
  const d = DateTime.fromISO(date, { zone: ZONE })
  if (!d.isValid) return null
  return d.endOf('day').toJSDate()
}

/** An ISO 8601 time with an explicit offset, in Europe/London (the CLI's output form). */
export function formatLondon(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const d = typeof value === 'string' ? DateTime.fromISO(value) : DateTime.fromJSDate(value)
  if (!d.isValid) return null
  return d.setZone(ZONE).toISO({ suppressMilliseconds: true })
}

/** A calendar date (YYYY-MM-DD) in Europe/London. */
export function londonDate(value: Date): string {
  return DateTime.fromJSDate(value).setZone(ZONE).toISODate()!
}

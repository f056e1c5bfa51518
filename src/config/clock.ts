// Time is an input. "Now" is the clock passed in for the work in hand when there is one (a test's clock,
// scoped with `withClock`), else THREADLINE_NOW when set (so reviews and scripts can replay the past),
// else the machine's clock; every deadline and overdue state is computed from it when read. The variable
// is read at each call, through the settings table. See docs/decisions/0024-the-clock-is-passed-in.md.
import { AsyncLocalStorage } from 'node:async_hooks'
import { DateTime } from 'luxon'
import { londonOffsetMs, ZONE } from '../calendar/days.ts'
import { setting } from './settings.ts'

export { ZONE }

/** Where "now" comes from. */
export interface Clock {
  now(): Date
}

const passedIn = new AsyncLocalStorage<Clock>()

/**
 * Runs `work` with `clock` as "now" for everything it does, awaits and callbacks included; work running
 * beside it (another request, another scope) keeps its own clock.
 */
export function withClock<T>(clock: Clock, work: () => T): T {
  return passedIn.run(clock, work)
}

/** The clock passed in for the work in hand, if any. */
export function clockInScope(): Clock | undefined {
  return passedIn.getStore()
}

/** The clock passed in, else THREADLINE_NOW; throws ConfigError when that is set but not an ISO 8601 time. */
export function now(env: NodeJS.ProcessEnv = process.env): Date {
  return passedIn.getStore()?.now() ?? setting('now', env) ?? new Date()
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
  const ms = typeof value === 'string' ? DateTime.fromISO(value).toMillis() : value.getTime()
  if (!Number.isFinite(ms)) return null
  // Written out from the offset rather than through luxon's zone machinery: a chronology formats
  // three times for each of thousands of events, and luxon's Intl lookups were half its CPU.
  const offset = londonOffsetMs(ms)
  const local = new Date(ms + offset).toISOString() // YYYY-MM-DDTHH:MM:SS.sssZ, in London's wall time
  const minutes = Math.abs(offset) / 60_000
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
  return (local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23)) + zone
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A calendar date (YYYY-MM-DD) in Europe/London (from the offset, as formatLondon: lists ask it per person). */
export function londonDate(value: Date): string {
  const ms = value.getTime()
  if (!Number.isFinite(ms)) throw new Error(`a London date of ${ms}`)
  return new Date(ms + londonOffsetMs(ms)).toISOString().slice(0, 10)
}

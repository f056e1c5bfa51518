// The clock a test passes in: set to a moment and moved as the story goes on, or left on the machine's
// time. A test runs its work under it (`forEachDatabase`'s `clock`, `testApp`'s, or `withClock`), never by
// changing THREADLINE_NOW in this process's environment; a CLI child is given THREADLINE_NOW in its env.
import { setting } from '../config/settings.ts'
import type { Clock } from '../config/clock.ts'

export class TestClock implements Clock {
  private at: Date | null = null
  private readonly start: Date | null

  /** Starts at `at` (read as THREADLINE_NOW is: a time without an offset is London's), else the machine's time. */
  constructor(at?: string | Date) {
    if (at !== undefined) this.set(at)
    this.start = this.at
  }

  /** Back where it started: each database's run of a suite starts from the same moment. */
  reset(): this {
    this.at = this.start ? new Date(this.start.getTime()) : null
    return this
  }

  /** From now on "now" is `at`, which does not move until it is set again. */
  set(at: string | Date): this {
    this.at = typeof at === 'string' ? momentOf(at) : new Date(at.getTime())
    return this
  }

  /** From now on "now" is the machine's time again. */
  useMachineTime(): this {
    this.at = null
    return this
  }

  now(): Date {
    return this.at ? new Date(this.at.getTime()) : new Date()
  }
}

/** A moment written as THREADLINE_NOW would be (one rule for both: the settings table's). */
function momentOf(text: string): Date {
  const at = setting('now', { THREADLINE_NOW: text })
  if (!at) throw new Error(`a test clock needs a time, got '${text}'`)
  return at
}

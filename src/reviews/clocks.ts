// A rapid review's two clocks (pure), computed when read: the serious incident notification to the
// national Child Safeguarding Practice Review Panel within 5 working days of the incident becoming
// known, and the rapid review itself within 15 (Working Together to Safeguard Children 2023). Working
// days are the product's one calendar of England and Wales (src/calendar): "within N working days of X"
// ends when the Nth working day after the day of X ends.
import { addWorkingDays, isoFromDay, nthWorkingDayAfter } from '../calendar/index.ts'

export const NOTIFICATION_WORKING_DAYS = 5
export const RAPID_REVIEW_WORKING_DAYS = 15

export type ClockState = 'met' | 'met_late' | 'running' | 'overdue'

export interface Clock {
  name: 'notification' | 'rapid_review'
  workingDays: number
  /** the last day it is in time (YYYY-MM-DD, Europe/London) */
  dueOn: string
  /** the day it was done, if it was */
  doneOn: string | null
  state: ClockState
}

export interface ClockFacts {
  incidentKnownOn: string
  notifiedOn: string | null
  /** the day the rapid review was completed and its decision sent to the national panel */
  decidedOn: string | null
}

function clock(name: Clock['name'], knownOn: string, workingDays: number, doneOn: string | null, now: Date): Clock {
  const dueOn = isoFromDay(nthWorkingDayAfter(knownOn, workingDays))
  const state: ClockState =
    doneOn !== null
      ? doneOn <= dueOn
        ? 'met'
        : 'met_late'
      : now.getTime() >= addWorkingDays(knownOn, workingDays).getTime()
        ? 'overdue'
        : 'running'
  return { name, workingDays, dueOn, doneOn, state }
}

/** Both clocks of a rapid review as they stand at `now`. */
export function rapidReviewClocks(facts: ClockFacts, now: Date): Clock[] {
  return [
    clock('notification', facts.incidentKnownOn, NOTIFICATION_WORKING_DAYS, facts.notifiedOn, now),
    clock('rapid_review', facts.incidentKnownOn, RAPID_REVIEW_WORKING_DAYS, facts.decidedOn, now),
  ]
}

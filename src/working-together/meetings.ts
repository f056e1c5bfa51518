// Strategy discussions, multi-agency child exploitation meetings and child protection conferences.
// Due dates come from the timescales: an initial child protection conference within 15 working
// days of the strategy discussion that started the section 47 enquiry (Working Together).
import { englandAndWalesWorkingDays, type WorkingDays } from './calendar.ts'

export const MEETING_TYPES = [
  'strategy_discussion',
  'child_exploitation_meeting',
  'child_protection_conference',
] as const
export type MeetingType = (typeof MEETING_TYPES)[number]

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  strategy_discussion: 'Strategy discussion',
  child_exploitation_meeting: 'Multi-agency child exploitation meeting',
  child_protection_conference: 'Child protection conference',
}

/** Working Together's timescale (statutory, not a local setting): the pages say it from here. */
export const INITIAL_CONFERENCE_WORKING_DAYS = 15

/** Initial child protection conference: due within `workingDays` of the strategy discussion. */
export function initialConferenceDue(
  strategyDiscussionAt: Date,
  calendar: WorkingDays = englandAndWalesWorkingDays,
  workingDays = INITIAL_CONFERENCE_WORKING_DAYS,
): Date {
  return calendar.addWorkingDays(strategyDiscussionAt, workingDays)
}

export interface Attendance {
  present: string[]
  /** Invited and not present: recorded as absent, not silently missing. */
  absent: string[]
  /** Present without an invitation recorded. */
  uninvited: string[]
}

export function attendance(invited: readonly string[], present: readonly string[]): Attendance {
  const inv = new Set(invited)
  const pres = new Set(present)
  return {
    present: [...pres].sort(),
    absent: [...inv].filter((a) => !pres.has(a)).sort(),
    uninvited: [...pres].filter((a) => !inv.has(a)).sort(),
  }
}

/** What must be put right before a meeting is recorded. */
export function meetingProblems(input: {
  type: string
  heldAt?: Date | null
  chair?: string | null
  invited?: readonly string[]
}): string[] {
  const problems: string[] = []
  if (!(MEETING_TYPES as readonly string[]).includes(input.type))
    problems.push(`type must be one of ${MEETING_TYPES.join(', ')}`)
  if (!input.heldAt) problems.push('the date of the meeting is required')
  if (!input.chair || !input.chair.trim()) problems.push('a chair is required')
  if (!input.invited || input.invited.length === 0) problems.push('record the agencies invited')
  return problems
}

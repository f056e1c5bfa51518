// Actions from meetings and supervision: an owner (a person and their agency), a due time, and
// evidence of completion. Status is computed when read, so an action goes overdue without a job.
import { DateTime } from 'luxon'

export const ACTION_STATUSES = ['open', 'done', 'overdue'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]

export interface Action {
  title: string
  owner: string
  ownerAgency: string
  /** The instant from which it is overdue (for a due date, the end of that London day: see `dueAtEndOf`). */
  dueAt: Date
  completedAt?: Date | null
  /** When the completion was recorded; a completion recorded after `now` does not count yet. */
  completionRecordedAt?: Date | null
  evidence?: string | null
}

/** A due date (YYYY-MM-DD) as the instant it is overdue from: the end of that day in Europe/London. */
export function dueAtEndOf(date: string): Date {
  const d = DateTime.fromISO(date, { zone: 'Europe/London' })
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !d.isValid)
    throw new Error(`due date "${date}" is not a date (expected YYYY-MM-DD)`)
  return d.plus({ days: 1 }).startOf('day').toJSDate()
}

export function isDone(action: Action, now: Date): boolean {
  if (!action.completedAt) return false
  return (action.completionRecordedAt ?? action.completedAt).getTime() <= now.getTime()
}

export function actionStatus(action: Action, now: Date): ActionStatus {
  if (isDone(action, now)) return 'done'
  return now.getTime() >= action.dueAt.getTime() ? 'overdue' : 'open'
}

/** Was it done after its due time? (Shown on the record; a late action is still done.) */
export function doneLate(action: Action): boolean {
  return !!action.completedAt && action.completedAt.getTime() >= action.dueAt.getTime()
}

/** What must be put right before an action is marked done. */
export function completionProblems(input: { completedAt?: Date | null; evidence?: string | null }): string[] {
  const problems: string[] = []
  if (!input.completedAt) problems.push('the date it was done is required')
  if (!input.evidence || !input.evidence.trim()) problems.push('evidence of completion is required')
  return problems
}

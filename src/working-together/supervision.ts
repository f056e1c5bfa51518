// When a worker's supervision on a child's case is next due. Default every 4 weeks (THREADLINE_SUPERVISION_WEEKS);
// a newly qualified social worker in their assessed and supported year in employment (ASYE) is
// supervised weekly for the first 6 weeks, fortnightly to 6 months, then monthly, counted from
// the start of their ASYE. The interval is the one in force on the day of the last supervision.
// Like src/calendar's deadlines, "due on day D" means overdue from the end of D (00:00 London after).
import { DateTime } from 'luxon'
import { SETTINGS } from '../config/settings.ts'
import { must } from '../errors/must.ts'

const ZONE = 'Europe/London'

export interface SupervisionSettings {
  /** Default interval in weeks. */
  everyWeeks: number
  asye: { weeklyForWeeks: number; fortnightlyUntilMonths: number; monthlyUntilMonths: number }
  /** Days before the due day from which the status is `due` (at most half the interval). */
  dueSoonDays: number
}

export const DEFAULT_SUPERVISION: SupervisionSettings = {
  everyWeeks: SETTINGS.supervisionWeeks.default,
  asye: { weeklyForWeeks: 6, fortnightlyUntilMonths: 6, monthlyUntilMonths: 12 },
  dueSoonDays: 7,
}

export interface SupervisedWorker {
  id: string
  /** Start of the worker's ASYE (qualification / start date); null or absent when not in the ASYE scheme. */
  asyeStartedAt?: Date | null
}

export type SupervisionRule = 'standard' | 'asye_weekly' | 'asye_fortnightly' | 'asye_monthly'
export const SUPERVISION_STATUSES = ['ok', 'due', 'overdue'] as const
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number]

export interface SupervisionDue {
  /** The rule in force at the last supervision (or at the start, when there has been none). */
  rule: SupervisionRule
  /** The day it is due by (YYYY-MM-DD, London). */
  dueDay: string
  /** The instant it becomes overdue: the end of the due day. */
  nextDueAt: Date
  status: SupervisionStatus
}

const london = (d: Date) => DateTime.fromJSDate(d).setZone(ZONE)

export function ruleAt(
  at: Date,
  worker: SupervisedWorker,
  settings: SupervisionSettings = DEFAULT_SUPERVISION,
): SupervisionRule {
  if (!worker.asyeStartedAt) return 'standard'
  const start = london(worker.asyeStartedAt).startOf('day')
  const day = london(at).startOf('day')
  if (day < start) return 'asye_weekly' // supervised before the ASYE started: the closest rule applies
  if (day < start.plus({ weeks: settings.asye.weeklyForWeeks })) return 'asye_weekly'
  if (day < start.plus({ months: settings.asye.fortnightlyUntilMonths })) return 'asye_fortnightly'
  if (day < start.plus({ months: settings.asye.monthlyUntilMonths })) return 'asye_monthly'
  return 'standard'
}

function plusInterval(day: DateTime, rule: SupervisionRule, settings: SupervisionSettings): DateTime {
  switch (rule) {
    case 'asye_weekly':
      return day.plus({ weeks: 1 })
    case 'asye_fortnightly':
      return day.plus({ weeks: 2 })
    case 'asye_monthly':
      return day.plus({ months: 1 })
    default:
      return day.plus({ weeks: settings.everyWeeks })
  }
}

/**
 * When the next supervision of `worker` on a case is due, and its status at `now`. With no
 * supervision yet, counted from `since` (the allocation of the case), else from the ASYE start.
 * Returns null when there is nothing to count from.
 */
export function nextSupervisionDue(
  lastAt: Date | null,
  worker: SupervisedWorker,
  now: Date,
  options: { since?: Date | null; settings?: Partial<SupervisionSettings> } = {},
): SupervisionDue | null {
  const settings: SupervisionSettings = { ...DEFAULT_SUPERVISION, ...options.settings }
  const from = lastAt ?? options.since ?? worker.asyeStartedAt ?? null
  if (!from) return null
  const rule = ruleAt(from, worker, settings)
  const fromDay = london(from).startOf('day')
  const dueDay = plusInterval(fromDay, rule, settings)
  const nextDueAt = dueDay.plus({ days: 1 }).startOf('day')
  const intervalDays = Math.round(dueDay.diff(fromDay, 'days').days)
  const soon = Math.min(settings.dueSoonDays, Math.floor(intervalDays / 2))
  const t = now.getTime()
  const status: SupervisionStatus =
    t >= nextDueAt.toMillis() ? 'overdue' : t >= dueDay.minus({ days: soon }).startOf('day').toMillis() ? 'due' : 'ok'
  return { rule, dueDay: must(dueDay.toISODate(), 'a valid due day'), nextDueAt: nextDueAt.toJSDate(), status }
}

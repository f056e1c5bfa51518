// The rows of `missing --interviews` and `missing --repeat` (docs/cli.md), read from the
// database as known at `asOf`. The CLI prints them; tests call them on both databases.
import type { Db } from '../db/database.ts'
import { formatLondon } from '../config/clock.ts'
import { summaries } from '../people/people.ts'
export { loadMissingState } from './load-state.ts'
import { missingLists } from './maintained-lists.ts'
import type { MissingSettings } from './settings.ts'
import type { InterviewRow } from './interviews.ts'
import { currentAssignments, type Assignment } from './store.ts'
import { areaInterviewAgency, interviewResponsibility, type Responsibility } from './responsibility.ts'

export const INTERVIEW_COLUMNS = [
  'child_id',
  'source_records',
  'episode_source',
  'returned_at',
  'interview_due_at',
  'interview_status',
  'interview_done_at',
  'responsible_agency',
] as const
export const REPEAT_COLUMNS = [
  'child_id',
  'source_records',
  'episodes_in_window',
  'first_crossed_at',
  'strategy_discussion_at',
] as const

export type InterviewListRow = Record<(typeof INTERVIEW_COLUMNS)[number], string | number | string[] | null>
export type RepeatListRow = Record<(typeof REPEAT_COLUMNS)[number], string | number | string[] | null>

async function sourceRecords(db: Db, childIds: string[], asOf: Date): Promise<Map<string, string[]>> {
  const ids = [...new Set(childIds)].map(Number)
  const found = await summaries(db, ids, asOf)
  return new Map(ids.map((id) => [String(id), found.get(id)?.source_records ?? []]))
}

/** A return interview with the agency responsible for it (responsibility.ts, the one rule) and its current assignment. */
export interface InterviewWork {
  row: InterviewRow
  responsible: Responsibility
  assigned: Assignment | null
}

/** The area's default agency for return interviews, as registered now. */
export async function areaAgencyOf(db: Db, settings: MissingSettings): Promise<string | null> {
  const agencies = await db.selectFrom('agencies').select(['code', 'kind']).execute()
  return areaInterviewAgency(settings.interviewAgency, agencies)
}

/** Each row with who is responsible for it: every page and command that lists interviews asks this. */
export async function interviewWork(
  db: Db,
  rows: readonly InterviewRow[],
  settings: MissingSettings,
  at?: Date,
): Promise<InterviewWork[]> {
  const [assignments, areaAgency] = await Promise.all([
    currentAssignments(
      db,
      rows.map((r) => r.episodeSource),
      at,
    ),
    areaAgencyOf(db, settings),
  ])
  return rows.map((row) => {
    const assigned = assignments.get(row.episodeSource) ?? null
    return {
      row,
      assigned,
      responsible: interviewResponsibility(row, { assignedAgency: assigned?.agency_code ?? null, areaAgency }),
    }
  })
}

/** The rows of `missing --interviews` as known at `asOf` (from the maintained list when `now` is given and equals it). */
export async function interviewList(
  db: Db,
  options: { asOf: Date; overdue?: boolean; settings: MissingSettings; now?: Date | null },
): Promise<InterviewListRow[]> {
  const state = await missingLists(db, options.asOf, options.settings, options.now ?? null)
  const rows = state.interviews.filter((r) => !options.overdue || r.status === 'overdue')
  const [records, work] = await Promise.all([
    sourceRecords(
      db,
      rows.map((r) => r.childId),
      options.asOf,
    ),
    interviewWork(db, rows, options.settings, options.asOf),
  ])
  return rows.map((r, i) => ({
    child_id: Number(r.childId),
    source_records: records.get(r.childId) ?? [],
    episode_source: r.episodeSource,
    returned_at: formatLondon(r.returnedAt),
    interview_due_at: formatLondon(r.interviewDueAt),
    interview_status: r.status,
    interview_done_at: formatLondon(r.interviewDoneAt),
    responsible_agency: work[i].responsible.agency,
  }))
}

/** The rows of `missing --repeat` as known at `asOf` (from the maintained list when `now` is given and equals it). */
export async function repeatList(
  db: Db,
  options: { asOf: Date; settings: MissingSettings; now?: Date | null },
): Promise<RepeatListRow[]> {
  const state = await missingLists(db, options.asOf, options.settings, options.now ?? null)
  const rows = state.repeat.filter((r) => r.listed).sort((a, b) => Number(a.childId) - Number(b.childId))
  const records = await sourceRecords(
    db,
    rows.map((r) => r.childId),
    options.asOf,
  )
  return rows.map((r) => ({
    child_id: Number(r.childId),
    source_records: records.get(r.childId) ?? [],
    episodes_in_window: r.episodesInWindow,
    first_crossed_at: formatLondon(r.firstCrossedAt),
    // listed children have none since the crossing: this is the latest one held before it, if any
    strategy_discussion_at: formatLondon(r.lastStrategyDiscussionAt),
  }))
}

// The missing lists for "now", maintained per child (issue 20, decision 0055): each child's return
// interviews (the work list, its overdue filter, the manager's overdue section, `missing --interviews`,
// the figures of today) and the repeat-missing list (`missing --repeat`, the work list's alerts) are read
// from list_entries, kept by the machinery of db/maintained-lists.ts, instead of reading every missing
// episode of the area on every request. The rule is the computed path's, for the children worked out:
// `loadMissingState` (lists.ts, state.ts missingState) for those children only. An interview falls due
// by the clock alone: its due time is the moment the child is worked out again (a 'due' row becomes
// 'overdue' the moment after it). An "as known on" day, or settings other than the configured ones,
// compute the whole area as before.
import { createHash } from 'node:crypto'
import type { Db } from '../db/database.ts'
import { earliestAfter, listsNow, workedFor, type MaintainedSource, type Worked } from '../db/maintained-lists.ts'
import { must } from '../errors/must.ts'
import { byInterviewDue, type InterviewRow, type ReturnInterview } from './interviews.ts'
import { loadMissingState } from './load-state.ts'
import { byChildId, type RepeatRow, type StrategyDiscussion } from './repeat.ts'
import { missingSettings, type MissingSettings } from './settings.ts'
import type { EpisodeReport, MissingEpisode } from './types.ts'

export const MISSING_LISTS = ['missing_interviews', 'repeat_missing'] as const

/** The rule for these people as of `at`: each child's interview rows (all of them) and repeat row when listed, and when the clock alone changes them. */
export async function missingEntries(
  db: Db,
  ids: readonly number[],
  at: Date,
  settings: MissingSettings,
): Promise<Map<number, Worked>> {
  const state = await loadMissingState(db, at, settings, [...ids])
  const out = workedFor(ids)
  const of = (childId: string) => must(out.get(Number(childId)), 'a child worked out')
  const interviews = new Map<string, InterviewRow[]>()
  for (const r of state.interviews) interviews.set(r.childId, [...(interviews.get(r.childId) ?? []), r])
  for (const [childId, rows] of interviews) of(childId).entries.push({ list: 'missing_interviews', entry: rows })
  for (const r of state.repeat) if (r.listed) of(r.childId).entries.push({ list: 'repeat_missing', entry: r })
  // what the clock alone changes: a due interview becoming overdue the moment after its due time; a
  // record of an episode or a discussion dated later than now becoming one the rules count
  const times = new Map<string, number[]>()
  const add = (childId: string, ...t: (Date | null)[]) =>
    times.set(childId, [...(times.get(childId) ?? []), ...t.map((d) => (d ? +d : NaN))])
  for (const r of state.interviews) if (r.status === 'due') add(r.childId, new Date(+r.interviewDueAt + 1))
  for (const e of state.episodes) add(e.childId, e.startedAt, e.returnedAt, e.returnRecordedAt, e.recordedAt)
  for (const d of state.discussions) add(d.childId, d.at, d.recordedAt)
  for (const [childId, t] of times) if (out.has(Number(childId))) of(childId).changesAt = earliestAfter(at, t)
  return out
}

const fingerprint = (settings: MissingSettings) =>
  createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 32)

/** Missing's maintained lists (db/maintained-lists.ts): each child's return interviews, and repeat missing. */
export const MISSING_LISTS_SOURCE: MaintainedSource = {
  source: 'missing',
  version: 1,
  lists: MISSING_LISTS,
  prepare() {
    const settings = missingSettings()
    return Promise.resolve({
      fingerprint: fingerprint(settings),
      work: (db, ids, at) => missingEntries(db, ids, at, settings),
    })
  },
}

const date = (v: unknown) => new Date(v as string)
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : date(v))

const report = (r: EpisodeReport): EpisodeReport => ({
  ...r,
  startedAt: date(r.startedAt),
  returnedAt: dateOrNull(r.returnedAt),
  firstRecordedAt: date(r.firstRecordedAt),
  recordedAt: date(r.recordedAt),
  returnRecordedAt: dateOrNull(r.returnRecordedAt),
})
const episode = (e: MissingEpisode): MissingEpisode => ({
  ...e,
  reports: e.reports.map(report),
  startedAt: date(e.startedAt),
  returnedAt: dateOrNull(e.returnedAt),
  returnRecordedAt: dateOrNull(e.returnRecordedAt),
  recordedAt: date(e.recordedAt),
})
const interview = (i: ReturnInterview): ReturnInterview => ({
  ...i,
  heldAt: date(i.heldAt),
  recordedAt: date(i.recordedAt),
})
const interviewRow = (r: InterviewRow): InterviewRow => ({
  ...r,
  episode: episode(r.episode),
  returnedAt: date(r.returnedAt),
  interviewDueAt: date(r.interviewDueAt),
  interviewDoneAt: dateOrNull(r.interviewDoneAt),
  interview: r.interview ? interview(r.interview) : null,
  interviews: r.interviews.map(interview),
})
const discussion = (d: StrategyDiscussion): StrategyDiscussion => ({
  ...d,
  at: date(d.at),
  recordedAt: date(d.recordedAt),
})
const repeatRow = (r: RepeatRow): RepeatRow => ({
  ...r,
  firstCrossedAt: dateOrNull(r.firstCrossedAt),
  strategyDiscussionAt: dateOrNull(r.strategyDiscussionAt),
  lastStrategyDiscussionAt: dateOrNull(r.lastStrategyDiscussionAt),
  crossings: r.crossings.map((c) => ({
    ...c,
    crossedAt: date(c.crossedAt),
    crossingStartedAt: date(c.crossingStartedAt),
    clearedBy: c.clearedBy ? discussion(c.clearedBy) : null,
  })),
})

/** The return interviews and the repeat-missing list now, as kept, in the computed path's order; null when the clock is behind the lists. */
export async function maintainedMissing(
  db: Db,
  now: Date,
): Promise<{ interviews: InterviewRow[]; repeat: RepeatRow[] } | null> {
  const kept = await listsNow(db, MISSING_LISTS_SOURCE, MISSING_LISTS, now)
  if (!kept) return null
  return {
    interviews: (kept.get('missing_interviews') as InterviewRow[][]).flat().map(interviewRow).sort(byInterviewDue),
    repeat: (kept.get('repeat_missing') as RepeatRow[]).map(repeatRow).sort((a, b) => byChildId(a.childId, b.childId)),
  }
}

/**
 * Every child's return interviews and the repeat rows of those listed, as known at `at`: read from the
 * maintained lists when `at` is `now` (the caller's clock; null when it asks about another moment) and the
 * settings are the configured ones, else computed for the area.
 */
export async function missingLists(
  db: Db,
  at: Date,
  settings: MissingSettings,
  now: Date | null,
): Promise<{ interviews: InterviewRow[]; repeat: RepeatRow[] }> {
  const configured = JSON.stringify(settings) === JSON.stringify(missingSettings())
  const kept = now && +at === +now && configured ? await maintainedMissing(db, now) : null
  if (kept) return kept
  const state = await loadMissingState(db, at, settings)
  return { interviews: state.interviews, repeat: state.repeat.filter((r) => r.listed) }
}

// Risk's maintained lists (issue 20, decision 0049): the MASH queue and the unanswered list for "now"
// are read from list_entries (migration 0037), kept per child, instead of assessing the whole area on
// every request. The rule is the computed path's, for one child at a time: `riskEntries` assesses the
// children it is given (area.ts assessArea) and shapes each list's entry with the same functions the
// computed path uses (`queueEntries`, `unansweredEntries`). An "as known on" question about the past
// still computes the whole area.
//
// The machinery (db/maintained-lists.ts, decision 0055) works out again only the children a write marked
// and those whose entries the clock has changed: here, a response falling due, a screening due again, the
// next London midnight, since the rules count days. Overdue and minutes left are worked out at read time
// from the stored due time.
import { createHash } from 'node:crypto'
import type { Db } from '../db/database.ts'
import { entriesNow, entryNow, workedFor, type MaintainedSource, type Worked } from '../db/maintained-lists.ts'
import { londonDay, londonMidnight } from '../calendar/index.ts'
import { must } from '../errors/must.ts'
import { summaries, type PersonSummary } from '../people/people.ts'
import { assessArea, type AssessedChild } from './area.ts'
import { isOverdue, mashQueue, reasonInWords, type QueueRow } from './mash-queue.ts'
import type { Instrument } from './instrument.ts'
import { riskSettings, type RiskSettings } from './settings.ts'
import { agencyNames, currentInstrument, mashDecisionsOf } from './store.ts'
import type { UnansweredStatus } from './unanswered.ts'
import { byRecentAlert, isRecentAlert, recentAlerts, type ListedAlert } from './recent-alerts.ts'
import type { UnansweredStory } from './wording.ts'

export const RISK_LISTS = ['mash_queue', 'unanswered', 'alerts'] as const
export type RiskList = (typeof RISK_LISTS)[number]

/** A child on the MASH queue as kept: the queue's row without what the clock alone changes. */
export interface QueueEntry extends Omit<QueueRow, 'overdue' | 'minutesLeft'> {
  name: string
  dateOfBirth: string | null
  agencies: string[]
  why: string[]
}

/** A child on the unanswered list as kept (who is looking, and why it is on their list, is added when read). */
export interface UnansweredListEntry {
  childId: number
  name: string
  dateOfBirth: string | null
  band: number
  bandLabel: string
  score: number
  /** The score as `children --unanswered` shows it (none outside the instrument's ages). */
  shownScore: number | null
  firstFlaggedAt: Date | null
  unansweredSince: Date
  story: UnansweredStory
  trigger: 'band' | 'concerns'
  triggerStart: string
  concerns: number
  agencies: string[]
  /** The unanswered state as the banner shows it. */
  unanswered: UnansweredStatus
}

const nameOf = (id: number, p?: PersonSummary) =>
  (p ? [p.given_name, p.family_name].filter(Boolean).join(' ') : '') || `Person ${id}`

/** The MASH queue's entries of these assessed children as of `at` (mash-queue.ts mashQueue, child by child). */
export async function queueEntries(
  db: Db,
  children: readonly AssessedChild[],
  at: Date,
  settings: RiskSettings,
  people?: Map<number, PersonSummary>,
): Promise<QueueEntry[]> {
  const ids = children.map((c) => c.id)
  const [decisions, names] = await Promise.all([mashDecisionsOf(db, ids), agencyNames(db)])
  const rows = mashQueue(children, settings, at, { decisions, agencyName: (code) => names.get(code) ?? code })
  const named =
    people ??
    (await summaries(
      db,
      rows.map((r) => r.childId),
      at,
    ))
  return rows.map(({ overdue: _o, minutesLeft: _m, ...r }) => {
    const p = named.get(r.childId)
    return {
      ...r,
      name: nameOf(r.childId, p),
      dateOfBirth: p?.date_of_birth ?? null,
      agencies: p?.agencies ?? [],
      why: r.reasons.map(reasonInWords),
    }
  })
}

/** The queue's row as shown at `at`: overdue and minutes left from the stored due time. */
export function queueRowAt<T extends QueueEntry>(e: T, at: Date): T & { overdue: boolean; minutesLeft: number } {
  return { ...e, overdue: isOverdue(e.dueAt, at), minutesLeft: Math.round((+e.dueAt - +at) / 60_000) }
}

/** The unanswered list's entries of these assessed children (those whose response is overdue). */
export async function unansweredEntries(
  db: Db,
  children: readonly AssessedChild[],
  at: Date,
  people?: Map<number, PersonSummary>,
): Promise<UnansweredListEntry[]> {
  const listed = children.filter((c) => c.risk.unanswered.status === 'unanswered')
  const named =
    people ??
    (await summaries(
      db,
      listed.map((c) => c.id),
      at,
    ))
  return listed.map((c) => {
    const p = named.get(c.id)
    const u = c.risk.unanswered
    return {
      childId: c.id,
      name: nameOf(c.id, p),
      dateOfBirth: c.dateOfBirth,
      band: c.risk.band,
      bandLabel: c.risk.bandLabel,
      score: c.risk.score.score,
      shownScore: c.risk.shownScore,
      firstFlaggedAt: c.risk.firstFlaggedAt,
      unansweredSince: must(u.unansweredSince, 'when an unanswered child became overdue'),
      story: must(c.risk.unansweredStory, 'the wording of an unanswered child'),
      trigger: must(u.trigger, 'the trigger of an unanswered child').kind,
      triggerStart: must(u.trigger, 'the trigger of an unanswered child').startDate,
      concerns: u.concerns.length,
      agencies: p?.agencies ?? [],
      unanswered: u,
    }
  })
}

/** Longest overdue first, then highest band (the unanswered list's order). */
export const byUnanswered = (a: UnansweredListEntry, b: UnansweredListEntry) =>
  +a.unansweredSince - +b.unansweredSince || b.band - a.band || a.childId - b.childId

/** Moments after `at` at which a child's entries change with no new record: a response falling due, a screening due again. */
export function changesAfter(child: AssessedChild, at: Date): number[] {
  const r = child.risk
  const next = r.latestScreening ? Date.parse(r.latestScreening.nextDueAt) : NaN
  return [...r.unanswered.waiting.map((t) => +t.dueAt), next].filter((t) => Number.isFinite(t) && t > +at)
}

/** The rule, for each of these people: their entries on each list as of `at`, and when the clock alone changes them. */
export async function riskEntries(
  db: Db,
  ids: readonly number[],
  at: Date,
  settings: RiskSettings,
  instrument: Instrument,
): Promise<Map<number, Worked>> {
  const children = await assessArea(db, at, { ids, settings, instrument })
  const people = await summaries(
    db,
    children.map((c) => c.id),
    at,
  )
  const [queue, unanswered] = await Promise.all([
    queueEntries(db, children, at, settings, people),
    unansweredEntries(db, children, at, people),
  ])
  const midnight = londonMidnight(londonDay(at) + 1)
  // someone who is not a child now does not become one by the clock (an adult stays one; no date of birth, no birthday)
  const out = workedFor(ids)
  for (const c of children)
    out.set(c.id, { entries: [], changesAt: new Date(Math.min(midnight, ...changesAfter(c, at))) })
  for (const e of queue) must(out.get(e.childId), 'a child worked out').entries.push({ list: 'mash_queue', entry: e })
  for (const e of unanswered)
    must(out.get(e.childId), 'a child worked out').entries.push({ list: 'unanswered', entry: e })
  // each child's alerts on the list now (recent-alerts.ts); those that leave it by the clock are dropped when read
  const alerts = new Map<number, ListedAlert[]>()
  for (const a of recentAlerts(children, at)) alerts.set(a.childId, [...(alerts.get(a.childId) ?? []), a])
  for (const [childId, list] of alerts)
    must(out.get(childId), 'a child worked out').entries.push({ list: 'alerts', entry: list })
  return out
}

/** The fingerprint of what the rule depends on besides the records: the instrument in use and the settings. */
function fingerprint(instrument: Instrument, settings: RiskSettings): string {
  return createHash('sha256')
    .update(JSON.stringify([instrument.id, instrument.version, settings]))
    .digest('hex')
    .slice(0, 32)
}

/** Risk's maintained lists (db/maintained-lists.ts): the MASH queue and the unanswered list. */
export const RISK_LISTS_SOURCE: MaintainedSource = {
  source: 'risk',
  version: 2,
  lists: RISK_LISTS,
  async prepare(db) {
    const settings = riskSettings()
    const instrument = await currentInstrument(db)
    return {
      fingerprint: fingerprint(instrument, settings),
      work: (db, ids, at) => riskEntries(db, ids, at, settings, instrument),
    }
  },
}

/** One child's entry on a list now, as kept (that child brought up to date first); undefined when not on it, null when the clock is behind the lists. */
export const maintainedEntry = (db: Db, list: RiskList, childId: number, now: Date): Promise<unknown> =>
  entryNow(db, RISK_LISTS_SOURCE, list, childId, now)

const date = (v: unknown) => new Date(v as string)
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : date(v))

/** The MASH queue now, as kept (every child on it, in no particular order); null when the clock is behind the lists. */
export async function maintainedQueue(db: Db, now: Date): Promise<QueueEntry[] | null> {
  const kept = await entriesNow(db, RISK_LISTS_SOURCE, 'mash_queue', now)
  if (!kept) return null
  return kept.map((raw) => {
    const e = raw as QueueEntry
    return {
      ...e,
      waitingSince: date(e.waitingSince),
      dueAt: date(e.dueAt),
      unansweredSince: dateOrNull(e.unansweredSince),
      lastDecidedAt: dateOrNull(e.lastDecidedAt),
      reasons: e.reasons.map((r) => ({ ...r, at: date(r.at) })),
    }
  })
}

type Trigger = UnansweredStatus['waiting'][number]
const trigger = (t: Trigger): Trigger => ({ ...t, at: date(t.at), dueAt: date(t.dueAt) })

/** The unanswered list now, as kept (of these children only when ids is given), longest overdue first; null when the clock is behind the lists. */
export async function maintainedUnanswered(
  db: Db,
  now: Date,
  ids?: readonly number[] | null,
): Promise<UnansweredListEntry[] | null> {
  const kept = await entriesNow(db, RISK_LISTS_SOURCE, 'unanswered', now, ids)
  if (!kept) return null
  return kept
    .map((raw) => {
      const e = raw as UnansweredListEntry
      const u = e.unanswered
      return {
        ...e,
        unansweredSince: date(e.unansweredSince),
        firstFlaggedAt: dateOrNull(e.firstFlaggedAt),
        story: {
          ...e.story,
          since: date(e.story.since),
          bandMoves: e.story.bandMoves.map((m) => ({ ...m, at: date(m.at) })),
        },
        unanswered: {
          ...u,
          unansweredSince: dateOrNull(u.unansweredSince),
          dueAt: dateOrNull(u.dueAt),
          trigger: u.trigger ? trigger(u.trigger) : null,
          waiting: u.waiting.map(trigger),
          answered: u.answered.map(trigger),
        },
      }
    })
    .sort(byUnanswered)
}

/** The alerts list now, as kept (of these children only when ids is given), newest first; null when the clock is behind the lists. */
export async function maintainedAlerts(
  db: Db,
  now: Date,
  ids?: readonly number[] | null,
): Promise<ListedAlert[] | null> {
  const kept = await entriesNow(db, RISK_LISTS_SOURCE, 'alerts', now, ids)
  if (!kept) return null
  return (kept as ListedAlert[][])
    .flat()
    .map((a) => ({ ...a, at: date(a.at) }))
    .filter((a) => isRecentAlert(a, now))
    .sort(byRecentAlert)
}

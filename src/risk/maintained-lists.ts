// Risk's maintained lists (issue 20, decision 0049): the MASH queue and the unanswered list for "now"
// are read from list_entries (migration 0037), kept per child, instead of assessing the whole area on
// every request. The rule is the computed path's, for one child at a time: `riskEntries` assesses the
// children it is given (area.ts assessArea) and shapes each list's entry with the same functions the
// computed path uses (`queueEntries`, `unansweredEntries`). An "as known on" question about the past
// still computes the whole area.
//
// Before today's list is read, `bringUpToDate` works out again only the children a write marked
// (list_marks, inserted by triggers in the writing transaction) and those whose entries the clock has
// changed (list_state.changes_at: a response falling due, a screening due again, the next London
// midnight, since the rules count days). Overdue and minutes left are worked out at read time from the
// stored due time. Any number of instances may do this side by side: each child's state row is locked
// while its entries are written, and work from an older mark never overwrites work from a newer one.
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { londonDay, londonMidnight } from '../calendar/index.ts'
import { must } from '../errors/must.ts'
import { summaries, type PersonSummary } from '../people/people.ts'
import { assessArea, type AssessedChild } from './area.ts'
import { isOverdue, mashQueue, reasonInWords, type QueueRow } from './mash-queue.ts'
import type { Instrument } from './instrument.ts'
import { riskSettings, type RiskSettings } from './settings.ts'
import { agencyNames, currentInstrument, mashDecisionsOf } from './store.ts'
import type { UnansweredStatus } from './unanswered.ts'
import type { UnansweredStory } from './wording.ts'

export const RISK_LISTS = ['mash_queue', 'unanswered'] as const
export type RiskList = (typeof RISK_LISTS)[number]
const SOURCE = 'risk'
/** Children worked out again in one go (one assessment, one transaction). */
const CHUNK = 500

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

interface Worked {
  entries: { list: RiskList; entry: unknown }[]
  /** null: never, by the clock alone */
  changesAt: Date | null
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
  const out = new Map<number, Worked>(ids.map((id) => [id, { entries: [], changesAt: null }]))
  for (const c of children)
    out.set(c.id, { entries: [], changesAt: new Date(Math.min(midnight, ...changesAfter(c, at))) })
  for (const e of queue) must(out.get(e.childId), 'a child worked out').entries.push({ list: 'mash_queue', entry: e })
  for (const e of unanswered)
    must(out.get(e.childId), 'a child worked out').entries.push({ list: 'unanswered', entry: e })
  return out
}

/** The fingerprint of what the rule depends on besides the records: the instrument in use and the settings. */
function fingerprint(instrument: Instrument, settings: RiskSettings): string {
  return createHash('sha256')
    .update(JSON.stringify([instrument.id, instrument.version, settings]))
    .digest('hex')
    .slice(0, 32)
}

/**
 * Works out again the children (all, or these) whose risk lists are out of date at `now`: those a write
 * marked, and those whose entries the clock has changed (every child when the instrument or the settings
 * changed). Returns
 * how many it worked out, or null when `now` is behind the clock the lists were last worked out at (a past
 * THREADLINE_NOW: the caller computes).
 */
export async function bringUpToDate(db: Db, now: Date, ids?: readonly number[]): Promise<number | null> {
  const latest = await db
    .selectFrom('list_state')
    .select('worked_at')
    .where('source', '=', SOURCE)
    .orderBy('worked_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (latest && +latest.worked_at > +now) return null
  const settings = riskSettings()
  const instrument = await currentInstrument(db)
  const rule = fingerprint(instrument, settings)
  const source = await db.selectFrom('list_sources').select('rule').where('source', '=', SOURCE).executeTakeFirst()
  const all = source?.rule !== rule
  const only = ids ? sql`and entity_id = any(${[...ids]}::int[])` : sql``
  const due = await sql<{ entity_id: number; mark: string }>`
    select entity_id, max(mark)::text as mark from (
      select entity_id, id as mark from list_marks where source = ${SOURCE} ${only}
      union all
      select entity_id, done from list_state
      where source = ${SOURCE} ${only} and ${all ? sql`true` : sql`changes_at <= ${now}`}
    ) x group by entity_id order by entity_id`.execute(db)
  for (let i = 0; i < due.rows.length; i += CHUNK)
    await workOut(db, due.rows.slice(i, i + CHUNK), now, settings, instrument)
  if (all && !ids) await db.updateTable('list_sources').set({ rule }).where('source', '=', SOURCE).execute()
  return due.rows.length
}

async function workOut(
  db: Db,
  due: readonly { entity_id: number; mark: string }[],
  now: Date,
  settings: RiskSettings,
  instrument: Instrument,
): Promise<void> {
  const ids = due.map((d) => d.entity_id)
  const worked = await riskEntries(db, ids, now, settings, instrument)
  await db.transaction().execute(async (trx) => {
    // each child's state row, locked in id order (a new child's made first): refreshers of one child take turns
    await sql`insert into list_state (source, entity_id, done, changes_at, worked_at)
      select ${SOURCE}, id, -1, '-infinity', '-infinity' from unnest(${ids}::int[]) as u(id) order by id
      on conflict do nothing`.execute(trx)
    const locked = await sql<{ entity_id: number; done: string }>`select entity_id, done::text as done from list_state
      where source = ${SOURCE} and entity_id = any(${ids}::int[]) order by entity_id for update`.execute(trx)
    const done = new Map(locked.rows.map((r) => [r.entity_id, BigInt(r.done)]))
    // work from an older mark than the one already stored is dropped (another instance got there with newer records)
    const kept = due.filter((d) => BigInt(d.mark) >= (done.get(d.entity_id) ?? -1n))
    if (kept.length === 0) return
    const keptIds = kept.map((d) => d.entity_id)
    const lists: string[] = []
    const children: number[] = []
    const entries: string[] = []
    for (const id of keptIds)
      for (const e of must(worked.get(id), 'a child worked out').entries) {
        lists.push(e.list)
        children.push(id)
        entries.push(JSON.stringify(e.entry))
      }
    await sql`delete from list_entries where list = any(${[...RISK_LISTS]}::text[]) and entity_id = any(${keptIds}::int[])`.execute(
      trx,
    )
    if (entries.length)
      await sql`insert into list_entries (list, entity_id, entry)
        select * from unnest(${lists}::text[], ${children}::int[], ${entries}::jsonb[])`.execute(trx)
    await sql`update list_state s set done = u.mark, changes_at = u.changes_at, worked_at = ${now}
      from unnest(${keptIds}::int[], ${kept.map((d) => d.mark)}::bigint[], ${keptIds.map((id) => must(worked.get(id), 'a child worked out').changesAt?.toISOString() ?? 'infinity')}::timestamptz[])
        as u(id, mark, changes_at)
      where s.source = ${SOURCE} and s.entity_id = u.id`.execute(trx)
    await sql`delete from list_marks m using unnest(${keptIds}::int[], ${kept.map((d) => d.mark)}::bigint[]) as k(id, mark)
      where m.source = ${SOURCE} and m.entity_id = k.id and m.id <= k.mark`.execute(trx)
  })
}

/** The entries of a list now (brought up to date first), of these children only when ids is given; null when the clock is behind the lists. */
async function entriesNow(
  db: Db,
  list: RiskList,
  now: Date,
  ids?: readonly number[] | null,
): Promise<unknown[] | null> {
  if ((await bringUpToDate(db, now)) === null) return null
  let query = db.selectFrom('list_entries').select('entry').where('list', '=', list)
  if (ids) {
    if (ids.length === 0) return []
    query = query.where('entity_id', '=', sql<number>`any(${[...ids]}::int[])`)
  }
  return (await query.execute()).map((r) => (typeof r.entry === 'string' ? JSON.parse(r.entry) : r.entry))
}

const date = (v: unknown) => new Date(v as string)
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : date(v))

/** One child's entry on a list now, as kept (that child brought up to date first); undefined when not on it, null when the clock is behind the lists. */
export async function maintainedEntry(db: Db, list: RiskList, childId: number, now: Date): Promise<unknown> {
  if ((await bringUpToDate(db, now, [childId])) === null) return null
  const row = await db
    .selectFrom('list_entries')
    .select('entry')
    .where('list', '=', list)
    .where('entity_id', '=', childId)
    .executeTakeFirst()
  return row ? (typeof row.entry === 'string' ? JSON.parse(row.entry) : row.entry) : undefined
}

/** The MASH queue now, as kept (every child on it, in no particular order); null when the clock is behind the lists. */
export async function maintainedQueue(db: Db, now: Date): Promise<QueueEntry[] | null> {
  const kept = await entriesNow(db, 'mash_queue', now)
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
  const kept = await entriesNow(db, 'unanswered', now, ids)
  if (!kept) return null
  return kept
    .map((raw) => {
      const e = raw as UnansweredListEntry
      const u = e.unanswered
      return {
        ...e,
        unansweredSince: date(e.unansweredSince),
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

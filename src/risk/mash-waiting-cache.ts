// What the MASH owes a child now (risk/work-waiting.ts, the person summary's first sentence), cached per
// child beside the risk scores (cache.ts; decision 0035): the queue's row (mash-queue.ts mashQueue, the one
// rule) costs an assessment of the child on every summary, though it changes only when records arrive,
// the MASH decides, a screening is signed, or time passes a moment the row already knows (a response
// falling due, a screening due again; at the latest the next London midnight). A row is read while it is
// valid and the child is not marked stale; a stale child's score is brought up to date first (refreshStale,
// which drops the row with the rest of the child's cache). "As known on" an earlier day is never cached.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { londonDay, londonMidnight } from '../calendar/index.ts'
import { assessOne, type AssessedChild } from './area.ts'
import { refreshStale } from './cache.ts'
import { mashQueue, type QueueReason } from './mash-queue.ts'
import { riskSettings } from './settings.ts'
import { agencyNames, currentInstrument, mashDecisionsOf } from './store.ts'

/** What the MASH owes the child: by when, and why. */
export interface MashWaiting {
  dueAt: Date
  reasons: QueueReason[]
}

/** The child's row on the queue as of `at`, with the next moment time alone could change it. */
async function computed(db: Db, childId: number, at: Date): Promise<{ waiting: MashWaiting | null; until: Date }> {
  const settings = riskSettings()
  const child = await assessOne(db, childId, at, { settings, instrument: await currentInstrument(db) })
  const midnight = new Date(londonMidnight(londonDay(at) + 1))
  if (!child) return { waiting: null, until: midnight }
  const [decisions, names] = await Promise.all([mashDecisionsOf(db, [child.id]), agencyNames(db)])
  const row = mashQueue([child], settings, at, { decisions, agencyName: (code) => names.get(code) ?? code })[0]
  return {
    waiting: row ? { dueAt: row.dueAt, reasons: row.reasons } : null,
    until: new Date(Math.min(+midnight, ...changesAfter(child, at))),
  }
}

/** Moments after `at` at which the queue's row of this child changes with no new record: a response falling due, a screening due again. */
function changesAfter(child: AssessedChild, at: Date): number[] {
  const r = child.risk
  const next = r.latestScreening ? Date.parse(r.latestScreening.nextDueAt) : NaN
  return [...r.unanswered.waiting.map((t) => +t.dueAt), next].filter((t) => Number.isFinite(t) && t > +at)
}

/** What the MASH owes the child at `at`: from the cache when `at` is now, else computed. */
export async function mashWaiting(db: Db, childId: number, at: Date, now: Date): Promise<MashWaiting | null> {
  if (+at < +now) return (await computed(db, childId, at)).waiting
  const cached = await db
    .selectFrom('risk_mash_waiting as w')
    .select('w.waiting')
    .where('w.entity_id', '=', childId)
    .where('w.valid_until', '>', now)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('risk_stale as s').select('s.entity_id').whereRef('s.entity_id', '=', 'w.entity_id'))),
    )
    .executeTakeFirst()
  if (cached) return parse(cached.waiting)
  await refreshStale(db, [childId])
  const fresh = await computed(db, childId, now)
  const json = fresh.waiting ? JSON.stringify(fresh.waiting) : null
  await sql`insert into risk_mash_waiting (entity_id, waiting, computed_at, valid_until)
    values (${childId}, ${json}::jsonb, ${now}, ${fresh.until})
    on conflict (entity_id) do update set waiting = excluded.waiting, computed_at = excluded.computed_at,
      valid_until = excluded.valid_until`.execute(db)
  return fresh.waiting
}

function parse(value: unknown): MashWaiting | null {
  if (!value) return null
  const v = (typeof value === 'string' ? JSON.parse(value) : value) as {
    dueAt: string
    reasons: { text: string; word: 'on' | 'since'; at: string }[]
  }
  return { dueAt: new Date(v.dueAt), reasons: v.reasons.map((r) => ({ ...r, at: new Date(r.at) })) }
}

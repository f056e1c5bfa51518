// The cache of each child's current score and band, recomputed when any agency's record about the child
// arrives (registered with the import as a records-changed hook). It serves queues and home pages "now";
// every "as of" answer is computed from the records instead (area.ts).
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { now } from '../config/clock.ts'
import type { RecordsChangedHook } from '../import/changes.ts'
import { alertsBetween, type RiskAlert } from './alerts.ts'
import { assessArea } from './area.ts'
import { riskSettings } from './settings.ts'

export interface RecomputeResult {
  children: number
  /** Alerts raised by the change from each child's cached state to the new one. */
  alerts: (RiskAlert & { childId: number })[]
}

/** Every person Threadline knows, in chunks (a whole area's events need not fit in memory at once). */
export async function recomputeAll(db: Db, at: Date, chunk = 5000): Promise<RecomputeResult> {
  const ids = (
    await db.selectFrom('entities').select('id').where('merged_into', 'is', null).orderBy('id').execute()
  ).map((r) => r.id)
  const out: RecomputeResult = { children: 0, alerts: [] }
  await db
    .deleteFrom('risk_scores')
    .where('entity_id', 'not in', db.selectFrom('entities').select('id').where('merged_into', 'is', null))
    .execute()
  for (let i = 0; i < ids.length; i += chunk) {
    const r = await recomputeScores(db, ids.slice(i, i + chunk), at)
    out.children += r.children
    out.alerts.push(...r.alerts)
  }
  return out
}

/** Recomputes the cached state of these people (those who are children as of `at`) as of `at`; all when ids is absent. */
export async function recomputeScores(db: Db, ids: readonly number[] | undefined, at: Date): Promise<RecomputeResult> {
  if (!ids) return recomputeAll(db, at)
  if (ids.length === 0) return { children: 0, alerts: [] }
  const [assessed, cached] = await Promise.all([
    assessArea(db, at, { ids, settings: riskSettings() }),
    db
      .selectFrom('risk_scores')
      .select(['entity_id', 'band', 'age_rule', 'multi_agency'])
      .where('entity_id', '=', sql<number>`any(${[...ids]}::int[])`)
      .execute(),
  ])
  const before = new Map(cached.map((r) => [r.entity_id, r]))
  const alerts: RecomputeResult['alerts'] = []
  const cols = {
    id: [] as number[],
    inst: [] as string[],
    ver: [] as string[],
    score: [] as number[],
    band: [] as number[],
    age: [] as boolean[],
    multi: [] as boolean[],
    since: [] as (string | null)[],
  }
  for (const c of assessed) {
    const r = c.risk
    const state = r.trajectory.at(at)
    const prev = before.get(c.id)
    const next = { at, band: r.band, ageRuleFired: state.ageRuleFired, multiAgency: state.multiAgency }
    for (const a of alertsBetween(
      prev ? { at, band: prev.band, ageRuleFired: prev.age_rule, multiAgency: prev.multi_agency } : null,
      next,
    ))
      alerts.push({ ...a, childId: c.id })
    cols.id.push(c.id)
    cols.inst.push(r.instrumentId)
    cols.ver.push(r.instrumentVersion)
    cols.score.push(r.score.score)
    cols.band.push(r.band)
    cols.age.push(state.ageRuleFired)
    cols.multi.push(state.multiAgency)
    cols.since.push(r.unanswered.unansweredSince?.toISOString() ?? null)
  }
  // One statement per chunk: people no longer children (or merged away) leave the cache, the rest are upserted.
  const CHUNK = 5000
  for (let i = 0; i < Math.max(1, cols.id.length); i += CHUNK) {
    const s = (a: unknown[]) => a.slice(i, i + CHUNK)
    const kept = new Set(cols.id)
    const gone = i === 0 ? ids.filter((id) => !kept.has(id)) : []
    await sql`with gone as (delete from risk_scores where entity_id = any(${gone}::int[]))
      insert into risk_scores (entity_id, instrument_id, instrument_version, score, band, age_rule, multi_agency, unanswered_since, computed_at)
      select u.*, ${at}::timestamptz from unnest(${s(cols.id)}::int[], ${s(cols.inst)}::text[], ${s(cols.ver)}::text[], ${s(cols.score)}::int[],
        ${s(cols.band)}::int[], ${s(cols.age)}::bool[], ${s(cols.multi)}::bool[], ${s(cols.since)}::timestamptz[]) as u
      on conflict (entity_id) do update set instrument_id = excluded.instrument_id, instrument_version = excluded.instrument_version,
        score = excluded.score, band = excluded.band, age_rule = excluded.age_rule, multi_agency = excluded.multi_agency,
        unanswered_since = excluded.unanswered_since, computed_at = excluded.computed_at`.execute(db)
  }
  return { children: assessed.length, alerts }
}

/** The cached current state of these children (for queues and home pages; never for "as of"). */
export async function cachedScores(db: Db, ids?: readonly number[]) {
  if (ids && ids.length === 0) return []
  await refreshStale(db, ids)
  let query = db.selectFrom('risk_scores').selectAll()
  if (ids) query = query.where('entity_id', 'in', [...ids])
  return query.execute()
}

/** Brings the cached scores of these people (all when absent) up to date where records arrived since. */
export async function refreshStale(db: Db, ids?: readonly number[]): Promise<void> {
  let query = db.selectFrom('risk_stale').select('entity_id')
  if (ids) query = query.where('entity_id', '=', sql<number>`any(${[...ids]}::int[])`)
  const stale = (await query.execute()).map((r) => r.entity_id)
  if (stale.length === 0) return
  await recomputeScores(db, stale, now())
  await db
    .deleteFrom('risk_stale')
    .where('entity_id', '=', sql<number>`any(${stale}::int[])`)
    .execute()
}

// Any agency's record about a child arrives: the child's cached score is marked out of date, and
// brought up to date when next read (cachedScores). Every "as of" answer reads the records anyway.
export const markScoresStale: RecordsChangedHook = async (db, change) => {
  if (change.entityIds.length === 0) return
  await sql`insert into risk_stale (entity_id) select unnest(${change.entityIds}::int[]) on conflict do nothing`.execute(
    db,
  )
}

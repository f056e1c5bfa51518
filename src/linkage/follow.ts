// What belongs to a person (rows keyed by entity id in other capabilities' tables) follows the
// person through a merge, and goes back when the merge is undone.
//
// Rows are moved rather than resolved through merged_into when read: allocations and access grants
// are read by entity id in many places (the person page, network charts, the unanswered list,
// missing-episode alerts, working together), and a professional allocated to either child, or a
// grant opened on either, must reach the merged child in every one of them. The merge's audit entry
// lists every row it moved (the audit trail is append-only and hash-chained), so that undoing the
// merge moves back exactly those rows and nothing that was added to the merged person since.
import { namesOf } from '../vocabulary/audit-actions.ts'
import { sql, type Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'
import { must } from '../errors/must.ts'

type Trx = Transaction<Tables>

/** Tables whose rows (each with its own id) belong to one person by entity_id: moved on merge. */
export const MOVED_TABLES = [
  'allocations',
  'access_grants',
  'risk_screenings',
  'risk_mash_decisions',
  'interview_assignments',
  'language_pending',
  'wt_decisions',
  'wt_challenges',
  'wt_meetings',
  'wt_supervisions',
  'wt_actions',
  'wt_assignments',
] as const
export type MovedTable = (typeof MOVED_TABLES)[number]

/**
 * Every other column that names a person, and why a merge leaves it as it is or treats it apart.
 * A test holds the schema to this list, so that a new table keyed by person gets a rule too.
 */
export const OTHER_PERSON_COLUMNS: Record<string, string> = {
  'entities.merged_into': 'the merge itself',
  'entity_links.entity_id': 'moved by the merge record by record, with entity_link_history',
  'entity_link_history.from_entity': 'history, never altered',
  'entity_link_history.to_entity': 'history, never altered',
  'audit_log.entity_id': 'history, append-only',
  'linkage_reviews.candidate_entity': 'followed through merges when the pair is decided',
  'philomena_profiles.entity_id': 'one per child: moved when the merged person has none, else kept with its own person',
  'risk_scores.entity_id': "a cache: the merged-away person's row is dropped, the merged person scored again when read",
  'risk_stale.entity_id': 'marks for the cache: both sides are marked',
  'list_marks.entity_id': 'marks for the maintained lists: a merge marks both people (migration 0037 triggers)',
  'list_state.entity_id':
    "the maintained lists' state of each person: both sides of a merge are marked and worked out again",
  'list_entries.entity_id':
    'what the maintained lists show of each person: worked out again when marked (a merged-away person is on none)',
  'case_audit_children.entity_id':
    'an audit cohort as drawn, never altered: read through merges (people/child-in-reach.ts childFor, people.ts mergedIds)',
}

/** What a merge moved, as kept in its audit entry. */
export interface Moved {
  rows: Partial<Record<MovedTable, number[]>>
  /** the merged-away person's Philomena profile moved (the merged person had none) */
  philomenaProfile?: boolean
  /** the merged-away person's Philomena profile stayed with it (the merged person has its own) */
  philomenaProfileKeptApart?: boolean
}

export const movedCount = (moved: Moved) =>
  Object.values(moved.rows).reduce((n, ids) => n + (ids?.length ?? 0), 0) + (moved.philomenaProfile ? 1 : 0)

/**
 * Moves what belongs to `from` to `into`, inside the merge's transaction. Call it after merged_into
 * is set: a transaction that adds a row for `from` holds its row lock (people.ts lockPerson), so it
 * either commits first (and its row is moved here) or waits and then writes to `into`.
 */
export async function followMerge(trx: Trx, from: number, into: number): Promise<Moved> {
  // one statement (the model may merge thousands of people in one relink): every table's rows move,
  // the source's Philomena profile moves if the target has none, the risk cache forgets the source
  const moves = MOVED_TABLES.map(
    (table, i) =>
      sql`${sql.id(`m${i}`)} as (update ${sql.table(table)} set entity_id = ${into} where entity_id = ${from} returning ${table}::text as tbl, id)`,
  )
  const result = await sql<{ tbl: string; id: number | null }>`
    with ${sql.join(moves)},
    had_profile as (select entity_id from philomena_profiles where entity_id = ${from}),
    profile as (update philomena_profiles set entity_id = ${into}
      where entity_id = ${from} and not exists (select 1 from philomena_profiles where entity_id = ${into}) returning entity_id),
    scores as (delete from risk_scores where entity_id = ${from} returning entity_id),
    unmarked as (delete from risk_stale where entity_id = ${from} returning entity_id),
    marked as (insert into risk_stale (entity_id) values (${into}) on conflict do nothing returning entity_id)
    ${sql.join(
      MOVED_TABLES.map((_, i) => sql`select tbl, id from ${sql.id(`m${i}`)}`),
      sql` union all `,
    )}
    union all select 'philomena_profiles', null from profile
    union all select 'had_profile', null from had_profile`.execute(trx)
  const moved: Moved = { rows: {} }
  for (const row of result.rows) {
    if (row.tbl === 'philomena_profiles') moved.philomenaProfile = true
    else if (row.tbl === 'had_profile') moved.philomenaProfileKeptApart = true
    else (moved.rows[row.tbl as MovedTable] ??= []).push(must(row.id, 'the id of a moved row'))
  }
  if (moved.philomenaProfile) delete moved.philomenaProfileKeptApart
  for (const ids of Object.values(moved.rows)) ids.sort((x, y) => x - y)
  return moved
}

/**
 * Undoes followMerge for a merged-away person brought back: the rows the merge moved that are still
 * with the merged person go back. Rows added to the merged person since stay with it.
 */
export async function followUnmerge(trx: Trx, moved: Moved, from: number, back: number): Promise<Moved> {
  const returned: Moved = { rows: {} }
  for (const table of MOVED_TABLES) {
    const ids = moved.rows[table]
    if (!ids || ids.length === 0) continue
    const result = await sql<{ id: number }>`update ${sql.table(table)} set entity_id = ${back}
      where entity_id = ${from} and id = any(${ids}::int[]) returning id`.execute(trx)
    if (result.rows.length > 0) returned.rows[table] = result.rows.map((r) => r.id).sort((a, b) => a - b)
  }
  if (moved.philomenaProfile) {
    const profile = await sql<{ entity_id: number }>`update philomena_profiles set entity_id = ${back}
      where entity_id = ${from} and not exists (select 1 from philomena_profiles where entity_id = ${back}) returning entity_id`.execute(
      trx,
    )
    if (profile.rows.length > 0) returned.philomenaProfile = true
  }
  await markStale(trx, [from, back])
  return returned
}

/** The risk cache scores these people again when next read (risk/cache.ts refreshStale). */
export async function markStale(trx: Trx, ids: readonly number[]): Promise<void> {
  await sql`insert into risk_stale (entity_id) select unnest(${[...ids]}::int[]) on conflict do nothing`.execute(trx)
}

/**
 * What the latest merge of `from` into `into` moved, from its audit entry (null: none recorded); a merge
 * audited before the one naming style was written 'linkage.merge' (namesOf reads both).
 */
export async function movedByMerge(trx: Trx, from: number, into: number): Promise<Moved | null> {
  const row = await sql<{ details: unknown }>`
    select details from audit_log
    where entity_id = ${into} and action = any(${namesOf('linkage_merge')}::text[]) and details->>'merged' = ${String(from)}
    order by id desc limit 1`.execute(trx)
  const details = row.rows[0]?.details
  if (!details) return null
  const parsed = (typeof details === 'string' ? JSON.parse(details) : details) as { moved?: Moved }
  return parsed.moved ?? null
}

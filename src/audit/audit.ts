// Appends to and verifies the audit trail. Appends are serialised with a transaction-scoped
// advisory lock so that any number of app instances keep one unbroken chain.
import { sql, type Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Tables } from '../db/schema.ts'
import { GENESIS, rowHash } from './chain.ts'
import { actorAgency, actorLabel, type Actor } from './actor.ts'
import type { AuditAction } from '../vocabulary/audit-actions.ts'

const AUDIT_LOCK = 7_300_001

export interface AuditEntry {
  /** one of the names in vocabulary/audit-actions.ts */
  action: AuditAction
  entityId?: number | null
  details?: Record<string, unknown>
  reason?: string | null
}

type Executor = Db | Transaction<Tables>

/** Append entries inside the caller's transaction (so the audit row and the change commit together). */
export async function appendAudit(
  trx: Transaction<Tables>,
  actor: Actor,
  entries: AuditEntry | AuditEntry[],
  at: Date,
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries]
  if (list.length === 0) return
  // the lock in a statement of its own: a statement's snapshot is taken before it runs, so the chain's
  // last hash must be read by a statement that starts once the lock is held (read committed)
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx)
  // the last hash and the new rows' ids in one statement (decision 0072: one round trip fewer per append)
  const head = await sql<{ hash: string | null; ids: number[] }>`select
      (select hash from audit_log order by id desc limit 1) as hash,
      array(select nextval(pg_get_serial_sequence('audit_log', 'id'))::int from generate_series(1, ${list.length})) as ids`.execute(
    trx,
  )
  let prev = head.rows[0].hash ?? GENESIS
  const ids = head.rows[0].ids
  const rows = list.map((entry, i) => {
    const row = {
      id: ids[i],
      at,
      user_id: actor.kind === 'user' ? actor.userId : null,
      actor: actorLabel(actor),
      agency_code: actorAgency(actor),
      action: entry.action,
      entity_id: entry.entityId ?? null,
      details: entry.details ?? {},
      reason: entry.reason ?? null,
    }
    const hash = rowHash(prev, row)
    const stored = { ...row, details: JSON.stringify(row.details), prev_hash: prev, hash }
    prev = hash
    return stored
  })
  await trx.insertInto('audit_log').values(rows).execute()
}

/** Audit on its own transaction (for reads, sign-ins and anything not already in one). */
export async function audit(db: Db, actor: Actor, entries: AuditEntry | AuditEntry[], at: Date): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, actor, entries, at))
}

export interface VerifyResult {
  checked: number
  firstBrokenRow: number | null
}

/** Walks the whole chain, recomputing each hash; reports the first row that does not fit. */
export async function verifyAudit(db: Executor): Promise<VerifyResult> {
  let prev = GENESIS
  let checked = 0
  let after = -1
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute()
    if (page.length === 0) return { checked, firstBrokenRow: null }
    for (const row of page) {
      checked++
      const expected = rowHash(prev, { ...row, details: row.details })
      if (row.prev_hash !== prev || row.hash !== expected) return { checked, firstBrokenRow: row.id }
      prev = row.hash
    }
    after = page[page.length - 1].id
  }
}

export interface ViewerRow {
  at: Date
  actor: string
  agency_code: string | null
  action: string
  reason: string | null
}

/**
 * The audit entries that are views of a person's record or actions on it, including views of the
 * records since merged into it: whoever read the child's record under its old id read this child's.
 * An undone merge clears merged_into, and those views go back to the person they were of.
 */
async function viewsQuery(db: Executor, entityId: number) {
  const merged = await sql<{ id: number }>`with recursive merged(id) as (
      select ${entityId}::integer
      union select e.id from entities e join merged m on e.merged_into = m.id)
    select id from merged`.execute(db)
  const ids = merged.rows.map((r) => r.id)
  // a list that showed the child (search, networks, work lists) names them in details.children
  const listed = ids.map((id) => sql<boolean>`(details -> 'children') @> ${JSON.stringify([id])}::jsonb`)
  return db
    .selectFrom('audit_log')
    .where((eb) =>
      eb.or([
        eb('entity_id', 'in', ids),
        eb.and([sql<boolean>`details ? 'children'`, sql<boolean>`(${sql.join(listed, sql` or `)})`]),
      ]),
    )
}

/** Who has looked at a person's record, newest first (for managers and the MASH), a page at a time. */
export async function viewsOf(
  db: Executor,
  entityId: number,
  page: { limit?: number; offset?: number } = {},
): Promise<ViewerRow[]> {
  return (await viewsQuery(db, entityId))
    .select(['at', 'actor', 'agency_code', 'action', 'reason'])
    .orderBy('id', 'desc')
    .limit(page.limit ?? 50)
    .offset(page.offset ?? 0)
    .execute()
}

/**
 * One page of `viewsOf` and how many entries there are in all, the person's merged records found once:
 * page `asked` (from 1) of pages of `size`, moved to the last page when it is past the end.
 */
export async function viewsPage(
  db: Executor,
  entityId: number,
  asked: number,
  size: number,
): Promise<{ views: ViewerRow[]; total: number; page: number; pages: number }> {
  const entries = await viewsQuery(db, entityId)
  const row = await entries.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  const total = Number(row.n)
  const pages = Math.max(1, Math.ceil(total / size))
  const page = Math.min(Math.max(1, asked), pages)
  const views = await entries
    .select(['at', 'actor', 'agency_code', 'action', 'reason'])
    .orderBy('id', 'desc')
    .limit(size)
    .offset((page - 1) * size)
    .execute()
  return { views, total, page, pages }
}

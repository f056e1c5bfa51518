// Merge and unmerge of people, inside the caller's transaction. Agency records are never altered:
// only their links to people move. A merged-away person keeps its id, with merged_into pointing at
// the person it became (people.ts resolvePerson follows it). Every move is kept in
// entity_link_history and audited.
import { sql, type Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'
import type { Actor } from '../audit/actor.ts'
import { actorLabel } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { insertRows, nextIds } from '../db/bulk.ts'
import { bumpGeneration } from './generation.ts'

type Trx = Transaction<Tables>

export class LinkageError extends Error {}

/** The person a merged-away id now is (inside a transaction). */
export async function currentPerson(trx: Trx, id: number): Promise<number | null> {
  let current = id
  for (let hops = 0; hops < 20; hops++) {
    const row = await trx.selectFrom('entities').select(['id', 'merged_into']).where('id', '=', current).executeTakeFirst()
    if (!row) return null
    if (row.merged_into === null) return row.id
    current = row.merged_into
  }
  return null
}

const userOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null)

/**
 * Merges person `from` into person `into`: every record of `from` is linked to `into` by a person's
 * decision (or by the model when `by` is a system actor with a probability), `from` points at `into`.
 */
export async function mergePeople(trx: Trx, actor: Actor, from: number, into: number, reason: string, at: Date, options: { score?: number } = {}): Promise<number> {
  const source = await currentPerson(trx, from)
  const target = await currentPerson(trx, into)
  if (source === null || target === null) throw new LinkageError('there is no such person')
  if (source === target) return 0
  await bumpGeneration(trx)
  const moved = await trx.selectFrom('entity_links').select(['agency_code', 'source_id']).where('entity_id', '=', source).execute()
  const method = actor.kind === 'user' ? 'person_decision' : 'probabilistic'
  await trx.updateTable('entity_links')
    .set({ entity_id: target, method, score: options.score ?? null, decided_by: userOf(actor), reason, linked_at: at })
    .where('entity_id', '=', source).execute()
  await trx.updateTable('entities').set({ merged_into: target }).where('id', '=', source).execute()
  await history(trx, actor, moved.map((r) => ({ ...r, from: source, to: target })), 'merge', reason, at)
  await appendAudit(trx, actor, [
    { action: 'linkage.merge', entityId: target, reason, details: { merged: source, into: target, records: moved.map((r) => `${r.agency_code}:${r.source_id}`) } },
  ], at)
  return moved.length
}

/**
 * Splits one agency record out of its person into a new person. The pair is then stored as "not
 * the same person", so neither the model nor a later import joins them again.
 */
export async function unmergeRecord(trx: Trx, actor: Actor, agency: string, sourceId: string, reason: string, at: Date): Promise<number> {
  if (reason.trim().length === 0) throw new LinkageError('give a reason')
  const link = await trx.selectFrom('entity_links').select(['entity_id']).where('agency_code', '=', agency).where('source_id', '=', sourceId).executeTakeFirst()
  if (!link) throw new LinkageError('there is no such agency record')
  const others = await trx.selectFrom('entity_links').select(['agency_code', 'source_id'])
    .where('entity_id', '=', link.entity_id).where(sql<boolean>`not (agency_code = ${agency} and source_id = ${sourceId})`)
    .orderBy('linked_at').execute()
  if (others.length === 0) throw new LinkageError('this record is the only record of its person')
  await bumpGeneration(trx)
  const [fresh] = await nextIds(trx, 'entities', 1)
  await trx.insertInto('entities').values({ id: fresh, created_at: at }).execute()
  await trx.updateTable('entity_links')
    .set({ entity_id: fresh, method: 'person_decision', score: null, decided_by: userOf(actor), reason, linked_at: at })
    .where('agency_code', '=', agency).where('source_id', '=', sourceId).execute()
  await history(trx, actor, [{ agency_code: agency, source_id: sourceId, from: link.entity_id, to: fresh }], 'unmerge', reason, at)
  await recordDecision(trx, actor, { agency, sourceId }, others.map((o) => ({ agency: o.agency_code, sourceId: o.source_id })), false, reason, at)
  await trx.updateTable('linkage_reviews').set({ status: 'closed', decided_at: at, decided_by: userOf(actor), reason })
    .where('status', '=', 'open').where('agency_code', '=', agency).where('source_id', '=', sourceId).execute()
  await appendAudit(trx, actor, [
    { action: 'linkage.unmerge', entityId: link.entity_id, reason, details: { record: `${agency}:${sourceId}`, from: link.entity_id, to: fresh } },
    { action: 'linkage.unmerge', entityId: fresh, reason, details: { record: `${agency}:${sourceId}`, from: link.entity_id, to: fresh } },
  ], at)
  return fresh
}

export interface RecordRef {
  agency: string
  sourceId: string
}

/** "Same person" / "not the same person" between a record and others, kept through retraining. */
export async function recordDecision(trx: Trx, actor: Actor, record: RecordRef, others: RecordRef[], same: boolean, reason: string, at: Date): Promise<void> {
  if (others.length === 0) return
  await trx.insertInto('linkage_decisions').values(others.map((o) => ({
    agency_a: record.agency, source_a: record.sourceId, agency_b: o.agency, source_b: o.sourceId, same,
    decided_by: userOf(actor), actor: actorLabel(actor), reason, decided_at: at,
  }))).execute()
}

async function history(
  trx: Trx, actor: Actor, moves: { agency_code: string; source_id: string; from: number | null; to: number }[],
  action: 'merge' | 'unmerge' | 'link', reason: string | null, at: Date,
): Promise<void> {
  await insertRows(trx, 'entity_link_history', {
    agency_code: 'text', source_id: 'text', from_entity: 'int', to_entity: 'int', action: 'text', decided_by: 'int', actor: 'text', reason: 'text', at: 'timestamptz',
  }, moves.map((m) => ({
    agency_code: m.agency_code, source_id: m.source_id, from_entity: m.from, to_entity: m.to, action,
    decided_by: userOf(actor), actor: actorLabel(actor), reason, at,
  })))
}

export interface HistoryRow {
  agency_code: string
  source_id: string
  from_entity: number | null
  to_entity: number
  action: string
  actor: string
  reason: string | null
  at: Date
}

/** Every move of the records that make up a person now, or that came from or went to it. */
export async function linkHistory(trx: Trx | import('../db/database.ts').Db, entityId: number): Promise<HistoryRow[]> {
  const rows = await sql<HistoryRow>`
    select h.agency_code, h.source_id, h.from_entity, h.to_entity, h.action, h.actor, h.reason, h.at
    from entity_link_history h
    where h.to_entity = ${entityId} or h.from_entity = ${entityId}
      or (h.agency_code, h.source_id) in (select agency_code, source_id from entity_links where entity_id = ${entityId})
    order by h.at, h.id`.execute(trx)
  return rows.rows
}

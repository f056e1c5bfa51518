// Merge and unmerge of people, inside the caller's transaction. Agency records are never altered:
// only their links to people move. A merged-away person keeps its id, with merged_into pointing at
// the person it became (people.ts resolvePerson follows it). What belongs to a person (allocations,
// access grants, screenings...) follows it (follow.ts). Every move is kept in entity_link_history
// and audited.
import { resolvePerson } from '../people/people.ts'
import { sql, type Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'
import type { Actor } from '../audit/actor.ts'
import { actorLabel } from '../audit/actor.ts'
import { appendAudit, type AuditEntry } from '../audit/audit.ts'
import { insertRows, nextIds } from '../db/bulk.ts'
import { bumpGeneration } from './generation.ts'
import { followMerge, followUnmerge, movedByMerge, type Moved } from './follow.ts'
import { errorKind } from '../errors/domain-error.ts'

type Trx = Transaction<Tables>

export class LinkageError extends errorKind('conflict') {}

/** The person an agency record is linked to now, or null when it is linked to no one. */
export async function personOfRecord(trx: Trx, agency: string, sourceId: string): Promise<number | null> {
  const link = await trx
    .selectFrom('entity_links')
    .select('entity_id')
    .where('agency_code', '=', agency)
    .where('source_id', '=', sourceId)
    .executeTakeFirst()
  return link ? link.entity_id : null
}

const userOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null)

export interface MergeOptions {
  /** the model's probability, when the model merges */
  score?: number
  /**
   * collect the audit entries here instead of appending them: a transaction that merges many
   * people appends once at the end, so that it never waits for a person's row lock while holding
   * the audit lock (people.ts lockPerson takes them in the other order)
   */
  audit?: AuditEntry[]
  /**
   * the caller's link session (incremental.ts) holds the linking lock, has bumped the generation
   * for the transaction and is told of the merge (session.merged): no bump of its own
   */
  inSession?: boolean
}

/**
 * Merges person `from` into person `into`: every record of `from` is linked to `into` by a person's
 * decision (or by the model when `by` is a system actor with a probability), `from` points at `into`,
 * and what belongs to `from` moves to `into` (follow.ts), listed in the audit entry.
 */
export async function mergePeople(
  trx: Trx,
  actor: Actor,
  from: number,
  into: number,
  reason: string,
  at: Date,
  options: MergeOptions = {},
): Promise<number> {
  const source = await resolvePerson(trx, from)
  const target = await resolvePerson(trx, into)
  if (source === null || target === null) throw new LinkageError('there is no such person')
  if (source === target) return 0
  if (!options.inSession) await bumpGeneration(trx)
  const records = await trx
    .selectFrom('entity_links')
    .select(['agency_code', 'source_id'])
    .where('entity_id', '=', source)
    .execute()
  const method = actor.kind === 'user' ? 'person_decision' : 'probabilistic'
  await trx
    .updateTable('entity_links')
    .set({ entity_id: target, method, score: options.score ?? null, decided_by: userOf(actor), reason, linked_at: at })
    .where('entity_id', '=', source)
    .execute()
  // merged_into first: it waits for any transaction adding a row for `source`, so followMerge sees it
  await trx.updateTable('entities').set({ merged_into: target }).where('id', '=', source).execute()
  const moved = await followMerge(trx, source, target)
  await history(
    trx,
    actor,
    records.map((r) => ({ ...r, from: source, to: target })),
    'merge',
    reason,
    at,
  )
  const entries: AuditEntry[] = [
    {
      action: 'linkage_merge',
      entityId: target,
      reason,
      details: { merged: source, into: target, records: records.map((r) => `${r.agency_code}:${r.source_id}`), moved },
    },
  ]
  if (options.audit) options.audit.push(...entries)
  else await appendAudit(trx, actor, entries, at)
  return records.length
}

/**
 * Splits one agency record out of its person. When the record came into the person by merging
 * another person into it, and it is the last of that person's records still there, the merge is
 * undone: the merged-away person is itself again, with the record and everything the merge moved
 * (follow.ts). Otherwise the record becomes a new person, and what belongs to the person stays.
 * The pair is then stored as "not the same person", so neither the model nor a later import joins
 * them again.
 */
export async function unmergeRecord(
  trx: Trx,
  actor: Actor,
  agency: string,
  sourceId: string,
  reason: string,
  at: Date,
): Promise<number> {
  if (reason.trim().length === 0) throw new LinkageError('give a reason')
  const link = await trx
    .selectFrom('entity_links')
    .select(['entity_id'])
    .where('agency_code', '=', agency)
    .where('source_id', '=', sourceId)
    .executeTakeFirst()
  if (!link) throw new LinkageError('there is no such agency record')
  const others = await trx
    .selectFrom('entity_links')
    .select(['agency_code', 'source_id'])
    .where('entity_id', '=', link.entity_id)
    .where(sql<boolean>`not (agency_code = ${agency} and source_id = ${sourceId})`)
    .orderBy('linked_at')
    .execute()
  if (others.length === 0) throw new LinkageError('this record is the only record of its person')
  await bumpGeneration(trx)
  const { fresh, returned } = await personForUnmerged(trx, agency, sourceId, link.entity_id, at)
  await trx
    .updateTable('entity_links')
    .set({ entity_id: fresh, method: 'person_decision', score: null, decided_by: userOf(actor), reason, linked_at: at })
    .where('agency_code', '=', agency)
    .where('source_id', '=', sourceId)
    .execute()
  await history(
    trx,
    actor,
    [{ agency_code: agency, source_id: sourceId, from: link.entity_id, to: fresh }],
    'unmerge',
    reason,
    at,
  )
  await recordDecision(
    trx,
    actor,
    { agency, sourceId },
    others.map((o) => ({ agency: o.agency_code, sourceId: o.source_id })),
    false,
    reason,
    at,
  )
  await trx
    .updateTable('linkage_reviews')
    .set({ status: 'closed', decided_at: at, decided_by: userOf(actor), reason })
    .where('status', '=', 'open')
    .where('agency_code', '=', agency)
    .where('source_id', '=', sourceId)
    .execute()
  const details = {
    record: `${agency}:${sourceId}`,
    from: link.entity_id,
    to: fresh,
    ...(returned ? { restored: true, returned } : {}),
  }
  await appendAudit(
    trx,
    actor,
    [
      { action: 'linkage_unmerge', entityId: link.entity_id, reason, details },
      { action: 'linkage_unmerge', entityId: fresh, reason, details },
    ],
    at,
  )
  return fresh
}

/**
 * The person a record split out of `person` goes to: the person it was merged from, itself again
 * with what the merge moved (returned), when the split undoes a merge; else a new person.
 */
async function personForUnmerged(
  trx: Trx,
  agency: string,
  sourceId: string,
  person: number,
  at: Date,
): Promise<{ fresh: number; returned: Moved | null }> {
  const origin = await undoableMerge(trx, agency, sourceId, person)
  if (origin !== null) {
    // merged_into first, as in a merge: a transaction adding a row for either person holds its lock
    await trx.updateTable('entities').set({ merged_into: null }).where('id', '=', origin).execute()
    const moved = await movedByMerge(trx, origin, person)
    const returned = await followUnmerge(trx, moved ?? { rows: {} }, person, origin)
    return { fresh: origin, returned }
  }
  const [fresh] = await nextIds(trx, 'entities', 1)
  await trx.insertInto('entities').values({ id: fresh, created_at: at }).execute()
  return { fresh, returned: null }
}

/**
 * The person a record came from, when splitting it out undoes a merge: its last move was the merge
 * of that person into `person`, the merged-away person still points at `person`, and no other
 * record that came with that merge is still there (until then what the merge moved stays with the
 * person most of the merged-away records are still part of).
 */
async function undoableMerge(trx: Trx, agency: string, sourceId: string, person: number): Promise<number | null> {
  const last = await trx
    .selectFrom('entity_link_history')
    .select(['action', 'from_entity', 'to_entity'])
    .where('agency_code', '=', agency)
    .where('source_id', '=', sourceId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!last || last.action !== 'merge' || last.to_entity !== person || last.from_entity === null) return null
  const origin = last.from_entity
  const merged = await trx.selectFrom('entities').select('merged_into').where('id', '=', origin).executeTakeFirst()
  if (merged?.merged_into !== person) return null
  const companions = await sql<{ n: number }>`
    select count(*)::int as n from entity_links l
    where l.entity_id = ${person} and not (l.agency_code = ${agency} and l.source_id = ${sourceId})
      and exists (select 1 from (select h.action, h.from_entity from entity_link_history h
        where h.agency_code = l.agency_code and h.source_id = l.source_id order by h.id desc limit 1) m
        where m.action = 'merge' and m.from_entity = ${origin})`.execute(trx)
  return companions.rows[0].n === 0 ? origin : null
}

export interface RecordRef {
  agency: string
  sourceId: string
}

/** "Same person" / "not the same person" between a record and others, kept through retraining. */
export async function recordDecision(
  trx: Trx,
  actor: Actor,
  record: RecordRef,
  others: RecordRef[],
  same: boolean,
  reason: string,
  at: Date,
): Promise<void> {
  if (others.length === 0) return
  await trx
    .insertInto('linkage_decisions')
    .values(
      others.map((o) => ({
        agency_a: record.agency,
        source_a: record.sourceId,
        agency_b: o.agency,
        source_b: o.sourceId,
        same,
        decided_by: userOf(actor),
        actor: actorLabel(actor),
        reason,
        decided_at: at,
      })),
    )
    .execute()
}

async function history(
  trx: Trx,
  actor: Actor,
  moves: { agency_code: string; source_id: string; from: number | null; to: number }[],
  action: 'merge' | 'unmerge' | 'link',
  reason: string | null,
  at: Date,
): Promise<void> {
  await insertRows(
    trx,
    'entity_link_history',
    {
      agency_code: 'text',
      source_id: 'text',
      from_entity: 'int',
      to_entity: 'int',
      action: 'text',
      decided_by: 'int',
      actor: 'text',
      reason: 'text',
      at: 'timestamptz',
    },
    moves.map((m) => ({
      agency_code: m.agency_code,
      source_id: m.source_id,
      from_entity: m.from,
      to_entity: m.to,
      action,
      decided_by: userOf(actor),
      actor: actorLabel(actor),
      reason,
      at,
    })),
  )
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

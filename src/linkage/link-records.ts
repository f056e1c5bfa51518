// Links newly written agency person records to the people Threadline knows, by the exact rules
// (exact-match.ts), then by the linkage model's probability (the shipped default until one is trained;
// (linkage/incremental.ts: linked at the auto threshold, queued for the MASH in the review band).
// A record already linked keeps its link: links change only by merge and unmerge, which a person
// decides. Records nobody matches start a new person.
import { recordKey } from '../records/keys.ts'
import { sql, type Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'
import { insertRows, nextIds } from '../db/bulk.ts'
import type { PersonRecord } from '../records/types.ts'
import { ExactIndex } from './exact-match.ts'
import { nameKey } from '../records/identifiers.ts'
import { linkSession, type LinkDecision } from './incremental.ts'
import { setting } from '../config/settings.ts'
import { must } from '../errors/must.ts'

export async function linkPersonRecords(
  trx: Transaction<Tables>,
  records: PersonRecord[],
  at: Date,
  options: { save?: boolean } = {},
): Promise<void> {
  const live = records.filter((r) => !r.withdrawn)
  // A practitioner's save (decision 0061) writes one person record: its agency's record of the child,
  // linked to the child by a person's decision before it is written, its fields copied from the
  // child's other records. The model has nothing to decide and no new evidence, so the save takes
  // neither the linking lock (which an import holds to its commit) nor a linker (which, when not kept,
  // reads every person record of the area); a kept linker learns the record when next built.
  if (options.save && live.length > 0 && live.length === records.length && (await allPlaced(trx, live))) return
  // the linkage model's view of the records (null when there are none): withdrawn records
  // stop being candidates, new versions of linked records replace the old ones
  const model = records.length > 0 && !exactRulesOnly() ? await linkSession(trx, at, records) : null
  model?.forget(records.filter((r) => r.withdrawn))
  if (live.length === 0) return
  const already = await sql<{ agency_code: string; source_id: string; entity_id: number }>`
    select agency_code, source_id, entity_id from entity_links where (agency_code, source_id) in
      (select * from unnest(${live.map((r) => r.agency)}::text[], ${live.map((r) => r.source_id)}::text[]))`.execute(
    trx,
  )
  const linked = new Map(already.rows.map((r) => [recordKey(r.agency_code, r.source_id), r.entity_id]))
  if (model)
    for (const r of live) {
      const entityId = linked.get(recordKey(r.agency, r.source_id))
      if (entityId !== undefined) model.add(r, entityId)
    }
  const pending = dedupe(live.filter((r) => !linked.has(recordKey(r.agency, r.source_id))))
  if (pending.length === 0) return

  const index = await exactIndexFor(trx, pending)

  const links: Record<string, unknown>[] = []
  const unmatched: number[] = []
  // records that match nothing known may still match each other, so each is matched in its turn
  let fresh = await nextIds(trx, 'entities', pending.filter((r) => index.match(toKnown(r)) === null).length)
  for (const record of pending) {
    const match = index.match(toKnown(record))
    if (match) {
      links.push(linkRow(record, match.entityId, match.method, null, at))
      index.add({ entityId: match.entityId, ...toKnown(record) })
      model?.add(record, match.entityId)
      continue
    }
    const decision: LinkDecision = model ? model.decide(record) : { kind: 'new' }
    if (model && decision.kind === 'link') {
      links.push(linkRow(record, decision.entityId, 'probabilistic', decision.probability, at))
      index.add({ entityId: decision.entityId, ...toKnown(record) })
      model.add(record, decision.entityId)
      continue
    }
    if (fresh.length === 0) fresh = await nextIds(trx, 'entities', 1)
    const entityId = must(fresh.shift(), 'a new person id')
    unmatched.push(entityId)
    index.add({ entityId, ...toKnown(record) })
    links.push(linkRow(record, entityId, 'first_seen', null, at))
    if (model && decision.kind === 'review') model.queue(record, decision)
    model?.add(record, entityId)
  }
  await insertRows(
    trx,
    'entities',
    { id: 'int', created_at: 'timestamptz' },
    unmatched.map((id) => ({ id, created_at: at })),
  )
  await insertRows(
    trx,
    'entity_links',
    {
      agency_code: 'text',
      source_id: 'text',
      entity_id: 'int',
      method: 'text',
      score: 'float8',
      linked_at: 'timestamptz',
    },
    links,
  )
  await model?.finish(trx, at)
}

/** A row of entity_links: the record, the person it is linked to, and how. */
function linkRow(record: PersonRecord, entityId: number, method: string, score: number | null, at: Date) {
  return {
    agency_code: record.agency,
    source_id: record.source_id,
    entity_id: entityId,
    method,
    score,
    linked_at: at,
  }
}

/**
 * Every record of each person that a pending record could match by a rule (same NHS number or name),
 * so that an identifier held by any of them can tell two people apart.
 */
async function exactIndexFor(trx: Transaction<Tables>, pending: readonly PersonRecord[]): Promise<ExactIndex> {
  const nhs = [...new Set(pending.map((r) => r.nhs_number).filter((n): n is string => !!n))]
  const names = [...new Set(pending.map((r) => nameKey(r.given_name, r.family_name)).filter((n) => n.includes(' ')))]
  const known = await sql<{
    entity_id: number
    nhs_number: string | null
    upn: string | null
    pnc_id: string | null
    date_of_birth: string | null
    name_key: string
    postcode: string | null
    phone: string | null
  }>`
    select l.entity_id, p.nhs_number, p.upn, p.pnc_id, p.date_of_birth, p.name_key, p.postcode, p.phone
    from person_versions p join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
    where p.is_current and not p.withdrawn and l.entity_id in (
      select l2.entity_id
      from person_versions p2 join entity_links l2 on l2.agency_code = p2.agency_code and l2.source_id = p2.source_id
      where p2.is_current and not p2.withdrawn
        and (p2.nhs_number = any(${nhs}::text[]) or p2.name_key = any(${names}::text[])))`.execute(trx)
  const index = new ExactIndex()
  for (const row of known.rows) {
    index.add({
      entityId: row.entity_id,
      nhsNumber: row.nhs_number,
      upn: row.upn,
      pncId: row.pnc_id,
      dateOfBirth: row.date_of_birth,
      nameKey: row.name_key,
      postcode: row.postcode,
      phone: row.phone,
    })
  }
  return index
}

/**
 * THREADLINE_LINKAGE=exact: link by the exact rules only (loading a history that people will then
 * relink with `threadline linkage relink`, or comparing the two). Linkage is on otherwise.
 */
export function exactRulesOnly(env: NodeJS.ProcessEnv = process.env): boolean {
  return setting('linkage', env) === 'exact'
}

function toKnown(r: PersonRecord) {
  return {
    nhsNumber: r.nhs_number ?? null,
    upn: r.upn ?? null,
    pncId: r.pnc_id ?? null,
    dateOfBirth: r.date_of_birth ?? null,
    nameKey: nameKey(r.given_name, r.family_name),
    postcode: r.address?.postcode ?? null,
    phone: r.phone ?? null,
  }
}

// The same record twice in one batch (a re-send in the same file) is linked once.
function dedupe(records: PersonRecord[]): PersonRecord[] {
  const seen = new Map<string, PersonRecord>()
  for (const r of records) seen.set(recordKey(r.agency, r.source_id), r)
  return [...seen.values()]
}

/** Whether every one of these records is linked already by a person's decision. */
async function allPlaced(trx: Transaction<Tables>, records: readonly PersonRecord[]): Promise<boolean> {
  const placed = await sql<{ n: number }>`
    select count(*)::int as n from entity_links where method = 'person_decision' and (agency_code, source_id) in
      (select * from unnest(${records.map((r) => r.agency)}::text[], ${records.map((r) => r.source_id)}::text[]))`.execute(
    trx,
  )
  return placed.rows[0].n === records.length
}

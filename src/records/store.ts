// Writes validated agency records as new versions. A re-send identical to the current version
// changes nothing; anything else becomes the next version and the old one keeps its history
// (superseded_at = the new version's recorded_at). All of it inside the caller's transaction.
import { sql, type Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'
import { insertRows, nextIds, type Columns } from '../db/bulk.ts'
import { canonical } from '../audit/chain.ts'
import type { AgencyRecord, EventRecord, PersonRecord, RelationshipRecord } from './types.ts'
import { normaliseName } from './identifiers.ts'
import { linkPersonRecords } from '../people/link-records.ts'

export type Outcome = 'created' | 'updated' | 'unchanged' | 'withdrawn'

export interface Incoming {
  record: AgencyRecord
  /** The object exactly as the agency sent it (unknown fields included). */
  raw: Record<string, unknown>
}

export interface WriteContext {
  importId: number
  receivedAt: Date
}

type Trx = Transaction<Tables>
type VersionTable = 'person_versions' | 'events' | 'relationships'

export async function writeRecords(trx: Trx, items: Incoming[], ctx: WriteContext): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(items.length)
  const byType = { person: [] as number[], event: [] as number[], relationship: [] as number[] }
  items.forEach((item, i) => byType[item.record.type].push(i))
  // people first, so that events in the same batch find their subject already linked
  const people = await writeVersions(trx, 'person_versions', byType.person.map((i) => items[i]), ctx, personColumns, personRow)
  byType.person.forEach((i, k) => (outcomes[i] = people.outcomes[k]))
  await linkPersonRecords(trx, people.written as PersonRecord[], ctx.receivedAt)
  const events = await writeVersions(trx, 'events', byType.event.map((i) => items[i]), ctx, eventColumns, eventRow)
  byType.event.forEach((i, k) => (outcomes[i] = events.outcomes[k]))
  await writeInvolvements(trx, events.written as EventRecord[], events.ids)
  const rels = await writeVersions(trx, 'relationships', byType.relationship.map((i) => items[i]), ctx, relationshipColumns, relationshipRow)
  byType.relationship.forEach((i, k) => (outcomes[i] = rels.outcomes[k]))
  return outcomes
}

interface Current {
  id: number
  version: number
  raw: string
  /** The stored row's fields, for a withdrawal that carries none of its own. */
  fields: Record<string, unknown>
  pending?: Record<string, unknown>
}

async function writeVersions(
  trx: Trx, table: VersionTable, items: Incoming[], ctx: WriteContext, columns: Columns,
  toRow: (record: AgencyRecord, previous: Record<string, unknown> | undefined) => Record<string, unknown>,
): Promise<{ outcomes: Outcome[]; written: AgencyRecord[]; ids: number[] }> {
  if (items.length === 0) return { outcomes: [], written: [], ids: [] }
  const keyOf = (r: AgencyRecord) => `${r.agency}\u0000${r.source_id}`
  const current = new Map<string, Current>()
  const agencies = items.map((i) => i.record.agency)
  const sources = items.map((i) => i.record.source_id)
  const existing = await sql<Record<string, unknown> & { id: number; version: number; raw: unknown; agency_code: string; source_id: string }>`
    select * from ${sql.table(table)} where is_current and (agency_code, source_id) in
      (select * from unnest(${agencies}::text[], ${sources}::text[]))`.execute(trx)
  for (const row of existing.rows) {
    current.set(`${row.agency_code}\u0000${row.source_id}`, { id: row.id, version: row.version, raw: canonical(row.raw), fields: row })
  }
  const outcomes: Outcome[] = []
  const newRows: Record<string, unknown>[] = []
  const written: AgencyRecord[] = []
  const superseded: { id: number; at: string }[] = []
  for (const { record, raw } of items) {
    const key = keyOf(record)
    const rawText = canonical(raw)
    const cur = current.get(key)
    if (cur && cur.raw === rawText) {
      outcomes.push('unchanged')
      continue
    }
    const recordedAt = record.recorded_at ?? ctx.receivedAt.toISOString()
    const row = {
      ...toRow(record, cur?.pending ?? cur?.fields),
      agency_code: record.agency, source_id: record.source_id, version: (cur?.version ?? 0) + 1, is_current: true,
      withdrawn: record.withdrawn === true, withdrawn_reason: record.withdrawn ? record.reason ?? null : null,
      recorded_at: recordedAt, received_at: ctx.receivedAt, superseded_at: null, import_id: ctx.importId, raw,
    }
    if (cur?.pending) {
      cur.pending.is_current = false
      cur.pending.superseded_at = recordedAt
    } else if (cur) {
      superseded.push({ id: cur.id, at: recordedAt })
    }
    outcomes.push(record.withdrawn ? 'withdrawn' : cur ? 'updated' : 'created')
    current.set(key, { id: -1, version: row.version, raw: rawText, fields: row, pending: row })
    newRows.push(row)
    written.push(record)
  }
  if (superseded.length > 0) {
    await sql`update ${sql.table(table)} as t set is_current = false, superseded_at = s.at
      from unnest(${superseded.map((s) => s.id)}::int[], ${superseded.map((s) => s.at)}::timestamptz[]) as s(id, at)
      where t.id = s.id`.execute(trx)
  }
  const ids = await nextIds(trx, table, newRows.length)
  newRows.forEach((row, i) => (row.id = ids[i]))
  await insertRows(trx, table, { id: 'int', ...FRAMING_COLUMNS, ...columns }, newRows)
  return { outcomes, written, ids }
}

const FRAMING_COLUMNS: Columns = {
  agency_code: 'text', source_id: 'text', version: 'int', is_current: 'bool', withdrawn: 'bool',
  withdrawn_reason: 'text', recorded_at: 'timestamptz', received_at: 'timestamptz', superseded_at: 'timestamptz',
  import_id: 'int', raw: 'jsonb',
}

const personColumns: Columns = {
  given_name: 'text', family_name: 'text', other_names: 'text[]', date_of_birth: 'text', sex: 'text',
  ethnicity: 'text', nationality: 'text', disability: 'text', nhs_number: 'text', upn: 'text', pnc_id: 'text',
  address: 'jsonb', postcode: 'text', confidential_address: 'bool', phone: 'text', is_child: 'bool', name_key: 'text',
}

function personRow(record: AgencyRecord, previous?: Record<string, unknown>): Record<string, unknown> {
  const p = record as PersonRecord
  if (p.withdrawn && previous) return pick(previous, personColumns)
  return {
    given_name: p.given_name ?? null, family_name: p.family_name ?? null, other_names: p.other_names ?? [],
    date_of_birth: p.date_of_birth ?? null, sex: p.sex ?? null, ethnicity: p.ethnicity ?? null,
    nationality: p.nationality ?? null, disability: p.disability ?? null, nhs_number: p.nhs_number ?? null,
    upn: p.upn ?? null, pnc_id: p.pnc_id ?? null, address: p.address ?? null, postcode: p.address?.postcode ?? null,
    confidential_address: p.address?.confidential === true, phone: p.phone ?? null, is_child: p.is_child ?? null,
    name_key: nameKey(p.given_name, p.family_name),
  }
}

export function nameKey(given?: string | null, family?: string | null): string {
  return [given, family].filter(Boolean).map((n) => normaliseName(n!)).join(' ').trim()
}

const eventColumns: Columns = {
  kind: 'text', subject_source_id: 'text', occurred_at: 'timestamptz', ended_at: 'timestamptz', summary: 'text',
  details: 'text', outcome: 'text', rationale: 'text', recorded_by: 'text', restricted: 'bool', indicators: 'text[]',
  extra: 'jsonb',
}

function eventRow(record: AgencyRecord, previous?: Record<string, unknown>): Record<string, unknown> {
  const e = record as EventRecord
  if (e.withdrawn) {
    if (previous) return pick(previous, eventColumns)
    return { kind: 'note', subject_source_id: '', occurred_at: e.recorded_at ?? new Date(0).toISOString(), restricted: false, indicators: [], extra: {} }
  }
  return {
    kind: e.kind, subject_source_id: e.subject, occurred_at: e.occurred_at, ended_at: e.ended_at ?? null,
    summary: e.summary ?? null, details: e.details ?? null, outcome: e.outcome ?? null, rationale: e.rationale ?? null,
    recorded_by: e.recorded_by ?? null, restricted: e.restricted, indicators: e.indicators, extra: e.extra,
  }
}

const relationshipColumns: Columns = {
  from_source_id: 'text', to_source_id: 'text', kind: 'text', since: 'text', reliability: 'text', note: 'text',
}

function relationshipRow(record: AgencyRecord, previous?: Record<string, unknown>): Record<string, unknown> {
  const r = record as RelationshipRecord
  if (r.withdrawn) {
    if (previous) return pick(previous, relationshipColumns)
    return { from_source_id: '', to_source_id: '', kind: 'associate', reliability: 'unconfirmed' }
  }
  return { from_source_id: r.from, to_source_id: r.to, kind: r.kind, since: r.since ?? null, reliability: r.reliability, note: r.note ?? null }
}

function pick(row: Record<string, unknown>, columns: Columns): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of Object.keys(columns)) {
    const v = row[name]
    out[name] = v instanceof Date ? v.toISOString() : v
  }
  return out
}

async function writeInvolvements(trx: Trx, events: EventRecord[], ids: number[]): Promise<void> {
  const rows: Record<string, unknown>[] = []
  events.forEach((event, i) => {
    if (event.withdrawn) return
    for (const inv of event.involves) {
      rows.push({
        event_id: ids[i], agency_code: event.agency, kind: inv.kind, role: inv.role ?? null,
        person_source_id: inv.kind === 'person' ? inv.person : null,
        key: inv.kind === 'person' ? null : inv.key, display: inv.kind === 'person' ? null : inv.display,
      })
    }
  })
  await insertRows(trx, 'involvements', {
    event_id: 'int', agency_code: 'text', kind: 'text', role: 'text', person_source_id: 'text', key: 'text', display: 'text',
  }, rows)
}

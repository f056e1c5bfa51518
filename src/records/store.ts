// Writes validated agency records as new versions. A re-send identical to the current version
// changes nothing; anything else becomes the next version and the old one keeps its history
// (superseded_at = the new version's recorded_at). All of it inside the caller's transaction.
import { sql, type Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'
import { insertRows, JsonText, nextIds, type Columns } from '../db/bulk.ts'
import { canonical } from '../audit/chain.ts'
import type { AgencyRecord, EventRecord, PersonRecord, RelationshipRecord } from './types.ts'
import { normaliseName } from './identifiers.ts'
import { linkPersonRecords } from '../people/link-records.ts'

export type Outcome = 'created' | 'updated' | 'unchanged' | 'withdrawn'

/** A validated record and what the agency sent: its line of JSON as it came, or the parsed object. */
export type Incoming =
  | { record: AgencyRecord; rawText: string; raw?: undefined }
  | { record: AgencyRecord; raw: Record<string, unknown>; rawText?: undefined }

export interface WriteContext {
  importId: number
  receivedAt: Date
  /** What the import wrote, for the hooks and the dangling-reference report after it (keys `agency\u0000source_id`). */
  touched: Touched
  seen: Seen
}

export interface Touched {
  /** person records written, and the subjects of events written */
  people: Set<string>
  /** every person a written record refers to: event subjects, people involved, relationship ends */
  references: Set<string>
  events: number
}

export function touchedNothing(): Touched {
  return { people: new Set(), references: new Set(), events: 0 }
}

/**
 * Which (table, agency) had records before this import, and the keys this import has written: a
 * record in an agency's first load can only have been sent before within this same import, so only
 * those keys are looked up (a first load of 200,000 events skips 200,000 lookups).
 */
export interface Seen {
  hadRecords: Map<string, boolean>
  written: Set<string>
}

export function seenNothing(): Seen {
  return { hadRecords: new Map(), written: new Set() }
}

/** The key of one agency record (or of the person an agency means by a source id). */
export const recordKey = (agency: string, sourceId: string) => `${agency}\u0000${sourceId}`

type Trx = Transaction<Tables>
type VersionTable = 'person_versions' | 'events' | 'relationships'

export async function writeRecords(trx: Trx, items: Incoming[], ctx: WriteContext): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(items.length)
  const byType = { person: [] as number[], event: [] as number[], relationship: [] as number[] }
  items.forEach((item, i) => byType[item.record.type].push(i))
  // people first, so that events in the same batch find their subject already linked
  const people = await writeVersions(
    trx,
    'person_versions',
    byType.person.map((i) => items[i]),
    ctx,
    personColumns,
    personRow,
  )
  byType.person.forEach((i, k) => (outcomes[i] = people.outcomes[k]))
  for (const p of people.written) ctx.touched.people.add(recordKey(p.agency, p.source_id))
  await linkPersonRecords(trx, people.written as PersonRecord[], ctx.receivedAt)
  const events = await writeVersions(
    trx,
    'events',
    byType.event.map((i) => items[i]),
    ctx,
    eventColumns,
    eventRow,
  )
  byType.event.forEach((i, k) => (outcomes[i] = events.outcomes[k]))
  await writeInvolvements(trx, events.written as EventRecord[], events.ids)
  ctx.touched.events += events.written.length
  // a withdrawn event's row keeps its subject from the version it withdraws: its child is touched too
  for (const row of events.rows)
    ctx.touched.people.add(recordKey(row.agency_code as string, row.subject_source_id as string))
  for (const e of events.written as EventRecord[]) {
    if (e.withdrawn) continue
    ctx.touched.references.add(recordKey(e.agency, e.subject))
    for (const inv of e.involves) if (inv.kind === 'person') ctx.touched.references.add(recordKey(e.agency, inv.person))
  }
  const rels = await writeVersions(
    trx,
    'relationships',
    byType.relationship.map((i) => items[i]),
    ctx,
    relationshipColumns,
    relationshipRow,
  )
  byType.relationship.forEach((i, k) => (outcomes[i] = rels.outcomes[k]))
  for (const r of rels.written as RelationshipRecord[]) {
    if (r.withdrawn) continue
    ctx.touched.references.add(recordKey(r.agency, r.from))
    ctx.touched.references.add(recordKey(r.agency, r.to))
  }
  return outcomes
}

interface Current {
  id: number
  version: number
  /** what was sent, compared canonically (key order aside) only when a record is sent again */
  raw: unknown
  /** The stored row's fields, for a withdrawal that carries none of its own. */
  fields: Record<string, unknown>
  pending?: Record<string, unknown>
}

async function writeVersions(
  trx: Trx,
  table: VersionTable,
  items: Incoming[],
  ctx: WriteContext,
  columns: Columns,
  toRow: (record: AgencyRecord, previous: Record<string, unknown> | undefined) => Record<string, unknown>,
): Promise<{ outcomes: Outcome[]; written: AgencyRecord[]; ids: number[]; rows: Record<string, unknown>[] }> {
  if (items.length === 0) return { outcomes: [], written: [], ids: [], rows: [] }
  const keyOf = (r: AgencyRecord) => recordKey(r.agency, r.source_id)
  const current = new Map<string, Current>()
  const { hadRecords, written: writtenKeys } = ctx.seen
  for (const agency of new Set(items.map((i) => i.record.agency))) {
    if (hadRecords.has(`${table}:${agency}`)) continue
    const any = await sql<{
      found: boolean
    }>`select exists (select 1 from ${sql.table(table)} where agency_code = ${agency}) as found`.execute(trx)
    hadRecords.set(`${table}:${agency}`, any.rows[0].found)
  }
  const sought = items.filter((i) => hadRecords.get(`${table}:${i.record.agency}`) || writtenKeys.has(keyOf(i.record)))
  const agencies = sought.map((i) => i.record.agency)
  const sources = sought.map((i) => i.record.source_id)
  const existing =
    sought.length === 0
      ? { rows: [] }
      : await sql<
          Record<string, unknown> & {
            id: number
            version: number
            raw: unknown
            agency_code: string
            source_id: string
          }
        >`
    select t.* from unnest(${agencies}::text[], ${sources}::text[]) as k(agency_code, source_id)
      join ${sql.table(table)} t on t.agency_code = k.agency_code and t.source_id = k.source_id and t.is_current`.execute(
          trx,
        )
  for (const row of existing.rows) {
    current.set(recordKey(row.agency_code, row.source_id), {
      id: row.id,
      version: row.version,
      raw: row.raw,
      fields: row,
    })
  }
  const outcomes: Outcome[] = []
  const newRows: Record<string, unknown>[] = []
  const written: AgencyRecord[] = []
  const superseded: { id: number; at: string }[] = []
  for (const { record, raw, rawText } of items) {
    const key = keyOf(record)
    const cur = current.get(key)
    // the line as sent is kept as text and read again only when the record was sent before; a
    // batch's parsed objects would otherwise stay alive until it is written (most of an import's GC)
    const sent = rawText === undefined ? raw : new JsonText(rawText)
    if (cur && canonical(sentValue(cur.raw)) === canonical(sentValue(sent))) {
      outcomes.push('unchanged')
      continue
    }
    const recordedAt = record.recorded_at ?? ctx.receivedAt.toISOString()
    // fields set one by one: spreading the fields into a literal costs twenty times as much here,
    // and this runs for every record of an import
    const version = (cur?.version ?? 0) + 1
    const row = toRow(record, cur?.pending ?? cur?.fields)
    row.agency_code = record.agency
    row.source_id = record.source_id
    row.version = version
    row.is_current = true
    row.withdrawn = record.withdrawn === true
    row.withdrawn_reason = record.withdrawn ? (record.reason ?? null) : null
    row.recorded_at = recordedAt
    row.received_at = ctx.receivedAt
    row.superseded_at = null
    row.import_id = ctx.importId
    row.raw = sent
    if (cur?.pending) {
      cur.pending.is_current = false
      cur.pending.superseded_at = recordedAt
    } else if (cur) {
      superseded.push({ id: cur.id, at: recordedAt })
    }
    outcomes.push(record.withdrawn ? 'withdrawn' : cur ? 'updated' : 'created')
    current.set(key, { id: -1, version, raw: sent, fields: row, pending: row })
    writtenKeys.add(key)
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
  return { outcomes, written, ids, rows: newRows }
}

const FRAMING_COLUMNS: Columns = {
  agency_code: 'text',
  source_id: 'text',
  version: 'int',
  is_current: 'bool',
  withdrawn: 'bool',
  withdrawn_reason: 'text',
  recorded_at: 'timestamptz',
  received_at: 'timestamptz',
  superseded_at: 'timestamptz',
  import_id: 'int',
  raw: 'json',
}

const personColumns: Columns = {
  given_name: 'text',
  family_name: 'text',
  other_names: 'text[]',
  date_of_birth: 'text',
  sex: 'text',
  ethnicity: 'text',
  nationality: 'text',
  disability: 'text',
  nhs_number: 'text',
  upn: 'text',
  pnc_id: 'text',
  address: 'jsonb',
  postcode: 'text',
  confidential_address: 'bool',
  phone: 'text',
  is_child: 'bool',
  name_key: 'text',
}

function personRow(record: AgencyRecord, previous?: Record<string, unknown>): Record<string, unknown> {
  const p = record as PersonRecord
  if (p.withdrawn && previous) return pick(previous, personColumns)
  return {
    given_name: p.given_name ?? null,
    family_name: p.family_name ?? null,
    other_names: p.other_names ?? [],
    date_of_birth: p.date_of_birth ?? null,
    sex: p.sex ?? null,
    ethnicity: p.ethnicity ?? null,
    nationality: p.nationality ?? null,
    disability: p.disability ?? null,
    nhs_number: p.nhs_number ?? null,
    upn: p.upn ?? null,
    pnc_id: p.pnc_id ?? null,
    address: p.address ?? null,
    postcode: p.address?.postcode ?? null,
    confidential_address: p.address?.confidential === true,
    phone: p.phone ?? null,
    is_child: p.is_child ?? null,
    name_key: nameKey(p.given_name, p.family_name),
  }
}

export function nameKey(given?: string | null, family?: string | null): string {
  return [given, family]
    .filter(Boolean)
    .map((n) => normaliseName(n!))
    .join(' ')
    .trim()
}

const eventColumns: Columns = {
  kind: 'text',
  subject_source_id: 'text',
  occurred_at: 'timestamptz',
  ended_at: 'timestamptz',
  summary: 'text',
  details: 'text',
  outcome: 'text',
  rationale: 'text',
  recorded_by: 'text',
  restricted: 'bool',
  indicators: 'text[]',
  extra: 'jsonb',
}

function eventRow(record: AgencyRecord, previous?: Record<string, unknown>): Record<string, unknown> {
  const e = record as EventRecord
  if (e.withdrawn) {
    if (previous) return pick(previous, eventColumns)
    return {
      kind: 'note',
      subject_source_id: '',
      occurred_at: e.recorded_at ?? new Date(0).toISOString(),
      restricted: false,
      indicators: [],
      extra: {},
    }
  }
  return {
    kind: e.kind,
    subject_source_id: e.subject,
    occurred_at: e.occurred_at,
    ended_at: e.ended_at ?? null,
    summary: e.summary ?? null,
    details: e.details ?? null,
    outcome: e.outcome ?? null,
    rationale: e.rationale ?? null,
    recorded_by: e.recorded_by ?? null,
    restricted: e.restricted,
    indicators: e.indicators,
    extra: e.extra,
  }
}

const relationshipColumns: Columns = {
  from_source_id: 'text',
  to_source_id: 'text',
  kind: 'text',
  since: 'text',
  reliability: 'text',
  note: 'text',
}

function relationshipRow(record: AgencyRecord, previous?: Record<string, unknown>): Record<string, unknown> {
  const r = record as RelationshipRecord
  if (r.withdrawn) {
    if (previous) return pick(previous, relationshipColumns)
    return { from_source_id: '', to_source_id: '', kind: 'associate', reliability: 'unconfirmed' }
  }
  return {
    from_source_id: r.from,
    to_source_id: r.to,
    kind: r.kind,
    since: r.since ?? null,
    reliability: r.reliability,
    note: r.note ?? null,
  }
}

function sentValue(value: unknown): unknown {
  return value instanceof JsonText ? JSON.parse(value.text) : value
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
        event_id: ids[i],
        agency_code: event.agency,
        kind: inv.kind,
        role: inv.role ?? null,
        person_source_id: inv.kind === 'person' ? inv.person : null,
        key: inv.kind === 'person' ? null : inv.key,
        display: inv.kind === 'person' ? null : inv.display,
      })
    }
  })
  await insertRows(
    trx,
    'involvements',
    {
      event_id: 'int',
      agency_code: 'text',
      kind: 'text',
      role: 'text',
      person_source_id: 'text',
      key: 'text',
      display: 'text',
    },
    rows,
  )
}

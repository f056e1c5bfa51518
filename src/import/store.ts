// Writes validated agency records as versions of their objects, ordered by recorded_at (the import
// format 1.2, docs/import-format.md; decision 0002). A version whose content equals the one in force
// at its recorded_at adds nothing; an older version goes into the history at its place and never
// becomes current over a newer one; the last version recorded is the current one. All of it inside
// the caller's transaction.
import { recordKey } from '../records/keys.ts'
import { sql, type Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'
import { insertRows, JsonText, nextIds, type Columns } from '../db/bulk.ts'
import { canonical } from '../audit/chain.ts'
import type {
  AgencyRecord,
  AllocationRecord,
  EventRecord,
  PersonRecord,
  RelationshipRecord,
  SupervisionRecord,
  WorkerRecord,
} from '../records/types.ts'
import { nameKey } from '../records/identifiers.ts'
import { linkPersonRecords } from '../linkage/link-records.ts'
import { must, mustGet } from '../errors/must.ts'

export type Outcome = 'created' | 'updated' | 'unchanged' | 'withdrawn'

/** A validated record and what the agency sent: its line of JSON as it came, or the parsed object. */
export type Incoming =
  | { record: AgencyRecord; rawText: string; raw?: undefined }
  | { record: AgencyRecord; raw: Record<string, unknown>; rawText?: undefined }

export interface WriteContext {
  importId: number
  receivedAt: Date
  /** What the import wrote, for the hooks and the dangling-reference report after it (keys `agency:source_id`, records/keys.ts). */
  touched: Touched
  seen: Seen
  /** a practitioner's save (channel 'page'): its person record, placed by a person's decision, is not given to the linkage model */
  save?: boolean
}

export interface Touched {
  /** person records written, and the subjects of events written */
  people: Set<string>
  /** every person a written record refers to: event subjects, people involved, relationship ends, the children of allocations and supervision */
  references: Set<string>
  /** every worker a staff record refers to (1.4): a worker's manager, an allocation's worker, both people of a supervision */
  workerReferences: Set<string>
  /** every event a staff record refers to (1.4): the piece of work of an allocation or a supervision */
  eventReferences: Set<string>
  events: number
  /** the ids of the event versions written, while there are no more than EVENT_IDS_KEPT of them (null beyond) */
  eventIds: number[] | null
}

/** Event ids kept for the after-import work (the language check of an import's own events): more are a bulk load's, left to when each is first read. */
export const EVENT_IDS_KEPT = 5000

export function touchedNothing(): Touched {
  return {
    people: new Set(),
    references: new Set(),
    workerReferences: new Set(),
    eventReferences: new Set(),
    events: 0,
    eventIds: [],
  }
}

/**
 * Which (table, agency) had records before this import, and the keys this import has written: a
 * record in an agency's first load can only have been sent before within this same import, so only
 * those keys are looked up (a first load of 200,000 events skips 200,000 lookups).
 */
export interface Seen {
  hadRecords: Map<string, boolean>
  written: Set<string>
  /**
   * Look every record up, without first asking whether its agency had any (a practitioner's save of a
   * record or two: the lookup of a key not stored finds nothing, and the question is a statement more).
   */
  lookUpEvery?: boolean
}

export function seenNothing(options: { lookUpEvery?: boolean } = {}): Seen {
  return { hadRecords: new Map(), written: new Set(), lookUpEvery: options.lookUpEvery }
}

type Trx = Transaction<Tables>
type VersionTable =
  'person_versions' | 'events' | 'relationships' | 'worker_versions' | 'allocation_versions' | 'supervision_versions'

export async function writeRecords(trx: Trx, items: Incoming[], ctx: WriteContext): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(items.length)
  const byType = {
    person: [] as number[],
    event: [] as number[],
    relationship: [] as number[],
    worker: [] as number[],
    allocation: [] as number[],
    supervision: [] as number[],
  }
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
  // relationships before linking: two records an agency relates to each other (a mother and her
  // child, a tenant and a household member) are two people (linkage/incremental.ts)
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
  // linking sees each person record as it now stands: a version that went into the history behind
  // a newer one changes neither the person's current record nor its link
  await linkPersonRecords(trx, people.current as PersonRecord[], ctx.receivedAt, { save: ctx.save })
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
  if (ctx.touched.eventIds !== null)
    ctx.touched.eventIds =
      ctx.touched.eventIds.length + events.ids.length > EVENT_IDS_KEPT ? null : [...ctx.touched.eventIds, ...events.ids]
  // a withdrawn event's row keeps its subject from the version it withdraws: its child is touched too
  for (const row of events.rows)
    ctx.touched.people.add(recordKey(row.agency_code as string, row.subject_source_id as string))
  for (const e of events.written as EventRecord[]) {
    if (e.withdrawn) continue
    ctx.touched.references.add(recordKey(e.agency, e.subject))
    for (const inv of e.involves) if (inv.kind === 'person') ctx.touched.references.add(recordKey(e.agency, inv.person))
  }
  await writeStaffRecords(trx, items, byType, outcomes, ctx)
  return outcomes
}

/** The staff records (1.4): workers, allocations and supervision, versioned as every other object. */
async function writeStaffRecords(
  trx: Trx,
  items: Incoming[],
  byType: { worker: number[]; allocation: number[]; supervision: number[] },
  outcomes: Outcome[],
  ctx: WriteContext,
): Promise<void> {
  const { touched } = ctx
  const staff = [
    ['worker_versions', byType.worker, workerColumns, workerRow],
    ['allocation_versions', byType.allocation, allocationColumns, allocationRow],
    ['supervision_versions', byType.supervision, supervisionColumns, supervisionRow],
  ] as const
  for (const [table, indexes, columns, toRow] of staff) {
    if (indexes.length === 0) continue
    const written = await writeVersions(
      trx,
      table,
      indexes.map((i) => items[i]),
      ctx,
      columns,
      toRow,
    )
    indexes.forEach((i, k) => (outcomes[i] = written.outcomes[k]))
    for (const r of written.written) {
      if (r.withdrawn) continue
      const ref = (source: string | undefined, into: Set<string>) => {
        if (source) into.add(recordKey(r.agency, source))
      }
      if (r.type === 'worker') ref(r.manager, touched.workerReferences)
      if (r.type === 'allocation' || r.type === 'supervision') {
        ref(r.worker, touched.workerReferences)
        ref(r.subject, touched.references)
        ref(r.event, touched.eventReferences)
      }
      if (r.type === 'supervision') ref(r.supervisor, touched.workerReferences)
    }
  }
}

/**
 * One version of an object as the importer orders them: by recorded_at, then by the order
 * Threadline received them (stored rows by id, this batch's after them, in the order sent).
 */
interface Version {
  at: number
  /** the stored row (with its id) or the new row this batch writes */
  fields: Record<string, unknown>
  /** what was sent, compared canonically (key order aside, framing aside) only when it must be */
  raw: unknown
  content?: string
  withdrawn: boolean
  /** the stored row's place before this batch; undefined for a new row */
  stored?: { id: number; version: number; isCurrent: boolean; supersededAt: number | null }
  record?: AgencyRecord
}

/** The versions of one object this batch knows: all of them, or (complete false) only the current one. */
interface History {
  versions: Version[]
  complete: boolean
}

type StoredRow = Record<string, unknown> & {
  id: number
  version: number
  raw: unknown
  agency_code: string
  source_id: string
  recorded_at: Date
  superseded_at: Date | null
  is_current: boolean
  withdrawn: boolean
}

async function writeVersions(
  trx: Trx,
  table: VersionTable,
  items: Incoming[],
  ctx: WriteContext,
  columns: Columns,
  toRow: (record: AgencyRecord, previous: Record<string, unknown> | undefined) => Record<string, unknown>,
): Promise<{
  outcomes: Outcome[]
  written: AgencyRecord[]
  ids: number[]
  rows: Record<string, unknown>[]
  /** per object written, its current version's record when this batch's version is now current */
  current: AgencyRecord[]
}> {
  if (items.length === 0) return { outcomes: [], written: [], ids: [], rows: [], current: [] }
  const receivedAt = ctx.receivedAt.getTime()
  const atOf = (r: AgencyRecord) => (r.recorded_at === undefined ? receivedAt : Date.parse(r.recorded_at))
  const histories = await knownHistories(trx, table, items, ctx.seen, atOf)
  const { outcomes, touched } = placeVersions(items, histories, ctx, atOf, toRow)
  const { newRows, written, current, moved } = layOutHistories(histories, touched)
  await moveStoredVersions(trx, table, moved)
  const ids = await nextIds(trx, table, newRows.length)
  newRows.forEach((row, i) => (row.id = ids[i]))
  await insertRows(trx, table, { id: 'int', ...FRAMING_COLUMNS, ...columns }, newRows)
  return { outcomes, written, ids, rows: newRows, current }
}

/** A stored row whose place in its object's history moved: its new number, currency and end. */
interface MovedVersion {
  id: number
  version: number
  isCurrent: boolean
  supersededAt: string | null
}

/**
 * What is stored of the objects this batch writes, by record key: nothing for an agency that had no
 * records and an object not written before; the current version; or, for an object a version comes
 * into the history of (recorded no later than the current one), every version in order.
 */
async function knownHistories(
  trx: Trx,
  table: VersionTable,
  items: Incoming[],
  seen: Seen,
  atOf: (r: AgencyRecord) => number,
): Promise<Map<string, History>> {
  const keyOf = (r: AgencyRecord) => recordKey(r.agency, r.source_id)
  const histories = new Map<string, History>()
  const { hadRecords, written: writtenKeys } = seen
  if (seen.lookUpEvery) for (const i of items) hadRecords.set(`${table}:${i.record.agency}`, true)
  for (const agency of new Set(items.map((i) => i.record.agency))) {
    if (hadRecords.has(`${table}:${agency}`)) continue
    const any = await sql<{
      found: boolean
    }>`select exists (select 1 from ${sql.table(table)} where agency_code = ${agency}) as found`.execute(trx)
    hadRecords.set(`${table}:${agency}`, any.rows[0].found)
  }
  const sought = items.filter((i) => hadRecords.get(`${table}:${i.record.agency}`) || writtenKeys.has(keyOf(i.record)))
  if (sought.length === 0) return histories
  const rows = await storedVersions(trx, table, sought, 'current')
  for (const row of rows)
    histories.set(recordKey(row.agency_code, row.source_id), { versions: [stored(row)], complete: false })
  // A version recorded no later than the current one belongs somewhere in the history, or is
  // one already there: only those objects' whole histories are read.
  const older = sought.filter((i) => {
    const h = histories.get(keyOf(i.record))
    return h !== undefined && atOf(i.record) <= h.versions[0].at
  })
  if (older.length > 0) {
    const all = await storedVersions(trx, table, older, 'all')
    const full = new Map<string, Version[]>()
    for (const row of all) {
      const key = recordKey(row.agency_code, row.source_id)
      const list = full.get(key)
      if (list) list.push(stored(row))
      else full.set(key, [stored(row)])
    }
    for (const [key, versions] of full) histories.set(key, { versions, complete: true })
  }
  return histories
}

/**
 * Each incoming version put in its place in its object's history (unless it adds nothing to the
 * version in force at its recorded_at), with the outcome for each and the keys of the objects written.
 */
function placeVersions(
  items: Incoming[],
  histories: Map<string, History>,
  ctx: WriteContext,
  atOf: (r: AgencyRecord) => number,
  toRow: (record: AgencyRecord, previous: Record<string, unknown> | undefined) => Record<string, unknown>,
): { outcomes: Outcome[]; touched: Set<string> } {
  const writtenKeys = ctx.seen.written
  const outcomes: Outcome[] = []
  const touched = new Set<string>()
  for (const { record, raw, rawText } of items) {
    const key = recordKey(record.agency, record.source_id)
    // the line as sent is kept as text and read again only when the record was sent before; a
    // batch's parsed objects would otherwise stay alive until it is written (most of an import's GC)
    const sent = rawText === undefined ? raw : new JsonText(rawText)
    const at = atOf(record)
    let history = histories.get(key)
    if (!history) histories.set(key, (history = { versions: [], complete: true }))
    const versions = history.versions
    // its place: after every version recorded at or before it (a version received later than
    // another with the same recorded_at comes after it)
    let place = versions.length
    while (place > 0 && versions[place - 1].at > at) place--
    const inForce = place > 0 ? versions[place - 1] : undefined
    if (versions.length > 0 && sameAsStored(versions, place, at, record, sent)) {
      outcomes.push('unchanged')
      continue
    }
    // fields set one by one: spreading the fields into a literal costs twenty times as much here,
    // and this runs for every record of an import
    const row = toRow(record, inForce?.fields ?? versions[place]?.fields)
    row.agency_code = record.agency
    row.source_id = record.source_id
    row.withdrawn = record.withdrawn === true
    row.withdrawn_reason = record.withdrawn ? (record.reason ?? null) : null
    // kept to the millisecond, as it is read back, so that the interval checks compare like with like
    row.recorded_at = new Date(at).toISOString()
    row.received_at = ctx.receivedAt
    row.import_id = ctx.importId
    row.raw = sent
    const isNew = versions.length === 0
    const latest = place === versions.length
    versions.splice(place, 0, { at, fields: row, raw: sent, withdrawn: record.withdrawn === true, record })
    outcomes.push(isNew || latest ? (record.withdrawn ? 'withdrawn' : isNew ? 'created' : 'updated') : 'updated')
    touched.add(key)
    writtenKeys.add(key)
  }
  return { outcomes, touched }
}

/**
 * Each written object's history laid out again: numbered in order, each version superseded when
 * the next was recorded, the last one current. Gives the new rows to insert (and their records) and
 * the stored rows whose place moved.
 */
function layOutHistories(
  histories: Map<string, History>,
  touched: Set<string>,
): { newRows: Record<string, unknown>[]; written: AgencyRecord[]; current: AgencyRecord[]; moved: MovedVersion[] } {
  const newRows: Record<string, unknown>[] = []
  const written: AgencyRecord[] = []
  const current: AgencyRecord[] = []
  const moved: MovedVersion[] = []
  for (const key of touched) {
    const { versions, complete } = mustGet(histories, key, 'the history of an object written')
    const base = complete
      ? 0
      : must(versions[0].stored, 'the stored current version of a partly read history').version - 1
    versions.forEach((v, i) => {
      const version = base + i + 1
      const next = versions[i + 1]
      const isCurrent = next === undefined
      const supersededAt = next === undefined ? null : next.at
      if (v.stored) {
        const s = v.stored
        if (s.version !== version || s.isCurrent !== isCurrent || s.supersededAt !== supersededAt)
          moved.push({
            id: s.id,
            version,
            isCurrent,
            supersededAt: supersededAt === null ? null : new Date(supersededAt).toISOString(),
          })
        return
      }
      v.fields.version = version
      v.fields.is_current = isCurrent
      v.fields.superseded_at = supersededAt === null ? null : new Date(supersededAt).toISOString()
      newRows.push(v.fields)
      const record = must(v.record, 'the record of a version this batch writes')
      written.push(record)
      if (isCurrent) current.push(record)
    })
  }
  return { newRows, written, current, moved }
}

/** Stored rows given their new place in their history. */
async function moveStoredVersions(trx: Trx, table: VersionTable, moved: MovedVersion[]): Promise<void> {
  if (moved.length === 0) return
  // never two current versions (a unique index) and never an interval that ends before it
  // starts (a check): a stored row only ever stops being current. Version numbers that move go
  // through their negatives, as the unique (agency, source, version) is checked row by row.
  await sql`update ${sql.table(table)} as t set is_current = s.is_current, superseded_at = s.superseded_at,
      version = case when t.version = s.version then t.version else -s.version end
    from unnest(${moved.map((m) => m.id)}::int[], ${moved.map((m) => m.version)}::int[],
      ${moved.map((m) => m.isCurrent)}::bool[], ${moved.map((m) => m.supersededAt)}::timestamptz[])
      as s(id, version, is_current, superseded_at)
    where t.id = s.id`.execute(trx)
  await sql`update ${sql.table(table)} set version = -version
    where id = any(${moved.map((m) => m.id)}::int[]) and version < 0`.execute(trx)
}

/** The stored versions of the objects sought: only the current ones, or every version in order. */
async function storedVersions(
  trx: Trx,
  table: VersionTable,
  items: Incoming[],
  which: 'current' | 'all',
): Promise<StoredRow[]> {
  const agencies = items.map((i) => i.record.agency)
  const sources = items.map((i) => i.record.source_id)
  if (which === 'current') {
    const result = await sql<StoredRow>`
      select t.* from unnest(${agencies}::text[], ${sources}::text[]) as k(agency_code, source_id)
        join ${sql.table(table)} t on t.agency_code = k.agency_code and t.source_id = k.source_id and t.is_current`.execute(
      trx,
    )
    return result.rows
  }
  const result = await sql<StoredRow>`
    select t.* from (select distinct * from unnest(${agencies}::text[], ${sources}::text[])) as k(agency_code, source_id)
      join ${sql.table(table)} t on t.agency_code = k.agency_code and t.source_id = k.source_id
    order by t.agency_code, t.source_id, t.recorded_at, t.id`.execute(trx)
  return result.rows
}

function stored(row: StoredRow): Version {
  return {
    at: row.recorded_at.getTime(),
    fields: row,
    raw: row.raw,
    withdrawn: row.withdrawn,
    stored: {
      id: row.id,
      version: row.version,
      isCurrent: row.is_current,
      supersededAt: row.superseded_at === null ? null : row.superseded_at.getTime(),
    },
  }
}

/**
 * The import format's rule (1.2): an object adds nothing when its content equals a version in force
 * at its recorded_at: the last one recorded before, or any recorded at that very moment (of two
 * conflicting versions at one moment each was in force there when it arrived, and a re-send of the
 * earlier one is not a third); a withdrawal adds nothing when one of those is a withdrawal.
 */
function sameAsStored(versions: Version[], place: number, at: number, record: AgencyRecord, sent: unknown): boolean {
  let content: string | undefined
  for (let i = place - 1; i >= 0; i--) {
    const v = versions[i]
    if (record.withdrawn ? v.withdrawn : (v.content ??= contentOf(v.raw)) === (content ??= contentOf(sent))) return true
    // the versions recorded at that moment, and the one in force before them
    if (v.at !== at) return false
  }
  return false
}

/** What an object says, apart from which object it is and when it was recorded. */
function contentOf(raw: unknown): string {
  const value = sentValue(raw)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return canonical(value)
  const rest: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  delete rest.agency
  delete rest.source_id
  delete rest.recorded_at
  return canonical(rest)
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

const workerColumns: Columns = {
  name: 'text',
  role: 'text',
  team: 'text',
  manager_source_id: 'text',
  trainings: 'jsonb',
}

function workerRow(record: AgencyRecord, previous?: Record<string, unknown>): Record<string, unknown> {
  const w = record as WorkerRecord
  if (w.withdrawn) return previous ? pick(previous, workerColumns) : { name: '', trainings: [] }
  return {
    name: w.name,
    role: w.role ?? null,
    team: w.team ?? null,
    manager_source_id: w.manager ?? null,
    trainings: w.trainings,
  }
}

const allocationColumns: Columns = {
  worker_source_id: 'text',
  subject_source_id: 'text',
  event_source_id: 'text',
  role: 'text',
  from_day: 'text',
  to_day: 'text',
}

function allocationRow(record: AgencyRecord, previous?: Record<string, unknown>): Record<string, unknown> {
  const a = record as AllocationRecord
  if (a.withdrawn)
    return previous
      ? pick(previous, allocationColumns)
      : { worker_source_id: '', subject_source_id: '', role: '', from_day: '' }
  return {
    worker_source_id: a.worker,
    subject_source_id: a.subject,
    event_source_id: a.event ?? null,
    role: a.role,
    from_day: a.from,
    to_day: a.to ?? null,
  }
}

const supervisionColumns: Columns = {
  worker_source_id: 'text',
  supervisor_source_id: 'text',
  subject_source_id: 'text',
  event_source_id: 'text',
  occurred_at: 'timestamptz',
  decisions: 'text',
}

function supervisionRow(record: AgencyRecord, previous?: Record<string, unknown>): Record<string, unknown> {
  const s = record as SupervisionRecord
  if (s.withdrawn)
    return previous ? pick(previous, supervisionColumns) : { worker_source_id: '', supervisor_source_id: '' }
  return {
    worker_source_id: s.worker,
    supervisor_source_id: s.supervisor,
    subject_source_id: s.subject ?? null,
    event_source_id: s.event ?? null,
    occurred_at: s.occurred_at,
    decisions: s.decisions ?? null,
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

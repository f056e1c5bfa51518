// Editing what a practitioner wrote, once for every kind of record (decisions 0029 and 0033; below the
// capabilities, so that each one's store reads its versions here). The record's row
// holds what it says now, with a `version` raised by one at every edit; what it said before each edit
// is kept in `record_versions` (with who wrote it, and from when to when it was in force), so an
// edit never changes what was known before it: a read as of an earlier moment takes the version in
// force then (`contentAt`), and the history lists them all (`versionsOf`). An edit is saved only
// against the version its writer saw, under a lock of the row: a stale page is refused
// (RecordChanged), nothing saved, with what the record says now.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { DomainError, errorKind } from '../errors/domain-error.ts'

/**
 * Each editable kind: its table, who wrote it first, when it was first written, and the columns that
 * hold what was written. A risk screening's wording (its notes and an override's reason) lives in its
 * `screening` document; what it scored is never edited (decision 0033).
 */
export const EDITABLE = {
  decision: {
    table: 'wt_decisions',
    author: 'decided_by',
    written: 'recorded_at',
    columns: ['outcome', 'decided_at', 'rationale'],
  },
  challenge: { table: 'wt_challenges', author: 'raised_by', written: 'recorded_at', columns: ['summary'] },
  meeting: {
    table: 'wt_meetings',
    author: 'recorded_by',
    written: 'recorded_at',
    columns: ['information', 'decisions'],
  },
  action: { table: 'wt_actions', author: 'recorded_by', written: 'recorded_at', columns: ['title', 'due_date'] },
  screening: {
    table: 'risk_screenings',
    author: 'signed_by',
    written: 'signed_at',
    columns: ['screening', 'override_reason'],
  },
} as const

export type EditableKind = keyof typeof EDITABLE

/** What a record says, by column; dates as ISO strings once kept as a version. */
export type Content = Record<string, unknown>

export interface RecordVersion {
  /** 1 for what was first written, then one more for each edit. */
  number: number
  /** The row's version while this was what it said (what a form carries to save against). */
  version: number
  content: Content
  writtenBy: number | null
  recordedAt: Date
  /** When an edit replaced it; null for what it says now. */
  supersededAt: Date | null
}

/** An edit of a record someone else changed after the page was opened: nothing is saved. */
export class RecordChanged extends DomainError {
  constructor(readonly current: RecordVersion) {
    super('conflict', 'this record was changed by someone else after you opened it, so your change was not saved')
  }
}

export class RecordEditError extends errorKind('invalid') {}

interface Row extends Record<string, unknown> {
  id: number
  entity_id: number
  version: number
  edited_at: Date | null
  edited_by: number | null
}

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)))

/** What the row says now, as a version. */
function currentOf(kind: EditableKind, row: Row, number: number): RecordVersion {
  const spec = EDITABLE[kind]
  const author = row[spec.author]
  return {
    number,
    version: row.version,
    content: Object.fromEntries(spec.columns.map((c) => [c, row[c]])),
    writtenBy: row.edited_by ?? (typeof author === 'number' ? author : null),
    recordedAt: asDate(row.edited_at ?? row[spec.written]),
    supersededAt: null,
  }
}

const readRow = async (db: Db, kind: EditableKind, id: number, lock: boolean) =>
  (
    await sql<Row>`select * from ${sql.table(EDITABLE[kind].table)} where id = ${id}${lock ? sql` for update` : sql``}`.execute(
      db,
    )
  ).rows[0]

const earlierRows = (db: Db, kind: EditableKind, ids: readonly number[]) =>
  db
    .selectFrom('record_versions')
    .selectAll()
    .where('kind', '=', kind)
    .where('record_id', 'in', ids.length ? [...ids] : [-1])
    .orderBy('record_id')
    .orderBy('version')
    .execute()

const parsed = (content: unknown): Content =>
  (typeof content === 'string' ? JSON.parse(content) : (content ?? {})) as Content

/** Every version of a record, the first written first, what it says now last; null when there is no such record. */
export async function versionsOf(db: Db, kind: EditableKind, id: number): Promise<RecordVersion[] | null> {
  const row = await readRow(db, kind, id, false)
  if (!row) return null
  const earlier: RecordVersion[] = (await earlierRows(db, kind, [id])).map((r, i) => ({
    number: i + 1,
    version: r.version,
    content: parsed(r.content),
    writtenBy: r.written_by,
    recordedAt: r.recorded_at,
    supersededAt: r.superseded_at,
  }))
  return [...earlier, currentOf(kind, row, earlier.length + 1)]
}

/**
 * What each of these records said at `asOf`, for those edited since (the others say now what they
 * said then): the version in force at that moment, by record id.
 */
export async function contentAt(
  db: Db,
  kind: EditableKind,
  ids: readonly number[],
  asOf: Date,
): Promise<Map<number, Content>> {
  if (!ids.length) return new Map()
  const rows = await db
    .selectFrom('record_versions')
    .select(['record_id', 'content'])
    .where('kind', '=', kind)
    .where('record_id', 'in', [...ids])
    .where('recorded_at', '<=', asOf)
    .where('superseded_at', '>', asOf)
    .execute()
  return new Map(rows.map((r) => [r.record_id, parsed(r.content)]))
}

export interface Edit {
  kind: EditableKind
  id: number
  /** The version the writer's page showed. */
  seen: number
  /** The new content, by column, as the database takes it (JSON as text). */
  content: Content
  by: number
}

/**
 * Saves an edit against the version its writer saw: the row is locked, what it said is kept as an
 * earlier version, and the row takes the new content with its version raised by one, all with the
 * audit entry in one transaction. A version other than the one seen is refused (RecordChanged).
 */
export async function editRecord(db: Db, actor: Actor, edit: Edit, at: Date): Promise<number> {
  const spec = EDITABLE[edit.kind]
  const columns = Object.keys(edit.content)
  if (columns.some((c) => !(spec.columns as readonly string[]).includes(c)))
    throw new RecordEditError(`a ${edit.kind} has no such field`)
  return db.transaction().execute(async (trx) => {
    const row = await readRow(trx, edit.kind, edit.id, true)
    if (!row) throw new RecordEditError(`there is no such ${edit.kind}`)
    const before = currentOf(edit.kind, row, 0)
    if (row.version !== edit.seen) throw new RecordChanged(before)
    if (before.recordedAt.getTime() > at.getTime()) throw new RecordEditError('this record was written after that time')
    await trx
      .insertInto('record_versions')
      .values({
        kind: edit.kind,
        record_id: edit.id,
        version: row.version,
        content: JSON.stringify(before.content),
        written_by: before.writtenBy,
        recorded_at: before.recordedAt,
        superseded_at: at,
        superseded_by: edit.by,
      })
      .execute()
    const set = sql.join(columns.map((c) => sql`${sql.ref(c)} = ${edit.content[c]}`))
    const saved = await sql<{ version: number }>`update ${sql.table(spec.table)}
      set ${set}, version = version + 1, edited_at = ${at}, edited_by = ${edit.by}
      where id = ${edit.id} and version = ${edit.seen} returning version`.execute(trx)
    const version = saved.rows[0]?.version
    if (version === undefined) throw new RecordChanged(before)
    await appendAudit(
      trx,
      actor,
      {
        action: 'edit_record',
        entityId: row.entity_id,
        details: { kind: edit.kind, record_id: edit.id, version, fields: columns },
      },
      at,
    )
    return version
  })
}

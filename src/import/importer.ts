// Imports a stream of agency records (a file, or an API request's body) in one transaction:
// the whole of it or none of it by default, or the valid lines with --skip-invalid. The file and
// the API run exactly this code.
import { sql, type Transaction } from 'kysely'
import type { Tables } from '../db/schema.ts'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit, audit, type AuditEntry } from '../audit/audit.ts'
import { validateLine, type FieldError } from '../records/validate.ts'
import {
  seenNothing,
  touchedNothing,
  writeRecords,
  type Incoming,
  type Outcome,
  type Touched,
  type WriteContext,
} from './store.ts'
import { onRecordsChanged, onRecordsChangedIn } from './changes.ts'
import { splitRecordKeys } from '../records/keys.ts'
import { reestimateAfterImport, type Reestimation } from '../linkage/reestimate.ts'
import { linkByReferences, linkByReferencesIn } from '../linkage/references.ts'
import { forgetKeptLinkers } from '../linkage/incremental.ts'
import { anySingle, relinkPeople } from '../linkage/relink.ts'
import { exactRulesOnly } from '../linkage/link-records.ts'
import { copyingTransaction } from '../db/copy.ts'
import { refreshStatistics } from '../db/statistics.ts'
import { now } from '../config/clock.ts'
import { errorKind } from '../errors/domain-error.ts'
import { describeError } from '../errors/describe.ts'

export interface ImportOptions {
  /**
   * 'page': a practitioner's save on a page (decision 0061). Its after-work is its own records' and is
   * done in its own transaction (its child's score marked, its events' language checked, its records
   * linked by their references); nothing area-wide runs in the request: the planner's statistics and
   * the linkage model's re-estimation are the next import's (a save adds a row or two; both rules are
   * cumulative), and relinking is not called for (a save's only person record is linked by a person's
   * decision, and its events change no person's record).
   */
  channel: 'file' | 'api' | 'demo' | 'page'
  filename?: string
  defaultAgency?: string
  onlyAgency?: string
  skipInvalid: boolean
  actor: Actor
  receivedAt: Date
  tokenId?: number
  onProgress?: (lines: number) => void
  /** Told what became of each unit, by the unit's `tag` (an SSDA903 import counts each table file apart). */
  onOutcome?: (tag: string | undefined, outcome: Outcome | 'rejected') => void
  /** Now, for refusing a recorded_at in the future: the clock's (THREADLINE_NOW when set) unless given. */
  now?: Date
  /**
   * Run first inside the import's transaction: a page's check that what it changes is still as its
   * user saw it (taking its own lock), so the check and the change commit together or not at all.
   */
  before?: (trx: Transaction<Tables>) => Promise<void>
  /**
   * A page's audit entries of the save, appended with the import's own entry (one append, after it in
   * the chain) inside the import's transaction, so that the save and its entries commit together or
   * not at all.
   */
  audit?: (importId: number) => AuditEntry[]
}

export interface Reject {
  line: number
  /** Where in a structured source (an XML element path, a CSV table, a FHIR entry) the object came from. */
  path?: string
  errors: FieldError[]
  text: string
  tag?: string
}

/**
 * One line of a rejects file (docs/cli.md): the line, where in a structured source it came from (a
 * return's element path), the errors, the text as sent and the file it came from.
 */
export function rejectLine(r: Reject, file?: string): string {
  const where = r.path !== undefined ? { path: r.path } : {}
  return JSON.stringify({ line: r.line, ...where, errors: r.errors, text: r.text, file: file ?? r.tag ?? null }) + '\n'
}

export interface ImportResult {
  created: number
  updated: number
  unchanged: number
  withdrawn: number
  rejected: number
  rejects: Reject[]
  /** true when nothing was written because a line was rejected without skipInvalid */
  rolledBack: boolean
  importId: number | null
  /**
   * references to records this agency has not (yet) sent: kept, and resolved when they arrive. People
   * as `agency:source_id`; (1.4) workers and events a staff record names as `agency:source_id (worker)`
   * and `agency:source_id (event)`.
   */
  dangling: string[]
  /** the linkage model re-estimated after this import, and the relinking that followed (when due) */
  linkage?: Reestimation | null
}

/**
 * One unit of input: a line's text, or an already-parsed element of a JSON array. Units made from
 * another format (returns/) carry where they came from (`path`), the errors found while mapping
 * them (`errors`: the unit is rejected as it is), and a `tag` naming the file they belong to.
 */
export type InputLine = {
  line: number
  text: string
  value?: unknown
  path?: string
  errors?: FieldError[]
  tag?: string
}

const BATCH = 5000

class Rollback extends Error {}

export async function importRecords(
  db: Db,
  input: AsyncIterable<InputLine> | Iterable<InputLine>,
  options: ImportOptions,
): Promise<ImportResult> {
  const save = options.channel === 'page'
  // a save's records are its user's agency's (onlyAgency), which is registered (users.agency_code
  // references agencies): no need to read the register for it (decision 0072)
  const agencies =
    save && options.onlyAgency
      ? new Set([options.onlyAgency])
      : new Set((await db.selectFrom('agencies').select('code').execute()).map((a) => a.code))
  if (options.defaultAgency && !agencies.has(options.defaultAgency)) {
    throw new ImportRefused(`agency "${options.defaultAgency}" is not registered (threadline agencies lists them)`)
  }
  const result: ImportResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    withdrawn: 0,
    rejected: 0,
    rejects: [],
    rolledBack: false,
    importId: null,
    dangling: [],
  }
  const touched = touchedNothing()
  const latest = options.now ?? now()
  let linking = false
  try {
    await copyingTransaction(db, async (trx) => {
      // The tables grow inside this one transaction while their statistics still describe them as
      // they were, so the planner would scan a table it thinks small for every batch's lookup of
      // current versions (quadratic in the file). Every query here is a lookup by key. A save writes a
      // row or two, which moves no table's size: its planner keeps the statistics (a round trip fewer).
      if (!save) await sql`set local enable_seqscan = off`.execute(trx)
      await options.before?.(trx)
      const imp = await trx
        .insertInto('imports')
        .values({
          channel: options.channel,
          filename: options.filename ?? null,
          agency_code: options.defaultAgency ?? options.onlyAgency ?? null,
          user_id: options.actor.kind === 'user' ? options.actor.userId : null,
          token_id: options.tokenId ?? null,
          received_at: options.receivedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      result.importId = imp.id
      const ctx = {
        importId: imp.id,
        receivedAt: options.receivedAt,
        touched,
        seen: seenNothing({ lookUpEvery: save }),
        save,
      }
      await checkAndWrite(trx, input, ctx, { options, agencies, latest, result })
      if (result.rejected > 0 && !options.skipInvalid) throw new Rollback()
      // a save's own after-work, before its audit entries (which take the audit chain's lock to the commit)
      if (save) linking = await saveAfterWork(trx, imp.id, touched, options.receivedAt)
      // a save's page does not report references to records not yet sent (its records name its child)
      if (!save) result.dangling = await danglingReferences(trx, touched)
      await recordImport(trx, imp.id, result, options)
    })
  } catch (error) {
    // a linker that worked in a transaction that did not commit is not kept (its generation may come again)
    if (linking) forgetKeptLinkers()
    if (!(error instanceof Rollback)) throw error
    await recordRollback(db, result, options)
  }
  if (!save && !result.rolledBack && result.importId !== null) {
    // the planner told how big the tables now are, before anything reads them (PGlite has no autovacuum)
    await refreshStatistics(db)
    // before the other capabilities hear of the change: relinking may merge the people they are told of
    if (touched.people.size > 0) await linkAfterImport(db, result, result.importId, touched, options)
    await onRecordsChanged(db, result.importId, touched, options.receivedAt)
  }
  return result
}

/**
 * A practitioner's save's after-work, in its transaction (decision 0061): what the hooks derive from its
 * records (its child's score marked stale, its own events' language checked) and its records linked by
 * their references (two lookups from them; the linking lock only when one finds an interview to link).
 */
async function saveAfterWork(trx: Transaction<Tables>, importId: number, touched: Touched, at: Date): Promise<boolean> {
  await onRecordsChangedIn(trx, importId, touched, at)
  if (touched.people.size === 0) return false
  return (await linkByReferencesIn(trx, at, importId, touched.people)).linking === true
}

/**
 * Every unit of the input checked, and the valid ones written in batches (rejects counted into the
 * result). A batch is written while the next one is read and checked: the database works on one core
 * while this process parses on the other. Writes stay in order, one at a time.
 */
async function checkAndWrite(
  trx: Transaction<Tables>,
  input: AsyncIterable<InputLine> | Iterable<InputLine>,
  ctx: WriteContext,
  run: { options: ImportOptions; agencies: ReadonlySet<string>; latest: Date; result: ImportResult },
): Promise<void> {
  const { options, agencies, latest, result } = run
  let batch: Incoming[] = []
  let tags: (string | undefined)[] = []
  let seen = 0
  let writing: Promise<void> = Promise.resolve()
  const flush = async () => {
    const ready = batch
    const readyTags = tags
    batch = []
    tags = []
    await writing
    options.onProgress?.(seen)
    // once a line is rejected the file will not be kept, so writing more is wasted work
    if (ready.length === 0 || (!options.skipInvalid && result.rejected > 0)) return
    writing = writeRecords(trx, ready, ctx).then((outcomes) => {
      count(result, outcomes)
      const tally = options.onOutcome
      if (tally) outcomes.forEach((o, i) => tally(readyTags[i], o))
    })
    // a failure surfaces at the next await of `writing`; until then it must not count as unhandled
    writing.catch(() => {})
  }
  for await (const unit of input) {
    seen++
    const item = check(unit, options, agencies, latest)
    if ('errors' in item) {
      result.rejected++
      result.rejects.push(item)
      options.onOutcome?.(unit.tag, 'rejected')
      continue
    }
    batch.push(item)
    tags.push(unit.tag)
    if (batch.length >= BATCH) await flush()
  }
  await flush()
  await writing
}

/** The import's counts kept on its row, and the import audited, inside its transaction. */
async function recordImport(
  trx: Transaction<Tables>,
  importId: number,
  result: ImportResult,
  options: ImportOptions,
): Promise<void> {
  await trx
    .updateTable('imports')
    .set({
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      withdrawn: result.withdrawn,
      rejected: result.rejected,
    })
    .where('id', '=', importId)
    .execute()
  await appendAudit(
    trx,
    options.actor,
    [
      {
        action: 'import',
        details: {
          import_id: importId,
          channel: options.channel,
          filename: options.filename ?? null,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          withdrawn: result.withdrawn,
          rejected: result.rejected,
        },
      },
      ...(options.audit?.(importId) ?? []),
    ],
    options.receivedAt,
  )
}

/** An import rolled back because a line was rejected: nothing counted as written, the refusal audited. */
async function recordRollback(db: Db, result: ImportResult, options: ImportOptions): Promise<void> {
  result.rolledBack = true
  result.created = result.updated = result.unchanged = result.withdrawn = 0
  result.importId = null
  await audit(
    db,
    options.actor,
    {
      action: 'import_rejected',
      details: { channel: options.channel, filename: options.filename ?? null, rejected: result.rejected },
    },
    options.receivedAt,
  )
}

/**
 * After an import that wrote person records: the linkage model re-estimated (or, when it is not
 * adopted, the people touched relinked), and records linked by their events' references. The import
 * has committed, so a failure here is a warning, not a failed import.
 */
async function linkAfterImport(
  db: Db,
  result: ImportResult,
  importId: number,
  touched: Touched,
  options: ImportOptions,
): Promise<void> {
  try {
    result.linkage = await reestimateAfterImport(db, options.receivedAt, importId)
    // a record first sent with little (a name, no date of birth) became a person of its own; its
    // newer version, or the records that arrived since, may now say whose it is
    // (asked first of the records themselves: a save about a child of several records reads no more)
    if (!result.linkage?.adopted && !exactRulesOnly() && (await anySingle(db, touched.people)))
      await relinkPeople(db, { kind: 'system', name: `linkage after import ${importId}` }, options.receivedAt, {
        only: new Set(touched.people),
      })
  } catch (error) {
    // the import has committed; a model not re-estimated now is re-estimated after the next one
    process.stderr.write(
      `warning: the linkage model was not re-estimated after import ${importId}: ${describeError(error)}\n`,
    )
  }
  // an interview names the episode it answers: its child is that episode's (linkage/references.ts)
  try {
    await linkByReferences(db, options.receivedAt, importId, touched.people)
  } catch (error) {
    process.stderr.write(
      `warning: records were not linked by their events' references after import ${importId}: ${describeError(error)}\n`,
    )
  }
}

export class ImportRefused extends errorKind('invalid') {}

function check(
  unit: InputLine,
  options: ImportOptions,
  agencies: ReadonlySet<string>,
  latest: Date,
): Incoming | Reject {
  const rejected = (errors: FieldError[]): Reject =>
    unit.path === undefined
      ? { line: unit.line, errors, text: unit.text }
      : { line: unit.line, path: unit.path, errors, text: unit.text, tag: unit.tag }
  if (unit.errors && unit.errors.length > 0) return rejected(unit.errors)
  const v = validateLine(unit, {
    agencies,
    defaultAgency: options.defaultAgency,
    onlyAgency: options.onlyAgency,
    latest,
  })
  if (!v.ok) return rejected(v.errors)
  return unit.value === undefined
    ? { record: v.record, rawText: unit.text }
    : { record: v.record, raw: v.value as Record<string, unknown> }
}

function count(result: ImportResult, outcomes: Outcome[]): void {
  for (const o of outcomes) result[o]++
}

async function danglingReferences(trx: Transaction<Tables>, touched: Touched): Promise<string[]> {
  // subjects, people named in involvements, both ends of relationships, the children of staff
  // records; then (1.4) the workers and events staff records name; each still unknown
  const people = await unknownKeys(trx, 'person_versions', touched.references)
  const workers = await unknownKeys(trx, 'worker_versions', touched.workerReferences)
  const events = await unknownKeys(trx, 'events', touched.eventReferences)
  return [...people, ...workers.map((w) => `${w} (worker)`), ...events.map((e) => `${e} (event)`)].slice(0, 1000)
}

async function unknownKeys(
  trx: Transaction<Tables>,
  table: 'person_versions' | 'worker_versions' | 'events',
  keys: Set<string>,
): Promise<string[]> {
  if (keys.size === 0) return []
  const [agencies, sources] = splitRecordKeys(keys)
  const rows = await sql<{ ref: string }>`
    select k.agency_code || ':' || k.source_id as ref from unnest(${agencies}::text[], ${sources}::text[]) as k(agency_code, source_id)
    where not exists (select 1 from ${sql.table(table)} p where p.agency_code = k.agency_code and p.source_id = k.source_id and p.is_current)
    order by 1 limit 1000`.execute(trx)
  return rows.rows.map((r) => r.ref)
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const LOSSY = new TextDecoder('utf-8', { ignoreBOM: true })

/** A line's text, decoded strictly or with U+FFFD in place of each byte that is not UTF-8. */
export const NOT_UTF8: FieldError = {
  field: '(line)',
  message:
    'is not valid UTF-8 (it holds bytes that are not text, as a file saved as Windows-1252 or Latin-1 does); save the file as UTF-8 and send it again',
}

/**
 * One line's bytes as an input line. Bytes that are not UTF-8 are never read as U+FFFD (which would
 * store a name other than the one sent): the line is refused, with its text as read for the rejects.
 */
export function decodeLine(line: number, bytes: Uint8Array): InputLine {
  let end = bytes.length
  if (end > 0 && bytes[end - 1] === 0x0d) end--
  const body = bytes.subarray(line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0, end)
  try {
    return { line, text: UTF8.decode(body) }
  } catch {
    return { line, text: LOSSY.decode(body), errors: [NOT_UTF8] }
  }
}

/** Splits bytes into numbered NDJSON lines, each decoded by `decodeLine`, skipping blank ones. */
export function* ndjsonByteLines(bytes: Uint8Array): Iterable<InputLine> {
  let start = 0
  for (let n = 1; start <= bytes.length; n++) {
    let end = bytes.indexOf(0x0a, start)
    if (end < 0) end = bytes.length
    const input = decodeLine(n, bytes.subarray(start, end))
    if (input.errors || input.text.trim() !== '') yield input
    start = end + 1
  }
}

/** Splits text into numbered NDJSON lines, skipping blank ones (line numbers start at 1). */
export function* ndjsonLines(text: string): Iterable<InputLine> {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/\r$/, '')
    if (i === 0) line = line.replace(/^\uFEFF/, '')
    if (line.trim() !== '') yield { line: i + 1, text: line }
  }
}

/** Formats one rejected line as the CLI and API report it: `line 812: date_of_birth "…" is not a date`. */
export function describeReject(reject: Reject): string {
  const where = reject.path === undefined ? `line ${reject.line}` : `line ${reject.line} (${reject.path})`
  return reject.errors.map((e) => `${where}: ${e.field === '(line)' ? '' : e.field + ' '}${e.message}`).join('\n')
}

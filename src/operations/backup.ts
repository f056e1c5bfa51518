// A backup of the whole database as one file, and its restore (decision 0011). Every table is read
// in COPY's text format inside one repeatable-read transaction, so the file is one moment's state
// however many requests the running server answers meanwhile (they wait for PGlite's one session
// while it is read, or run beside it on a server). The file is gzip'd text:
//
//   {"format":"threadline-backup","version":1,"created_at":...,"migrations":[...],"sequences":[...]}
//   {"table":"agencies","columns":[...],"rows":N}      then exactly N lines of COPY text
//   ... every table ...
//   {"end":true,"tables":T,"rows":R,"sha256":"..."}  the hash of every byte before this line
//
// A restore checks the format, version and hash, creates the schema as it was when backed up
// (the backup's own migrations), loads every table in one transaction, sets the sequences, then
// runs the migrations added since and checks the audit chain.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { createGunzip, createGzip } from 'node:zlib'
import { pipeline } from 'node:stream/promises'
import { PassThrough, type Writable } from 'node:stream'
import { createInterface } from 'node:readline'
import { sql, type Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Tables } from '../db/schema.ts'
import { copyingTransaction, copyReader, copyWriter } from '../db/copy.ts'
import { migrate, migrationNames } from '../db/migrate.ts'
import { verifyAudit } from '../audit/audit.ts'
import { errorKind } from '../errors/domain-error.ts'
import { describeError } from '../errors/describe.ts'

export const BACKUP_FORMAT = 'threadline-backup'
export const BACKUP_VERSION = 1

/** Lines of one table written to the database per COPY, so a restore holds little in memory. */
const RESTORE_BATCH = 5000

interface Header {
  format: string
  version: number
  created_at: string
  migrations: string[]
  sequences: { name: string; value: number | null }[]
}

interface TableHeader {
  table: string
  columns: string[]
  rows: number
}

interface Trailer {
  end: true
  tables: number
  rows: number
  sha256: string
}

export interface BackupSummary {
  tables: number
  rows: number
  auditRows: number
}

export class BackupProblem extends errorKind('invalid') {}

/** Kysely's bookkeeping is not data: a restore writes its own, for the migrations it runs. */
function isData(table: string): boolean {
  return !table.startsWith('kysely_')
}

async function tablesOf(trx: Transaction<Tables>): Promise<{ table: string; columns: string[] }[]> {
  const { rows } = await sql<{ table: string; columns: string[] }>`
    select c.table_name as "table", array_agg(c.column_name::text order by c.ordinal_position) as columns
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
    group by c.table_name order by c.table_name`.execute(trx)
  return rows.filter((r) => isData(r.table))
}

async function sequencesOf(trx: Transaction<Tables>): Promise<{ name: string; value: number | null }[]> {
  const { rows } = await sql<{ name: string; value: string | null }>`
    select sequencename as name, last_value::text as value from pg_sequences
    where schemaname = current_schema() order by sequencename`.execute(trx)
  return rows.map((r) => ({ name: r.name, value: r.value === null ? null : Number(r.value) }))
}

/** Writes the backup to `out` (gzip'd); resolves when every byte is written. */
export async function writeBackup(db: Db, out: Writable, now: Date): Promise<BackupSummary> {
  const gzip = createGzip()
  const hash = createHash('sha256')
  const done = pipeline(gzip, out)
  const write = (text: string) => {
    hash.update(text)
    if (!gzip.write(text)) return new Promise<void>((resolve) => gzip.once('drain', () => resolve()))
  }
  let summary: BackupSummary
  try {
    summary = await copyingTransaction(
      db,
      async (trx) => {
        const reader = copyReader(trx)
        if (!reader) throw new Error('this database cannot be read by COPY')
        const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx)
        const header: Header = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          created_at: now.toISOString(),
          migrations: migrations.rows.map((r) => r.name),
          sequences: await sequencesOf(trx),
        }
        await write(`${JSON.stringify(header)}\n`)
        let rows = 0
        let auditRows = 0
        const tables = await tablesOf(trx)
        for (const { table, columns } of tables) {
          const count = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx)
          const n = count.rows[0].n
          await write(`${JSON.stringify({ table, columns, rows: n } satisfies TableHeader)}\n`)
          for await (const chunk of reader(table, columns)) await write(chunk)
          rows += n
          if (table === 'audit_log') auditRows = n
        }
        return { tables: tables.length, rows, auditRows }
      },
      { snapshot: true },
    )
  } catch (error) {
    gzip.destroy(error as Error)
    await done.catch(() => {})
    throw error
  }
  const trailer: Trailer = { end: true, tables: summary.tables, rows: summary.rows, sha256: hash.digest('hex') }
  gzip.end(`${JSON.stringify(trailer)}\n`)
  await done
  return summary
}

export async function backupToFile(db: Db, file: string, now: Date): Promise<BackupSummary> {
  return writeBackup(db, createWriteStream(file, { flags: 'wx' }), now)
}

/** The file's lines, unzipped; a file that is missing, not gzip'd or cut short is a BackupProblem. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const text = new PassThrough()
  const piped = pipeline(createReadStream(file), createGunzip(), text).catch((error: Error) => {
    text.destroy(error)
  })
  try {
    for await (const line of createInterface({ input: text, crlfDelay: Infinity })) yield line
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new BackupProblem(`${file} does not exist`)
    if (code === 'EISDIR') throw new BackupProblem(`${file} is a folder, not a backup file`)
    if (typeof code === 'string' && code.startsWith('Z_'))
      throw new BackupProblem(`${file} is not a Threadline backup, or is cut short (${(error as Error).message})`)
    throw error
  } finally {
    text.destroy() // a reader that stopped early stops the file's reading too
    await piped
  }
}

function parseJson(line: string, what: string, file: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    throw new BackupProblem(`${file} is not a Threadline backup, or is damaged: expected ${what}`)
  }
}

export interface RestoreSummary extends BackupSummary {
  createdAt: string
  migrationsAdded: string[]
}

/**
 * Rows a database holds before anyone has put data in it: the migrations' reference rows and the
 * cookie-signing key a server makes when it first starts.
 */
const NOT_DATA = new Set([
  'risk_instruments',
  'case_audit_tools',
  'review_standard_sets',
  'case_audit_criteria',
  'app_secrets',
  'data_generation',
  'data_changes',
  'list_sources',
])

/** The name of a table that holds a row (those above aside), or null. */
export async function holdsData(db: Db): Promise<string | null> {
  const { rows } = await sql<{ table: string }>`select table_name as "table" from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
  for (const { table } of rows) {
    if (!isData(table) || NOT_DATA.has(table)) continue
    const found = await sql`select 1 from ${sql.table(table)} limit 1`.execute(db)
    if (found.rows.length > 0) return table
  }
  return null
}

type Batch = (table: string, columns: string[], lines: string[]) => Promise<void>

/**
 * Reads a backup through, checking its format, version, every table's count and the checksum;
 * hands each table's rows to `batch` in slices. Without `batch`, only checks.
 */
export async function scanBackup(file: string, batch?: Batch): Promise<{ header: Header } & BackupSummary> {
  // every line but the last counts towards the checksum the last one carries
  const hash = createHash('sha256')
  const source = linesOf(file)
  const next = async (): Promise<IteratorResult<string>> => {
    const line = await source.next()
    if (!line.done) hash.update(`${line.value}\n`)
    return line
  }
  try {
    const first = await next()
    if (first.done) throw new BackupProblem(`${file} is empty`)
    const header = parseJson(first.value, 'a header line', file) as Partial<Header>
    if (header.format !== BACKUP_FORMAT)
      throw new BackupProblem(`${file} is not a Threadline backup (its first line names no format "${BACKUP_FORMAT}")`)
    if (header.version !== BACKUP_VERSION)
      throw new BackupProblem(
        `${file} is a Threadline backup of format version ${String(header.version)}; ` +
          `this version of Threadline reads version ${BACKUP_VERSION}: restore it with the version that made it`,
      )
    if (!Array.isArray(header.migrations) || !Array.isArray(header.sequences))
      throw new BackupProblem(`${file} is damaged: its first line lists no migrations or sequences`)
    const known = new Set(migrationNames())
    const unknown = header.migrations.filter((m) => !known.has(m))
    if (unknown.length > 0)
      throw new BackupProblem(
        `${file} was made by a newer version of Threadline (its schema has migrations this one does not ` +
          `know: ${unknown.join(', ')}): restore it with that version or a later one`,
      )
    let tables = 0
    let rows = 0
    let auditRows = 0
    for (;;) {
      const before = hash.copy().digest('hex')
      const line = await next()
      if (line.done) throw new BackupProblem(`${file} is cut short: it ends before its last line`)
      const meta = parseJson(line.value, 'a table line or the last line', file) as Partial<TableHeader & Trailer>
      if (meta.end) {
        if (meta.sha256 !== before)
          throw new BackupProblem(`${file} is damaged: its contents do not match the checksum on its last line`)
        if (meta.rows !== rows || meta.tables !== tables)
          throw new BackupProblem(`${file} is damaged: its last line counts other rows than it holds`)
        if (!(await source.next()).done)
          throw new BackupProblem(`${file} is damaged: there is more after its last line`)
        return { header: header as Header, tables, rows, auditRows }
      }
      if (typeof meta.table !== 'string' || !Array.isArray(meta.columns) || typeof meta.rows !== 'number')
        throw new BackupProblem(`${file} is damaged: expected a table line, found something else`)
      const { table, columns, rows: count } = meta as TableHeader
      let slice: string[] = []
      for (let i = 0; i < count; i++) {
        const row = await next()
        if (row.done) throw new BackupProblem(`${file} is cut short: table ${table} ends after ${i} of ${count} rows`)
        slice.push(`${row.value}\n`)
        if (slice.length === RESTORE_BATCH) {
          await batch?.(table, columns, slice)
          slice = []
        }
      }
      if (slice.length > 0) await batch?.(table, columns, slice)
      tables++
      rows += count
      if (table === 'audit_log') auditRows = count
    }
  } finally {
    await source.return(undefined)
  }
}

/**
 * Restores a backup into `db`, which must be empty unless `force` (then everything in it is
 * replaced). The whole file is checked before anything is changed. Runs the migrations itself:
 * first the backup's, then, after loading, those added since; then checks the audit chain.
 */
export async function restoreFromFile(
  db: Db,
  file: string,
  options: { force?: boolean; schema?: string } = {},
): Promise<RestoreSummary> {
  const { header } = await scanBackup(file)
  const existing = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
  if (existing.rows[0].n > 0) {
    const table = await holdsData(db)
    if (table && !options.force)
      throw new BackupProblem(
        `the database is not empty (${table} holds rows): restore into an empty data folder, or give --force ` +
          'to replace everything in this one',
      )
    // even an empty schema may be migrated further than the backup: start from nothing
    await dropEverything(db)
  }
  await migrate(db, options.schema, { only: header.migrations })
  const summary = await copyingTransaction(db, async (trx) => {
    const writer = copyWriter(trx)
    // the rows were consistent when read: no foreign key, no trigger is checked again while loading
    await sql`set local session_replication_role = replica`.execute(trx)
    const { rows: present } = await sql<{ table: string }>`select table_name as "table"
      from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(trx)
    for (const { table } of present) if (isData(table)) await sql`delete from ${sql.table(table)}`.execute(trx) // the migrations' reference rows
    const loaded = await scanBackup(file, (table, columns, lines) => load(writer, table, columns, lines))
    for (const { name, value } of header.sequences) {
      if (value === null) await sql`select setval(${name}::regclass, 1, false)`.execute(trx)
      else await sql`select setval(${name}::regclass, ${value})`.execute(trx)
    }
    return loaded
  })
  const before = new Set(header.migrations)
  await migrate(db, options.schema)
  // loaded with triggers off: a new instance, so that what a server held before the restore is never
  // taken for the rows after it (decision 0046)
  await sql`update data_generation set instance = gen_random_uuid()::text, generation = generation + 1
    where id = 1`.execute(db)
  const chain = await verifyAudit(db)
  if (chain.firstBrokenRow !== null)
    throw new BackupProblem(`restored, but the audit chain is broken at row ${chain.firstBrokenRow}`)
  return {
    tables: summary.tables,
    rows: summary.rows,
    auditRows: summary.auditRows,
    createdAt: header.created_at,
    migrationsAdded: migrationNames().filter((m) => !before.has(m)),
  }
}

async function load(
  writer: ReturnType<typeof copyWriter>,
  table: string,
  columns: string[],
  lines: string[],
): Promise<void> {
  if (!writer) throw new Error('this database cannot be written by COPY')
  try {
    await writer(table, columns, lines)
  } catch (error) {
    throw new BackupProblem(`cannot load table ${table} from the backup: ${describeError(error)}`)
  }
}

/** Everything in the current schema, for a forced restore: the tables, their types and functions. */
async function dropEverything(db: Db): Promise<void> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const schema = rows[0].schema
  await sql`drop schema ${sql.id(schema)} cascade`.execute(db)
  await sql`create schema ${sql.id(schema)}`.execute(db)
}

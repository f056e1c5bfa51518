// COPY ... FROM STDIN for the big writes of an import: PostgreSQL ingests COPY's text format several
// times faster than an INSERT of parameter arrays (docs/decisions/0004-import-by-copy.md). A copy must
// run on the very connection that holds the import's transaction, which Kysely does not expose, so
// `copyingTransaction` takes a connection from the pool itself and runs a Kysely transaction on that
// one connection. On a server the copy goes through pg-copy-streams; PGlite, which has one session
// and cannot read COPY data from the wire protocol, gets its own `COPY FROM '/dev/blob'`.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import type { PGlite } from '@electric-sql/pglite'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import { Kysely, PostgresDialect, type Transaction } from 'kysely'
import type { Db } from './database.ts'
import type { Tables } from './schema.ts'

/**
 * Writes COPY text-format lines (each ending in \n) into `table (columns)`. The lines may be made
 * as they are sent: the server then ingests the first while this process formats the rest.
 */
export type CopyWriter = (table: string, columns: readonly string[], lines: Iterable<string>) => Promise<void>

/** Reads `table (columns)` out in COPY's text format, in chunks (not cut at line ends), in the transaction. */
export type CopyReader = (table: string, columns: readonly string[]) => AsyncIterable<string>

interface CopySource {
  pool: pg.Pool
  writer(client: pg.PoolClient): CopyWriter
  reader(client: pg.PoolClient): CopyReader
}

const sources = new WeakMap<Db, CopySource>()
const writers = new WeakMap<Transaction<Tables>, CopyWriter>()
const readers = new WeakMap<Transaction<Tables>, CopyReader>()

const LINES_PER_CHUNK = 250

export function enableServerCopy(db: Db, pool: pg.Pool): void {
  sources.set(db, {
    pool,
    writer: (client) => (table, columns, lines) =>
      pipeline(
        Readable.from(chunks(lines)),
        client.query(copyFrom(`copy ${quote(table)} (${columns.map(quote).join(', ')}) from stdin`)),
      ),
    reader: (client) =>
      async function* (table, columns) {
        const stream = client.query(copyTo(`copy ${quote(table)} (${columns.map(quote).join(', ')}) to stdout`))
        for await (const chunk of stream) yield (chunk as Buffer).toString('utf8')
      },
  })
}

export function enablePgliteCopy(db: Db, pool: pg.Pool, pglite: PGlite): void {
  sources.set(db, {
    pool,
    // PGlite has a single session, so this runs inside the transaction opened on its one connection
    writer: () => async (table, columns, lines) => {
      await pglite.query(`copy ${quote(table)} (${columns.map(quote).join(', ')}) from '/dev/blob'`, [], {
        blob: new Blob([...lines]),
      })
    },
    reader: () =>
      async function* (table, columns) {
        const result = await pglite.query(`copy ${quote(table)} (${columns.map(quote).join(', ')}) to '/dev/blob'`)
        if (result.blob) yield await result.blob.text()
      },
  })
}

/** A transaction in which `copyWriter(trx)` gives a writer for that transaction, where the database has one. */
export async function copyingTransaction<T>(
  db: Db,
  work: (trx: Transaction<Tables>) => Promise<T>,
  options: { snapshot?: boolean } = {},
): Promise<T> {
  const source = sources.get(db)
  // a snapshot: one repeatable-read, read-only view of every table, whatever commits meanwhile
  const begin = (k: Db) =>
    options.snapshot ? k.transaction().setIsolationLevel('repeatable read').setAccessMode('read only') : k.transaction()
  if (!source) return begin(db).execute(work)
  const client = await source.pool.connect()
  // The connection is this transaction's until the end: Kysely's release of it must not return it
  // to the pool early, so release waits for the finally below.
  const release = client.release.bind(client)
  let broken: Error | undefined
  client.release = () => {}
  const single = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool: { connect: async () => client, end: async () => {} } }),
  })
  const writer = source.writer(client)
  try {
    const reader = source.reader(client)
    return await begin(single).execute((trx) => {
      writers.set(trx, writer)
      readers.set(trx, reader)
      return work(trx)
    })
  } catch (error) {
    // a connection that failed mid-copy is not handed to the next user
    if (error instanceof Error && /connection|terminat/i.test(error.message)) broken = error
    throw error
  } finally {
    client.release = release as typeof client.release
    release(broken)
  }
}

export function copyWriter(trx: Transaction<Tables>): CopyWriter | undefined {
  return writers.get(trx)
}

export function copyReader(trx: Transaction<Tables>): CopyReader | undefined {
  return readers.get(trx)
}

function* chunks(lines: Iterable<string>): Iterable<string> {
  let chunk: string[] = []
  for (const line of lines) {
    chunk.push(line)
    if (chunk.length === LINES_PER_CHUNK) {
      yield chunk.join('')
      chunk = []
    }
  }
  if (chunk.length > 0) yield chunk.join('')
}

function quote(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`)
  return `"${name}"`
}

/** One value in COPY's text format: backslash, tab, newline and return escaped (null is \N). */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, escapeChar) : value
}

function escapeChar(c: string): string {
  return c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'
}

// One query path for both databases: Kysely's PostgresDialect over a pg.Pool, which talks either
// to a PostgreSQL server or, through PGlite's node-postgres adapter, to the embedded database.
import pg from 'pg'
import { Kysely } from 'kysely'
import { SearchPathPostgresDialect } from './introspector.ts'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import type { Tables } from './schema.ts'
import { acquireDataFolderLock } from './lock.ts'
import { enablePgliteCopy, enableServerCopy } from './copy.ts'
import { setting } from '../config/settings.ts'
import { commandConnection, serveCommandConnections } from './command-socket.ts'

export type Db = Kysely<Tables>

export interface Database {
  db: Db
  kind: 'pglite' | 'postgres'
  /** The PostgreSQL schema it works in, when not the default. */
  schema?: string
  close(): Promise<void>
  /** Embedded, held by this process: lets other commands reach it through the data folder's socket. */
  shareWithCommands?(log: (message: string) => void): Promise<() => void>
}

// Dates (not times) stay text: a date of birth is a calendar date, not an instant.
pg.types.setTypeParser(1082, (value) => value)
// Counts come back as int8; they fit a JavaScript number.
pg.types.setTypeParser(20, (value) => Number(value))

export interface OpenOptions {
  databaseUrl?: string
  /** Embedded data folder; `memory://` for a throwaway in-memory database (tests). */
  dataDir?: string
  /** Which command holds the embedded folder (for the lock's message). */
  command?: string
  port?: number
  /** PostgreSQL schema to work in (tests give each file its own). */
  schema?: string
  poolSize?: number
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    if (options.schema && !/^[a-z_][a-z0-9_]*$/.test(options.schema))
      throw new Error(`schema name "${options.schema}" must be lower-case letters, digits and _`)
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: options.schema ? `-c search_path=${options.schema},public` : undefined,
    })
    const db = new Kysely<Tables>({ dialect: new SearchPathPostgresDialect({ pool }) })
    enableServerCopy(db, pool)
    return { db, kind: 'postgres', schema: options.schema, close: () => db.destroy() }
  }
  const dataDir = options.dataDir ?? './threadline-data'
  const release = dataDir.startsWith('memory://')
    ? () => {}
    : acquireDataFolderLock(dataDir, options.command ?? 'command', options.port)
  try {
    // PostgreSQL's default 128 MB of shared buffers lives in PGlite's WebAssembly heap, which never
    // shrinks; 16 MB keeps the server well under 300 MB with the demo area loaded (docs/decisions
    // 0001). A bulk command ends when its work does, so it keeps the default: an import of 200,000
    // events evicting dirty pages through 16 MB is an eighth slower.
    const bulk = options.command === 'import' || options.command === 'demo'
    const sharedBuffers = setting('pgliteSharedBuffers') ?? (bulk ? '128MB' : '16MB')
    const pglite = await PGlite.create(dataDir, {
      extensions: { pg_trgm },
      postgresqlconf: [`shared_buffers=${sharedBuffers}`, 'work_mem=4MB'],
    })
    const pool = new pg.Pool(createPgConfig(pglite))
    const db = new Kysely<Tables>({ dialect: new SearchPathPostgresDialect({ pool }) })
    enablePgliteCopy(db, pool, pglite)
    return {
      db,
      kind: 'pglite',
      shareWithCommands: (log) => serveCommandConnections(pglite, pool, dataDir, log),
      async close() {
        await db.destroy()
        await pglite.close()
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}

/**
 * The embedded database that `serve` holds, through its socket in the data folder (decision 0031):
 * one connection, since the command has PGlite to itself while it is connected.
 */
export function openThroughServer(dataDir: string): Database {
  const pool = new pg.Pool({ ...commandConnection(dataDir), max: 1 })
  const db = new Kysely<Tables>({ dialect: new SearchPathPostgresDialect({ pool }) })
  return { db, kind: 'pglite', close: () => db.destroy() }
}

// Opens the configured database for one command (migrated, locked when embedded) and closes it
// afterwards, whatever happens. A busy embedded folder is a message, not a hang.
import { loadConfig, type Config } from '../config/config.ts'
import { openDatabase, openThroughServer, type Database } from '../db/database.ts'
import { DataFolderBusy } from '../db/lock.ts'
import { migrateConfigured } from '../db/migrate.ts'
import { CliError } from './errors.ts'
import { sql } from 'kysely'
import { describeError } from '../errors/describe.ts'

/**
 * Commands that need the embedded folder to themselves: they are refused while the server holds it.
 * Every other command runs beside the server, through its socket (decision 0031).
 */
const NEED_THE_FOLDER = new Set(['import', 'demo', 'migrate', 'backup', 'restore', 'linkage train', 'linkage relink'])

export function runsBesideTheServer(command: string): boolean {
  return !NEED_THE_FOLDER.has(command)
}

export async function withDatabase<T>(
  command: string,
  run: (database: Database, config: Config) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig()
  let database: Database
  let besideTheServer = false
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      schema: config.databaseSchema,
      dataDir: config.dataDir,
      command,
    })
  } catch (error) {
    if (!(error instanceof DataFolderBusy)) throw cannotOpen(error, config)
    if (error.owner.command !== 'serve' || !runsBesideTheServer(command)) throw new CliError(error.message)
    database = await reachTheServer(config.dataDir, error)
    besideTheServer = true
  }
  try {
    // the server migrated the folder when it started
    if (options.migrate !== false && !besideTheServer) await migrateConfigured(database, config)
    return await run(database, config)
  } finally {
    await database.close()
  }
}

/** The server holding the folder, asked whether it answers (it may be too old, or its socket missing). */
async function reachTheServer(dataDir: string, busy: DataFolderBusy): Promise<Database> {
  const database = openThroughServer(dataDir)
  try {
    await sql`select 1`.execute(database.db)
    return database
  } catch {
    await database.close()
    throw new CliError(busy.message)
  }
}

function cannotOpen(error: unknown, config: Config): CliError {
  return new CliError(
    `cannot open the database: ${describeError(error)}` +
      (config.databaseUrl ? ' (check DATABASE_URL)' : ` (data folder ${config.dataDir})`),
  )
}

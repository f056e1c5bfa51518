// Opens the configured database for one command (migrated, locked when embedded) and closes it
// afterwards, whatever happens. A busy embedded folder is a message, not a hang.
import { loadConfig, type Config } from '../config/config.ts'
import { openDatabase, type Database } from '../db/database.ts'
import { DataFolderBusy } from '../db/lock.ts'
import { migrateConfigured } from '../db/migrate.ts'
import { CliError } from './errors.ts'

export async function withDatabase<T>(
  command: string,
  run: (database: Database, config: Config) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig()
  let database: Database
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      schema: config.databaseSchema,
      dataDir: config.dataDir,
      command,
    })
  } catch (error) {
    if (error instanceof DataFolderBusy) throw new CliError(error.message)
    throw new CliError(
      `cannot open the database: ${error instanceof Error ? error.message : String(error)}` +
        (config.databaseUrl ? ' (check DATABASE_URL)' : ` (data folder ${config.dataDir})`),
    )
  }
  try {
    if (options.migrate !== false) await migrateConfigured(database, config)
    return await run(database, config)
  } finally {
    await database.close()
  }
}

// Migrations run on start and by `threadline migrate`. They are TypeScript modules listed here in
// order, so the set that runs is exactly the set in the repository.
import { Migrator, type Migration } from 'kysely'
import type { Db } from './database.ts'
import * as core from './migrations/0001_core.ts'

const migrations: Record<string, Migration> = {
  '0001_core': core,
}

export async function migrate(db: Db, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    const detail = error instanceof Error ? error.message : String(error ?? '')
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${detail}`)
  }
}

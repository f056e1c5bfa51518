// The risk cache is brought up to date when it is read, not inside every import: an import only
// marks the people it touched (a large historical load would otherwise rescore an area while the
// agency waits). The import's own index on events(import_id) goes too: the importer now tells the
// hooks which people it wrote, so nothing scans events by import.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table risk_stale (entity_id integer primary key)`.execute(db)
  await sql`drop index if exists events_import`.execute(db)
  await sql`drop index if exists person_versions_import`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists events_import on events (import_id)`.execute(db)
  await sql`create index if not exists person_versions_import on person_versions (import_id)`.execute(db)
  await sql`drop table risk_stale`.execute(db)
}

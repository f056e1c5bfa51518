// No lost updates on the Philomena profile (issue 17): the profile carries a version that each save
// raises by one in the same statement that checks it (missing/store.ts saveProfile), so of two carers
// editing at once the second is shown both versions instead of silently overwriting the first.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table philomena_profiles add column version integer not null default 1`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table philomena_profiles drop column version`.execute(db)
}

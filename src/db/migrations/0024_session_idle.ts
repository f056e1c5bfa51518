// Sessions end after a time without activity as well as at their absolute end (issue 15): each
// session keeps when its user last made a request (written at most once a minute, web/plugins/sessions.ts).
// Sessions open when this runs count as active from then.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table sessions add column last_active_at timestamptz not null default now()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table sessions drop column last_active_at`.execute(db)
}

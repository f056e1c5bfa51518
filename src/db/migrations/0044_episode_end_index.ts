// The index of missing episodes by when they ended (decision 0063): migration 0038 indexed every
// current event by (kind, ended_at), so each event an import writes (concerns, attendances,
// absences, notes: nearly all of them) paid for an index entry that only missing episodes are ever
// looked up by (linkage/references.ts returnTimings: `kind = 'missing_episode' ... ended_at`). A
// partial index on the episodes alone serves that query and costs the other kinds nothing.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index events_episode_ended on events (ended_at)
    where kind = 'missing_episode' and is_current and not withdrawn`.execute(db)
  await sql`drop index if exists events_kind_ended`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists events_kind_ended on events (kind, ended_at) where is_current and not withdrawn`.execute(
    db,
  )
  await sql`drop index if exists events_episode_ended`.execute(db)
}

// The audit trail (core): list views (search, networks, places, work lists) record the ids of the
// children they show in details.children; this index lets "who has viewed this child" find them.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index audit_children on audit_log using gin ((details -> 'children') jsonb_path_ops)
    where details ? 'children'`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index audit_children`.execute(db)
}

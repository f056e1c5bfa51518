// What the MASH owes each child now (the person summary's first sentence, risk/work-waiting.ts), cached
// per child beside the risk scores (risk/mash-waiting-cache.ts, decision 0035): the queue's due time and
// reasons, or nothing when the child is not on the queue. A row holds until its `valid_until` (the next
// moment time alone could change it) and only while the child's score is not stale; MASH decisions,
// allocations from the queue and every rescoring drop it.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table risk_mash_waiting (
    entity_id integer primary key references entities (id),
    waiting jsonb,
    computed_at timestamptz not null,
    valid_until timestamptz not null
  )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table risk_mash_waiting`.execute(db)
}

// The missing lists maintained per child (issue 20, decision 0055): return interviews and repeat missing
// become a source of maintained lists (db/maintained-lists.ts, missing/maintained-lists.ts). The writes
// they depend on (events of every kind, person versions for a date of birth, entity links, merges and
// unmerges) already mark every source's children (migration 0037's triggers insert a mark per row of
// list_sources); every person Threadline knows is worked out when the lists are first read.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into list_sources (source) values ('missing')`.execute(db)
  await sql`insert into list_marks (source, entity_id) select 'missing', id from entities`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from list_entries where list in ('missing_interviews', 'repeat_missing')`.execute(db)
  await sql`delete from list_state where source = 'missing'`.execute(db)
  await sql`delete from list_marks where source = 'missing'`.execute(db)
  await sql`delete from list_sources where source = 'missing'`.execute(db)
}

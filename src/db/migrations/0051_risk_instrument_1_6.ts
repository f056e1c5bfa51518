// The shipped instrument's version 1.6.0 (a partner described as older is an older "boyfriend"; peers known
// to be exploited together with drink or drugs at least band 2; decision 0073) for databases made before
// it: added six seconds after the epoch, after 1.5.0 (0046), so it is in use unless the area has added its
// own version since (an area's own stays in use). Every cached score goes stale and is recomputed when next
// read. A fresh database already has 1.6.0 from 0004.
import { sql, type Kysely } from 'kysely'
import { serafCse } from '../../risk/seraf-cse.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into risk_instruments (instrument_id, version, definition, added_at)
    values (${serafCse.id}, ${serafCse.version}, ${JSON.stringify(serafCse)}::jsonb, '1970-01-01T00:00:06Z')
    on conflict (instrument_id, version) do nothing`.execute(db)
  await sql`insert into risk_stale (entity_id) select entity_id from risk_scores on conflict do nothing`.execute(db)
}

export async function down(): Promise<void> {
  // Screenings may name 1.6.0: it stays.
}

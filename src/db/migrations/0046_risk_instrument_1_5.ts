// The shipped instrument's version 1.5.0 (the records as they are also worded, and any one significant
// indicator at least band 2; decision 0065) for databases made before it: added five seconds after the
// epoch, after 1.4.0 (0041), so it is in use unless the area has added its own version since (an area's
// own stays in use). Every cached score goes stale and is recomputed when next read. A fresh database
// already has 1.5.0 from 0004.
import { sql, type Kysely } from 'kysely'
import { serafCse } from '../../risk/seraf-cse.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into risk_instruments (instrument_id, version, definition, added_at)
    values (${serafCse.id}, ${serafCse.version}, ${JSON.stringify(serafCse)}::jsonb, '1970-01-01T00:00:05Z')
    on conflict (instrument_id, version) do nothing`.execute(db)
  await sql`insert into risk_stale (entity_id) select entity_id from risk_scores on conflict do nothing`.execute(db)
}

export async function down(): Promise<void> {
  // Screenings may name 1.5.0: it stays.
}

// A signed screening's wording can be edited by whoever signed it or their manager (issue 15,
// decision 0033): its notes and an override's reason, never what it scored. Like every other
// editable record (0025) it carries a `version`, raised by one at every edit in the statement that
// checks the version the writer saw, and who last edited it and when; what it said before is kept in
// `record_versions`, which now takes the kind 'screening'.
import { sql, type Kysely } from 'kysely'

const KINDS = (kinds: string[]) => sql.join(kinds.map((k) => sql.lit(k)))

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table risk_screenings add column version integer not null default 0`.execute(db)
  await sql`alter table risk_screenings add column edited_at timestamptz`.execute(db)
  await sql`alter table risk_screenings add column edited_by integer references users (id)`.execute(db)
  await sql`alter table record_versions drop constraint record_versions_kind_check`.execute(db)
  await sql`alter table record_versions add constraint record_versions_kind_check
    check (kind in (${KINDS(['decision', 'challenge', 'meeting', 'action', 'screening'])}))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from record_versions where kind = 'screening'`.execute(db)
  await sql`alter table record_versions drop constraint record_versions_kind_check`.execute(db)
  await sql`alter table record_versions add constraint record_versions_kind_check
    check (kind in (${KINDS(['decision', 'challenge', 'meeting', 'action'])}))`.execute(db)
  await sql`alter table risk_screenings drop column edited_by`.execute(db)
  await sql`alter table risk_screenings drop column edited_at`.execute(db)
  await sql`alter table risk_screenings drop column version`.execute(db)
}

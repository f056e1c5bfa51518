// Every record a practitioner writes can be edited (issue 15), and an edit never changes what was
// known before it (decision 0029). Each editable table carries a `version`, raised by one at every
// edit in the same statement that checks the version the writer saw, and who last edited it and
// when; what the record said before each edit is kept in `record_versions`, one table for every
// kind, with who wrote it and from when to when it was in force (as-of reads take it from there).
// A challenge already has a version (0019): its notes and its edits raise the same one. An action
// now says who wrote it (its meeting's recorder, its supervision's supervisor), as the others do.
import { sql, type Kysely } from 'kysely'

const EDITABLE = ['wt_decisions', 'wt_challenges', 'wt_meetings', 'wt_actions']

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table record_versions (
    id serial primary key,
    kind text not null check (kind in ('decision', 'challenge', 'meeting', 'action')),
    record_id integer not null,
    version integer not null,
    content jsonb not null,
    written_by integer references users (id),
    recorded_at timestamptz not null,
    superseded_at timestamptz not null,
    superseded_by integer references users (id),
    unique (kind, record_id, version),
    check (superseded_at >= recorded_at)
  )`.execute(db)
  for (const name of EDITABLE) {
    const table = sql.table(name)
    if (name !== 'wt_challenges')
      await sql`alter table ${table} add column version integer not null default 0`.execute(db)
    await sql`alter table ${table} add column edited_at timestamptz`.execute(db)
    await sql`alter table ${table} add column edited_by integer references users (id)`.execute(db)
  }
  await sql`alter table wt_actions add column recorded_by integer references users (id)`.execute(db)
  await sql`update wt_actions a set recorded_by = m.recorded_by from wt_meetings m where m.id = a.meeting_id`.execute(
    db,
  )
  await sql`update wt_actions a set recorded_by = s.supervisor_user_id from wt_supervisions s
    where s.id = a.supervision_id`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table wt_actions drop column recorded_by`.execute(db)
  for (const name of EDITABLE) {
    const table = sql.table(name)
    await sql`alter table ${table} drop column edited_by`.execute(db)
    await sql`alter table ${table} drop column edited_at`.execute(db)
    if (name !== 'wt_challenges') await sql`alter table ${table} drop column version`.execute(db)
  }
  await sql`drop table record_versions`.execute(db)
}

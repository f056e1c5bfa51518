// A form sent twice is saved once (issue 17, double submits): each form a page shows carries its own
// random submission id; the first request with it claims it here, and a second is sent where the first
// went (web/plugins/submissions.ts).
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table form_submissions (
    id text primary key,
    user_id integer,
    path text not null,
    started_at timestamptz not null,
    done_at timestamptz,
    location text
  )`.execute(db)
  await sql`create index form_submissions_started on form_submissions (started_at)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table form_submissions`.execute(db)
}

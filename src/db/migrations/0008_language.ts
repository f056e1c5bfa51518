// Victim-blaming language (issue 8). Two tables:
// - language_event_checks: the findings on each imported event version, a cache keyed by the event
//   version (versions never change), the lexicon version and the date of birth the age rules used,
//   so a chronology of thousands of entries is checked once, not on every view.
// - language_counts: for the partnership, how often each rule fired and how often a suggestion was
//   accepted, by month, agency and where it was written. Numbers only: no child, no text, no user.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table language_event_checks (
    event_id integer primary key references events (id) on delete cascade,
    lexicon_version text not null,
    child_dob text not null,
    findings jsonb not null,
    rules text[] not null,
    checked_at timestamptz not null)`.execute(db)

  await sql`create table language_counts (
    month text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    agency_code text not null references agencies (code),
    context text not null,
    rule text not null,
    fired integer not null default 0 check (fired >= 0),
    accepted integer not null default 0 check (accepted >= 0),
    primary key (month, agency_code, context, rule))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table language_counts`.execute(db)
  await sql`drop table language_event_checks`.execute(db)
}

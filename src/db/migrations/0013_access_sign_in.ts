// Access (src/access/): failed sign-ins counted in one table, per account and per source address,
// so that one atomic statement (insert ... on conflict do update ... returning) both counts an
// attempt and tells whether it may go on. The counters on the users table, read and then written
// in two steps, let parallel guesses past the lock (issue 17); they go.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table sign_in_attempts (
    scope text not null check (scope in ('account', 'address')),
    key text not null,
    attempts integer not null check (attempts >= 0),
    lockouts integer not null default 0,
    locked_until timestamptz,
    window_started_at timestamptz not null,
    last_attempt_at timestamptz not null,
    primary key (scope, key))`.execute(db)
  await sql`create index sign_in_attempts_last on sign_in_attempts (last_attempt_at)`.execute(db)
  await sql`alter table users drop column failed_signins, drop column locked_until`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column failed_signins integer not null default 0,
    add column locked_until timestamptz`.execute(db)
  await sql`drop table sign_in_attempts`.execute(db)
}

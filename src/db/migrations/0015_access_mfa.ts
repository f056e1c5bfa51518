// Access (src/access/): two-step sign-in for local accounts. A user's TOTP secret (RFC 6238) and
// the last time step accepted (so that a code is never accepted twice), a secret offered but not yet
// confirmed, whether an administrator requires it of this user; recovery codes, stored only as
// hashes and each usable once; and the half-way state between a right password and a right code,
// which is not a session and opens nothing else.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users
    add column mfa_secret text,
    add column mfa_enabled_at timestamptz,
    add column mfa_last_step bigint,
    add column mfa_pending_secret text,
    add column mfa_required boolean not null default false`.execute(db)
  await sql`create table mfa_recovery_codes (
    user_id integer not null references users (id),
    code_hash text not null,
    created_at timestamptz not null,
    used_at timestamptz,
    primary key (user_id, code_hash))`.execute(db)
  await sql`create table sign_in_challenges (
    id text primary key,
    user_id integer not null references users (id),
    stage text not null check (stage in ('code', 'enrol')),
    next text not null,
    address text,
    tries integer not null default 0,
    expires_at timestamptz not null)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table sign_in_challenges`.execute(db)
  await sql`drop table mfa_recovery_codes`.execute(db)
  await sql`alter table users drop column mfa_secret, drop column mfa_enabled_at, drop column mfa_last_step,
    drop column mfa_pending_secret, drop column mfa_required`.execute(db)
}

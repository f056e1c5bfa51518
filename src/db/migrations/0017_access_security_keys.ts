// Access (src/access/): security keys and passkeys (WebAuthn) as a second step of signing in, beside
// the authenticator app. Each key's credential id, public key and signature counter; the challenge of
// a key being added (one at a time per user, ten minutes), and of a sign-in's second step.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table webauthn_credentials (
    id text primary key,
    user_id integer not null references users (id),
    public_key bytea not null,
    counter bigint not null default 0,
    transports text[] not null default '{}',
    name text not null,
    created_at timestamptz not null,
    last_used_at timestamptz)`.execute(db)
  await sql`create index webauthn_credentials_user on webauthn_credentials (user_id)`.execute(db)
  await sql`create table webauthn_registrations (
    user_id integer primary key references users (id),
    challenge text not null,
    expires_at timestamptz not null)`.execute(db)
  await sql`alter table sign_in_challenges add column key_challenge text`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table sign_in_challenges drop column key_challenge`.execute(db)
  await sql`drop table webauthn_registrations`.execute(db)
  await sql`drop table webauthn_credentials`.execute(db)
}

// Access (src/access/): single sign-on by OpenID Connect. Which account at which identity provider a
// user is (issuer and subject, unique together), whether their local password is a break-glass way
// in while single sign-on is on, and the sign-ins begun but not finished (state, PKCE verifier and
// nonce, kept in the database so that any app instance can finish what another began).
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users
    add column sso_issuer text,
    add column sso_subject text,
    add column break_glass boolean not null default false,
    add constraint users_sso_both check ((sso_issuer is null) = (sso_subject is null))`.execute(db)
  await sql`create unique index users_sso on users (sso_issuer, sso_subject) where sso_subject is not null`.execute(db)
  await sql`create table sso_requests (
    state text primary key,
    code_verifier text not null,
    nonce text not null,
    next text not null,
    expires_at timestamptz not null)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table sso_requests`.execute(db)
  await sql`alter table users drop column sso_issuer, drop column sso_subject, drop column break_glass`.execute(db)
}

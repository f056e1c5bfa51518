// Access (src/access/): API tokens that can be listed, named, revoked and that expire, and each
// use of one counted per token, route and hour (the first use in each hour also goes to the audit
// trail). Tokens made before this get the default 90 days from now.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table api_tokens
    add column name text,
    add column created_by text,
    add column expires_at timestamptz,
    add column revoked_by text,
    add column last_used_at timestamptz`.execute(db)
  await sql`update api_tokens set expires_at = now() + interval '90 days'`.execute(db)
  await sql`alter table api_tokens alter column expires_at set not null`.execute(db)
  await sql`create table api_token_uses (
    token_id integer not null references api_tokens (id),
    route text not null,
    hour timestamptz not null,
    uses integer not null,
    primary key (token_id, route, hour))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table api_token_uses`.execute(db)
  await sql`alter table api_tokens drop column name, drop column created_by, drop column expires_at,
    drop column revoked_by, drop column last_used_at`.execute(db)
}

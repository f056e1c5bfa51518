// What a large import costs the database (docs/decisions/0004-import-by-copy.md):
// - Each agency record's `raw` is kept as the JSON text it arrived in (json, not jsonb): the record
//   exactly as sent, without a parse into jsonb's binary form. Nothing queries inside it; re-sends
//   are compared in the importer, key order aside (audit/chain.ts canonical).
// - The versioned record tables lose their foreign keys to agencies and imports, which ran two
//   lookups for every row written (40% of the cost of writing an event). The one code path that
//   writes these rows (import/store.ts) checks the agency and uses the import it has just created,
//   in the same transaction; and agencies and imports can no longer be deleted, so what the keys
//   guarded cannot happen.
import { sql, type Kysely } from 'kysely'

const VERSIONED = ['person_versions', 'events', 'relationships']

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED) {
    await sql`alter table ${sql.table(table)} alter column raw type json using raw::json`.execute(db)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_agency_code_fkey`)}`.execute(db)
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(`${table}_import_id_fkey`)}`.execute(db)
  }
  await sql`create function refuse_delete() returns trigger language plpgsql as $$
    begin
      raise exception '% rows are never deleted: agency records refer to them', tg_table_name;
    end $$`.execute(db)
  for (const table of ['agencies', 'imports']) {
    await sql`create trigger ${sql.id(`${table}_never_deleted`)} before delete on ${sql.table(table)}
      for each row execute function refuse_delete()`.execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['agencies', 'imports'])
    await sql`drop trigger ${sql.id(`${table}_never_deleted`)} on ${sql.table(table)}`.execute(db)
  await sql`drop function refuse_delete()`.execute(db)
  for (const table of VERSIONED) {
    await sql`alter table ${sql.table(table)} add foreign key (import_id) references imports (id)`.execute(db)
    await sql`alter table ${sql.table(table)} add foreign key (agency_code) references agencies (code)`.execute(db)
    await sql`alter table ${sql.table(table)} alter column raw type jsonb using raw::jsonb`.execute(db)
  }
}

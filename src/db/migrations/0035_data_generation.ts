// A data generation number in the database (issue 20, decision 0046): one row, bumped once by every
// transaction that changes what the link pages read (events and their involvements, relationships,
// person records, which records make which person: imports, edits, merges, unmerges, relinks) and by
// an analyst's network decision. Triggers bump it, in the writing transaction itself, so that no
// writer can forget and a rolled-back write leaves it as it was. A server keeps the area's links in
// memory for as long as the number it read is the one in the database; `instance` changes when a
// backup is restored, so that a number read before the restore never matches the rows after it.
import { sql, type Kysely } from 'kysely'

const TABLES = [
  'events',
  'involvements',
  'relationships',
  'person_versions',
  'entities',
  'entity_links',
  'network_decisions',
]

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table data_generation (
    id int primary key check (id = 1),
    instance text not null,
    generation bigint not null
  )`.execute(db)
  await sql`insert into data_generation (id, instance, generation) values (1, gen_random_uuid()::text, 0)`.execute(db)
  // once per transaction: the transaction-local setting remembers that this one has bumped it
  await sql`create function bump_data_generation() returns trigger language plpgsql as $$
    begin
      if current_setting('threadline.data_generation_bumped', true) is distinct from txid_current()::text then
        update data_generation set generation = generation + 1 where id = 1;
        perform set_config('threadline.data_generation_bumped', txid_current()::text, true);
      end if;
      return null;
    end $$`.execute(db)
  for (const table of TABLES)
    await sql`create trigger ${sql.raw(`${table}_data_generation`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_data_generation()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES)
    await sql`drop trigger if exists ${sql.raw(`${table}_data_generation`)} on ${sql.table(table)}`.execute(db)
  await sql`drop function if exists bump_data_generation()`.execute(db)
  await sql`drop table if exists data_generation`.execute(db)
}

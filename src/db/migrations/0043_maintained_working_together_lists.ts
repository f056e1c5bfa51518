// Open challenges and children's actions maintained per child (issue 20, decision 0062): working together
// becomes a source of maintained lists (db/maintained-lists.ts, working-together/maintained-lists.ts), and
// every maintained list can be filtered, sorted and paged in SQL, so a page read costs the page, not the list.
//  - list_entries gains `item` (one row per thing a child has on a list: a challenge, an action; 0 for the
//    lists kept as one row per child), `due_at` (the stored deadline a read compares with now) and `keys`
//    (who the row is work for, as the source's rule says: a read asks `keys && the viewer's`), with the
//    indexes a page read needs.
//  - marks, in the writing transaction, for the tables these lists read besides the records (whose
//    triggers, migration 0037, already mark every source): challenges and their notes, actions (a theme's
//    action has no child: it marks nothing and is read from wt_actions by its owner, audits/store.ts),
//    hand-recorded decisions and allocations (a stage's owner), each insert, update (an edit raises the
//    row's version) and delete.
import { sql, type Kysely } from 'kysely'

const TOUCHED: Record<string, string> = {
  wt_challenges: 'select entity_id from t',
  wt_challenge_events: 'select c.entity_id from t join wt_challenges c on c.id = t.challenge_id',
  wt_actions: 'select entity_id from t where entity_id is not null',
  wt_decisions: 'select entity_id from t',
  allocations: 'select entity_id from t',
}
const EVENTS = ['insert', 'update', 'delete'] as const
const sidesOf = (event: string) => (event === 'update' ? ['old', 'new'] : [event === 'delete' ? 'old' : 'new'])
const triggerName = (table: string, event: string, side: string) => `${table}_wt_lists_${event}_${side}`

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table list_entries add column item bigint not null default 0`.execute(db)
  await sql`alter table list_entries add column due_at timestamptz`.execute(db)
  await sql`alter table list_entries add column keys text[]`.execute(db)
  await sql`alter table list_entries drop constraint list_entries_pkey`.execute(db)
  await sql`alter table list_entries add primary key (list, entity_id, item)`.execute(db)
  await sql`create index list_entries_due on list_entries (list, due_at, entity_id, item)`.execute(db)
  await sql`create index list_entries_keys on list_entries using gin (keys)`.execute(db)
  await sql`insert into list_sources (source) values ('working_together')`.execute(db)
  await sql`insert into list_marks (source, entity_id) select 'working_together', id from entities`.execute(db)
  for (const [table, ids] of Object.entries(TOUCHED))
    for (const event of EVENTS)
      for (const side of sidesOf(event)) {
        const name = triggerName(table, event, side)
        await sql`create function ${sql.raw(name)}() returns trigger language plpgsql as ${sql.lit(`
          begin
            insert into list_marks (source, entity_id)
              select 'working_together', x.id from (select distinct id from (${ids}) as touched(id) where id is not null) x;
            return null;
          end`)}`.execute(db)
        await sql`create trigger ${sql.raw(name)} after ${sql.raw(event)} on ${sql.table(table)}
          referencing ${sql.raw(side)} table as t for each statement execute function ${sql.raw(name)}()`.execute(db)
      }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of Object.keys(TOUCHED))
    for (const event of EVENTS)
      for (const side of sidesOf(event)) {
        const name = triggerName(table, event, side)
        await sql`drop trigger if exists ${sql.raw(name)} on ${sql.table(table)}`.execute(db)
        await sql`drop function if exists ${sql.raw(name)}()`.execute(db)
      }
  await sql`delete from list_entries where list in ('open_challenges', 'child_actions')`.execute(db)
  await sql`delete from list_state where source = 'working_together'`.execute(db)
  await sql`delete from list_marks where source = 'working_together'`.execute(db)
  await sql`delete from list_sources where source = 'working_together'`.execute(db)
  await sql`drop index if exists list_entries_keys`.execute(db)
  await sql`drop index if exists list_entries_due`.execute(db)
  await sql`delete from list_entries where item <> 0`.execute(db)
  await sql`alter table list_entries drop constraint list_entries_pkey`.execute(db)
  await sql`alter table list_entries add primary key (list, entity_id)`.execute(db)
  await sql`alter table list_entries drop column keys`.execute(db)
  await sql`alter table list_entries drop column due_at`.execute(db)
  await sql`alter table list_entries drop column item`.execute(db)
}

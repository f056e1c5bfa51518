// Maintained lists (issue 20, decision 0049): the lists people open every morning are kept per child
// rather than worked out for the whole area on every request.
//  - list_marks: append-only marks, one per (source, child) a write touched. Triggers insert them IN THE
//    WRITING TRANSACTION (statement-level, over the transition tables: one statement per COPY batch, not
//    one per row), so no writer can forget and a rolled-back write marks nothing. A plain insert: writers
//    never wait for each other or for a reader here. A reader that has worked a child out again deletes
//    the marks it read (those up to the mark it worked from).
//  - list_state: per (source, child), the highest mark the stored entries were worked out from (`done`: an
//    older piece of work never overwrites a newer one), the next moment the entries change by the clock
//    alone (`changes_at`: a response falling due, a screening due again, the next London midnight),
//    and the clock it was worked out at (`worked_at`: a clock behind the latest computes instead).
//  - list_entries: what each list shows for a child on it (one row per list and child on it).
//  - list_sources: the sources (capabilities) that keep lists, and the fingerprint of the rule (instrument
//    and settings) the entries were worked out with: when it differs, every child is worked out again.
// Writes that mark: agency records (person versions, events, involvements), which records make which
// person (entity_links: imports, relinks, merges), merges and unmerges (entities), MASH decisions and
// screenings (their edits too), and the risk cache's own marks (risk_stale: after an import, an instrument
// change; a row trigger, since those come as `on conflict do nothing`).
import { sql, type Kysely } from 'kysely'

/** For each table: how the ids of the children a set of its rows touches are found, from the transition table `t`. */
const TOUCHED: Record<string, { events: ('insert' | 'update' | 'delete')[]; ids: string }> = {
  entity_links: { events: ['insert', 'update', 'delete'], ids: 'select entity_id from t' },
  entities: {
    events: ['update'],
    ids: 'select id from t union select merged_into from t where merged_into is not null',
  },
  person_versions: {
    events: ['insert', 'update'],
    ids: 'select l.entity_id from t join entity_links l on l.agency_code = t.agency_code and l.source_id = t.source_id',
  },
  events: {
    events: ['insert', 'update'],
    ids: 'select l.entity_id from t join entity_links l on l.agency_code = t.agency_code and l.source_id = t.subject_source_id',
  },
  involvements: {
    events: ['insert'],
    ids: `select l.entity_id from t join entity_links l on l.agency_code = t.agency_code and l.source_id = t.person_source_id
      where t.kind = 'person'
      union select l.entity_id from t join entity_links l
        on l.agency_code = split_part(t.person_source_id, ':', 1) and l.source_id = substr(t.person_source_id, strpos(t.person_source_id, ':') + 1)
      where t.kind = 'person' and strpos(t.person_source_id, ':') > 0`,
  },
  risk_screenings: { events: ['insert', 'update', 'delete'], ids: 'select entity_id from t' },
  risk_mash_decisions: { events: ['insert', 'update', 'delete'], ids: 'select entity_id from t' },
}

// risk_stale's marks (after an import, an instrument change) come as `insert ... on conflict do nothing`:
// a row trigger before the insert sees every child, whether or not it was marked there already
const RISK_STALE = 'risk_stale_lists_mark'

const triggerName = (table: string, event: string, side: string) => `${table}_lists_${event}_${side}`

export async function up(db: Kysely<unknown>): Promise<void> {
  // what the MASH owes a child now is the child's entry on the maintained MASH queue (decision 0035's own cache retired)
  await sql`drop table risk_mash_waiting`.execute(db)
  await sql`create sequence list_mark_seq`.execute(db)
  await sql`create table list_sources (source text primary key, rule text not null default '')`.execute(db)
  await sql`insert into list_sources (source) values ('risk')`.execute(db)
  await sql`create table list_marks (
    id bigint primary key default nextval('list_mark_seq'),
    source text not null references list_sources (source),
    entity_id integer not null
  )`.execute(db)
  await sql`create index list_marks_child on list_marks (source, entity_id)`.execute(db)
  await sql`create table list_state (
    source text not null references list_sources (source),
    entity_id integer not null,
    done bigint not null,
    changes_at timestamptz not null,
    worked_at timestamptz not null,
    primary key (source, entity_id)
  )`.execute(db)
  await sql`create index list_state_changes on list_state (source, changes_at)`.execute(db)
  await sql`create index list_state_worked on list_state (source, worked_at)`.execute(db)
  await sql`create table list_entries (
    list text not null,
    entity_id integer not null,
    entry jsonb not null,
    primary key (list, entity_id)
  )`.execute(db)
  await sql`create index list_entries_child on list_entries (entity_id)`.execute(db)
  // every person Threadline knows is worked out when a list is first read
  await sql`insert into list_marks (source, entity_id) select s.source, e.id from list_sources s cross join entities e`.execute(
    db,
  )
  for (const [table, { events, ids }] of Object.entries(TOUCHED))
    for (const event of events) {
      const sides = event === 'update' ? ['old', 'new'] : [event === 'delete' ? 'old' : 'new']
      for (const side of sides) {
        const name = triggerName(table, event, side)
        await sql`create function ${sql.raw(name)}() returns trigger language plpgsql as ${sql.lit(`
          begin
            insert into list_marks (source, entity_id)
              select s.source, x.id from (select distinct id from (${ids}) as touched(id) where id is not null) x
              cross join list_sources s;
            return null;
          end`)}`.execute(db)
        await sql`create trigger ${sql.raw(name)} after ${sql.raw(event)} on ${sql.table(table)}
          referencing ${sql.raw(side)} table as t for each statement execute function ${sql.raw(name)}()`.execute(db)
      }
    }
  await sql`create function ${sql.raw(RISK_STALE)}() returns trigger language plpgsql as $$
    begin
      insert into list_marks (source, entity_id) select source, new.entity_id from list_sources;
      return new;
    end $$`.execute(db)
  await sql`create trigger ${sql.raw(RISK_STALE)} before insert on risk_stale
    for each row execute function ${sql.raw(RISK_STALE)}()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists ${sql.raw(RISK_STALE)} on risk_stale`.execute(db)
  await sql`drop function if exists ${sql.raw(RISK_STALE)}()`.execute(db)
  for (const [table, { events }] of Object.entries(TOUCHED))
    for (const event of events)
      for (const side of event === 'update' ? ['old', 'new'] : [event === 'delete' ? 'old' : 'new']) {
        const name = triggerName(table, event, side)
        await sql`drop trigger if exists ${sql.raw(name)} on ${sql.table(table)}`.execute(db)
        await sql`drop function if exists ${sql.raw(name)}()`.execute(db)
      }
  await sql`drop table if exists list_entries`.execute(db)
  await sql`drop table if exists list_state`.execute(db)
  await sql`drop table if exists list_marks`.execute(db)
  await sql`drop table if exists list_sources`.execute(db)
  await sql`drop sequence if exists list_mark_seq`.execute(db)
  await sql`create table risk_mash_waiting (
    entity_id integer primary key references entities (id),
    waiting jsonb,
    computed_at timestamptz not null,
    valid_until timestamptz not null
  )`.execute(db)
}

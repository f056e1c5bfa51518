// The import format 1.2 (docs/import-format.md, decision 0002): versions of an object are ordered
// by recorded_at, then by the order they were received. Before 1.2 an older version re-sent after a
// newer one became current, and the newer one was "superseded" before it had been recorded. This
// migration lays every object's history out again in that order (numbered 1.. in order, each
// version superseded when the next was recorded, the last one current), times kept to the
// millisecond as the importer compares them, then makes the database refuse what went wrong:
// a validity interval that ends before it starts, and a current version that has been superseded.
import { sql, type Kysely } from 'kysely'

const VERSIONED = ['person_versions', 'events', 'relationships']

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const name of VERSIONED) {
    const table = sql.table(name)
    await sql`update ${table} set recorded_at = date_trunc('milliseconds', recorded_at)
      where recorded_at <> date_trunc('milliseconds', recorded_at)`.execute(db)
    const layout = sql`select id, (row_number() over w)::int as version, lead(recorded_at) over w as next
      from ${table} window w as (partition by agency_code, source_id order by recorded_at, id)`
    // a version that stops being current first: two current versions of one object are refused
    await sql`with layout as (${layout})
      update ${table} t set is_current = false from layout l
      where t.id = l.id and t.is_current and l.next is not null`.execute(db)
    // version numbers move through their negatives: (agency, source, version) is unique row by row
    await sql`with layout as (${layout})
      update ${table} t set version = -l.version, superseded_at = l.next, is_current = l.next is null from layout l
      where t.id = l.id and (t.version <> l.version or t.superseded_at is distinct from l.next
        or t.is_current <> (l.next is null))`.execute(db)
    await sql`update ${table} set version = -version where version < 0`.execute(db)
    await sql`alter table ${table} add constraint ${sql.id(`${name}_interval_in_order`)}
      check (superseded_at is null or superseded_at >= recorded_at)`.execute(db)
    await sql`alter table ${table} add constraint ${sql.id(`${name}_current_not_superseded`)}
      check (is_current = (superseded_at is null))`.execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of VERSIONED) {
    await sql`alter table ${sql.table(name)} drop constraint ${sql.id(`${name}_current_not_superseded`)}`.execute(db)
    await sql`alter table ${sql.table(name)} drop constraint ${sql.id(`${name}_interval_in_order`)}`.execute(db)
  }
}

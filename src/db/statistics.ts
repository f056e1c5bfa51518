// The planner's statistics kept up with the data. PostgreSQL's autovacuum analyses a table once a
// tenth of it has changed; PGlite has no autovacuum, so a table it never analysed is planned as if it
// held a few pages (the link pages of the demo area joined 2,494 relationships to 5,347 person links
// row by row: 19 s where a hash join takes 0.4 s). After work that grows tables (an import), the
// tables that grew by more than autovacuum's own margin since their last analysis are analysed.
import { sql } from 'kysely'
import type { Db } from './database.ts'

/** The tables an import writes: what every reader of records joins. */
export const RECORD_TABLES = [
  'person_versions',
  'events',
  'involvements',
  'relationships',
  'entity_links',
  'entities',
] as const

/** autovacuum_analyze_threshold and autovacuum_analyze_scale_factor, PostgreSQL's defaults, in pages. */
const MARGIN_PAGES = 8
const MARGIN_SHARE = 0.1

interface TableSize {
  name: string
  /** pages when last analysed, -1 never */
  analysedPages: number
  analysedTuples: number
  pages: number
}

/** Whether a table has outgrown the statistics the planner holds for it. */
export function outgrown(table: TableSize): boolean {
  if (table.pages === 0) return false
  if (table.analysedTuples < 0) return true
  return table.pages > table.analysedPages * (1 + MARGIN_SHARE) + MARGIN_PAGES
}

/** Analyses the tables (of the current schema) that outgrew their statistics; returns their names. */
export async function refreshStatistics(db: Db, tables: readonly string[] = RECORD_TABLES): Promise<string[]> {
  const sizes = await sql<TableSize>`
    select c.relname as name, c.relpages as "analysedPages", c.reltuples as "analysedTuples",
      (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as pages
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and c.relname = any(${[...tables]})`.execute(
    db,
  )
  const stale = sizes.rows.filter(outgrown).map((t) => t.name)
  for (const name of stale) await sql`analyze ${sql.table(name)}`.execute(db)
  return stale
}

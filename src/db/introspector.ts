// Kysely's PostgreSQL introspector reads every table of every schema in the database (calling
// pg_get_serial_sequence on each column), so it fails with "schema ... does not exist" when another
// process drops a schema meanwhile: test files side by side on one server, a restore. Threadline
// asks it one thing only, through the migrator: whether the migration tables exist. This answers
// from the schemas on the connection's search path, with names and no columns.
import { PostgresDialect, sql, type DatabaseIntrospector, type Kysely, type TableMetadata } from 'kysely'

export class SearchPathIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas() {
    const rows = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db)
    return rows.rows
  }

  async getTables(options: { withInternalKyselyTables?: boolean } = {}): Promise<TableMetadata[]> {
    const rows = await sql<{ schema: string; name: string; is_view: boolean }>`
      select n.nspname as schema, c.relname as name, c.relkind = 'v' as is_view
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any(current_schemas(false)) and c.relkind in ('r', 'p', 'v')
      order by n.nspname, c.relname`.execute(this.db)
    return rows.rows
      .filter((r) => options.withInternalKyselyTables || !r.name.startsWith('kysely_'))
      .map((r) => ({ schema: r.schema, name: r.name, isView: r.is_view, columns: [] }))
  }

  async getMetadata(options?: { withInternalKyselyTables?: boolean }) {
    return { tables: await this.getTables(options) }
  }
}

/** Kysely's PostgreSQL dialect, introspecting only the schemas on the search path. */
export class SearchPathPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SearchPathIntrospector(db)
  }
}

// The returns capability (src/returns/): an agency that makes the DfE's statutory returns (children in
// need census, SSDA903) is registered with its local-authority number, so that a return naming
// another authority is refused.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table agencies add column la_number text check (la_number ~ '^[0-9]{3}$')`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table agencies drop column la_number`.execute(db)
}

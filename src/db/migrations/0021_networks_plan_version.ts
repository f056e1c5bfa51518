// No lost updates on context plans (issue 17): a plan carries a version that each save raises in the
// statement that checks it (networks/plans-store.ts savePlan), so of two people changing one plan at
// once the second is shown both versions instead of overwriting the first.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table context_plans add column version integer not null default 1`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table context_plans drop column version`.execute(db)
}

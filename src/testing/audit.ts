// What the audit trail last recorded of one action: the details tests check (who, how, why).
import type { Db } from '../db/database.ts'

export async function latestAudit<T = Record<string, unknown>>(db: Db, action: string): Promise<T> {
  const row = await db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  return row.details as T
}

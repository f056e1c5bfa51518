// The agencies link analysis reads: the kind of the asker's agency (the police see suggestions) and whom
// to contact at the agencies a network's records come from.
import type { Db } from '../db/database.ts'

/** The kind of an agency (police, childrens_social_care...), or null when there is no such agency. */
export async function agencyKindOf(db: Db, code: string): Promise<string | null> {
  const row = await db.selectFrom('agencies').select('kind').where('code', '=', code).executeTakeFirst()
  return row?.kind ?? null
}

/** The name and contact of each of these agencies (none when there are none). */
export async function agencyContacts(db: Db, codes: readonly string[]) {
  return db
    .selectFrom('agencies')
    .select(['code', 'name', 'contact'])
    .where('code', 'in', codes.length ? [...codes] : ['-'])
    .execute()
}

// The cookie-signing key: made once and kept in the database, so every instance shares it.
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/database.ts'

export async function cookieSecret(db: Db): Promise<string> {
  const fresh = randomBytes(32).toString('base64url')
  await db
    .insertInto('app_secrets')
    .values({ name: 'cookie', value: fresh })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db.selectFrom('app_secrets').select('value').where('name', '=', 'cookie').executeTakeFirstOrThrow()
  return row.value
}

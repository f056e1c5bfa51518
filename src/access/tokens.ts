// API tokens for agency systems: shown once, stored only as a SHA-256 hash (a token is long and
// random, so a fast hash is enough; argon2 is for passwords people choose).
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/database.ts'

export interface TokenOwner {
  tokenId: number
  agency: string
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createToken(db: Db, agency: string): Promise<string> {
  const known = await db.selectFrom('agencies').select('code').where('code', '=', agency).executeTakeFirst()
  if (!known) throw new Error(`agency "${agency}" is not registered (threadline agencies lists them)`)
  const token = `tl_${agency}_${randomBytes(32).toString('base64url')}`
  await db
    .insertInto('api_tokens')
    .values({ agency_code: agency, token_hash: digest(token) })
    .execute()
  return token
}

export async function findToken(db: Db, token: string): Promise<TokenOwner | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'agency_code'])
    .where('token_hash', '=', digest(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return row ? { tokenId: row.id, agency: row.agency_code } : null
}

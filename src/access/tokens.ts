// API tokens for agency systems: shown once, stored only as a SHA-256 hash (a token is long and
// random, so a fast hash is enough; argon2 is for passwords people choose). Each has a name (the
// system that uses it), lasts THREADLINE_TOKEN_DAYS (90 by default) unless made for longer or
// shorter, can be revoked at once, and is listed with when it was last used. Every use is counted
// per token, route and hour; the first use of a token on a route in each hour is written to the
// audit trail (so the trail says which system called what, and when, without a row per request).
import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { audit } from '../audit/audit.ts'
import { now as clockNow } from '../config/clock.ts'
import { errorKind } from '../errors/domain-error.ts'

export class TokenError extends errorKind('invalid') {}

export interface TokenOwner {
  tokenId: number
  agency: string
}

export const MAX_TOKEN_DAYS = 3660

const digest = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createToken(
  db: Db,
  agency: string,
  options: { now?: Date; days?: number; name?: string; createdBy?: string } = {},
): Promise<string> {
  const known = await db.selectFrom('agencies').select('code').where('code', '=', agency).executeTakeFirst()
  if (!known) throw new TokenError(`agency "${agency}" is not registered (threadline agencies lists them)`)
  const days = options.days ?? 90
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)
    throw new TokenError(`a token lasts a whole number of days from 1 to ${MAX_TOKEN_DAYS}, not "${days}"`)
  const name = options.name?.trim() || null
  if (name && name.length > 200) throw new TokenError('a token name can have at most 200 characters')
  const now = options.now ?? clockNow()
  const token = `tl_${agency}_${randomBytes(32).toString('base64url')}`
  await db
    .insertInto('api_tokens')
    .values({
      agency_code: agency,
      token_hash: digest(token),
      name,
      created_by: options.createdBy ?? null,
      created_at: now,
      expires_at: new Date(now.getTime() + days * 86_400_000),
    })
    .execute()
  return token
}

/** The token's owner, if it is known, not revoked and not expired at `now`. */
export async function findToken(db: Db, token: string, now: Date = clockNow()): Promise<TokenOwner | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'agency_code'])
    .where('token_hash', '=', digest(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row ? { tokenId: row.id, agency: row.agency_code } : null
}

/**
 * Counts one use of a token on a route (its pattern, e.g. /api/v1/children/:id), in one statement;
 * the first in the hour is audited as `token_used`.
 */
export async function recordTokenUse(db: Db, owner: TokenOwner, route: string, now: Date): Promise<void> {
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000)
  const counted = await sql<{ uses: number }>`
    with used as (
      update api_tokens set last_used_at = greatest(last_used_at, ${now}::timestamptz)
      where id = ${owner.tokenId})
    insert into api_token_uses as u (token_id, route, hour, uses)
    values (${owner.tokenId}, ${route}, ${hour}, 1)
    on conflict (token_id, route, hour) do update set uses = u.uses + 1
    returning uses`.execute(db)
  if (counted.rows[0]?.uses === 1)
    await audit(
      db,
      { kind: 'token', tokenId: owner.tokenId, agency: owner.agency },
      { action: 'token_used', details: { token_id: owner.tokenId, route, hour: hour.toISOString() } },
      now,
    )
}

export type TokenStatus = 'active' | 'expired' | 'revoked'

export interface TokenListing {
  token_id: number
  agency: string
  name: string | null
  status: TokenStatus
  created_at: Date
  created_by: string | null
  expires_at: Date
  revoked_at: Date | null
  revoked_by: string | null
  last_used_at: Date | null
  uses: number
}

export async function listTokens(
  db: Db,
  now: Date,
  filter: { agency?: string; status?: TokenStatus } = {},
): Promise<TokenListing[]> {
  let query = db
    .selectFrom('api_tokens as t')
    .select((eb) => [
      't.id as token_id',
      't.agency_code as agency',
      't.name',
      't.created_at',
      't.created_by',
      't.expires_at',
      't.revoked_at',
      't.revoked_by',
      't.last_used_at',
      eb
        .selectFrom('api_token_uses as u')
        .select(sql<number>`coalesce(sum(u.uses), 0)::int`.as('n'))
        .whereRef('u.token_id', '=', 't.id')
        .as('uses'),
    ])
    .orderBy('t.agency_code')
    .orderBy('t.id')
  if (filter.agency) query = query.where('t.agency_code', '=', filter.agency)
  const rows = (await query.execute()).map((r) => ({
    ...r,
    uses: Number(r.uses ?? 0),
    status: (r.revoked_at ? 'revoked' : r.expires_at <= now ? 'expired' : 'active') as TokenStatus,
  }))
  return filter.status ? rows.filter((r) => r.status === filter.status) : rows
}

/** Revokes a token at once; says whether it was revoked before (then nothing changes). */
export async function revokeToken(
  db: Db,
  tokenId: number,
  by: string,
  now: Date,
): Promise<{ agency: string; alreadyRevokedAt: Date | null }> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['agency_code', 'revoked_at'])
    .where('id', '=', tokenId)
    .executeTakeFirst()
  if (!row) throw new TokenError(`there is no token ${tokenId} (threadline token list shows them)`)
  if (row.revoked_at) return { agency: row.agency_code, alreadyRevokedAt: row.revoked_at }
  const changed = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now, revoked_by: by })
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .returning('revoked_at')
    .executeTakeFirst()
  return { agency: row.agency_code, alreadyRevokedAt: changed ? null : now }
}

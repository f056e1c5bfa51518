// Signing in: argon2id passwords, a lock-out after repeated failures, and every attempt audited.
//
// Each attempt is counted BEFORE its password is checked, per account (the email address as typed,
// known or not, so the answer never tells which addresses exist) and per source address, in ONE
// statement (insert ... on conflict do update ... returning): the database hands every parallel
// attempt its own number, so however many guesses arrive at once, exactly `attempts` of them have
// their password checked and the rest are refused unchecked (with two-step sign-in, passwords and
// codes together, until the code is right). The attempt that reaches the limit
// sets the lock in that same statement; each further lock in a row lasts twice as long (back-off,
// up to a day). A right password clears the account's count; it gives back its one attempt to the
// source address, whose count is of failures per hour (many people share an office's address).
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/database.ts'
import { audit } from '../audit/audit.ts'
import { checkPassword, hashPassword } from './passwords.ts'
import { must } from '../errors/must.ts'

export type SignInResult =
  { ok: true; userId: number } | { ok: false; reason: 'wrong' | 'locked' | 'address_locked'; lockedUntil?: Date }

export interface SignInPolicy {
  /** attempts an account has before it is locked (counted since its last success) */
  attempts: number
  /** the first lock's length; each further lock in a row doubles it, up to a day */
  minutes: number
  /** failed attempts one source address has in an hour before it is locked */
  addressAttempts?: number
}

export const ADDRESS_ATTEMPTS_DEFAULT = 50
/** An account's count starts again after a day without attempts; an address's every hour. */
const WINDOW = { account: '24 hours', address: '1 hour' } as const
const MAX_LOCK_MINUTES = 24 * 60

// A hash to check against when the email is unknown, so that the answer takes the same time.
let decoy: Promise<string> | null = null

interface Counted {
  scope: 'account' | 'address'
  attempts: number
  locked_until: Date | null
}

/** Counts one attempt against each key and returns the counts: the one statement the lock rests on. */
async function countAttempt(
  db: Db,
  keys: { scope: 'account' | 'address'; key: string; limit: number }[],
  now: Date,
  minutes: number,
): Promise<Counted[]> {
  const at = sql`${now}::timestamptz`
  const limit = sql`(case s.scope ${sql.join(
    keys.map((k) => sql`when ${k.scope} then ${k.limit}::int`),
    sql` `,
  )} end)`
  const window = sql`(case s.scope when 'account' then interval '${sql.raw(WINDOW.account)}' else interval '${sql.raw(WINDOW.address)}' end)`
  // the lock has ended, or no lock and the window has passed: counting starts again
  const fresh = sql`((s.locked_until is not null and s.locked_until <= ${at})
    or (s.locked_until is null and s.window_started_at <= ${at} - ${window}))`
  const lockoutsBefore = sql`(case when s.last_attempt_at <= ${at} - interval '24 hours' then 0 else s.lockouts end)`
  const counted = sql`(case when ${fresh} then 1 else s.attempts + 1 end)`
  const engages = sql`((${fresh} or s.locked_until is null) and ${counted} >= ${limit})`
  const lockLength = (k: RawBuilder<unknown> | number) =>
    sql`make_interval(mins => least(${minutes}::int * (1 << least(${k}, 10)), greatest(${minutes}::int, ${MAX_LOCK_MINUTES}::int)))`
  const first = keys.map((k) => {
    const engaged = k.limit <= 1
    return sql`(${k.scope}, ${k.key}, 1, ${engaged ? 1 : 0}::int,
      ${engaged ? sql`${at} + ${lockLength(0)}` : sql`null::timestamptz`}, ${at}, ${at})`
  })
  const result = await sql<Counted>`
    insert into sign_in_attempts as s
      (scope, key, attempts, lockouts, locked_until, window_started_at, last_attempt_at)
    values ${sql.join(first)}
    on conflict (scope, key) do update set
      attempts = ${counted},
      window_started_at = case when ${fresh} then ${at} else s.window_started_at end,
      lockouts = case when ${engages} then ${lockoutsBefore} + 1 else ${lockoutsBefore} end,
      locked_until = case when ${engages} then ${at} + ${lockLength(lockoutsBefore)}
                          when ${fresh} then null else s.locked_until end,
      last_attempt_at = ${at}
    returning scope, attempts, locked_until`.execute(db)
  return result.rows
}

/** One attempt counted against the account and (when known) the source address, before any check. */
export async function reserveAttempt(
  db: Db,
  email: string,
  now: Date,
  policy: SignInPolicy,
  from?: { address?: string },
): Promise<{
  refused: Extract<SignInResult, { ok: false }> | null
  /** this attempt is the one that locks, if it fails: the lock's end (already set, for the others) */
  accountLocks: Date | null
  addressLocks: Date | null
}> {
  const address = email.trim().toLowerCase().slice(0, 320)
  const source = from?.address
  const addressLimit = policy.addressAttempts ?? ADDRESS_ATTEMPTS_DEFAULT
  const counts = await countAttempt(
    db,
    [
      { scope: 'account' as const, key: address, limit: policy.attempts },
      ...(source ? [{ scope: 'address' as const, key: source, limit: addressLimit }] : []),
    ],
    now,
    policy.minutes,
  )
  const account = must(
    counts.find((c) => c.scope === 'account'),
    'the count of attempts at the account',
  )
  const fromAddress = counts.find((c) => c.scope === 'address')
  const lockedUntil = (c: Counted | undefined) => c?.locked_until ?? undefined
  if (account.attempts > policy.attempts)
    return {
      refused: { ok: false, reason: 'locked', lockedUntil: lockedUntil(account) },
      accountLocks: null,
      addressLocks: null,
    }
  if (fromAddress && fromAddress.attempts > addressLimit)
    return {
      refused: { ok: false, reason: 'address_locked', lockedUntil: lockedUntil(fromAddress) },
      accountLocks: null,
      addressLocks: null,
    }
  return {
    refused: null,
    accountLocks: account.attempts === policy.attempts ? account.locked_until : null,
    addressLocks: fromAddress !== undefined && fromAddress.attempts === addressLimit ? fromAddress.locked_until : null,
  }
}

/** A right answer: the account's count starts again, and the address gets its attempt back. */
export async function attemptSucceeded(
  db: Db,
  email: string,
  now: Date,
  policy: SignInPolicy,
  from?: { address?: string },
): Promise<void> {
  await db
    .updateTable('sign_in_attempts')
    .set({ attempts: 0, lockouts: 0, locked_until: null, window_started_at: now, last_attempt_at: now })
    .where('scope', '=', 'account')
    .where('key', '=', email.trim().toLowerCase().slice(0, 320))
    .execute()
  if (from?.address)
    await sql`update sign_in_attempts set attempts = greatest(attempts - 1, 0),
        locked_until = case when attempts - 1 < ${policy.addressAttempts ?? ADDRESS_ATTEMPTS_DEFAULT}::int
          then null else locked_until end
      where scope = 'address' and key = ${from.address}`.execute(db)
}

export async function signIn(
  db: Db,
  email: string,
  password: string,
  now: Date,
  policy: SignInPolicy,
  from?: { address?: string },
): Promise<SignInResult> {
  const address = email.trim().toLowerCase().slice(0, 320)
  const source = from?.address
  const system = { kind: 'system' as const, name: `sign-in:${address.slice(0, 200)}` }
  const where = source ? { address: source } : {}
  const reserved = await reserveAttempt(db, email, now, policy, from)
  if (reserved.refused) {
    await audit(
      db,
      system,
      {
        action: 'sign_in_failed',
        details: { email: address, why: reserved.refused.reason === 'locked' ? 'locked' : 'address_locked', ...where },
      },
      now,
    )
    return reserved.refused
  }

  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'agency_code', 'password_hash', 'active', 'mfa_enabled_at'])
    .where('email', '=', address)
    .executeTakeFirst()
  const right = user?.active
    ? await checkPassword(user.password_hash, password)
    : await checkPassword(await (decoy ??= hashPassword('decoy-password-for-timing')), password).then(() => false)

  if (!right || !user) {
    const accountLocked = reserved.accountLocks
    const addressLocked = reserved.addressLocks
    const why = !user ? 'unknown' : !user.active ? 'inactive' : 'wrong'
    const details = { ...(user ? { user_id: user.id } : { email: address }), why, ...where }
    await audit(
      db,
      user?.active ? { kind: 'system', name: `sign-in:${user.email}` } : system,
      [
        { action: accountLocked ? 'account_locked' : 'sign_in_failed', details },
        ...(addressLocked ? [{ action: 'address_locked' as const, details: { address: source } }] : []),
      ],
      now,
    )
    if (accountLocked) return { ok: false, reason: 'locked', lockedUntil: accountLocked }
    if (addressLocked) return { ok: false, reason: 'address_locked', lockedUntil: addressLocked }
    return { ok: false, reason: 'wrong' }
  }

  // With two-step sign-in still to come the count goes on until the code is right (mfa-routes.ts):
  // else a stolen password would buy a fresh set of code guesses each time it was typed.
  if (!user.mfa_enabled_at) await attemptSucceeded(db, email, now, policy, from)
  // counts a day old with no lock are of no further use; cleared as people sign in
  await db
    .deleteFrom('sign_in_attempts')
    .where('last_attempt_at', '<', new Date(now.getTime() - 24 * 3600_000))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute()
  await audit(
    db,
    { kind: 'user', userId: user.id, email: user.email, name: user.email, agency: user.agency_code, roles: [] },
    { action: 'sign_in', ...(source ? { details: { address: source } } : {}) },
    now,
  )
  return { ok: true, userId: user.id }
}

/** The account's lock, if it is locked now (for the administration page). */
export async function accountLocks(db: Db, now: Date): Promise<Map<string, Date>> {
  const rows = await db
    .selectFrom('sign_in_attempts')
    .select(['key', 'locked_until'])
    .where('scope', '=', 'account')
    .where('locked_until', '>', now)
    .execute()
  const locks = new Map<string, Date>()
  for (const { key, locked_until } of rows) if (locked_until) locks.set(key, locked_until)
  return locks
}

/** Clears an account's count and lock (an administrator unlocking it, or reactivating it). */
export async function unlockAccount(db: Db, email: string): Promise<void> {
  await db
    .deleteFrom('sign_in_attempts')
    .where('scope', '=', 'account')
    .where('key', '=', email.trim().toLowerCase())
    .execute()
}

// Signing in: argon2id passwords, a lock-out after repeated failures, and every attempt audited.
import type { Db } from '../db/database.ts'
import { audit } from '../audit/audit.ts'
import { checkPassword, hashPassword } from './passwords.ts'

export type SignInResult = { ok: true; userId: number } | { ok: false; reason: 'wrong' | 'locked'; lockedUntil?: Date }

// A hash to check against when the email is unknown, so that the answer takes the same time.
let decoy: Promise<string> | null = null

export async function signIn(
  db: Db,
  email: string,
  password: string,
  now: Date,
  policy: { attempts: number; minutes: number },
): Promise<SignInResult> {
  const address = email.trim().toLowerCase()
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'agency_code', 'password_hash', 'active', 'failed_signins', 'locked_until'])
    .where('email', '=', address)
    .executeTakeFirst()
  if (!user || !user.active) {
    decoy ??= hashPassword('decoy-password-for-timing')
    await checkPassword(await decoy, password)
    await audit(
      db,
      { kind: 'system', name: `sign-in:${address.slice(0, 200)}` },
      { action: 'sign_in_failed', details: { email: address, why: user ? 'inactive' : 'unknown' } },
      now,
    )
    return { ok: false, reason: 'wrong' }
  }
  const actor = { kind: 'system' as const, name: `sign-in:${user.email}` }
  if (user.locked_until && user.locked_until > now) {
    await audit(db, actor, { action: 'sign_in_failed', details: { user_id: user.id, why: 'locked' } }, now)
    return { ok: false, reason: 'locked', lockedUntil: user.locked_until }
  }
  if (!(await checkPassword(user.password_hash, password))) {
    const failures = user.failed_signins + 1
    const lock = failures >= policy.attempts ? new Date(now.getTime() + policy.minutes * 60_000) : null
    await db
      .updateTable('users')
      .set({ failed_signins: lock ? 0 : failures, locked_until: lock })
      .where('id', '=', user.id)
      .execute()
    await audit(
      db,
      actor,
      { action: lock ? 'account_locked' : 'sign_in_failed', details: { user_id: user.id, failures } },
      now,
    )
    return lock ? { ok: false, reason: 'locked', lockedUntil: lock } : { ok: false, reason: 'wrong' }
  }
  await db.updateTable('users').set({ failed_signins: 0, locked_until: null }).where('id', '=', user.id).execute()
  await audit(
    db,
    { kind: 'user', userId: user.id, email: user.email, name: user.email, agency: user.agency_code, roles: [] },
    { action: 'sign_in' },
    now,
  )
  return { ok: true, userId: user.id }
}

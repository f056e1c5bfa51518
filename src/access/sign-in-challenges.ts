// The second step of signing in waiting to be done: a challenge made after a right password, kept
// only as its cookie's hash, with what is still to do (a code, or setting two-step sign-in up), where
// to go after, and the codes tried so far. Expired ones are cleared whenever a new one starts.
import { createHash } from 'node:crypto'
import type { Db } from '../db/database.ts'

const digest = (cookie: string) => createHash('sha256').update(cookie).digest('hex')

export interface NewChallenge {
  userId: number
  stage: 'code' | 'enrol'
  next: string
  address: string
}

/** Keeps a new challenge under its cookie's hash until `expiresAt`, clearing the expired ones first. */
export async function saveChallenge(
  db: Db,
  cookie: string,
  challenge: NewChallenge,
  at: Date,
  expiresAt: Date,
): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('expires_at', '<', at).execute()
  await db
    .insertInto('sign_in_challenges')
    .values({
      id: digest(cookie),
      user_id: challenge.userId,
      stage: challenge.stage,
      next: challenge.next,
      address: challenge.address,
      expires_at: expiresAt,
    })
    .execute()
}

/** The challenge this cookie stands for, with whose it is and whether their account is active. */
export async function challengeOfCookie(db: Db, cookie: string) {
  return db
    .selectFrom('sign_in_challenges as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.user_id', 'c.stage', 'c.next', 'c.tries', 'c.expires_at', 'u.email', 'u.active'])
    .where('c.id', '=', digest(cookie))
    .executeTakeFirst()
}

/** A challenge done with (the second step passed, or too many wrong codes). */
export async function endChallenge(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('id', '=', id).execute()
}

/** Counts a wrong code against the challenge. */
export async function recordChallengeTries(db: Db, id: string, tries: number): Promise<void> {
  await db.updateTable('sign_in_challenges').set({ tries }).where('id', '=', id).execute()
}

// Sessions stored in the database (so any number of app instances can run side by side): the
// cookie holds a random id, the database only its hash, so a copy of the table signs nobody in.
// A session ends at the earlier of its absolute end (sign-in + THREADLINE_SESSION_HOURS) and its
// user's last request + THREADLINE_SESSION_IDLE_MINUTES (issue 15). Each signed-in request is that
// activity; it is written at most once a minute, so a page's dozen requests make one write at most.
// A request that finds its session idle too long ends it, audits it, and the guards send the user to
// sign in with the reason (web/guards.ts); pages carry the end for the warning (public/session-timeout.js).
import fp from 'fastify-plugin'
import { createHash, randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../../db/database.ts'
import { now } from '../../config/clock.ts'
import { audit } from '../../audit/audit.ts'
import { actorOfUser, viewerOfUser, type SignedInUser } from '../request-context.ts'

export const SESSION_COOKIE = 'tl_session'
const digest = (id: string) => createHash('sha256').update(id).digest('hex')

export interface SessionOptions {
  db: Db
  secure: boolean
  hours: number
  /** The idle time-out (config.ts keeps it within the session's length). */
  idleMinutes: number
}

/** Activity newer than this is not written again (one write a minute at most per session). */
export const ACTIVITY_WRITE_MS = 60_000

/** Why a person was signed out, shown on the sign-in page and in the 401 of a form sent too late. */
export function timedOutMessage(idleMinutes: number): string {
  return `You were signed out after ${idleMinutes} minutes without activity, to protect the records. Sign in again.`
}

const minutes = (n: number) => n * 60_000

/** Whole seconds from now until `at` (none once it has passed): what the warning counts down. */
export function secondsUntil(at: Date): number {
  return Math.max(0, Math.floor((at.getTime() - now().getTime()) / 1000))
}

export default fp(async (app, opts: SessionOptions) => {
  app.decorateRequest('user', null)
  app.decorateRequest('sessionId', null)
  app.decorateRequest('viewer', null)
  app.decorateRequest('actor', null)
  app.decorateRequest('sessionTimes', null)
  app.decorateRequest('timedOutAfter', null)
  app.addHook('onRequest', async (request, reply) => {
    const id = request.cookies[SESSION_COOKIE]
    if (
      !id ||
      request.url.startsWith('/assets/') ||
      request.url.startsWith('/govuk/') ||
      request.url.startsWith('/moj/')
    )
      return
    const row = await opts.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .innerJoin('agencies as a', 'a.code', 'u.agency_code')
      .select([
        's.id as session_id',
        's.expires_at',
        's.last_active_at',
        'u.id',
        'u.email',
        'u.name',
        'u.agency_code',
        'a.name as agency_name',
        'u.roles',
        'u.job_title',
        'u.active',
        'u.is_demo',
      ])
      .where('s.id', '=', digest(id))
      .executeTakeFirst()
    const at = now()
    if (!row || !row.active || row.expires_at <= at) return
    const user: SignedInUser = {
      id: row.id,
      email: row.email,
      name: row.name,
      agency: row.agency_code,
      agencyName: row.agency_name,
      roles: row.roles,
      jobTitle: row.job_title,
      isDemo: row.is_demo,
    }
    if (row.last_active_at.getTime() + minutes(opts.idleMinutes) <= at.getTime())
      return timedOut(opts.db, reply, row.session_id, user, opts.idleMinutes, at)
    const lastActive = await recordActivity(opts.db, row.session_id, row.last_active_at, at)
    request.user = user
    request.sessionId = row.session_id
    request.viewer = viewerOfUser(user)
    request.actor = actorOfUser(user)
    request.sessionTimes = {
      endsAt: new Date(Math.min(row.expires_at.getTime(), lastActive.getTime() + minutes(opts.idleMinutes))),
      idleMinutes: opts.idleMinutes,
    }
  })
})

/** Writes the user's activity unless written less than a minute ago; says when it is now recorded. */
async function recordActivity(db: Db, sessionId: string, lastActive: Date, at: Date): Promise<Date> {
  if (at.getTime() - lastActive.getTime() < ACTIVITY_WRITE_MS) return lastActive
  await db
    .updateTable('sessions')
    .set({ last_active_at: at })
    .where('id', '=', sessionId)
    .where('last_active_at', '<', at)
    .execute()
  return at
}

/** The session was idle too long: it ends here (once, however many requests find it), and says so. */
async function timedOut(
  db: Db,
  reply: FastifyReply,
  sessionId: string,
  user: SignedInUser,
  idleMinutes: number,
  at: Date,
): Promise<void> {
  const ended = await db.deleteFrom('sessions').where('id', '=', sessionId).returning('id').execute()
  if (ended.length)
    await audit(db, actorOfUser(user), { action: 'session_timed_out', details: { idle_minutes: idleMinutes } }, at)
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
  reply.request.timedOutAfter = idleMinutes
}

/**
 * "Stay signed in" (the warning's button): the user's activity now, whenever it was last written;
 * the session's new end, or null when it has already ended.
 */
export async function keepAlive(db: Db, request: FastifyRequest): Promise<Date | null> {
  const times = request.sessionTimes
  if (!request.sessionId || !times) return null
  const at = now()
  await db.updateTable('sessions').set({ last_active_at: at }).where('id', '=', request.sessionId).execute()
  const row = await db
    .selectFrom('sessions')
    .select('expires_at')
    .where('id', '=', request.sessionId)
    .executeTakeFirst()
  if (!row) return null
  return new Date(Math.min(row.expires_at.getTime(), at.getTime() + minutes(times.idleMinutes)))
}

export async function startSession(
  db: Db,
  reply: FastifyReply,
  userId: number,
  options: { secure: boolean; hours: number; idleMinutes: number },
): Promise<void> {
  const id = randomBytes(32).toString('base64url')
  const at = now()
  const expires = new Date(at.getTime() + options.hours * 3600_000)
  await db
    .insertInto('sessions')
    .values({ id: digest(id), user_id: userId, data: JSON.stringify({}), expires_at: expires, last_active_at: at })
    .execute()
  // ended sessions are cleared as new ones start, so the table does not grow without end
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', at),
        eb('last_active_at', '<', new Date(at.getTime() - minutes(options.idleMinutes))),
      ]),
    )
    .execute()
  reply.setCookie(SESSION_COOKIE, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    maxAge: options.hours * 3600,
  })
}

export async function endSession(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.sessionId) await db.deleteFrom('sessions').where('id', '=', request.sessionId).execute()
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}

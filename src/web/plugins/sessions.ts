// Sessions stored in the database (so any number of app instances can run side by side): the
// cookie holds a random id, the database only its hash, so a copy of the table signs nobody in.
import fp from 'fastify-plugin'
import { createHash, randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../../db/database.ts'
import { now } from '../../config/clock.ts'
import { actorOfUser, viewerOfUser, type SignedInUser } from '../request-context.ts'

export const SESSION_COOKIE = 'tl_session'
const digest = (id: string) => createHash('sha256').update(id).digest('hex')

export interface SessionOptions {
  db: Db
  secure: boolean
  hours: number
}

export default fp(async (app, opts: SessionOptions) => {
  app.decorateRequest('user', null)
  app.decorateRequest('sessionId', null)
  app.decorateRequest('viewer', null)
  app.decorateRequest('actor', null)
  app.addHook('onRequest', async (request) => {
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
    if (!row || !row.active || row.expires_at <= now()) return
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
    request.user = user
    request.sessionId = row.session_id
    request.viewer = viewerOfUser(user)
    request.actor = actorOfUser(user)
  })
})

export async function startSession(
  db: Db,
  reply: FastifyReply,
  userId: number,
  options: { secure: boolean; hours: number },
): Promise<void> {
  const id = randomBytes(32).toString('base64url')
  const expires = new Date(now().getTime() + options.hours * 3600_000)
  await db
    .insertInto('sessions')
    .values({ id: digest(id), user_id: userId, data: JSON.stringify({}), expires_at: expires })
    .execute()
  // expired sessions are cleared as new ones start, so the table does not grow without end
  await db.deleteFrom('sessions').where('expires_at', '<', now()).execute()
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

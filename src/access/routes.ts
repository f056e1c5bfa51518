// Sign in and sign out.
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { now } from '../config/clock.ts'
import { signIn } from './sign-in.ts'
import { endSession, startSession } from '../web/plugins/sessions.ts'
import { audit } from '../audit/audit.ts'
import { formatLondon } from '../config/clock.ts'

const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?!\/)/.test(next) ? next : '/')

const routes: FastifyPluginAsync<AppDeps> = async (app, { database, config }) => {
  const db = database.db
  app.get('/sign-in', async (request, reply) => {
    if (request.user) return reply.redirect('/')
    const demoUsers = await db
      .selectFrom('users')
      .select(['email', 'name', 'roles', 'agency_code'])
      .where('is_demo', '=', true)
      .orderBy('agency_code')
      .orderBy('email')
      .execute()
    return reply.render('sign-in.njk', { next: safeNext((request.query as Record<string, string>).next), demoUsers })
  })

  app.post('/sign-in', { preHandler: app.csrfProtection }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>
    const next = safeNext(body.next)
    const errors: { text: string; href: string }[] = []
    if (!body.email?.trim()) errors.push({ text: 'Enter your email address', href: '#email' })
    if (!body.password) errors.push({ text: 'Enter your password', href: '#password' })
    if (errors.length === 0) {
      const result = await signIn(db, body.email, body.password, now(), {
        attempts: config.lockoutAttempts,
        minutes: config.lockoutMinutes,
      })
      if (result.ok) {
        await startSession(db, reply, result.userId, { secure: config.secureCookies, hours: config.sessionHours })
        return reply.redirect(next)
      }
      errors.push(
        result.reason === 'locked'
          ? {
              text: `This account is locked after too many failed attempts. Try again after ${formatLondon(result.lockedUntil!)?.slice(11, 16)}, or ask your administrator.`,
              href: '#email',
            }
          : { text: 'The email address or password is not right', href: '#email' },
      )
    }
    return reply.code(errors.length ? 400 : 200).render('sign-in.njk', { errors, email: body.email, next })
  })

  app.post('/sign-out', { preHandler: app.csrfProtection }, async (request, reply) => {
    if (request.actor) await audit(db, request.actor, { action: 'sign_out' }, now())
    await endSession(db, request, reply)
    return reply.redirect('/sign-in?signed_out=1')
  })
}

export default routes

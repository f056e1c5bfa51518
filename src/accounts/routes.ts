// Sign in and sign out. Sign-in requests are rate-limited per source address (@fastify/rate-limit,
// in this process); the lock-out that holds across processes and parallel guesses is sign-in.ts's.
// Someone who uses two-step sign-in goes on to mfa-routes.ts with a challenge, not a session.
// Single sign-on (sso-routes.ts), when set up, is the way in; a password then opens break-glass accounts only.
// A session that ended for want of activity comes back here told why (issue 15), and its warning's
// "Stay signed in" keeps it going (POST /session/keep-alive).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import type { Config } from '../config/config.ts'
import { now } from '../config/clock.ts'
import { signIn } from '../access/sign-in.ts'
import { demoUsers, passwordOpens, signInAccount } from '../access/users.ts'
import { endSession, keepAlive, secondsUntil, startSession, timedOutMessage } from '../web/plugins/sessions.ts'
import { audit } from '../audit/audit.ts'
import { safeNext } from '../access/next-path.ts'
import { lockMessage, rateLimited, sourceAddress } from './sign-in-web.ts'
import { mfaRequired } from '../access/mfa.ts'
import { startChallenge } from './mfa-routes.ts'
import { registerSsoRoutes } from './sso-routes.ts'

const routes: FastifyPluginAsync<AppDeps> = async (app, { database, config }) => {
  const db = database.db
  await rateLimited(app)
  const limited = { rateLimit: { max: config.signInRatePerMinute, timeWindow: 60_000 } }

  app.get('/sign-in', async (request, reply) => {
    const query = request.query as Record<string, string>
    // still signed in (the time-out warning of one tab, while another kept the session going): on
    if (request.user) return reply.redirect(safeNext(query.next))
    const demoAccounts = await demoUsers(db)
    return reply.render('sign-in.njk', {
      sso: config.sso ? { name: config.sso.name } : null,
      next: safeNext(query.next),
      demoUsers: demoAccounts,
      timedOut: query.timed_out ? timedOutMessage(config.sessionIdleMinutes) : null,
      ...(query.expired
        ? { errors: [{ text: 'Signing in took too long or was not finished: sign in again', href: '#email' }] }
        : {}),
    })
  })

  app.post('/sign-in', { preHandler: app.csrfProtection, config: limited }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>
    const next = safeNext(body.next)
    const errors: { text: string; href: string }[] = []
    if (typeof body.email !== 'string' || !body.email.trim())
      errors.push({ text: 'Enter your email address', href: '#email' })
    if (typeof body.password !== 'string' || !body.password)
      errors.push({ text: 'Enter your password', href: '#password' })
    if (errors.length === 0) {
      const result = await signIn(
        db,
        body.email,
        body.password,
        now(),
        {
          attempts: config.lockoutAttempts,
          minutes: config.lockoutMinutes,
          addressAttempts: config.addressLockoutAttempts,
        },
        { address: sourceAddress(request) },
      )
      if (result.ok) return passwordAccepted(db, config, request, reply, result.userId, next)
      errors.push(
        result.reason === 'wrong'
          ? { text: 'The email address or password is not right', href: '#email' }
          : { text: lockMessage(result), href: '#email' },
      )
    }
    return reply
      .code(400)
      .render('sign-in.njk', { errors, email: body.email, next, sso: config.sso ? { name: config.sso.name } : null })
  })

  registerSsoRoutes(app, db, config, limited)

  app.post('/sign-out', { preHandler: app.csrfProtection }, async (request, reply) => {
    if (request.actor) await audit(db, request.actor, { action: 'sign_out' }, now())
    await endSession(db, request, reply)
    return reply.redirect('/sign-in?signed_out=1')
  })

  // "Stay signed in", the time-out warning's button (web/public/session-timeout.js): activity now
  app.post('/session/keep-alive', { preHandler: app.csrfProtection }, async (request, reply) => {
    const endsAt = await keepAlive(db, request)
    if (!endsAt) return reply.code(401).send({ signedIn: false })
    return { signedIn: true, endsAt: endsAt.toISOString(), secondsLeft: secondsUntil(endsAt) }
  })
}

/** The password was right: single sign-on may still refuse it, a second step may be to come, else a session. */
async function passwordAccepted(
  db: Db,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: number,
  next: string,
) {
  // two-step sign-in: a code still to come, or to be set up first when it is required
  const user = await signInAccount(db, userId)
  // with single sign-on on, a password opens only the accounts kept for when the provider is down
  if (config.sso && !passwordOpens(user, true)) {
    await audit(
      db,
      { kind: 'system', name: `sign-in:${user.email}` },
      { action: 'sign_in_failed', details: { user_id: userId, why: 'single_sign_on_only' } },
      now(),
    )
    return reply.code(400).render('sign-in.njk', {
      sso: { name: config.sso.name },
      next,
      errors: [
        {
          text: `Sign in with ${config.sso.name}: passwords are kept for emergency (break-glass) accounts`,
          href: '#email',
        },
      ],
    })
  }
  if (config.sso)
    await audit(
      db,
      { kind: 'system', name: `sign-in:${user.email}` },
      { action: 'sign_in_break_glass', details: { user_id: userId } },
      now(),
    )
  const stage = user.mfa_enabled_at ? 'code' : mfaRequired(user, config) ? 'enrol' : null
  if (stage) {
    await startChallenge(
      db,
      reply,
      { userId, stage, next, address: sourceAddress(request) },
      { secure: config.secureCookies },
    )
    return reply.redirect(stage === 'code' ? '/sign-in/code' : '/sign-in/set-up')
  }
  await startSession(db, reply, userId, {
    secure: config.secureCookies,
    hours: config.sessionHours,
    idleMinutes: config.sessionIdleMinutes,
  })
  return reply.redirect(next)
}

export default routes

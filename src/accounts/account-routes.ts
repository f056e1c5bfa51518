// A person's own account: who they are signed in as, and changing their password (which ends their
// other sessions). Every change is audited.
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { actorOf, signedIn, userOf } from '../web/guards.ts'
import { now } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import { passwordOpensFor, setPassword, UserError } from '../access/users.ts'
import { notFound } from '../web/http-error.ts'
import { MIN_PASSWORD_LENGTH } from '../access/passwords.ts'
import { ROLE_LABELS, type Role } from '../vocabulary/roles.ts'

const routes: FastifyPluginAsync<AppDeps> = async (app, { database, config }) => {
  const db = database.db
  // someone who signs in through the identity provider has no password here to change
  const hasPassword = (userId: number) => passwordOpensFor(db, userId, config.sso !== null)
  const passwordOnly: preHandlerAsyncHookHandler = async (request) => {
    if (!(await hasPassword(userOf(request).id))) throw notFound()
  }

  app.get<{ Querystring: { changed?: string } }>('/account', { preHandler: signedIn }, async (request, reply) => {
    const user = userOf(request)
    return reply.render('account.njk', {
      roles: user.roles.map((r) => ROLE_LABELS[r as Role] ?? r),
      hasPassword: await hasPassword(user.id),
      changed: request.query.changed === 'password',
    })
  })

  app.get('/account/password', { preHandler: [signedIn, passwordOnly] }, async (_request, reply) =>
    reply.render('change-password.njk', { minimum: MIN_PASSWORD_LENGTH }),
  )

  app.post<{ Body: Record<string, string> }>(
    '/account/password',
    { preHandler: [signedIn, passwordOnly, app.csrfProtection] },
    async (request, reply) => {
      const b = request.body ?? {}
      const current = typeof b.current === 'string' ? b.current : ''
      const password = typeof b.password === 'string' ? b.password : ''
      const confirm = typeof b.confirm === 'string' ? b.confirm : ''
      const errors: { text: string; href: string }[] = []
      if (!current) errors.push({ text: 'Enter your current password', href: '#current' })
      if (!password) errors.push({ text: 'Enter a new password', href: '#password' })
      else if (password !== confirm)
        errors.push({ text: 'The two new passwords are not the same: type it again', href: '#confirm' })
      if (errors.length === 0) {
        try {
          await setPassword(db, userOf(request).email, password, { current, keepSession: request.sessionId })
          await audit(
            db,
            actorOf(request),
            { action: 'password_changed', details: { user_id: userOf(request).id } },
            now(),
          )
          return reply.redirect('/account?changed=password')
        } catch (error) {
          if (!(error instanceof UserError)) throw error
          const message = error.message.charAt(0).toUpperCase() + error.message.slice(1)
          errors.push({ text: message, href: /current/.test(error.message) ? '#current' : '#password' })
          if (/current/.test(error.message))
            await audit(
              db,
              actorOf(request),
              { action: 'password_change_failed', details: { user_id: userOf(request).id, why: 'current password' } },
              now(),
            )
        }
      }
      return reply.code(400).render('change-password.njk', { minimum: MIN_PASSWORD_LENGTH, errors })
    },
  )
}

export default routes

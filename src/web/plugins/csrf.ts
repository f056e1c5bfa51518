// CSRF protection on every form: a secret in a signed cookie, a token in each form (_csrf).
// The cookie-signing key is shared by every app instance (kept in the database).
import fp from 'fastify-plugin'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'

export default fp(async (app, opts: { secret: string; secure: boolean }) => {
  await app.register(cookie, { secret: opts.secret })
  await app.register(csrf, {
    cookieKey: 'tl_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: opts.secure },
    getToken: (req) =>
      (req.body as Record<string, string> | undefined)?._csrf ?? (req.headers['csrf-token'] as string | undefined),
  })
})

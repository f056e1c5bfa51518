// Single sign-on's two pages: /sign-in/sso sends the browser to the identity provider (with a cookie
// holding the sign-in's state, so that only the browser that began it can finish it), and the
// callback signs them in. Every refusal says why and what to do, and is audited.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Db } from '../db/database.ts'
import type { Config } from '../config/config.ts'
import { now } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import { startSession } from '../web/plugins/sessions.ts'
import { notFound } from '../web/http-error.ts'
import { safeNext } from '../access/next-path.ts'
import { sourceAddress } from './sign-in-web.ts'
import {
  accountFromClaims,
  beginSso,
  finishSso,
  registeredAgencies,
  SsoRefused,
  SsoUnavailable,
  SSO_CALLBACK,
  userForAccount,
} from '../access/sso.ts'
import type { SsoSettings } from '../config/sso-settings.ts'

const STATE_COOKIE = 'tl_sso'

export function registerSsoRoutes(
  app: FastifyInstance,
  db: Db,
  config: Config,
  limited: { rateLimit: { max: number; timeWindow: number } },
): void {
  const refuse = async (reply: FastifyReply, status: number, why: string, details: Record<string, unknown> = {}) => {
    await audit(
      db,
      { kind: 'system', name: 'sign-in:sso' },
      { action: 'sign_in_failed', details: { via: 'sso', why, ...details } },
      now(),
    )
    return reply.code(status).render('sign-in-sso-refused.njk', { why, name: config.sso?.name })
  }

  app.get('/sign-in/sso', { config: limited }, async (request, reply) => {
    const sso = config.sso
    if (!sso) throw notFound('Single sign-on is not set up here.')
    const next = safeNext((request.query as Record<string, string>).next)
    try {
      const { url, state } = await beginSso(db, sso, next, now())
      reply.setCookie(STATE_COOKIE, state, cookieOptions(config, sso))
      return reply.redirect(url)
    } catch (error) {
      if (error instanceof SsoUnavailable) return refuse(reply, 503, error.message)
      throw error
    }
  })

  app.get(SSO_CALLBACK, { config: limited }, async (request, reply) => {
    const sso = config.sso
    if (!sso) throw notFound('Single sign-on is not set up here.')
    const at = now()
    const browserState = request.cookies[STATE_COOKIE]
    reply.clearCookie(STATE_COOKIE, { path: SSO_CALLBACK })
    const address = sourceAddress(request)
    try {
      const { claims, next } = await finishSso(db, sso, new URL(request.url, sso.publicUrl), browserState, at)
      const mapped = accountFromClaims(claims, sso, await registeredAgencies(db))
      if (!mapped.ok) return await refuse(reply, 403, mapped.why, { subject: claims.sub ?? null, address })
      const user = await userForAccount(db, mapped.account)
      if (!user)
        return await refuse(reply, 403, 'your Threadline account is switched off: ask your administrator', {
          email: mapped.account.email,
          address,
        })
      await audit(
        db,
        { kind: 'system', name: `sign-in:${mapped.account.email}` },
        {
          action: 'sign_in',
          details: {
            user_id: user.id,
            via: 'sso',
            issuer: mapped.account.issuer,
            created: user.created,
            roles: mapped.account.roles,
            agency: mapped.account.agency,
            address,
          },
        },
        at,
      )
      await startSession(db, reply, user.id, {
        secure: config.secureCookies,
        hours: config.sessionHours,
        idleMinutes: config.sessionIdleMinutes,
      })
      return reply.redirect(next)
    } catch (error) {
      if (error instanceof SsoRefused) return refuse(reply, 400, error.message, { address })
      if (error instanceof SsoUnavailable) return refuse(reply, 503, error.message, { address })
      throw error
    }
  })
}

/** The state cookie goes back only to the callback, lax so that the provider's redirect carries it. */
function cookieOptions(config: Config, sso: SsoSettings) {
  return {
    path: SSO_CALLBACK,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.secureCookies || sso.publicUrl.protocol === 'https:',
    maxAge: 600,
  }
}

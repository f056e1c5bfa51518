// Route guards: who may call a route at all. What they may see inside it is access/visibility.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from './http-error.ts'
import type { Role } from '../vocabulary/roles.ts'
import type { SignedInUser } from '../access/signed-in-user.ts'
import type { Viewer } from '../access/visibility.ts'
import type { Actor } from '../audit/actor.ts'
import { timedOutMessage } from './plugins/sessions.ts'

const SESSION_ENDED = 'Your session has ended. Sign in again.'

/** The person signed in, in a route behind `signedIn` or `withRole` (else the session has ended). */
export function userOf(request: FastifyRequest): SignedInUser {
  if (!request.user) throw new HttpError(401, SESSION_ENDED)
  return request.user
}

/** Who is asking, person or agency system, in a route behind a guard. */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new HttpError(401, SESSION_ENDED)
  return request.viewer
}

/** Who the audit trail names for what this request does, in a route behind a guard. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new HttpError(401, SESSION_ENDED)
  return request.actor
}

/** Pages: a signed-in person, else off to sign in (and back here afterwards), told why when the
 *  session ended for want of activity. */
export async function signedIn(request: FastifyRequest, reply: FastifyReply) {
  if (request.user) return
  const idle = request.timedOutAfter
  if (request.method === 'GET')
    return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}${idle ? '&timed_out=1' : ''}`)
  throw new HttpError(401, idle ? timedOutMessage(idle) : SESSION_ENDED)
}

/** API: a token or a signed-in person. */
export async function authenticated(request: FastifyRequest) {
  if (!request.viewer) throw new HttpError(401, 'Send an API token (Authorization: Bearer TOKEN) or sign in.')
}

/** A person holding at least one of the roles. */
export const withRole =
  (...roles: Role[]) =>
  async (request: FastifyRequest, reply: FastifyReply) => {
    await signedIn(request, reply)
    if (reply.sent) return
    if (!userOf(request).roles.some((r) => (roles as string[]).includes(r)))
      throw new HttpError(403, 'Your role does not give you access to this page.')
  }

/**
 * API writes by a signed-in person (cookie session) need the CSRF token in a `csrf-token` header,
 * like forms; agency systems with a bearer token are not exposed to cross-site requests.
 */
export function sessionCsrf(app: FastifyInstance) {
  return (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    if (request.actor?.kind !== 'user') return done()
    app.csrfProtection(request, reply, done)
  }
}

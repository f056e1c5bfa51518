// What every request carries once the session or token plugin has run.
import type { Actor } from '../audit/actor.ts'
import type { Viewer } from '../access/visibility.ts'
import type { SignedInUser } from '../access/signed-in-user.ts'

export { viewerOfUser, actorOfUser, type SignedInUser } from '../access/signed-in-user.ts'

/** A signed-in session's times: when it ends (the warning counts down to it) and its idle time-out. */
export interface SessionTimes {
  endsAt: Date
  idleMinutes: number
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SignedInUser | null
    sessionId: string | null
    viewer: Viewer | null
    actor: Actor | null
    /** The signed-in session's end and idle time-out (web/plugins/sessions.ts), for the warning. */
    sessionTimes: SessionTimes | null
    /** This request found its session idle too long and ended it: after how many minutes. */
    timedOutAfter: number | null
  }
  interface FastifyReply {
    render(template: string, context?: Record<string, unknown>): FastifyReply
  }
}

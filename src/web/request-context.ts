// What every request carries once the session or token plugin has run.
import type { Actor } from '../audit/actor.ts'
import type { Viewer } from '../access/visibility.ts'
import type { SignedInUser } from '../access/signed-in-user.ts'

export { viewerOfUser, actorOfUser, type SignedInUser } from '../access/signed-in-user.ts'

declare module 'fastify' {
  interface FastifyRequest {
    user: SignedInUser | null
    sessionId: string | null
    viewer: Viewer | null
    actor: Actor | null
  }
  interface FastifyReply {
    render(template: string, context?: Record<string, unknown>): FastifyReply
  }
}

// What every request carries once the session or token plugin has run.
import type { Actor } from '../audit/actor.ts'
import type { Viewer } from '../access/visibility.ts'

export interface SignedInUser {
  id: number
  email: string
  name: string
  agency: string
  agencyName: string
  roles: string[]
  jobTitle: string | null
  isDemo: boolean
}

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

export function viewerOfUser(user: SignedInUser): Viewer {
  return { kind: 'user', userId: user.id, agency: user.agency, roles: user.roles }
}

export function actorOfUser(user: SignedInUser): Actor {
  return { kind: 'user', userId: user.id, email: user.email, name: user.name, agency: user.agency, roles: user.roles }
}

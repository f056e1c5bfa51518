// Who is asking for a link-analysis page: the signed-in user, the asker the access rules read (roles and
// the kind of their agency), and the viewer and actor they are for visibility and the audit trail.
import type { FastifyRequest } from 'fastify'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import type { Viewer } from '../access/visibility.ts'
import { userOf } from '../web/guards.ts'
import { actorOfUser, viewerOfUser, type SignedInUser } from '../web/request-context.ts'
import { askerOf, type Asker } from './access.ts'

export type UserActor = Actor & { kind: 'user' }

export interface Asking {
  user: SignedInUser
  asker: Asker
  viewer: Viewer
  actor: UserActor
}

export async function askingOf(db: Db, request: FastifyRequest): Promise<Asking> {
  const user = userOf(request)
  return { user, asker: await askerOf(db, user), viewer: viewerOfUser(user), actor: actorOfUser(user) as UserActor }
}

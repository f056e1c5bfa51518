// Who a signed-in person is, as every request and rule sees them, and the viewer and actor they are
// for the access rules and the audit trail.
import type { Actor } from '../audit/actor.ts'
import type { Viewer } from './visibility.ts'
import type { Role } from '../vocabulary/roles.ts'

export interface SignedInUser {
  id: number
  email: string
  name: string
  agency: string
  agencyName: string
  roles: readonly Role[]
  jobTitle: string | null
  isDemo: boolean
}

export function viewerOfUser(user: SignedInUser): Viewer {
  return { kind: 'user', userId: user.id, agency: user.agency, roles: user.roles }
}

export function actorOfUser(user: SignedInUser): Actor {
  return { kind: 'user', userId: user.id, email: user.email, name: user.name, agency: user.agency, roles: user.roles }
}

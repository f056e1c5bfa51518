// Who may see what of a person's record. Need to know by default: the MASH and the professionals
// allocated to a child see the multi-agency record; other practitioners and managers see their own
// agency's records and a signpost of the rest, and may open the whole record by giving a reason
// (an access grant, audited, for a limited time). Restricted content stays with its agency, and a
// confidential address with its agency and the MASH. Pure: the caller gathers the facts.
import { doesCasework, hasRole } from '../vocabulary/roles.ts'

export interface Viewer {
  kind: 'user' | 'token'
  userId?: number
  agency: string
  roles: readonly string[]
}

export type Reach =
  | { level: 'none' } // partnership and admin roles alone: no child's record
  | { level: 'signpost' } // own agency's records plus who else is involved
  | { level: 'full'; because: 'mash' | 'allocated' | 'access_grant'; until?: Date; audit?: number }

export interface ReachFacts {
  allocated: boolean
  /** expiry of an unexpired access grant the viewer holds for this person, if any */
  grantUntil?: Date | null
  /** the multi-agency case audit that grant was given for (an auditor's grant, audits/), if any */
  grantAudit?: number | null
}

export function reachOf(viewer: Viewer, facts: ReachFacts): Reach {
  if (viewer.kind === 'token') return { level: 'signpost' }
  if (!doesCasework(viewer.roles)) return { level: 'none' }
  if (hasRole(viewer.roles, 'mash')) return { level: 'full', because: 'mash' }
  if (facts.allocated) return { level: 'full', because: 'allocated' }
  if (facts.grantUntil)
    return {
      level: 'full',
      because: 'access_grant',
      until: facts.grantUntil,
      ...(facts.grantAudit ? { audit: facts.grantAudit } : {}),
    }
  return { level: 'signpost' }
}

/** May this viewer find people at all (search, signposts)? */
export const canFindPeople = (viewer: Viewer) => viewer.kind === 'token' || doesCasework(viewer.roles)

/** May this viewer open a record in full by giving a reason? (the MASH already sees it all) */
export const canAskForAccess = (viewer: Viewer, reach: Reach) =>
  viewer.kind === 'user' &&
  reach.level === 'signpost' &&
  (hasRole(viewer.roles, 'practitioner') || hasRole(viewer.roles, 'manager'))

/** Managers and the MASH allocate professionals to a child, and end allocations. */
export const canAllocate = (roles: readonly string[]) => hasRole(roles, 'manager') || hasRole(roles, 'mash')

/** Managers and the MASH see who has viewed a record. */
export const canSeeViewers = (viewer: Viewer, reach: Reach) =>
  reach.level !== 'none' && (hasRole(viewer.roles, 'manager') || hasRole(viewer.roles, 'mash'))

export type EventView =
  | 'full' // everything
  | 'restricted' // that it exists, its date, kind and agency, and whom to ask; not its content
  | 'hidden' // another agency's record outside the viewer's reach: counted in the signpost only

export function eventView(viewer: Viewer, reach: Reach, event: { agency: string; restricted: boolean }): EventView {
  if (reach.level === 'none') return 'hidden'
  const own = event.agency === viewer.agency
  if (own) return 'full'
  if (reach.level === 'signpost') return 'hidden'
  return event.restricted ? 'restricted' : 'full'
}

/** A confidential address (a refuge, a placement) is shown only to its agency and the MASH. */
export function addressVisible(
  viewer: Viewer,
  reach: Reach,
  record: { agency: string; confidential: boolean },
): boolean {
  if (reach.level === 'none') return false
  if (!record.confidential) return record.agency === viewer.agency || reach.level === 'full'
  return record.agency === viewer.agency || (viewer.kind === 'user' && hasRole(viewer.roles, 'mash'))
}

/** Another agency's person record, in full, only at full reach; its own agency always sees it. */
export const personRecordVisible = (viewer: Viewer, reach: Reach, record: { agency: string }) =>
  reach.level !== 'none' && (record.agency === viewer.agency || reach.level === 'full')

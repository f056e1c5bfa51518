// The person a page is about (after merges) and how far the one asking reaches into their record:
// the one rule every page about one child starts from (access/visibility.ts reachOf).
import type { Db } from '../db/database.ts'
import { reachOf, type Reach, type Viewer } from '../access/visibility.ts'
import { forbidden, notFound } from '../errors/domain-error.ts'
import { activeGrant, isAllocated, resolvePerson, summaries } from './people.ts'

export interface ChildInReach {
  id: number
  reach: Reach
  name: string
}

export async function childFor(db: Db, viewer: Viewer, requestedId: number, at: Date): Promise<ChildInReach> {
  if (!Number.isInteger(requestedId) || requestedId <= 0) throw notFound('There is no person with this reference.')
  const id = await resolvePerson(db, requestedId)
  if (id === null) throw notFound('There is no person with this reference.')
  const allocated = viewer.userId !== undefined ? await isAllocated(db, id, viewer.userId, at) : false
  const grant = viewer.userId !== undefined ? await activeGrant(db, id, viewer.userId, at) : null
  const reach = reachOf(viewer, { allocated, ...grant })
  if (reach.level === 'none') throw forbidden("Your role does not give you access to children's records.")
  const summary = (await summaries(db, [id], at)).get(id)
  if (!summary) throw notFound('There is no person with this reference.')
  return { id, reach, name: [summary.given_name, summary.family_name].filter(Boolean).join(' ') }
}

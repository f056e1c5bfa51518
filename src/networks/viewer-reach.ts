// How far a viewer reaches into each of many people's records, in two reads (allocations and access
// grants), so that a chart of hundreds of people applies the visibility rules to every link.
import { hasRole } from '../vocabulary/roles.ts'
import type { Db } from '../db/database.ts'
import { reachOf, type Reach, type Viewer } from '../access/visibility.ts'
import { linkVisible } from './access.ts'
import type { LinkFact } from './types.ts'

export async function reachesOf(db: Db, viewer: Viewer, ids: readonly number[], at: Date): Promise<Map<number, Reach>> {
  const out = new Map<number, Reach>()
  if (ids.length === 0) return out
  let allocated = new Set<number>()
  let grants = new Map<number, Date>()
  if (viewer.userId !== undefined && !hasRole(viewer.roles, 'mash')) {
    const [a, g] = await Promise.all([
      db
        .selectFrom('allocations')
        .select('entity_id')
        .where('user_id', '=', viewer.userId)
        .where('entity_id', 'in', [...ids])
        .where('starts_at', '<=', at)
        .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
        .execute(),
      db
        .selectFrom('access_grants')
        .select(['entity_id', 'expires_at'])
        .where('user_id', '=', viewer.userId)
        .where('entity_id', 'in', [...ids])
        .where('granted_at', '<=', at)
        .where('expires_at', '>', at)
        .execute(),
    ])
    allocated = new Set(a.map((r) => r.entity_id))
    grants = new Map(g.map((r) => [r.entity_id, r.expires_at]))
  }
  for (const id of ids)
    out.set(id, reachOf(viewer, { allocated: allocated.has(id), grantUntil: grants.get(id) ?? null }))
  return out
}

/** A link is readable when its event is (access.ts linkVisible, for many people's reaches at once). */
export function linkVisibility(viewer: Viewer, reaches: ReadonlyMap<number, Reach>): (f: LinkFact) => boolean {
  return (f) => linkVisible(viewer, reaches.get(Number(f.personEntityId)) ?? { level: 'signpost' as const }, f)
}

/** May the viewer see this child in full (to be named on a network page)? */
export const seesChild = (reach: Reach | undefined) => reach?.level === 'full'

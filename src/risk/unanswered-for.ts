// The unanswered list of one signed-in professional: the children allocated to them, and for managers
// every child their agency is involved with; the MASH sees every child. As known at `at`.
import { hasRole } from '../vocabulary/roles.ts'
import type { Db } from '../db/database.ts'
import type { SignedInUser } from '../web/request-context.ts'
import { assessArea } from './area.ts'
import { byUnanswered, maintainedUnanswered, unansweredEntries, type UnansweredListEntry } from './maintained-lists.ts'
import { riskSettings, type RiskSettings } from './settings.ts'

export interface UnansweredEntry extends UnansweredListEntry {
  /** Why this child is on this person's list. */
  because: 'allocated' | 'agency_involved' | 'mash'
}

/** The children this user is to watch (null: every child, for the MASH). */
export async function watchedChildren(
  db: Db,
  user: Pick<SignedInUser, 'id' | 'agency' | 'roles'>,
  at: Date,
): Promise<{ ids: number[] | null; allocated: Set<number> }> {
  const allocated = new Set(
    (
      await db
        .selectFrom('allocations')
        .select('entity_id')
        .where('user_id', '=', user.id)
        .where('starts_at', '<=', at)
        .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
        .execute()
    ).map((r) => r.entity_id),
  )
  if (hasRole(user.roles, 'mash')) return { ids: null, allocated }
  const ids = new Set(allocated)
  if (hasRole(user.roles, 'manager')) {
    for (const r of await db
      .selectFrom('entity_links')
      .select('entity_id')
      .where('agency_code', '=', user.agency)
      .distinct()
      .execute())
      ids.add(r.entity_id)
  }
  return { ids: [...ids], allocated }
}

/**
 * This user's unanswered list as known at `at`: read from the maintained list (maintained-lists.ts) when
 * `at` is `now`, else computed with the same rule for the whole area (or the children they watch).
 */
export async function unansweredFor(
  db: Db,
  user: Pick<SignedInUser, 'id' | 'agency' | 'roles'>,
  at: Date,
  settings: RiskSettings = riskSettings(),
  now?: Date,
): Promise<UnansweredEntry[]> {
  const { ids, allocated } = await watchedChildren(db, user, at)
  if (ids && ids.length === 0) return []
  const entries =
    (now && +at === +now ? await maintainedUnanswered(db, now, ids) : null) ??
    (await unansweredEntries(db, await assessArea(db, at, { ...(ids ? { ids } : {}), settings }), at)).sort(
      byUnanswered,
    )
  return entries.map((e) => ({
    ...e,
    because: allocated.has(e.childId)
      ? ('allocated' as const)
      : ids === null
        ? ('mash' as const)
        : ('agency_involved' as const),
  }))
}

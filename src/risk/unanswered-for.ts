// The unanswered list of one signed-in professional: the children allocated to them, and for managers
// every child their agency is involved with; the MASH sees every child. As known at `at`.
import { hasRole } from '../vocabulary/roles.ts'
import type { Db } from '../db/database.ts'
import { summaries } from '../people/people.ts'
import type { SignedInUser } from '../web/request-context.ts'
import { assessArea, type AssessedChild } from './area.ts'
import { riskSettings, type RiskSettings } from './settings.ts'
import { must } from '../errors/must.ts'
import type { UnansweredStory } from './wording.ts'

export interface UnansweredEntry {
  childId: number
  name: string
  dateOfBirth: string | null
  band: number
  bandLabel: string
  score: number
  unansweredSince: Date
  /** How pages word it: the band then, and what has happened since (wording.ts). */
  story: UnansweredStory
  trigger: 'band' | 'concerns'
  triggerStart: string
  concerns: number
  agencies: string[]
  /** Why this child is on this person's list. */
  because: 'allocated' | 'agency_involved' | 'mash'
  child: AssessedChild
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

export async function unansweredFor(
  db: Db,
  user: Pick<SignedInUser, 'id' | 'agency' | 'roles'>,
  at: Date,
  settings: RiskSettings = riskSettings(),
): Promise<UnansweredEntry[]> {
  const { ids, allocated } = await watchedChildren(db, user, at)
  if (ids && ids.length === 0) return []
  const assessed = (await assessArea(db, at, { ...(ids ? { ids } : {}), settings })).filter(
    (c) => c.risk.unanswered.status === 'unanswered',
  )
  const people = await summaries(
    db,
    assessed.map((c) => c.id),
    at,
  )
  return assessed
    .map((c) => {
      const p = people.get(c.id)
      const u = c.risk.unanswered
      const trigger = must(u.trigger, 'the trigger of an unanswered child')
      return {
        childId: c.id,
        name: [p?.given_name, p?.family_name].filter(Boolean).join(' ') || `Person ${c.id}`,
        dateOfBirth: c.dateOfBirth,
        band: c.risk.band,
        bandLabel: c.risk.bandLabel,
        score: c.risk.score.score,
        unansweredSince: must(u.unansweredSince, 'when an unanswered child became overdue'),
        story: must(c.risk.unansweredStory, 'the wording of an unanswered child'),
        trigger: trigger.kind,
        triggerStart: trigger.startDate,
        concerns: u.concerns.length,
        agencies: p?.agencies ?? [],
        because: allocated.has(c.id)
          ? ('allocated' as const)
          : ids === null
            ? ('mash' as const)
            : ('agency_involved' as const),
        child: c,
      }
    })
    .sort((a, b) => +a.unansweredSince - +b.unansweredSince || b.band - a.band || a.childId - b.childId)
}

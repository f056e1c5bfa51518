// What the missing-episode pages and panels read about one child for one viewer: the history from
// the versions they may see, names of the people named, whether the child is missing now, and
// who may see or keep the Philomena profile.
import type { Db } from '../db/database.ts'
import type { Viewer, Reach } from '../access/visibility.ts'
import { recordedEvents } from '../chronology/versions.ts'
import { summaries } from '../people/people.ts'
import type { MissingEpisode, RecordedEvent } from './types.ts'
import { missingSettings } from './settings.ts'
import { missingState } from './state.ts'
import { missingHistory, type PersonName } from './history.ts'
import { agencyKind, currentAssignments, profileOf, visibleVersions } from './store.ts'
import { mayEditProfile, mayViewProfile } from './access.ts'

/** Names of the people named in these versions, by `agency:source_id`. */
export async function personNames(
  db: Db,
  versions: readonly RecordedEvent[],
  at: Date,
): Promise<Map<string, PersonName>> {
  const refs = new Map<string, { agency: string; id: string }>()
  for (const v of versions)
    for (const i of v.event.involves)
      if (i.kind === 'person') refs.set(`${v.event.agency}:${i.person}`, { agency: v.event.agency, id: i.person })
  if (refs.size === 0) return new Map()
  const links = await db
    .selectFrom('entity_links')
    .select(['agency_code', 'source_id', 'entity_id'])
    .where((eb) =>
      eb.or([...refs.values()].map((r) => eb.and([eb('agency_code', '=', r.agency), eb('source_id', '=', r.id)]))),
    )
    .execute()
  const found = await summaries(db, [...new Set(links.map((l) => l.entity_id))], at)
  return new Map(
    links.map((l) => {
      const s = found.get(l.entity_id)
      return [
        `${l.agency_code}:${l.source_id}`,
        {
          entityId: l.entity_id,
          name: [s?.given_name, s?.family_name].filter(Boolean).join(' ') || `${l.agency_code}:${l.source_id}`,
        },
      ]
    }),
  )
}

/** Is the child missing now, on any agency's record (a fact the police are told, whoever recorded it)? */
export async function openEpisode(db: Db, childId: number, at: Date): Promise<MissingEpisode | null> {
  const versions = await recordedEvents(db, { kinds: ['missing_episode'], personIds: [childId], recordedBy: at })
  const state = missingState(versions, at, missingSettings())
  return state.episodes.find((e) => e.returnedAt === null || e.returnedAt.getTime() > at.getTime()) ?? null
}

export async function profileAccess(
  db: Db,
  user: { roles: readonly string[]; agency: string },
  reach: Reach,
  childId: number,
  at: Date,
) {
  const [profile, kind, open, holds] = await Promise.all([
    profileOf(db, childId),
    agencyKind(db, user.agency),
    openEpisode(db, childId, at),
    db
      .selectFrom('entity_links')
      .select('source_id')
      .where('entity_id', '=', childId)
      .where('agency_code', '=', user.agency)
      .executeTakeFirst(),
  ])
  const facts = {
    roles: user.roles,
    reach,
    viewerAgency: user.agency,
    viewerAgencyKind: kind,
    profileAgency: profile?.agency_code ?? null,
  }
  const mayView = mayViewProfile({ ...facts, openEpisode: open !== null })
  const mayEdit = mayEditProfile({ ...facts, agencyHoldsRecord: !!holds })
  return {
    profile,
    open,
    mayView,
    mayEdit,
    /** the profile page opens for those who may read it or keep it */
    mayOpen: mayView || mayEdit,
  }
}

export async function historyFor(db: Db, viewer: Viewer, reach: Reach, childId: number, at: Date) {
  const versions = await visibleVersions(db, viewer, reach, childId)
  const settings = missingSettings()
  const state = missingState(versions, at, settings)
  const names = await personNames(db, versions, at)
  const history = missingHistory(String(childId), state, versions, viewer.agency, names)
  const byEntity = new Map([...names.values()].map((n) => [String(n.entityId), n.name]))
  for (const r of history.pattern.peopleSeenMoreThanOnce)
    r.display = byEntity.get(r.key.replace(/^person:/, '')) ?? r.display
  const assignments = await currentAssignments(
    db,
    history.episodes.map((e) => e.episode.id),
  )
  return { history, settings, assignments, versions }
}

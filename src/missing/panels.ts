// The person page's missing sections: the child's missing history (order 50), and, while the child
// is missing, the plan for this episode and the Philomena profile at the top (order 10).
import { mayEditRecord } from '../access/record-author.ts'
import { CASEWORK_ROLES } from '../vocabulary/roles.ts'
import type { NavigationItem } from '../web/navigation.ts'
import { actorOfUser } from '../web/request-context.ts'
import { audit } from '../audit/audit.ts'
import type { PanelContext, PersonPanel } from '../people/panels.ts'
import { recordedEvents } from '../chronology/versions.ts'
import { nextEpisodePlan } from './history.ts'
import { agencyKind, pageAuthors } from './store.ts'
import { historyFor, profileAccess } from './page-data.ts'
import { areaAgencyOf } from './lists.ts'
import { interviewResponsibility } from './responsibility.ts'
import { mayRecordEpisode, mayRecordInterview, mayRecordStrategy, mayUpdateEpisodeReport } from './access.ts'
import { byValue, listView, type Query, type SortColumns } from '../web/list-view.ts'

interface EpisodeRow {
  episode: { startedAt: Date; returnedAt: Date | null }
}
const EPISODE_COLUMNS: SortColumns<EpisodeRow> = {
  missing: { compare: byValue((e) => e.episode.startedAt), natural: 'descending' },
  returned: { compare: byValue((e) => e.episode.returnedAt), natural: 'descending' },
}

/**
 * The page of a child's missing episodes a query asks for (`episodes-page`, `episodes-sort`), 25 a page: a
 * child with a long history can have hundreds. Unsorted, newest first (history.ts).
 */
export function episodeList<T extends EpisodeRow>(episodes: readonly T[], personId: number, q: Query) {
  return listView(episodes, q, { path: `/people/${personId}/missing`, columns: EPISODE_COLUMNS, prefix: 'episodes-' })
}

export const missingNavigation: NavigationItem[] = [
  { href: '/missing/interviews', text: 'Return interviews', roles: CASEWORK_ROLES, order: 40, section: 'missing' },
  {
    href: '/missing/figures',
    text: 'Missing figures',
    roles: ['manager', 'mash', 'partnership'],
    order: 41,
    section: 'missing',
  },
]

// The child's missing history on their page, above the chronology.
export const missingHistoryPanel: PersonPanel = {
  id: 'missing-history',
  page: 'missing',
  template: 'missing-panel.njk',
  order: 50,
  async load(ctx: PanelContext) {
    const { db, record, user, viewer, at } = ctx
    const { history, settings, assignments } = await historyFor(db, viewer, record.reach, record.person_id, at)
    const [kind, areaAgency, agencies, profile] = await Promise.all([
      agencyKind(db, user.agency),
      areaAgencyOf(db, settings),
      db.selectFrom('agencies').select(['code', 'name']).execute(),
      profileAccess(db, user, record.reach, record.person_id, ctx.now),
    ])
    const agencyName = new Map(agencies.map((a) => [a.code, a.name]))
    // who is responsible for each interview: the one rule the work lists use (responsibility.ts)
    const responsible = Object.fromEntries(
      history.episodes.flatMap((e) => {
        if (!e.interview) return []
        const r = interviewResponsibility(e.interview, {
          assignedAgency: assignments.get(e.episode.id)?.agency_code ?? null,
          areaAgency,
        })
        return [[e.episode.id, { ...r, name: agencyName.get(r.agency) ?? r.agency }]]
      }),
    )
    // what was written on a page is changed by its author or their manager (decision 0033)
    const interviewOf = (e: (typeof history.episodes)[number]) => e.interview?.interview?.source ?? null
    const authors = await pageAuthors(
      db,
      history.episodes.flatMap((e) => [e.ownReport, interviewOf(e)].filter((s): s is string => s !== null)),
    )
    const current = +at >= +ctx.now
    const changes = Object.fromEntries(
      history.episodes.map((e) => {
        const interview = interviewOf(e)
        return [
          e.episode.id,
          {
            report: e.ownReport !== null && mayUpdateEpisodeReport(user, e.ownReport, authors.get(e.ownReport)),
            interview: current && interview !== null && mayEditRecord(user, authors.get(interview)) ? interview : null,
          },
        ]
      }),
    )
    return {
      history,
      episodes: episodeList(history.episodes, record.person_id, ctx.query),
      settings,
      responsible,
      changes,
      assignments: Object.fromEntries(assignments),
      personId: record.person_id,
      canRecordEpisode: mayRecordEpisode(user.roles, kind),
      canRecordInterview: mayRecordInterview(user.roles),
      canRecordStrategy: mayRecordStrategy(user.roles),
      canOpenProfile: profile.mayOpen,
      now: ctx.now,
    }
  },
}

// While the child is missing: the Philomena profile and the plan for the next episode, at the top.
export const philomenaPanel: PersonPanel = {
  id: 'missing-philomena',
  // what needs doing now while the child is missing: on the summary, and on the missing page
  page: ['summary', 'missing'],
  template: 'missing-philomena-panel.njk',
  order: 10,
  async load(ctx: PanelContext) {
    const { db, record, user } = ctx
    const access = await profileAccess(db, user, record.reach, record.person_id, ctx.now)
    if (!access.open || !access.mayView) return null
    const versions = await recordedEvents(db, {
      kinds: ['strategy_discussion'],
      personIds: [record.person_id],
      recordedBy: ctx.now,
    })
    const plan = nextEpisodePlan(versions, String(record.person_id), ctx.now)
    await audit(
      db,
      actorOfUser(user),
      {
        action: 'view_philomena_profile',
        entityId: record.person_id,
        details: { via: 'person_page', open_episode: access.open.id, profile: !!access.profile },
      },
      ctx.now,
    )
    return { profile: access.profile ?? null, plan, open: access.open, personId: record.person_id }
  },
}

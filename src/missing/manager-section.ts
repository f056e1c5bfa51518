// The manager's morning page (/manager): overdue return interviews their agency is responsible for
// (responsibility.ts: assigned to one of its workers, or the area's default agency for them), and any
// assigned to someone in their team.
import type { ManagerSection } from '../working-together/manager-sections.ts'
import { interviewWork } from './lists.ts'
import { missingLists } from './maintained-lists.ts'
import { missingSettings } from './settings.ts'
import { summaries } from '../people/people.ts'
import { byText, byValue, listView, type Query, type SortColumns } from '../web/list-view.ts'

interface OverdueRow {
  childId: string | number
  name: string
  returnedAt: Date
  dueAt: Date
  assignedTo: string | null
}
const OVERDUE_COLUMNS: SortColumns<OverdueRow> = {
  child: { compare: byText((r) => r.name) },
  returned: { compare: byValue((r) => r.returnedAt) },
  due: { compare: byValue((r) => r.dueAt) },
  assigned: { compare: byText((r) => r.assignedTo) },
}

/** The page of the morning page's overdue interviews a query asks for (`interviews-sort`, `interviews-page`). */
export function overdueList<T extends OverdueRow>(rows: readonly T[], q: Query) {
  return listView(rows, q, { path: '/manager', columns: OVERDUE_COLUMNS, prefix: 'interviews-' })
}

export const overdueInterviewsSection: ManagerSection = {
  id: 'missing-overdue-interviews',
  template: 'missing-manager-overdue.njk',
  order: 20,
  async load({ db, user, team, now, query }) {
    const settings = missingSettings()
    const state = await missingLists(db, now, settings, now)
    const overdue = await interviewWork(
      db,
      state.interviews.filter((r) => r.status === 'overdue'),
      settings,
    )
    const mine = overdue.filter(
      (w) => w.responsible.agency === user.agency || (w.assigned !== null && team.includes(w.assigned.user_id)),
    )
    const childIds = [...new Set(mine.map((w) => Number(w.row.childId)))]
    const people = await summaries(db, childIds, now)
    const list = overdueList(
      mine.map(({ row: r, assigned }) => ({
        childId: r.childId,
        name: [people.get(Number(r.childId))?.given_name, people.get(Number(r.childId))?.family_name]
          .filter(Boolean)
          .join(' '),
        episodeSource: r.episodeSource,
        returnedAt: r.returnedAt,
        dueAt: r.interviewDueAt,
        assignedTo: assigned?.name ?? null,
      })),
      query,
    )
    return { dueHours: settings.dueHours, children: [...new Set(list.rows.map((r) => Number(r.childId)))], list }
  },
}

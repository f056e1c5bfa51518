// The return-interview work list (/missing/interviews): each agency's interviews, the ones it is
// responsible for (responsibility.ts, the one rule) or assigned to the person, due, overdue and done,
// with counts; the MASH sees every child's; repeat-missing alerts for the children allocated to the
// person (all of them for the MASH); who may record or assign each row (access.ts).
import { hasRole } from '../vocabulary/roles.ts'
import type { Db } from '../db/database.ts'
import type { SignedInUser } from '../web/request-context.ts'
import { allocatableUsers } from '../people/allocations.ts'
import { summaries } from '../people/people.ts'
import { missingSettings } from './settings.ts'
import { areaAgencyOf, interviewWork, type InterviewWork } from './lists.ts'
import { missingLists } from './maintained-lists.ts'
import { onWorkList } from './responsibility.ts'
import { agencyNames, allocatedChildren } from './store.ts'
import { byText, byValue, listView, type Query, type SortColumns } from '../web/list-view.ts'
import { mayAssign, mayAssignInterview, mayRecordListedInterview } from './access.ts'

export const FILTERS = ['outstanding', 'overdue', 'done', 'all'] as const
export type WorkListFilter = (typeof FILTERS)[number]
const DONE = ['done', 'done_late', 'declined', 'not_held']
const outstanding = (status: string) => status === 'due' || status === 'overdue'

/** Which rows to show: ?show=, or ?overdue=1 and ?all=1, the addresses the list had before ?show=. */
export function workListFilter(q: { show?: string; overdue?: string; all?: string }): WorkListFilter {
  if ((FILTERS as readonly string[]).includes(q.show ?? '')) return q.show as WorkListFilter
  return q.all ? 'all' : q.overdue ? 'overdue' : 'outstanding'
}

const shown = (filter: WorkListFilter, status: string) =>
  filter === 'all' ||
  (filter === 'overdue' && status === 'overdue') ||
  (filter === 'done' && DONE.includes(status)) ||
  (filter === 'outstanding' && outstanding(status))

const countsOf = (work: InterviewWork[]) => ({
  outstanding: work.filter((w) => outstanding(w.row.status)).length,
  overdue: work.filter((w) => w.row.status === 'overdue').length,
  done: work.filter((w) => DONE.includes(w.row.status)).length,
  all: work.length,
})

/** How many interviews the work list shows at a time. */
export const WORK_LIST_PAGE_SIZE = 25

interface ListedRow {
  row: InterviewWork['row']
  name: string
  responsible: { name: string }
}
const COLUMNS: SortColumns<ListedRow> = {
  child: { compare: byText((r) => r.name) },
  returned: { compare: byValue((r) => r.row.returnedAt), natural: 'descending' },
  due: { compare: byValue((r) => r.row.interviewDueAt) },
  status: { compare: byText((r) => r.row.status) },
  responsible: { compare: byText((r) => r.responsible.name) },
}

/** The work list as this person sees it now (`at`: the maintained lists), and the children it names (for the audit entry). */
export async function workListPage(db: Db, user: SignedInUser, filter: WorkListFilter, at: Date, query: Query = {}) {
  const settings = missingSettings()
  const state = await missingLists(db, at, settings, at)
  const work = (await interviewWork(db, state.interviews, settings)).filter((w) =>
    onWorkList(user, w.responsible, w.assigned?.user_id ?? null),
  )
  const rows = work
    .filter((w) => shown(filter, w.row.status))
    .sort((a, b) => a.row.interviewDueAt.getTime() - b.row.interviewDueAt.getTime())
  const allocated = hasRole(user.roles, 'mash') ? null : await allocatedChildren(db, user.id, at)
  const alerts = state.repeat.filter((r) => r.listed && (allocated === null || allocated.has(r.childId)))
  const named = [...new Set([...rows.map((w) => Number(w.row.childId)), ...alerts.map((r) => Number(r.childId))])]
  const [names, agencyName] = await Promise.all([summaries(db, named, at), agencyNames(db)])
  const nameOf = (id: string) => {
    const s = names.get(Number(id))
    return s ? [s.given_name, s.family_name].filter(Boolean).join(' ') : `Person ${id}`
  }
  const list = listView(
    rows.map((w) => ({
      row: w.row,
      name: nameOf(w.row.childId),
      assigned: w.assigned,
      responsible: { ...w.responsible, name: agencyName.get(w.responsible.agency) ?? w.responsible.agency },
      // those responsible for it may record it (the interview form lets them, responsibility.ts)
      canRecord: mayRecordListedInterview(user, w),
      canAssign: mayAssignInterview(user, w),
      hoursLeft: Math.round((w.row.interviewDueAt.getTime() - at.getTime()) / 3_600_000),
    })),
    { ...query, show: filter === 'outstanding' ? '' : filter },
    { path: '/missing/interviews', columns: COLUMNS, pageSize: WORK_LIST_PAGE_SIZE },
  )
  // the children this page names: the rows shown and the alerts
  const children = [
    ...new Set([...list.rows.map((r) => Number(r.row.childId)), ...alerts.map((r) => Number(r.childId))]),
  ]
  const page = {
    rows: list.rows,
    list,
    alerts: alerts.map((r) => ({ row: r, name: nameOf(r.childId) })),
    candidates: mayAssign(user.roles) ? await allocatableUsers(db, user) : [],
    filter,
    counts: countsOf(work),
    areaAgency: (await areaAgencyOf(db, settings)) ?? null,
    agencyName: Object.fromEntries(agencyName),
    settings,
    now: at,
  }
  return { page, children, alerts: alerts.length }
}

// The manager's morning page: their team's overdue actions, supervision due, challenges awaiting
// them, unqualified assignments, and caseload weighted by risk band (who is overloaded).
// A manager's team: the workers whose line manager they are, and their own agency's practitioners.
import { hasRole } from '../vocabulary/roles.ts'
import type { Db } from '../db/database.ts'
import type { SignedInUser } from '../web/request-context.ts'
import { summaries } from '../people/people.ts'
import { actionsAt } from './store-meetings.ts'
import { supervisionStatusAt } from './store-supervision.ts'
import { challengesAt, workFacts } from './store-challenges.ts'
import { challengeWork, workerKeys } from './stage-owner.ts'
import { childActionsPage, openChallengesPage } from './maintained-lists.ts'
import { assignmentsAt } from './store-competencies.ts'
import { professionals, type Professional } from './store-people.ts'
import { caseloadsAt } from './store-caseload.ts'
import { importedSupervisionStatusAt, trainingLapsesAt } from './store-staff.ts'
import { mayViewStaffRecords } from './access.ts'
import { byText, byValue, listView, pagedListView, type Query } from '../web/list-view.ts'

export function teamOf(manager: SignedInUser, people: Map<number, Professional>): Professional[] {
  return [...people.values()]
    .filter(
      (p) =>
        p.active &&
        p.id !== manager.id &&
        (p.managerId === manager.id || (p.agency === manager.agency && hasRole(p.roles, 'practitioner'))),
    )
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** How many rows each of the morning page's lists shows at a time, each paged and sorted on its own. */
export const MANAGER_PAGE_SIZE = 25

export async function managerPage(db: Db, manager: SignedInUser, now: Date, query: Query = {}) {
  const people = await professionals(db)
  const team = teamOf(manager, people)
  const ids = new Set(team.map((p) => p.id))
  // the staff records the manager's agency loaded (decision 0037): its own managers' alone
  const own = (agency: string) => mayViewStaffRecords(manager, agency)
  const [kept, supervision, assignments, caseloads, importedSupervision, lapses] = await Promise.all([
    keptManagerLists(db, manager, ids, now, query),
    supervisionStatusAt(db, now),
    assignmentsAt(db, now),
    caseloadsAt(db, now, manager.agency, { now }),
    importedSupervisionStatusAt(db, now, manager.agency),
    trainingLapsesAt(db, now, manager.agency),
  ])
  // the clock behind the maintained lists (a past THREADLINE_NOW): the area's challenges and actions computed
  const computed = kept ? null : await computedManagerLists(db, manager, ids, now)
  const overdueActions = kept?.actionList.rows ?? computed?.overdueActions ?? []
  const awaiting = kept?.awaitingList.rows ?? computed?.awaiting ?? []
  const supervisionDue = supervision.filter((s) => ids.has(s.worker.id) && s.due && s.due.status !== 'ok')
  const unqualified = assignments.filter(
    (a) => a.flagged && (ids.has(a.worker.id) || a.worker.agency === manager.agency),
  )
  // the team's caseloads, then the imported workers of the manager's agency
  const caseload = caseloads.filter((c) => (c.person ? ids.has(c.person.id) : own(c.agency)))
  const importedDue = importedSupervision.filter((s) => own(s.agency) && s.due && s.due.status !== 'ok')
  const trainingLapses = lapses.filter((l) => own(l.allocation.agency))
  const named = [
    ...new Set([
      ...overdueActions.map((a) => a.childId),
      ...supervisionDue.map((s) => s.childId),
      ...awaiting.map((c) => c.childId),
      ...unqualified.map((a) => a.childId),
      ...importedDue.map((s) => s.childId),
      ...trainingLapses.map((l) => l.childId),
    ]),
  ]
  const names = await summaries(db, named.map(Number), now)
  const nameOf = (id: string) => {
    const s = names.get(Number(id))
    return s ? `${s.given_name ?? ''} ${s.family_name ?? ''}`.trim() || `Child ${id}` : `Child ${id}`
  }
  const lists = managerLists({ awaiting, overdueActions, supervisionDue }, nameOf, query)
  const { supervisionList } = lists
  const awaitingList = kept?.awaitingList ?? lists.awaitingList
  const actionList = kept?.actionList ?? lists.actionList
  // the children this page names: the pages of its lists shown
  const children = [
    ...new Set([
      ...actionList.rows.map((a) => a.childId),
      ...supervisionList.rows.map((s) => s.childId),
      ...awaitingList.rows.map((c) => c.childId),
      ...unqualified.map((a) => a.childId),
      ...importedDue.map((s) => s.childId),
      ...trainingLapses.map((l) => l.childId),
    ]),
  ]
  const rows = { overdueActions: actionList.rows, supervisionDue: supervisionList.rows, awaiting: awaitingList.rows }
  return {
    team,
    ...rows,
    actionList,
    supervisionList,
    awaitingList,
    unqualified,
    caseload,
    importedDue,
    trainingLapses,
    children,
    nameOf,
  }
}

/** The morning page's three lists, each sorted and paged by its own part of the query string. */
function managerLists<
  C extends { childId: string; state: { stage: number; stageDueAt: Date | null } },
  A extends { childId: string; title: string; owner: { name: string }; dueDate: string },
  S extends { childId: string; worker: { name: string }; lastAt: Date | null; due: { dueDay: string } | null },
>(
  { awaiting, overdueActions, supervisionDue }: { awaiting: C[]; overdueActions: A[]; supervisionDue: S[] },
  nameOf: (id: string) => string,
  query: Query,
) {
  const child = byText<{ childId: string }>((x) => nameOf(x.childId))
  const list = { path: '/manager', pageSize: MANAGER_PAGE_SIZE }
  const awaitingList = listView(awaiting, query, {
    ...list,
    prefix: 'challenges-',
    columns: {
      child: { compare: child },
      stage: { compare: byValue((c) => c.state.stage), natural: 'descending' },
      deadline: { compare: byValue((c) => c.state.stageDueAt) },
    },
  })
  const actionList = listView(overdueActions, query, {
    ...list,
    prefix: 'actions-',
    columns: {
      child: { compare: child },
      action: { compare: byText((a) => a.title) },
      owner: { compare: byText((a) => a.owner.name) },
      due: { compare: byText((a) => a.dueDate) },
    },
  })
  const supervisionList = listView(supervisionDue, query, {
    ...list,
    prefix: 'supervision-',
    columns: {
      child: { compare: child },
      worker: { compare: byText((s) => s.worker.name) },
      last: { compare: byValue((s) => s.lastAt) },
      due: { compare: byText((s) => s.due?.dueDay) },
    },
  })
  return { awaitingList, actionList, supervisionList }
}

const ACTION_COLUMNS = { child: {}, action: {}, owner: {}, due: {} }
const CHALLENGE_COLUMNS = { child: {}, stage: { natural: 'descending' as const }, deadline: {} }

/** The team's overdue actions and the challenges awaiting the manager now, a page of each read from the maintained lists (decision 0062); null when the clock is behind them. */
async function keptManagerLists(db: Db, manager: SignedInUser, team: Set<number>, now: Date, query: Query) {
  const list = { path: '/manager', pageSize: MANAGER_PAGE_SIZE }
  // theirs as owner or chair, or their team's as owner (the computed path's rule below)
  const actionKeys = [...[...team, manager.id].map((id) => `owner:${id}`), `chair:${manager.id}`]
  let behind = false
  const none = { rows: [], total: 0 }
  const actionList = await pagedListView(
    query,
    { ...list, prefix: 'actions-', columns: ACTION_COLUMNS },
    async (asked) => {
      const page = await childActionsPage(db, now, { ...asked, keys: actionKeys, overdue: true })
      behind ||= page === null
      return page ?? none
    },
  )
  const awaitingList = await pagedListView(
    query,
    { ...list, prefix: 'challenges-', columns: CHALLENGE_COLUMNS },
    async (asked) => {
      const page = await openChallengesPage(db, now, { ...asked, keys: workerKeys(manager, false) })
      behind ||= page === null
      return {
        rows: (page?.rows ?? []).map((c) => ({ ...c, work: challengeWork(manager, workFacts(c)) })),
        total: page?.total ?? 0,
      }
    },
  )
  return behind ? null : { actionList, awaitingList }
}

/** The same two lists computed for the area at `now` (the clock behind the maintained lists). */
async function computedManagerLists(db: Db, manager: SignedInUser, ids: Set<number>, now: Date) {
  const [actions, challenges] = await Promise.all([actionsAt(db, now), challengesAt(db, now)])
  const overdueActions = actions.filter(
    (a) => a.status === 'overdue' && (ids.has(a.owner.id) || a.owner.id === manager.id || a.chairId === manager.id),
  )
  // a challenge awaits a manager when they own its stage, when it is against their agency (from the
  // moment it is raised), or when their agency raised it and it is with managers or senior officers
  const awaiting = challenges
    .map((c) => ({ ...c, work: challengeWork(manager, workFacts(c)) }))
    .filter((c) => c.work !== null && c.work !== 'raised')
  return { overdueActions, awaiting }
}

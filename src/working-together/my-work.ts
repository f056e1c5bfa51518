// A worker's own page ("My work"): the decisions put to their agency about the children they are
// allocated to ("Do you agree with this decision?"), their open actions (as owner or chair), the
// challenges that are theirs or their agency's to work (stage-owner.ts, as on the morning page),
// their supervision and their open assignments; and the children it names.
import type { Db } from '../db/database.ts'
import type { SignedInUser } from '../web/request-context.ts'
import { summaries } from '../people/people.ts'
import { actionsAt } from './store-meetings.ts'
import { supervisionStatusAt } from './store-supervision.ts'
import { challengesAt, workFacts } from './store-challenges.ts'
import { challengeWork, workerKeys } from './stage-owner.ts'
import { childActionsPage, childName, openChallengesPage } from './maintained-lists.ts'
import { assignmentsAt } from './store-competencies.ts'
import { decisionsAt } from './store-decisions.ts'
import { activeAllocation, allocationFacts } from './store-people.ts'
import { byText, byValue, listView, pagedListView, type Query } from '../web/list-view.ts'

/** How many actions and challenges My work lists at a time, each list paged and sorted on its own. */
export const MY_WORK_PAGE_SIZE = 25

type Named = { childId: string }
const byChild = <T extends Named>(nameOf: (id: string) => string) => byText<T>((x) => nameOf(x.childId))

export async function myWorkPage(db: Db, user: SignedInUser, at: Date, query: Query = {}) {
  const me = user.id
  const [kept, supervision, assignments, allocations] = await Promise.all([
    keptMyWork(db, user, at, query),
    supervisionStatusAt(db, at),
    assignmentsAt(db, at),
    allocationFacts(db),
  ])
  // decisions put to my agency ("Do you agree with this decision?") about the children I am allocated to
  const myChildren = [
    ...new Set(allocations.filter((a) => a.userId === me && activeAllocation(a, at)).map((a) => Number(a.childId))),
  ]
  // the clock behind the maintained lists (a past THREADLINE_NOW): the area's actions and challenges computed
  const computed = kept ? null : await computedMyWork(db, user, at)
  const theirChallenges = computed?.all ?? (await challengesAt(db, at, { childIds: myChildren }))
  const prompted = (await decisionsAt(db, at, myChildren)).filter(
    (d) =>
      d.prompt.promptAgencies.includes(user.agency) &&
      !theirChallenges.some((c) => c.decisionId === d.id && c.challenge.raisedByAgency === user.agency),
  )
  const mine = {
    prompted,
    actions: kept?.actionList.rows ?? computed?.actions ?? [],
    challenges: kept?.challengeList.rows ?? computed?.challenges ?? [],
    supervision: supervision.filter((s) => s.worker.id === me),
    assignments: assignments.filter((a) => a.worker.id === me && a.open),
  }
  const named = [
    ...new Set(
      [...mine.actions, ...mine.challenges, ...mine.supervision, ...mine.assignments]
        .map((x) => Number(x.childId))
        .concat(prompted.map((d) => Number(d.decision.childId))),
    ),
  ]
  const names = await summaries(db, named, at)
  const nameOf = (id: string) => childName(names.get(Number(id)), id)
  const actionList =
    kept?.actionList ??
    listView(mine.actions, query, {
      path: '/my-work',
      prefix: 'actions-',
      pageSize: MY_WORK_PAGE_SIZE,
      columns: {
        child: { compare: byChild(nameOf) },
        action: { compare: byText((a) => a.title) },
        due: { compare: byText((a) => a.dueDate) },
        status: { compare: byText((a) => a.status) },
      },
    })
  const challengeList =
    kept?.challengeList ??
    listView(mine.challenges, query, {
      path: '/my-work',
      prefix: 'challenges-',
      pageSize: MY_WORK_PAGE_SIZE,
      columns: CHALLENGE_COLUMNS(nameOf),
    })
  // the children this page names: the pages of actions and challenges shown, and the rest in full
  const children = [
    ...new Set(
      [...actionList.rows, ...challengeList.rows, ...mine.supervision, ...mine.assignments]
        .map((x) => Number(x.childId))
        .concat(prompted.map((d) => Number(d.decision.childId))),
    ),
  ]
  return {
    mine: { ...mine, actions: actionList.rows, challenges: challengeList.rows, actionList, challengeList },
    children,
    nameOf,
    me,
  }
}

const CHALLENGE_COLUMNS = <T extends { childId: string; state: { stage: number; stageDueAt: Date | null } }>(
  nameOf: (id: string) => string,
) => ({
  child: { compare: byChild<T>(nameOf) },
  stage: { compare: byValue<T>((c) => c.state.stage), natural: 'descending' as const },
  deadline: { compare: byValue<T>((c) => c.state.stageDueAt) },
})

/** My open actions (as owner or chair) and the challenges that are my work now, a page of each read from the maintained lists (decision 0062); null when the clock is behind them. */
async function keptMyWork(db: Db, user: SignedInUser, at: Date, query: Query) {
  const list = { path: '/my-work', pageSize: MY_WORK_PAGE_SIZE }
  let behind = false
  const actionList = await pagedListView(
    query,
    { ...list, prefix: 'actions-', columns: { child: {}, action: {}, due: {}, status: {} } },
    async (asked) => {
      const sort = asked.sort === 'status' ? 'overdue' : asked.sort
      const page = await childActionsPage(db, at, { ...asked, sort, keys: [`owner:${user.id}`, `chair:${user.id}`] })
      behind ||= page === null
      return page ?? { rows: [], total: 0 }
    },
  )
  const challengeList = await pagedListView(
    query,
    { ...list, prefix: 'challenges-', columns: { child: {}, stage: { natural: 'descending' }, deadline: {} } },
    async (asked) => {
      const page = await openChallengesPage(db, at, { ...asked, keys: workerKeys(user) })
      behind ||= page === null
      return {
        rows: (page?.rows ?? []).map((c) => ({ ...c, work: challengeWork(user, workFacts(c)) })),
        total: page?.total ?? 0,
      }
    },
  )
  return behind ? null : { actionList, challengeList }
}

/** The same computed for the area at `at` (the clock behind the maintained lists), with every challenge. */
async function computedMyWork(db: Db, user: SignedInUser, at: Date) {
  const [actions, all] = await Promise.all([actionsAt(db, at), challengesAt(db, at)])
  return {
    all,
    actions: actions.filter((a) => (a.owner.id === user.id || a.chairId === user.id) && a.status !== 'done'),
    // the one rule of whose work a challenge is (stage-owner.ts), as on the morning page
    challenges: all.map((c) => ({ ...c, work: challengeWork(user, workFacts(c)) })).filter((c) => c.work !== null),
  }
}

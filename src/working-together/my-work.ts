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
import { challengeWork } from './stage-owner.ts'
import { assignmentsAt } from './store-competencies.ts'
import { decisionsAt } from './store-decisions.ts'
import { activeAllocation, allocationFacts } from './store-people.ts'
import { byText, byValue, listView, type Query } from '../web/list-view.ts'

/** How many actions and challenges My work lists at a time, each list paged and sorted on its own. */
export const MY_WORK_PAGE_SIZE = 25

type Named = { childId: string }
const byChild = <T extends Named>(nameOf: (id: string) => string) => byText<T>((x) => nameOf(x.childId))

export async function myWorkPage(db: Db, user: SignedInUser, at: Date, query: Query = {}) {
  const me = user.id
  const [actions, challenges, supervision, assignments, allocations] = await Promise.all([
    actionsAt(db, at),
    challengesAt(db, at),
    supervisionStatusAt(db, at),
    assignmentsAt(db, at),
    allocationFacts(db),
  ])
  // decisions put to my agency ("Do you agree with this decision?") about the children I am allocated to
  const myChildren = [
    ...new Set(allocations.filter((a) => a.userId === me && activeAllocation(a, at)).map((a) => Number(a.childId))),
  ]
  const prompted = (await decisionsAt(db, at, myChildren)).filter(
    (d) =>
      d.prompt.promptAgencies.includes(user.agency) &&
      !challenges.some((c) => c.decisionId === d.id && c.challenge.raisedByAgency === user.agency),
  )
  const mine = {
    prompted,
    actions: actions.filter((a) => (a.owner.id === me || a.chairId === me) && a.status !== 'done'),
    // the one rule of whose work a challenge is (stage-owner.ts), as on the morning page
    challenges: challenges
      .map((c) => ({ ...c, work: challengeWork(user, workFacts(c)) }))
      .filter((c) => c.work !== null),
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
  const nameOf = (id: string) => {
    const s = names.get(Number(id))
    return s ? `${s.given_name ?? ''} ${s.family_name ?? ''}`.trim() || `Child ${id}` : `Child ${id}`
  }
  const actionList = listView(mine.actions, query, {
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
  const challengeList = listView(mine.challenges, query, {
    path: '/my-work',
    prefix: 'challenges-',
    pageSize: MY_WORK_PAGE_SIZE,
    columns: {
      child: { compare: byChild(nameOf) },
      stage: { compare: byValue((c) => c.state.stage), natural: 'descending' },
      deadline: { compare: byValue((c) => c.state.stageDueAt) },
    },
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

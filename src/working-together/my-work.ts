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

export async function myWorkPage(db: Db, user: SignedInUser, at: Date) {
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
  const children = [
    ...new Set(
      [...mine.actions, ...mine.challenges, ...mine.supervision, ...mine.assignments]
        .map((x) => Number(x.childId))
        .concat(prompted.map((d) => Number(d.decision.childId))),
    ),
  ]
  const names = await summaries(db, children, at)
  const nameOf = (id: string) => {
    const s = names.get(Number(id))
    return s ? `${s.given_name ?? ''} ${s.family_name ?? ''}`.trim() || `Child ${id}` : `Child ${id}`
  }
  return { mine, children, nameOf, me }
}

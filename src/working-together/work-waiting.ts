// What the working-together record owes about a child now (people/work-waiting.ts): each open
// challenge, with the stage's owner and deadline, and each overdue action, with its owner; exactly
// those the child's working-together page shows this viewer (panel.ts's rules: openChallengesSeen,
// overdueActionsSeen). It loads only what those need: meetings and supervision notes only when an
// action is overdue, to know whether the viewer sees where it came from.
import type { WorkWaiting, WorkWaitingSource } from '../people/work-waiting.ts'
import { agencyNames } from '../agencies/agencies.ts'
import { challengesAt } from './store-challenges.ts'
import { actionsAt, meetingsAt } from './store-meetings.ts'
import { supervisionsAt } from './store-supervision.ts'
import { professionals } from './store-people.ts'
import { openChallengesSeen, overdueActionsSeen, parentViews } from './panel.ts'

export const workingTogetherWaiting: WorkWaitingSource = {
  id: 'working-together',
  async load(ctx) {
    const { db, record, viewer, at } = ctx
    if (record.reach.level === 'none') return []
    const id = record.person_id
    const [challenges, actions] = await Promise.all([
      challengesAt(db, at, { childIds: [id] }),
      actionsAt(db, at, { childIds: [id] }),
    ])
    const open = openChallengesSeen(viewer, record.reach, challenges)
    let overdue = actions.filter((a) => a.status === 'overdue')
    if (overdue.length) {
      const [meetings, notes, people] = await Promise.all([
        meetingsAt(db, at, { childIds: [id] }),
        supervisionsAt(db, at, [id]),
        professionals(db),
      ])
      overdue = overdueActionsSeen(
        viewer,
        record.reach,
        overdue,
        parentViews(viewer, record.reach, meetings, notes, people).parentOf,
      )
    }
    if (!open.length && !overdue.length) return []
    const names = await agencyNames(db)
    const href = `/people/${id}/working-together`
    return [
      ...open.map((c): WorkWaiting => ({
        who: c.ownerName,
        what: `answer the challenge raised by ${names.get(c.challenge.raisedByAgency) ?? c.challenge.raisedByAgency} (stage ${c.state.stage}: ${c.state.stageLabel})`,
        dueAt: c.state.stageDueAt,
        overdue: c.state.overdue,
        href,
      })),
      ...overdue.map((a): WorkWaiting => ({
        who: a.owner.name,
        what: `do the agreed action "${a.title}"`,
        dueAt: a.dueAt,
        overdue: true,
        href,
      })),
    ]
  },
}

// What the working-together record owes about a child now (people/work-waiting.ts): each open
// challenge, with the stage's owner and deadline, and each overdue action, with its owner; exactly
// those the child's working-together page shows this viewer (the panel's one visibility rule).
import type { WorkWaiting, WorkWaitingSource } from '../people/work-waiting.ts'
import { agencyNames } from '../agencies/agencies.ts'
import { loadWorkingTogetherPanel } from './panel.ts'

export const workingTogetherWaiting: WorkWaitingSource = {
  id: 'working-together',
  async load(ctx) {
    const shown = await loadWorkingTogetherPanel(ctx)
    if (!shown) return []
    const names = await agencyNames(ctx.db)
    const href = `/people/${ctx.record.person_id}/working-together`
    const challenges = shown.challenges.map((c): WorkWaiting => ({
      who: c.ownerName,
      what: `answer the challenge raised by ${names.get(c.challenge.raisedByAgency) ?? c.challenge.raisedByAgency} (stage ${c.state.stage}: ${c.state.stageLabel})`,
      dueAt: c.state.stageDueAt,
      overdue: c.state.overdue,
      href,
    }))
    const actions = shown.overdueActions.map((a): WorkWaiting => ({
      who: a.owner.name,
      what: `do the agreed action "${a.title}"`,
      dueAt: a.dueAt,
      overdue: true,
      href,
    }))
    return [...challenges, ...actions]
  },
}

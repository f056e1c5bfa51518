// The manager's morning page (/manager): their agency's overdue actions, from reviews' and
// self-assessments' plans alike. An overdue action is escalated to the agency's lead (escalation.ts):
// the lead sees it marked as theirs to chase. Nothing shown when none is overdue.
import type { ManagerSection } from '../working-together/manager-sections.ts'
import { agencyNames } from '../agencies/agencies.ts'
import { isOverdue } from './actions.ts'
import { agencyLeads } from './escalation.ts'
import { actionView } from './pages.ts'
import { planActions } from './store-actions.ts'

export const reviewActionsSection: ManagerSection = {
  id: 'reviews-overdue-actions',
  template: 'reviews-manager-overdue.njk',
  order: 40,
  async load({ db, user, now }) {
    const overdue = (await planActions(db, { agency: user.agency })).filter((a) => isOverdue(a, now))
    if (overdue.length === 0) return null
    const lead = (await agencyLeads(db, [user.agency], await agencyNames(db))).get(user.agency)
    return {
      actions: overdue.map((a) => actionView(a, now, lead?.name ?? null)),
      youAreLead: lead?.id === user.id,
      lead: lead?.name ?? '',
    }
  },
}

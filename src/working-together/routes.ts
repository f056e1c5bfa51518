// Pages for working together, one plugin per page group: decisions and challenges
// (decision-routes.ts), meetings and actions (meeting-routes.ts), supervision, competencies and
// assignments (supervision-routes.ts), a worker's own page and the manager's morning page
// (my-work-routes.ts), and the partnership's challenge figures (partnership-routes.ts). Who may see
// and do each is access.ts, on top of the one child-access check (pages.ts, people/child-in-reach.ts).
import { CASEWORK_ROLES } from '../vocabulary/roles.ts'
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { PersonPanel } from '../people/panels.ts'
import type { NavigationItem } from '../web/navigation.ts'
import { loadWorkingTogetherPanel } from './panel.ts'
import decisionRoutes from './decision-routes.ts'
import meetingRoutes from './meeting-routes.ts'
import supervisionRoutes from './supervision-routes.ts'
import myWorkRoutes from './my-work-routes.ts'
import partnershipRoutes from './partnership-routes.ts'
import editRoutes from './edit-routes.ts'

export const workingTogetherPanel: PersonPanel = {
  id: 'working-together',
  page: 'working-together',
  template: 'wt-panel.njk',
  order: 60,
  load: loadWorkingTogetherPanel,
}
export const workingTogetherNavigation: NavigationItem[] = [
  { href: '/my-work', text: 'My work', roles: CASEWORK_ROLES, order: 50, section: 'working-together' },
  { href: '/manager', text: 'Morning page', roles: ['manager'], order: 51, section: 'working-together' },
  { href: '/competencies', text: 'Competencies', roles: ['manager'], order: 52, section: 'working-together' },
  {
    href: '/partnership/challenges',
    text: 'Challenges',
    roles: ['partnership', 'manager'],
    order: 53,
    section: 'partnership',
  },
]

const PAGE_GROUPS: FastifyPluginAsync<AppDeps>[] = [
  decisionRoutes,
  meetingRoutes,
  supervisionRoutes,
  myWorkRoutes,
  partnershipRoutes,
  editRoutes,
]

const routes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  for (const group of PAGE_GROUPS) await app.register(group, deps)
}

export default routes

// The learning reviews' pages, and where they stand in the navigation (the partnership's section).
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { NavigationItem } from '../web/navigation.ts'
import { REVIEW_ROLES } from './access.ts'
import reviewRoutes from './review-routes.ts'
import selfAssessmentRoutes from './self-assessment-routes.ts'

export const reviewsNavigation: NavigationItem[] = [
  { href: '/reviews', text: 'Learning reviews', roles: REVIEW_ROLES, order: 54, section: 'partnership' },
  { href: '/self-assessments', text: 'Self-assessments', roles: REVIEW_ROLES, order: 56, section: 'partnership' },
]

const routes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  await app.register(reviewRoutes, deps)
  await app.register(selfAssessmentRoutes, deps)
}

export default routes

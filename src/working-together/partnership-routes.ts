// The partnership's challenge figures (/partnership/challenges: partnership-report.ts): stages,
// owners and deadlines of every challenge, never a child.
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { now } from '../config/clock.ts'
import { withRole } from '../web/guards.ts'
import { partnershipReport } from './partnership-report.ts'
import { viewed } from './pages.ts'

const partnershipRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db

  app.get('/partnership/challenges', { preHandler: withRole('partnership', 'manager') }, async (request, reply) => {
    const at = now()
    const report = await partnershipReport(db, at)
    await viewed(db, request, 'view_partnership_report', null, { report: 'challenges' }, at)
    return reply.render('wt-partnership.njk', { report, at })
  })
}

export default partnershipRoutes

// A worker's own page (/my-work: my-work.ts) and the manager's morning page (/manager: manager.ts
// and the sections other capabilities add, manager-sections.ts). Each names the children it shows
// in its audit entry.
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import { now } from '../config/clock.ts'
import { userOf, withRole } from '../web/guards.ts'
import { childrenNamed } from '../web/sections.ts'
import { myWorkPage } from './my-work.ts'
import { managerPage } from './manager.ts'
import { loadManagerSections } from './manager-sections.ts'
import { viewed } from './pages.ts'
import type { Query } from '../web/list-view.ts'

const myWorkRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db

  app.get('/my-work', { preHandler: withRole('practitioner', 'manager', 'mash') }, async (request, reply) => {
    const at = now()
    const { mine, children, nameOf, me } = await myWorkPage(db, userOf(request), at, request.query as Query)
    await viewed(db, request, 'view_my_work', null, { children }, at)
    return reply.render('wt-my-work.njk', { ...mine, nameOf, at, me })
  })

  app.get('/manager', { preHandler: withRole('manager') }, async (request, reply) => {
    const at = now()
    const page = await managerPage(db, userOf(request), at, request.query as Query)
    const sections = await loadManagerSections({
      db,
      user: userOf(request),
      team: page.team.map((p) => p.id),
      now: at,
      query: request.query as Query,
    })
    const children = [...new Set([...page.children.map(Number), ...childrenNamed(sections.map((s) => s.section))])]
    await viewed(db, request, 'view_manager_page', null, { children }, at)
    return reply.render('wt-manager.njk', { ...page, sections, at })
  })
}

export default myWorkRoutes

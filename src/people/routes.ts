// Pages: the home page, finding a person, and allocating professionals to a child. The pages of one
// person's record are person-routes.ts.
import { CASEWORK_ROLES, hasRole } from '../vocabulary/roles.ts'
import type { NavigationItem } from '../web/navigation.ts'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { now } from '../config/clock.ts'
import { actorOf, signedIn, userOf, viewerOf } from '../web/guards.ts'
import { forbidden, HttpError } from '../web/http-error.ts'
import { audit } from '../audit/audit.ts'
import { canAllocate, canFindPeople } from '../access/visibility.ts'
import { SEARCH_PAGE_SIZE, SEARCH_SORTS, searchPeople, type SearchSort } from './people.ts'
import { pageAsked } from '../web/pagination.ts'
import { pageOf, sortAsked, sortHeaders } from '../web/list-view.ts'
import { loadHomePanels } from './home-panels.ts'
import { childrenNamed } from '../web/sections.ts'
import { accessGrantsForAgency, allocate, endAllocation } from './allocations.ts'
import personRoutes from './person-routes.ts'

/** Finding a person is for those who work with children (access/visibility.ts canFindPeople): not admin or partnership. */
export const peopleNavigation: NavigationItem[] = [
  { href: '/people', text: 'Find a person', roles: CASEWORK_ROLES, order: 1, section: 'people' },
]

const routes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const db = deps.database.db
  registerHomeAndSearchRoutes(app, db)
  await app.register(personRoutes, deps)
  registerAllocationRoutes(app, db)
}

/** The home page, and finding a person. */
function registerHomeAndSearchRoutes(app: FastifyInstance, db: Db): void {
  app.get('/', { preHandler: signedIn }, async (request, reply) => {
    const user = userOf(request)
    const grants = hasRole(user.roles, 'manager') ? await accessGrantsForAgency(db, user.agency, 20) : []
    const at = now()
    const panels = await loadHomePanels({ db, user, now: at })
    // the home page's lists name children: "who has viewed this child" includes them
    const children = [...new Set([...childrenNamed(panels.map((p) => p.panel)), ...grants.map((g) => g.entity_id)])]
    if (children.length) await audit(db, actorOf(request), { action: 'view_home', details: { children } }, at)
    return reply.render('home.njk', { canSearch: canFindPeople(viewerOf(request)), grants, panels })
  })

  app.get('/people', { preHandler: signedIn }, async (request, reply) => {
    if (!canFindPeople(viewerOf(request))) throw forbidden("Your role does not give you access to children's records.")
    const query = request.query as Record<string, string>
    const q = String(query.q ?? '').trim()
    const pageNumber = pageAsked(query.page)
    const asked = sortAsked(query, SEARCH_SORTS)
    const at = now()
    const { hits: results, total } = q
      ? await searchPeople(db, q, at, {
          offset: (pageNumber - 1) * SEARCH_PAGE_SIZE,
          sort: (asked.sort ?? undefined) as SearchSort | undefined,
          descending: asked.descending,
        })
      : { hits: [], total: 0 }
    if (q)
      await audit(
        db,
        actorOf(request),
        {
          action: 'search',
          details: {
            query: q.slice(0, 200),
            results: total,
            page: pageNumber,
            children: results.map((r) => r.person_id),
          },
        },
        at,
      )
    const listQuery = { q, sort: asked.sort ?? '', order: asked.descending ? 'desc' : '', page: String(pageNumber) }
    const first = (pageNumber - 1) * SEARCH_PAGE_SIZE + 1
    return reply.render('search.njk', {
      q,
      results,
      total,
      list: { total, first, last: first + results.length - 1, pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)) },
      sorted: asked.sort,
      headers: sortHeaders('/people', listQuery, { name: 'ascending', dob: 'ascending' }, asked),
      pagination: pageOf('/people', listQuery, total, SEARCH_PAGE_SIZE).pagination,
    })
  })
}

/** Allocating a professional to a child, and ending an allocation (managers and the MASH). */
function registerAllocationRoutes(app: FastifyInstance, db: Db): void {
  app.post<{ Params: { id: string }; Body: { user_id?: string; role?: string } }>(
    '/people/:id/allocations',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      if (!canAllocate(userOf(request).roles)) throw forbidden('Only managers and the MASH allocate professionals.')
      const userId = Number(request.body?.user_id)
      const role = (request.body?.role ?? '').trim()
      if (!userId || !role)
        throw new HttpError(
          400,
          'Choose a professional and say their role for this child (for example, social worker).',
        )
      await allocate(db, actorOf(request), userOf(request), Number(request.params.id), userId, role, now())
      return reply.redirect(`/people/${request.params.id}#allocations`)
    },
  )

  app.post<{ Params: { id: string; allocation: string } }>(
    '/people/:id/allocations/:allocation/end',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      if (!canAllocate(userOf(request).roles)) throw forbidden('Only managers and the MASH end allocations.')
      await endAllocation(db, actorOf(request), Number(request.params.id), Number(request.params.allocation), now())
      return reply.redirect(`/people/${request.params.id}#allocations`)
    },
  )
}

export default routes

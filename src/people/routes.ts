// Pages: find a person, and a person's record with their multi-agency chronology.
import { CASEWORK_ROLES, hasRole } from '../vocabulary/roles.ts'
import type { NavigationItem } from '../web/navigation.ts'
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import type { Config } from '../config/config.ts'
import { now } from '../config/clock.ts'
import { actorOf, signedIn, userOf, viewerOf } from '../web/guards.ts'
import { forbidden, HttpError, notFound } from '../web/http-error.ts'
import { audit } from '../audit/audit.ts'
import { canAskForAccess, canFindPeople, canSeeViewers } from '../access/visibility.ts'
import { SEARCH_PAGE_SIZE, searchPeople } from './people.ts'
import { Forbidden, NotFound, viewPersonRecord } from './record-view.ts'
import { readChronologyFilter, type FilterQuery } from './filters.ts'
import { FormErrors } from '../web/forms.ts'
import { viewsPage } from '../audit/audit.ts'
import { pageAsked, pagination } from '../web/pagination.ts'
import { childFor } from './child-in-reach.ts'
import { EVENT_KINDS } from '../records/types.ts'
import { label } from '../web/filters.ts'
import { loadPanels } from './panels.ts'
import { loadHomePanels } from './home-panels.ts'
import { childrenNamed } from '../web/sections.ts'
import { relationshipsOf } from './relationships.ts'
import { accessGrantsForAgency } from './allocations.ts'
import { allocationsOf, allocate, endAllocation, grantAccess, allocatableUsers } from './allocations.ts'

/** Finding a person is for those who work with children (access/visibility.ts canFindPeople): not admin or partnership. */
export const peopleNavigation: NavigationItem[] = [
  { href: '/people', text: 'Find a person', roles: CASEWORK_ROLES, order: 1, section: 'people' },
]

/** Entries of "who has looked at this record" on the person page, and on each page of the whole list. */
const VIEWS_ON_PERSON_PAGE = 20
const VIEWS_PAGE_SIZE = 100

const routes: FastifyPluginAsync<AppDeps> = async (app, { database, config }) => {
  const db = database.db
  registerHomeAndSearchRoutes(app, db)
  registerPersonRoutes(app, db, config)
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
    const at = now()
    const { hits: results, total } = q
      ? await searchPeople(db, q, at, { offset: (pageNumber - 1) * SEARCH_PAGE_SIZE })
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
    const pages = Math.ceil(total / SEARCH_PAGE_SIZE)
    const href = (n: number) => `/people?${new URLSearchParams({ q, page: String(n) })}`
    return reply.render('search.njk', {
      q,
      results,
      total,
      first: (pageNumber - 1) * SEARCH_PAGE_SIZE + 1,
      pagination: pagination(pageNumber, pages, href),
    })
  })
}

/** A person's page, who has looked at their record, and asking to see the full record. */
function registerPersonRoutes(app: FastifyInstance, db: Db, config: Config): void {
  app.get<{ Params: { id: string }; Querystring: FilterQuery }>(
    '/people/:id',
    { preHandler: signedIn },
    async (request, reply) => personPage(db, config, request, reply, Number(request.params.id)),
  )

  /**
   * Everyone who has looked at a child's record or acted on it, newest first, a page at a time: the
   * person page shows the newest few, and busy lists that name the child soon push direct views off it.
   * Reading who has looked is itself a view of the record (for the DPO's own audit).
   */
  app.get<{ Params: { id: string }; Querystring: { page?: string } }>(
    '/people/:id/viewers',
    { preHandler: signedIn },
    async (request, reply) => {
      const at = now()
      const viewer = viewerOf(request)
      const child = await childFor(db, viewer, Number(request.params.id), at)
      if (child.id !== Number(request.params.id)) return reply.redirect(`/people/${child.id}/viewers`)
      if (!canSeeViewers(viewer, child.reach)) throw forbidden('Managers and the MASH see who has looked at a record.')
      const { views, total, page, pages } = await viewsPage(
        db,
        child.id,
        pageAsked(request.query.page),
        VIEWS_PAGE_SIZE,
      )
      await audit(db, actorOf(request), { action: 'view_viewers', entityId: child.id, details: { page } }, at)
      return reply.render('viewers.njk', {
        child,
        views,
        total,
        first: (page - 1) * VIEWS_PAGE_SIZE + 1,
        pagination: pagination(page, pages, (n) => `/people/${child.id}/viewers?page=${n}`),
      })
    },
  )

  app.post<{ Params: { id: string }; Querystring: FilterQuery; Body: { reason?: string } }>(
    '/people/:id/access',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const id = Number(request.params.id)
      const reason = (request.body?.reason ?? '').trim()
      if (reason.length < 10) {
        const errors = new FormErrors().add(
          'reason',
          reason
            ? 'Your reason must be at least 10 characters: say why you need to see the full record'
            : 'Enter why you need to see the full record',
        )
        return personPage(db, config, request, reply, id, { errors, reason })
      }
      const at = now()
      await grantAccess(db, actorOf(request), userOf(request), id, reason, at, config.accessGrantHours)
      return reply.redirect(`/people/${id}`)
    },
  )
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

/**
 * A person's page. A mistake in the chronology's filters, or in the reason given to open the record,
 * is answered here on the same page (400) with the error summary and what was typed.
 */
async function personPage(
  db: Db,
  config: Config,
  request: FastifyRequest<{ Params: { id: string }; Querystring: FilterQuery }>,
  reply: FastifyReply,
  id: number,
  asked: { errors?: FormErrors; reason?: string } = {},
) {
  if (!Number.isInteger(id) || id <= 0) throw notFound()
  const at = now()
  const errors = asked.errors ?? new FormErrors()
  const filter = readChronologyFilter(request.query, at, errors)
  let record
  try {
    record = await viewPersonRecord(db, viewerOf(request), actorOf(request), id, filter, at)
  } catch (error) {
    if (error instanceof NotFound) throw notFound('There is no person with this reference.')
    if (error instanceof Forbidden) throw forbidden("Your role does not give you access to children's records.")
    throw error
  }
  if (record.person_id !== id) return reply.redirect(`/people/${record.person_id}`)
  const viewer = viewerOf(request)
  const [relationships, allocations, viewers, candidates] = await Promise.all([
    relationshipsOf(db, record.person_id, filter.at, viewer, record.reach),
    allocationsOf(db, record.person_id, at),
    canSeeViewers(viewer, record.reach)
      ? viewsPage(db, record.person_id, 1, VIEWS_ON_PERSON_PAGE)
      : Promise.resolve(null),
    canAllocate(userOf(request).roles) ? allocatableUsers(db, userOf(request)) : Promise.resolve([]),
  ])
  const panels = await loadPanels({ db, record, user: userOf(request), viewer, at: filter.at, now: at })
  if (errors.any) reply.code(400)
  return reply.render('person.njk', {
    panelsBefore: panels.filter((p) => p.order < 100),
    panelsAfter: panels.filter((p) => p.order >= 100),
    record,
    relationships,
    filter: request.query,
    // the banner names the day in force, not a date that was refused
    asOf: errors.has('as_of') ? undefined : request.query.as_of,
    selectedAgencies: [request.query.agency ?? []].flat(),
    allocations,
    viewers: viewers?.views ?? null,
    viewsTotal: viewers?.total ?? 0,
    candidates,
    canAsk: canAskForAccess(viewer, record.reach),
    canAllocate: canAllocate(userOf(request).roles),
    kinds: EVENT_KINDS.map((k) => ({
      value: k,
      text: label(k),
      selected: [request.query.kind].flat().includes(k),
    })),
    accessHours: config.accessGrantHours,
    errors: errors.any ? errors.view() : undefined,
    values: { reason: asked.reason ?? '', ...request.query },
  })
}

const canAllocate = (roles: readonly string[]) => hasRole(roles, 'manager') || hasRole(roles, 'mash')

export default routes

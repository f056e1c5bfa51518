// Pages of one person's record (issue 15): the summary, the chronology (a page at a time, printable,
// and as CSV), risk, missing, working together, the agency records, who viewed, and asking to see
// the full record. Each page opens the record the one way (person-pages.ts, record-view.ts: access
// checked, audited as a view), sends a merged person's address on to the current person's same page,
// and renders. The link chart (/people/:id/links) is networks/'s page, in the same frame.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import type { Config } from '../config/config.ts'
import { now } from '../config/clock.ts'
import { actorOf, signedIn, userOf, viewerOf } from '../web/guards.ts'
import { forbidden, notFound } from '../web/http-error.ts'
import { audit, viewsPage } from '../audit/audit.ts'
import { canAllocate, canAskForAccess, canSeeViewers } from '../access/visibility.ts'
import { Forbidden, NotFound, type PersonRecordView } from './record-view.ts'
import { chronologyPdf, MARKING } from './chronology-pdf.ts'
import { ONLY_SOME_SHOWN, readChronologyFilter, showsOnlySome, type FilterQuery } from './filters.ts'
import { FormErrors } from '../web/forms.ts'
import { pageAsked, pagination } from '../web/pagination.ts'
import { childFor } from './child-in-reach.ts'
import { EVENT_KINDS } from '../records/types.ts'
import { threadlineEntryKinds } from './chronology-entries.ts'
import { label } from '../web/filters.ts'
import { csvChunks } from '../cli/output.ts'
import { allocationsOf, allocatableUsers, grantAccess } from './allocations.ts'
import type { PersonPage } from './panels.ts'
import type { ChronologyFilter } from '../chronology/chronology.ts'
import type { Query } from '../web/list-view.ts'
import {
  CHRONOLOGY_CSV_COLUMNS,
  CHRONOLOGY_PAGE_SIZE,
  chronologyCsvRows,
  personFrame,
  personPage,
  tabPath,
  askingFrom,
} from './person-pages.ts'

/** Entries of "who has looked at this record" on each page of the list. */
const VIEWS_PAGE_SIZE = 100

/** The sub-pages that are their panels and nothing else. */
const PANEL_PAGES = ['risk', 'missing', 'working-together'] as const

type PersonRequest = FastifyRequest<{
  Params: { id: string }
  Querystring: FilterQuery & { page?: string; view?: string }
}>

const personRoutes: FastifyPluginAsync<AppDeps> = async (app, { database, config }) => {
  const db = database.db
  const get = (path: string, handler: (request: PersonRequest, reply: FastifyReply) => Promise<unknown>) =>
    app.get(path, { preHandler: signedIn }, (request, reply) => handler(request as PersonRequest, reply))
  get('/people/:id', (request, reply) => summaryPage(db, config, request, reply))
  get('/people/:id/chronology', (request, reply) => chronologyPage(db, request, reply))
  get('/people/:id/chronology.csv', (request, reply) => chronologyDownload(db, request, reply, 'csv'))
  get('/people/:id/chronology.pdf', (request, reply) => chronologyDownload(db, request, reply, 'pdf'))
  for (const page of PANEL_PAGES) get(`/people/:id/${page}`, (request, reply) => panelsPage(db, request, reply, page))
  get('/people/:id/records', (request, reply) => panelsPage(db, request, reply, 'records'))
  get('/people/:id/viewers', (request, reply) => viewersPage(db, request, reply))
  registerAccessRoute(app, db, config)
}

/** The person's id in the address, or 404. */
function idOf(request: PersonRequest): number {
  const id = Number(request.params.id)
  if (!Number.isInteger(id) || id <= 0) throw notFound('There is no person with this reference.')
  return id
}

/** A page of the record, with the record's own refusals said in the page's words. */
async function opened<T>(open: () => Promise<T>): Promise<T> {
  try {
    return await open()
  } catch (error) {
    if (error instanceof NotFound) throw notFound('There is no person with this reference.')
    if (error instanceof Forbidden) throw forbidden("Your role does not give you access to children's records.")
    throw error
  }
}

/** The same page of the current person, with the same query, for a person since merged into another. */
function toCurrent(request: PersonRequest, reply: FastifyReply, personId: number, suffix: string) {
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
  return reply.redirect(`/people/${personId}${suffix}${query}`)
}

/** What every page of the record shows around its own content. */
function frame(request: PersonRequest, errors: FormErrors, data: Awaited<ReturnType<typeof personPage>>) {
  const { record, tabs, panels } = data
  return {
    record,
    tabs,
    panels,
    // the banner names the day in force (the end of it), not a date that was refused
    asOf: request.query.as_of && !errors.has('as_of') ? data.asOf : undefined,
    errors: errors.any ? errors.view() : undefined,
    canAsk: canAskForAccess(viewerOf(request), record.reach),
  }
}

/**
 * The summary: who the person is, who is allocated, asking to see the full record, and the panels
 * that belong on it. A reason too short to open the record is answered here (400).
 */
async function summaryPage(
  db: Db,
  config: Config,
  request: PersonRequest,
  reply: FastifyReply,
  asked: { errors?: FormErrors; reason?: string } = {},
) {
  const id = idOf(request)
  const at = now()
  const errors = asked.errors ?? new FormErrors()
  const filter = readChronologyFilter(request.query, at, errors)
  const data = await opened(() => personPage(db, askingFrom(request), id, 'summary', filter, at))
  if (data.record.person_id !== id) return toCurrent(request, reply, data.record.person_id, '')
  const user = userOf(request)
  const allocating = canAllocate(user.roles)
  const [allocations, candidates] = await Promise.all([
    allocationsOf(db, data.record.person_id, at),
    allocating ? allocatableUsers(db, user) : Promise.resolve([]),
  ])
  if (errors.any) reply.code(400)
  return reply.render('person.njk', {
    ...frame(request, errors, data),
    allocations,
    candidates,
    canAllocate: allocating,
    accessHours: config.accessGrantHours,
    values: { reason: asked.reason ?? '' },
  })
}

/** The chronology, a page at a time (or every entry, to print), under the filters asked for. */
async function chronologyPage(db: Db, request: PersonRequest, reply: FastifyReply) {
  const id = idOf(request)
  const at = now()
  const errors = new FormErrors()
  const filter = readChronologyFilter(request.query, at, errors)
  const all = request.query.view === 'all'
  const asked = pageAsked(request.query.page)
  const data = await opened(() =>
    personPage(db, askingFrom(request), id, 'chronology', filter, at, {
      events: all ? 'all' : { page: asked },
      viewedAs: { page: 'chronology' },
    }),
  )
  if (data.record.person_id !== id) return toCurrent(request, reply, data.record.person_id, '/chronology')
  const { record } = data
  const pages = Math.max(1, Math.ceil(record.events_total / CHRONOLOGY_PAGE_SIZE))
  const query = filterQuery(request.query)
  const href = (n: number) => `/people/${record.person_id}/chronology?${withParams(query, { page: String(n) })}`
  if (errors.any) reply.code(400)
  return reply.render('person-chronology.njk', {
    ...frame(request, errors, data),
    filter: request.query,
    onlySomeShown: showsOnlySome(filter) ? ONLY_SOME_SHOWN : '',
    selectedAgencies: [request.query.agency ?? []].flat(),
    kinds: [...EVENT_KINDS, ...threadlineEntryKinds()].map((k) => ({
      value: k,
      text: label(k),
      selected: [request.query.kind].flat().includes(k),
    })),
    first: all ? 1 : (Math.min(asked, pages) - 1) * CHRONOLOGY_PAGE_SIZE + 1,
    all,
    pagination: all ? null : pagination(asked, pages, href),
    csvHref: `/people/${record.person_id}/chronology.csv${query.size ? `?${query}` : ''}`,
    pdfHref: `/people/${record.person_id}/chronology.pdf${query.size ? `?${query}` : ''}`,
    allHref: `/people/${record.person_id}/chronology?${withParams(query, { view: 'all' })}`,
    pagedHref: `/people/${record.person_id}/chronology${query.size ? `?${query}` : ''}`,
    printedAt: at,
  })
}

/**
 * The chronology to download, as CSV or PDF: every entry the page shows under the same filter, marked
 * OFFICIAL-SENSITIVE (the CSV on its first line, which a spreadsheet shows above the header; the PDF at
 * the top and bottom of every page), audited as a view of the record naming the format.
 */
async function chronologyDownload(db: Db, request: PersonRequest, reply: FastifyReply, format: 'csv' | 'pdf') {
  const id = idOf(request)
  const at = now()
  const errors = new FormErrors()
  const filter = readChronologyFilter(request.query, at, errors)
  // a download has no page to answer a mistake on: the page says what is wrong
  if (errors.any) return reply.redirect(`/people/${id}/chronology?${filterQuery(request.query)}`)
  const data = await opened(() =>
    personPage(db, askingFrom(request), id, 'chronology', filter, at, {
      events: 'all',
      viewedAs: { page: 'chronology', export: format },
    }),
  )
  const { record } = data
  if (record.person_id !== id) return toCurrent(request, reply, record.person_id, `/chronology.${format}`)
  const user = userOf(request)
  const downloadedBy = `${user.name} (${user.agencyName})`
  const body =
    format === 'pdf'
      ? await chronologyPdf({
          record,
          asOf: filter.at,
          downloadedBy,
          downloadedAt: at,
          filtered: showsOnlySome(filter),
        })
      : csvDownload(record, filter, downloadedBy, at)
  return reply
    .type(format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="person-${record.person_id}-chronology.${format}"`)
    .header('cache-control', 'no-store')
    .send(body)
}

function csvDownload(record: PersonRecordView, filter: ChronologyFilter, downloadedBy: string, at: Date): string {
  const name = [record.given_name, record.family_name].filter(Boolean).join(' ')
  const marking =
    `${MARKING}. Chronology of ${name} (Threadline ID ${record.person_id}) as known on ` +
    `${filter.at.toISOString()}, downloaded by ${downloadedBy} at ${at.toISOString()}.` +
    (showsOnlySome(filter) ? ` ${ONLY_SOME_SHOWN}` : '')
  return [...csvChunks([marking], []), ...csvChunks(CHRONOLOGY_CSV_COLUMNS, chronologyCsvRows(record))].join('')
}

/** A page that is its panels: risk, missing, working together, and the agency records (with theirs). */
async function panelsPage(db: Db, request: PersonRequest, reply: FastifyReply, page: PersonPage) {
  const id = idOf(request)
  const at = now()
  const errors = new FormErrors()
  const filter = readChronologyFilter(request.query, at, errors)
  const data = await opened(() =>
    personPage(db, askingFrom(request), id, page, filter, at, { query: request.query as Query }),
  )
  if (data.record.person_id !== id) return toCurrent(request, reply, data.record.person_id, tabPath(page))
  if (errors.any) reply.code(400)
  return reply.render(page === 'records' ? 'person-records.njk' : 'person-panels.njk', {
    ...frame(request, errors, data),
    page,
    pageHeading: { risk: 'Risk', missing: 'Missing', 'working-together': 'Working together' }[page as string],
  })
}

/**
 * Everyone who has looked at a child's record or acted on it, newest first, a page at a time.
 * Reading who has looked is itself a view of the record (for the DPO's own audit).
 */
async function viewersPage(db: Db, request: PersonRequest, reply: FastifyReply) {
  const at = now()
  const viewer = viewerOf(request)
  const child = await childFor(db, viewer, Number(request.params.id), at)
  if (child.id !== Number(request.params.id)) return toCurrent(request, reply, child.id, '/viewers')
  if (!canSeeViewers(viewer, child.reach)) throw forbidden('Managers and the MASH see who has looked at a record.')
  const { views, total, page, pages } = await viewsPage(db, child.id, pageAsked(request.query.page), VIEWS_PAGE_SIZE)
  await audit(db, actorOf(request), { action: 'view_viewers', entityId: child.id, details: { page } }, at)
  const { record, tabs } = await opened(() => personFrame(db, askingFrom(request), child.id, 'viewers', at))
  return reply.render('viewers.njk', {
    child,
    record,
    tabs,
    views,
    total,
    first: (page - 1) * VIEWS_PAGE_SIZE + 1,
    pagination: pagination(page, pages, (n) => `/people/${child.id}/viewers?page=${n}`),
  })
}

/** Asking to see the full record, with a reason (a mistake is answered on the summary). */
function registerAccessRoute(app: FastifyInstance, db: Db, config: Config): void {
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
        return summaryPage(db, config, request as PersonRequest, reply, { errors, reason })
      }
      await grantAccess(db, actorOf(request), userOf(request), id, reason, now(), config.accessGrantHours)
      return reply.redirect(`/people/${id}`)
    },
  )
}

/** The chronology's filters from a query (without its page), to carry across pages and downloads. */
function filterQuery(query: PersonRequest['query']): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of ['agency', 'kind', 'from', 'to', 'as_of'] as const)
    for (const value of [query[key] ?? []].flat()) if (value !== '') params.append(key, value)
  return params
}

const withParams = (query: URLSearchParams, more: Record<string, string>) => {
  const params = new URLSearchParams(query)
  for (const [k, v] of Object.entries(more)) params.set(k, v)
  return params.toString()
}

export default personRoutes

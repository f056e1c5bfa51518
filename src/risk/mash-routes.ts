// The MASH queue as a triage tool (issue 15): filtered, sorted and paged through the query string (so it
// works without JavaScript), and on each row the MASH's actions: allocate a named professional, screen
// (the screening form, routes.ts), or record a MASH decision, which clears the child from the queue
// until something new arises. Who may do each is in access.ts; every view and change is audited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { FormErrors, checkLengths, text, type Form } from '../web/forms.ts'
import { endOfLondonDay, isoOfDay } from '../web/date-time.ts'
import { readDay } from '../web/forms.ts'
import { now } from '../config/clock.ts'
import { actorOf, userOf, viewerOf, withRole } from '../web/guards.ts'
import { forbidden } from '../web/http-error.ts'
import { listView, type Query, type SortColumns } from '../web/list-view.ts'
import { audit } from '../audit/audit.ts'
import { childFor as childInReach } from '../people/child-in-reach.ts'
import { allocatableUsers, allocate, allocatedNames, allocationsOf } from '../people/allocations.ts'
import type { Db } from '../db/database.ts'
import { mayAllocateFromQueue, mayRecordMashDecision, mayScreen, mayUseMashQueue } from './access.ts'
import { assessArea } from './area.ts'
import {
  byPriority,
  COMPARE,
  isMashOutcome,
  SORTS,
  MASH_OUTCOMES,
  triage,
  type Rating,
  type Sort,
  type Triage,
  type TriageRow,
} from './mash-queue.ts'
import { riskSettings } from './settings.ts'
import { maintainedQueue, queueEntries, queueRowAt } from './maintained-lists.ts'
import { agencyNames, saveMashDecision } from './store.ts'

export const MASH_PAGE_SIZE = 25
const RATINGS: readonly Rating[] = ['red', 'amber', 'green']
/** Which way each column runs before "descending" reverses it (for aria-sort). */
const NATURAL: Record<Sort, 'ascending' | 'descending'> = {
  priority: 'descending',
  name: 'ascending',
  rating: 'descending',
  band: 'descending',
  waiting: 'ascending',
  due: 'ascending',
}
const SORT_WORDS: Record<Sort, string> = {
  priority: 'Highest risk, then longest waiting',
  due: 'Due soonest',
  waiting: 'Waiting longest',
  name: 'Name, A to Z',
  band: 'Highest band',
  rating: 'Red first',
}
const DECISION_TEXT = { rationale: { label: 'The rationale', max: 4000 } } as const

/**
 * Every child on the queue as of `at`, with their name, agencies and who is allocated: read from the
 * maintained list when `at` is now (maintained-lists.ts), else computed with the same rule for the whole area.
 */
async function queueRows(db: Db, at: Date, current: Date): Promise<TriageRow[]> {
  const settings = riskSettings()
  const entries =
    (+at === +current ? await maintainedQueue(db, current) : null) ??
    (await queueEntries(db, await assessArea(db, at, { settings }), at, settings))
  const allocated = await allocatedNames(
    db,
    entries.map((e) => e.childId),
    at,
  )
  return entries.map((e) => ({ ...queueRowAt(e, at), allocated: allocated.get(e.childId) ?? [] })).sort(byPriority)
}

/** The filters a query asks for; a value that is not one of the choices is no filter. */
export function readTriage(q: Query): Triage {
  const rating = RATINGS.find((r) => r === q.rating) ?? null
  return {
    rating,
    overdueOnly: q.overdue === 'yes',
    agency: q.agency?.trim() || null,
    allocated: q.allocated === 'yes' || q.allocated === 'no' ? q.allocated : null,
    name: q.name?.trim() || null,
  }
}

/**
 * The queue's columns for web/list-view.ts: the triage's own comparisons (mash-queue.ts `COMPARE`, each in
 * the column's natural order), read the other way round for a column that runs descending first, so that
 * listView, which reverses those, sorts as the triage does.
 */
const COLUMNS: SortColumns<TriageRow> = Object.fromEntries(
  SORTS.map((key) => {
    const compare = COMPARE[key]
    const natural = NATURAL[key]
    return [
      key,
      { natural, compare: natural === 'descending' ? (a: TriageRow, b: TriageRow) => compare(b, a) : compare },
    ]
  }),
)

/** The page of the (filtered) queue a query asks for, sorted as it asks: priority unless another column. */
export function queueList(kept: readonly TriageRow[], q: Query) {
  return listView(kept, q, {
    path: '/mash',
    columns: COLUMNS,
    pageSize: MASH_PAGE_SIZE,
    defaultSort: { sort: 'priority' },
  })
}

async function mashQueuePage(db: Db, request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
  const user = userOf(request)
  if (!mayUseMashQueue(user.roles)) throw forbidden('The MASH queue is for the MASH.')
  const current = now()
  const q = request.query
  const errors = new FormErrors()
  const day = readDay(q, 'as_of', errors, { label: 'the "as known on" date' })
  const at = day ? endOfLondonDay(day) : current
  const all = await queueRows(db, at, current)
  // filtered in priority order, then sorted and paged as the query asks (ties keep that order)
  const kept = triage(all, readTriage(q))
  const list = queueList(kept, q)
  const rows = list.rows
  await audit(
    db,
    actorOf(request),
    {
      action: 'view_mash_queue',
      details: { as_of: at.toISOString(), page: list.page, children: rows.map((r) => r.childId) },
    },
    current,
  )
  if (errors.any) reply.code(400)
  const names = await agencyNames(db)
  return reply.render('risk-mash.njk', {
    pageTitle: 'MASH queue: children needing a decision',
    errors: errors.any ? errors.view() : undefined,
    asOf: day ? isoOfDay(day) : '',
    query: q,
    at,
    settings: riskSettings(),
    rows,
    total: all.length,
    shown: kept.length,
    overdue: kept.filter((r) => r.overdue).length,
    list,
    agencies: [...new Set(all.flatMap((r) => r.agencies))]
      .sort()
      .map((code) => ({ value: code, text: names.get(code) ?? code })),
    sorts: Object.entries(SORT_WORDS).map(([value, words]) => ({ value, text: words })),
    actions: {
      allocate: !day && mayAllocateFromQueue(user.roles),
      screen: !day && mayScreen(user.roles, { level: 'full', because: 'mash' }),
      decide: !day && mayRecordMashDecision(user.roles),
    },
  })
}

// A MASH decision ------------------------------------------------------------------------------------

/** The child the MASH is deciding about, when this user may record a MASH decision. */
async function decisionChild(db: Db, request: FastifyRequest<{ Params: { id: string } }>) {
  if (!mayRecordMashDecision(userOf(request).roles)) throw forbidden('The MASH records its decisions.')
  const at = now()
  return { at, kid: await childInReach(db, viewerOf(request), Number(request.params.id), at) }
}

const outcomeOptions = () => Object.entries(MASH_OUTCOMES).map(([value, words]) => ({ value, text: words }))

function readDecision(form: Form, errors: FormErrors) {
  const outcome = text(form, 'outcome')
  if (!isMashOutcome(outcome)) errors.add('outcome', 'Choose what the MASH decided', '#outcome')
  const rationale = text(form, 'rationale')
  if (!rationale) errors.add('rationale', 'Enter the rationale for the decision')
  checkLengths(form, DECISION_TEXT, errors)
  return isMashOutcome(outcome) && !errors.any ? { outcome, rationale } : null
}

function decisionRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { id: string } }>(
    '/mash/:id/decision',
    { preHandler: withRole('mash') },
    async (request, reply) => {
      const { at, kid } = await decisionChild(db, request)
      await audit(db, actorOf(request), { action: 'view_mash_decision_form', entityId: kid.id }, at)
      return reply.render('risk-mash-decision.njk', { kid, outcomes: outcomeOptions(), form: {} })
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/mash/:id/decision',
    { preHandler: [withRole('mash'), app.csrfProtection] },
    async (request, reply) => {
      const { at, kid } = await decisionChild(db, request)
      const form = request.body ?? {}
      const errors = new FormErrors()
      const decided = readDecision(form, errors)
      if (!decided) {
        reply.code(400)
        return reply.render('risk-mash-decision.njk', { kid, outcomes: outcomeOptions(), form, errors: errors.view() })
      }
      const user = userOf(request)
      await saveMashDecision(db, actorOf(request), {
        childId: kid.id,
        ...decided,
        decidedAt: at,
        decidedById: user.id,
        decidedBy: user.name,
      })
      return reply.redirect('/mash')
    },
  )
}

// Allocating from the queue ----------------------------------------------------------------------------

async function allocationChild(db: Db, request: FastifyRequest<{ Params: { id: string } }>) {
  const user = userOf(request)
  if (!mayAllocateFromQueue(user.roles)) throw forbidden('The MASH allocates from its queue.')
  const at = now()
  const kid = await childInReach(db, viewerOf(request), Number(request.params.id), at)
  const [workers, allocations] = await Promise.all([allocatableUsers(db, user), allocationsOf(db, kid.id, at)])
  const options = workers.map((w) => ({
    value: String(w.id),
    text: `${w.name}${w.job_title ? `, ${w.job_title}` : ''} (${w.agency_code})`,
  }))
  return { at, kid, workers, options, current: allocations.current }
}

function allocationRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { id: string } }>(
    '/mash/:id/allocate',
    { preHandler: withRole('mash') },
    async (request, reply) => {
      const ctx = await allocationChild(db, request)
      await audit(db, actorOf(request), { action: 'view_mash_allocation_form', entityId: ctx.kid.id }, ctx.at)
      return reply.render('risk-mash-allocate.njk', { ...ctx, form: {} })
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/mash/:id/allocate',
    { preHandler: [withRole('mash'), app.csrfProtection] },
    async (request, reply) => {
      const ctx = await allocationChild(db, request)
      const form = request.body ?? {}
      const errors = new FormErrors()
      const worker = ctx.workers.find((w) => String(w.id) === text(form, 'user_id'))
      if (!worker) errors.add('user_id', 'Choose the professional to allocate')
      const role = text(form, 'role')
      if (!role) errors.add('role', "Enter their role for this child, for example 'Social worker'")
      checkLengths(form, { role: { label: 'The role', max: 100 } }, errors)
      if (!worker || errors.any) {
        reply.code(400)
        return reply.render('risk-mash-allocate.njk', { ...ctx, form, errors: errors.view() })
      }
      await allocate(db, actorOf(request), userOf(request), ctx.kid.id, worker.id, role, ctx.at)
      return reply.redirect('/mash')
    },
  )
}

export function mashRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: Query }>('/mash', { preHandler: withRole('mash') }, (request, reply) =>
    mashQueuePage(db, request, reply),
  )
  decisionRoutes(app, db)
  allocationRoutes(app, db)
}

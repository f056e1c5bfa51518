// Pages for a child repeatedly missing and the figures: record the strategy discussion and its plan
// for the next episode (a form page of its own, whose mistakes are answered on it), and the
// return-interview figures (numbers only) for managers, the MASH and the partnership. Who may do
// each is access.ts.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { endOfDayLondon, now } from '../config/clock.ts'
import { actorOf, signedIn, userOf, viewerOf, withRole } from '../web/guards.ts'
import { badRequest, forbidden } from '../web/http-error.ts'
import { audit } from '../audit/audit.ts'
import { childFor } from '../people/child-in-reach.ts'
import { checkFormOnSave } from '../language/storage.ts'
import { interviewFigures } from './figures.ts'
import { missingSettings } from './settings.ts'
import { interviewWork } from './lists.ts'
import { missingLists } from './maintained-lists.ts'
import { STRATEGY_TEXT, text } from './page-input.ts'
import { FormErrors, checkLengths, hasDate, readDateTime } from '../web/forms.ts'
import { agencyNames, newSourceId, recordOnPage } from './store.ts'
import { mayRecordStrategy, maySeeFigures } from './access.ts'

type Form = Record<string, string | undefined>
type StrategySent = FastifyRequest<{ Params: { id: string }; Body: Form }>

/** The child whose strategy discussion is recorded, for those who record them (access.ts); 403 for others. */
async function strategyChild(db: Db, request: FastifyRequest, id: string, at: Date) {
  if (!mayRecordStrategy(userOf(request).roles)) throw forbidden('Your role does not record strategy discussions.')
  return childFor(db, viewerOf(request), Number(id), at)
}

/** Scripts written before the page had a date input send one box, `held_at` ("2026-06-01 11:00"): read as the date and its time. */
function withHeldBoxes(body: Form): Form {
  if (body.held_at === undefined || hasDate(body, 'held')) return body
  const [day = '', time = ''] = body.held_at.trim().split(/[ T]+/)
  return { ...body, held: day, 'held-time': time }
}

/** The strategy discussion form, its own page (linked from the child's missing history). */
async function strategyFormPage(db: Db, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const at = now()
  const kid = await strategyChild(db, request, request.params.id, at)
  await audit(db, actorOf(request), { action: 'view_strategy_discussion_form', entityId: kid.id }, at)
  return reply.render('missing-strategy.njk', { kid, form: {} })
}

/** A strategy discussion held about a child repeatedly missing, with the plan for when they are next missing; or the form again with what to put right. */
async function strategyPage(db: Db, request: StrategySent, reply: FastifyReply) {
  const at = now()
  const kid = await strategyChild(db, request, request.params.id, at)
  const body = withHeldBoxes(request.body ?? {})
  const errors = new FormErrors()
  const held = readDateTime(
    body,
    'held',
    errors,
    { label: 'the date of the strategy discussion', required: true, notAfter: at },
    at,
  )
  const plan = text(body.plan)
  if (!plan) errors.add('plan', 'Enter the plan for what to do when the child is next missing')
  checkLengths(body, STRATEGY_TEXT, errors)
  // no date is an error named above
  if (errors.any || !held || !plan)
    return reply.code(400).render('missing-strategy.njk', { kid, form: body, errors: errors.view() })
  const heldAt = held.toISOString()
  const user = userOf(request)
  await recordOnPage(db, actorOf(request), user, kid.id, at, (subject) => ({
    records: [
      {
        type: 'event',
        agency: user.agency,
        source_id: newSourceId(),
        kind: 'strategy_discussion',
        subject,
        occurred_at: heldAt,
        recorded_at: at.toISOString(),
        recorded_by: user.name,
        summary: 'Strategy discussion: repeat missing',
        details: text(body.summary),
        next_episode_plan: plan,
      },
    ],
    action: 'record_strategy_discussion',
    details: { held_at: heldAt },
  }))
  await checkFormOnSave(db, user, body, ['summary', 'plan'], {
    context: 'strategy-discussion',
    childId: kid.id,
    at,
  })
  return reply.redirect(`/people/${kid.id}/missing`)
}

/** The return-interview figures, as of a day: each interview counted for the agency responsible for it. */
async function figuresPage(db: Db, request: FastifyRequest<{ Querystring: { as_of?: string } }>, reply: FastifyReply) {
  if (!maySeeFigures(userOf(request).roles)) throw forbidden()
  const at = request.query.as_of ? endOfDayLondon(request.query.as_of) : now()
  if (!at) throw badRequest('Give the date as YYYY-MM-DD.')
  const settings = missingSettings()
  // today's figures from the maintained interviews (maintained-lists.ts); ?as_of= computes
  const state = await missingLists(db, at, settings, request.query.as_of ? null : at)
  // each interview counts for the agency responsible for it (responsibility.ts), as the work lists show
  const work = await interviewWork(db, state.interviews, settings, at)
  const responsible = new Map(work.map((w) => [w.row, w.responsible.agency]))
  const figures = interviewFigures(state.interviews, {
    agencyOf: (row) => responsible.get(row) ?? row.episode.reports[0].agency,
  })
  const agencies = await agencyNames(db)
  await audit(db, actorOf(request), { action: 'view_missing_figures', details: { as_of: at.toISOString() } }, now())
  return reply.render('missing-figures.njk', {
    figures: figures.map((f) => ({
      ...f,
      agencyName: f.agency === 'ALL' ? 'All agencies' : (agencies.get(f.agency) ?? f.agency),
    })),
    settings,
    asOf: request.query.as_of ?? '',
  })
}

const repeatRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db

  app.get<{ Params: { id: string } }>('/people/:id/missing/strategy', { preHandler: signedIn }, (request, reply) =>
    strategyFormPage(db, request, reply),
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/people/:id/missing/strategy',
    { preHandler: [signedIn, app.csrfProtection] },
    (request, reply) => strategyPage(db, request, reply),
  )

  app.get<{ Querystring: { as_of?: string } }>(
    '/missing/figures',
    { preHandler: withRole('manager', 'mash', 'partnership') },
    (request, reply) => figuresPage(db, request, reply),
  )
}

export default repeatRoutes

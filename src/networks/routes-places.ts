// The places pages and context plans: the places of concern, one place with its links and plan, and a
// plan about a place or a network (saved from the version the page showed; both versions shown when
// someone else changed it meanwhile), its actions added and done. Handlers read the request, ask
// place-views.ts or plans-store.ts and render or go back to the plan's page.
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { now } from '../config/clock.ts'
import { signedIn } from '../web/guards.ts'
import { badRequest, notFound } from '../errors/domain-error.ts'
import type { Form } from '../web/forms.ts'
import { mustPlan } from './access.ts'
import { askingOf, type Asking } from './asking.ts'
import { readActionForm, readPlanForm } from './forms.ts'
import { networkFor } from './network-views.ts'
import { placeFor, placePage, placesPage } from './place-views.ts'
import {
  addAction,
  completeAction,
  planById,
  PlanConflict,
  PlanRefused,
  savePlan,
  type PlanSubject,
} from './plans-store.ts'

const placeHref = (key: string) => `/places/${encodeURIComponent(key)}`

/** The page a plan is on: its place's or its network's. */
const planPage = (p: { subject_kind: string; subject_key: string }) =>
  p.subject_kind === 'location' ? placeHref(p.subject_key) : `/networks/${p.subject_key}`

/** A plan saved as sent, then back to its page; a plan someone changed meanwhile: both versions (409). */
async function savePlanFrom(
  db: Db,
  asking: Asking,
  form: Form,
  reply: FastifyReply,
  subject: PlanSubject,
  back: string,
) {
  mustPlan(asking.asker)
  const { yours, version } = readPlanForm(form)
  try {
    await savePlan(db, asking.actor, subject, yours, version, now())
  } catch (error) {
    if (error instanceof PlanRefused) throw badRequest('Give the plan a title.')
    // both versions: theirs as saved, yours as sent, to compare and save again from theirs
    if (error instanceof PlanConflict)
      return reply.code(409).render('networks-plan-conflict.njk', { theirs: error.current, yours, back })
    throw error
  }
  return reply.redirect(back, 303)
}

/** The plan an action belongs to, for someone who makes plans (404 when there is none). */
async function planToAct(db: Db, asking: Asking, id: string) {
  mustPlan(asking.asker)
  const plan = await planById(db, Number(id))
  if (!plan) throw notFound('There is no such plan.')
  return plan
}

const placePages: FastifyPluginAsync<AppDeps> = async (app, { database: { db } }) => {
  app.get('/places', { preHandler: signedIn }, async (request, reply) => {
    const places = await placesPage(db, await askingOf(db, request), now())
    return reply.render('networks-places.njk', { pageTitle: 'Places of concern', places })
  })

  app.get<{ Params: { key: string } }>('/places/:key', { preHandler: signedIn }, async (request, reply) => {
    const asking = await askingOf(db, request)
    const { key } = request.params
    const at = now()
    const page = await placePage(db, asking, key, await placeFor(db, asking, key, at), at)
    return reply.render('networks-place.njk', {
      pageTitle: 'Place of concern',
      ...page,
      planAction: `${placeHref(key)}/plan`,
    })
  })

  app.post<{ Params: { key: string }; Body: Form }>(
    '/places/:key/plan',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const asking = await askingOf(db, request)
      const { key } = request.params
      await placeFor(db, asking, key, now())
      return savePlanFrom(db, asking, request.body, reply, { kind: 'location', key }, placeHref(key))
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/networks/:id/plan',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const asking = await askingOf(db, request)
      const { id } = request.params
      await networkFor(db, asking, id, now())
      return savePlanFrom(db, asking, request.body, reply, { kind: 'network', key: id }, `/networks/${id}`)
    },
  )

  app.post<{ Params: { id: string }; Body: Form }>(
    '/context-plans/:id/actions',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const asking = await askingOf(db, request)
      const plan = await planToAct(db, asking, request.params.id)
      try {
        await addAction(db, asking.actor, plan.id, readActionForm(request.body), now())
      } catch (error) {
        if (error instanceof PlanRefused) throw badRequest('An action needs a title and an owner.')
        throw error
      }
      return reply.redirect(planPage(plan), 303)
    },
  )

  app.post<{ Params: { id: string; action: string } }>(
    '/context-plans/:id/actions/:action/done',
    { preHandler: [signedIn, app.csrfProtection] },
    async (request, reply) => {
      const asking = await askingOf(db, request)
      const plan = await planToAct(db, asking, request.params.id)
      try {
        await completeAction(db, asking.actor, plan.id, Number(request.params.action), now())
      } catch (error) {
        if (error instanceof PlanRefused) throw badRequest('There is no such open action.')
        throw error
      }
      return reply.redirect(planPage(plan), 303)
    },
  )
}

export default placePages

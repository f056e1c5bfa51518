// Pages of learning reviews: the list (with overdue actions by agency), a new review, a review with its
// clocks, recommendations and each agency's plan, recording the clocks' dates, adding a recommendation
// assigned to agencies, an agency's action added, an action updated with its evidence, and the
// partnership's sign-offs. Each handler asks access.ts, calls a store and renders; every view and
// change is audited.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { now, londonDate } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import { listAgencies } from '../agencies/agencies.ts'
import { actorOf, userOf, withRole } from '../web/guards.ts'
import { forbidden } from '../web/http-error.ts'
import { FormErrors, list, readDay, text, type Form } from '../web/forms.ts'
import { isoOfDay } from '../web/date-time.ts'
import { REVIEW_ROLES, mayEscalatePlan, mayOpenReviews, mayReadPlan, mayRunReviews, mayWritePlan } from './access.ts'
import { REVIEW_KINDS, REVIEW_KIND_LABELS, RECOMMENDATION_MAX, reviewProblems, type ReviewKind } from './reviews.ts'
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  EVIDENCE_KINDS,
  EVIDENCE_KIND_LABELS,
  REASON_MAX,
  changesBetween,
  newActionProblems,
  reasonProblems,
  updateProblems,
  type ActionStatus,
  type EvidenceKind,
} from './actions.ts'
import { actionView, historyView, reviewPageFor, reviewsListFor } from './pages.ts'
import {
  ReviewRefused,
  addRecommendation,
  createReview,
  recordReviewDates,
  reviewInFull,
  signOffRecommendation,
  signOffReview,
} from './store.ts'
import {
  PlanRefused,
  actionHistory,
  addPlanAction,
  escalatePlanAction,
  ownersOf,
  planAction,
  reassignPlanAction,
  updatePlanAction,
  type NewPlanAction,
} from './store-actions.ts'
import { agencyNames } from '../agencies/agencies.ts'
import { agencyLeads } from './escalation.ts'

type IdParams = { Params: { id: string } }
type RecParams = { Params: { id: string; rec: string } }

const refuseUnlessRunning = (request: FastifyRequest) => {
  if (!mayRunReviews(userOf(request)))
    throw forbidden('Only the safeguarding partnership creates reviews, assigns agencies and signs off.')
}

/** A date typed in a GOV.UK date input, as YYYY-MM-DD (null when blank or wrong; the error is added). */
const dayOf = (form: Form, name: string, errors: FormErrors, label: string, required = false) => {
  const day = readDay(form, name, errors, { label, required })
  return day ? isoOfDay(day) : null
}

async function reviewsPage(db: Db, request: FastifyRequest, reply: FastifyReply) {
  const user = userOf(request)
  if (!mayOpenReviews(user)) throw forbidden()
  const at = now()
  const { rows, byAgency } = await reviewsListFor(db, user, at)
  await audit(db, actorOf(request), { action: 'view_reviews', details: { reviews: rows.length } }, at)
  return reply.render('reviews-list.njk', { rows, byAgency, running: mayRunReviews(user), at })
}

const kindOptions = () => REVIEW_KINDS.map((k) => ({ value: k, text: REVIEW_KIND_LABELS[k] }))

async function newReviewPost(db: Db, request: FastifyRequest<{ Body: Form }>, reply: FastifyReply) {
  refuseUnlessRunning(request)
  const form = request.body ?? {}
  const errors = new FormErrors()
  const at = now()
  const incidentKnownOn = dayOf(form, 'incident_known_on', errors, 'the date the serious incident became known')
  const input = {
    kind: text(form, 'kind'),
    title: text(form, 'title'),
    pseudonym: text(form, 'pseudonym'),
    incidentKnownOn,
  }
  const fields = { kind: 'kind', title: 'title', pseudonym: 'pseudonym', incidentKnownOn: 'incident_known_on' }
  for (const p of reviewProblems(input))
    errors.add(fields[p.field], p.message, p.field === 'incidentKnownOn' ? '#incident_known_on-day' : undefined)
  if (incidentKnownOn && incidentKnownOn > londonDate(at))
    errors.add(
      'incident_known_on',
      'The date the incident became known must be today or in the past',
      '#incident_known_on-day',
    )
  if (errors.any)
    return reply.code(400).render('reviews-new.njk', { kinds: kindOptions(), values: form, errors: errors.view() })
  const id = await createReview(
    db,
    actorOf(request),
    userOf(request).id,
    { ...input, kind: input.kind as ReviewKind, pseudonym: input.pseudonym || null },
    at,
  )
  return reply.redirect(`/reviews/${id}`)
}

async function reviewPage(
  db: Db,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
  problem?: { errors: FormErrors; values?: Form },
) {
  const at = now()
  const view = await reviewPageFor(db, userOf(request), Number(request.params.id), at)
  await audit(db, actorOf(request), { action: 'view_review', details: { review_id: view.review.id } }, at)
  return reply
    .code(problem ? 400 : 200)
    .render('reviews-review.njk', { ...view, errors: problem?.errors.view(), values: problem?.values ?? {} })
}

async function datesPost(db: Db, request: FastifyRequest<IdParams & { Body: Form }>, reply: FastifyReply) {
  refuseUnlessRunning(request)
  const form = request.body ?? {}
  const errors = new FormErrors()
  const at = now()
  const notifiedOn = dayOf(form, 'notified_on', errors, 'the date of the notification')
  const decidedOn = dayOf(form, 'decided_on', errors, 'the date of the decision')
  for (const [name, day] of [
    ['notified_on', notifiedOn],
    ['decided_on', decidedOn],
  ] as const)
    if (day && day > londonDate(at)) errors.add(name, 'The date must be today or in the past', `#${name}-day`)
  if (!errors.any)
    await recordReviewDates(db, actorOf(request), Number(request.params.id), { notifiedOn, decidedOn }, at).catch(
      (error: unknown) => {
        if (!(error instanceof ReviewRefused)) throw error
        errors.add(/notification/.test(error.message) ? 'notified_on' : 'decided_on', error.message)
      },
    )
  if (errors.any) return reviewPage(db, request, reply, { errors, values: form })
  return reply.redirect(`/reviews/${request.params.id}`)
}

async function recommendationForm(
  db: Db,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
  problem?: { errors: FormErrors; values: Form },
) {
  refuseUnlessRunning(request)
  const review = await reviewInFull(db, Number(request.params.id))
  const agencies = (await listAgencies(db)).map((a) => ({ value: a.code, text: a.name }))
  return reply.code(problem ? 400 : 200).render('reviews-recommendation-new.njk', {
    review,
    agencies,
    chosen: problem ? list(problem.values, 'agencies') : [],
    values: problem?.values ?? {},
    errors: problem?.errors.view(),
  })
}

async function recommendationPost(db: Db, request: FastifyRequest<IdParams & { Body: Form }>, reply: FastifyReply) {
  refuseUnlessRunning(request)
  const form = request.body ?? {}
  const errors = new FormErrors()
  const known = new Set((await listAgencies(db)).map((a) => a.code))
  const recommendation = text(form, 'text')
  const agencies = list(form, 'agencies')
  if (!recommendation) errors.add('text', 'Enter the recommendation')
  else if (recommendation.length > RECOMMENDATION_MAX)
    errors.add('text', `The recommendation must be ${RECOMMENDATION_MAX} characters or less`)
  if (agencies.length === 0 || agencies.some((a) => !known.has(a)))
    errors.add('agencies', 'Choose at least one agency to assign the recommendation to')
  if (!errors.any)
    await addRecommendation(
      db,
      actorOf(request),
      userOf(request).id,
      Number(request.params.id),
      { text: recommendation, agencies },
      now(),
    ).catch((error: unknown) => {
      if (!(error instanceof ReviewRefused)) throw error
      errors.add('text', error.message)
    })
  if (errors.any) return recommendationForm(db, request, reply, { errors, values: form })
  return reply.redirect(`/reviews/${request.params.id}`)
}

async function signOffRecommendationPost(db: Db, request: FastifyRequest<RecParams>, reply: FastifyReply) {
  refuseUnlessRunning(request)
  const names = await agencyNames(db)
  const errors = new FormErrors()
  const rec = Number(request.params.rec)
  const review = await reviewInFull(db, Number(request.params.id))
  if (!review.recommendations.some((r) => r.id === rec)) throw forbidden('That recommendation is not this review’s.')
  await signOffRecommendation(db, actorOf(request), userOf(request).id, rec, now(), (c) => names.get(c) ?? c).catch(
    (error: unknown) => {
      if (!(error instanceof ReviewRefused)) throw error
      errors.add(`recommendation-${rec}`, error.message)
    },
  )
  if (errors.any) return reviewPage(db, request, reply, { errors })
  return reply.redirect(`/reviews/${request.params.id}#recommendation-${rec}`)
}

async function signOffReviewPost(db: Db, request: FastifyRequest<IdParams>, reply: FastifyReply) {
  refuseUnlessRunning(request)
  const errors = new FormErrors()
  await signOffReview(db, actorOf(request), userOf(request).id, Number(request.params.id), now()).catch(
    (error: unknown) => {
      if (!(error instanceof ReviewRefused)) throw error
      errors.add('sign-off', error.message)
    },
  )
  if (errors.any) return reviewPage(db, request, reply, { errors })
  return reply.redirect(`/reviews/${request.params.id}`)
}

/** The recommendation a manager adds an action for, when it is assigned to their agency. */
async function recommendationForAgency(db: Db, request: FastifyRequest<RecParams>) {
  const user = userOf(request)
  const review = await reviewInFull(db, Number(request.params.id))
  const rec = review.recommendations.find((r) => r.id === Number(request.params.rec))
  if (!rec || !rec.agencies.includes(user.agency) || !mayWritePlan(user, user.agency))
    throw forbidden('Only the managers of an agency assigned to this recommendation add actions to its plan.')
  return { review, rec }
}

async function newActionForm(
  db: Db,
  request: FastifyRequest<RecParams>,
  reply: FastifyReply,
  problem?: { errors: FormErrors; values: Form },
) {
  const { review, rec } = await recommendationForAgency(db, request)
  const user = userOf(request)
  const owners = (await ownersOf(db, user.agency)).map((o) => ({ value: String(o.id), text: o.name }))
  return reply.code(problem ? 400 : 200).render('reviews-action-new.njk', {
    heading: `Add an action for recommendation ${rec.number}`,
    about: rec.text,
    postTo: `/reviews/${review.id}/recommendations/${rec.id}/actions`,
    backTo: `/reviews/${review.id}`,
    backText: review.title,
    owners,
    agencyName: user.agencyName,
    values: problem?.values ?? {},
    errors: problem?.errors.view(),
  })
}

/** Reads a new action from its form; errors added field by field. */
async function readNewAction(db: Db, agency: string, form: Form, errors: FormErrors) {
  const owners = (await ownersOf(db, agency)).map((o) => o.id)
  const dueOn = dayOf(form, 'due_on', errors, 'the date the action is due', true)
  const action = { text: text(form, 'text'), ownerId: Number(text(form, 'owner_id')) || null, dueOn }
  const fields = { text: 'text', ownerId: 'owner_id', dueOn: 'due_on' }
  for (const p of newActionProblems(action, owners)) errors.add(fields[p.field], p.message)
  return action
}

/**
 * An action added to a plan from its form: read and checked, then stored, a refusal (the plan signed
 * off meanwhile) named on the form. The id of the action, or null with `errors` saying why. Both plans
 * (a recommendation's, a self-assessment's) add actions through it.
 */
export async function addActionFromForm(
  db: Db,
  request: FastifyRequest,
  form: Form,
  errors: FormErrors,
  plan: NewPlanAction['for'],
): Promise<number | null> {
  const user = userOf(request)
  const action = await readNewAction(db, user.agency, form, errors)
  if (errors.any || action.ownerId === null || action.dueOn === null) return null
  const { text, ownerId, dueOn } = action
  return addPlanAction(
    db,
    actorOf(request),
    user.id,
    { for: plan, agency: user.agency, text, ownerId, dueOn },
    now(),
  ).catch((error: unknown) => {
    if (!(error instanceof PlanRefused)) throw error
    errors.add('text', error.message)
    return null
  })
}

async function newActionPost(db: Db, request: FastifyRequest<RecParams & { Body: Form }>, reply: FastifyReply) {
  const { review, rec } = await recommendationForAgency(db, request)
  const form = request.body ?? {}
  const errors = new FormErrors()
  const id = await addActionFromForm(db, request, form, errors, { recommendationId: rec.id })
  if (id === null) return newActionForm(db, request, reply, { errors, values: form })
  return reply.redirect(`/reviews/${review.id}#recommendation-${rec.id}`)
}

/** Where an action's page leads back to: its review, or its self-assessment. */
const backOf = (a: { reviewId: number | null; selfAssessmentId: number | null }) =>
  a.reviewId !== null ? `/reviews/${a.reviewId}` : `/self-assessments/${a.selfAssessmentId}`

async function actionPage(
  db: Db,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
  problem?: { errors: FormErrors; values: Form; code?: number },
) {
  const user = userOf(request)
  const at = now()
  const action = await planAction(db, Number(request.params.id))
  if (!mayReadPlan(user, action.agency)) throw forbidden('This action is another agency’s.')
  const names = await agencyNames(db)
  const lead = (await agencyLeads(db, [action.agency], names)).get(action.agency)?.name ?? null
  const [history, owners] = await Promise.all([actionHistory(db, action.id), ownersOf(db, action.agency)])
  await audit(db, actorOf(request), { action: 'view_plan_action', details: { action_id: action.id } }, at)
  const values = problem?.values ?? {
    status: action.status,
    evidence_kind: action.evidenceKind ?? '',
    evidence: action.evidence ?? '',
    ...(action.doneOn ? dayBoxes('done_on', action.doneOn) : {}),
    owner_id: String(action.ownerId),
    ...dayBoxes('due_on', action.dueOn),
  }
  const view = actionView(action, at, lead)
  const canUpdate = mayWritePlan(user, action.agency)
  return reply.code(problem ? (problem.code ?? 400) : 200).render('reviews-action.njk', {
    action: view,
    agencyName: names.get(action.agency) ?? action.agency,
    backTo: backOf(action),
    canUpdate,
    canReassign: canUpdate && action.status !== 'done',
    canEscalate: mayEscalatePlan(user) && action.status !== 'done',
    owners: owners.map((o) => ({ value: String(o.id), text: o.name })),
    statuses: ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_LABELS[s] })),
    evidenceKinds: EVIDENCE_KINDS.map((k) => ({ value: k, text: EVIDENCE_KIND_LABELS[k] })),
    history: historyView(history, at, lead),
    version: action.version,
    values,
    errors: problem?.errors.view(),
  })
}

/** A reason from its form: at most REASON_MAX characters (whether one is needed is the change's). */
const reasonOf = (form: Form, name: string, errors: FormErrors) => {
  const reason = text(form, name)
  if (reason.length > REASON_MAX) errors.add(name, `The reason must be ${REASON_MAX} characters or less`)
  return reason
}

async function reassignPost(db: Db, request: FastifyRequest<IdParams & { Body: Form }>, reply: FastifyReply) {
  const user = userOf(request)
  const at = now()
  const action = await planAction(db, Number(request.params.id))
  if (!mayWritePlan(user, action.agency))
    throw forbidden('Only the managers of the agency whose plan it is change an action’s owner or due date.')
  const form = request.body ?? {}
  const errors = new FormErrors()
  const dueOn = dayOf(form, 'due_on', errors, 'the date the action is due', true)
  const ownerId = Number(text(form, 'owner_id')) || null
  const reason = reasonOf(form, 'change_reason', errors)
  if (ownerId === null || !(await ownersOf(db, action.agency)).some((o) => o.id === ownerId))
    errors.add('owner_id', 'Choose who owns the action, from the agency whose plan it is')
  if (!errors.any && ownerId !== null && dueOn !== null && Number(text(form, 'version')) === action.version) {
    const changes = changesBetween(action, { ...action, ownerId, dueOn })
    for (const p of reasonProblems(changes, reason))
      errors.add(
        p.field === 'nothing' ? 'owner_id' : 'change_reason',
        p.field === 'nothing' ? 'Change the owner or the due date' : p.message,
      )
  }
  if (!errors.any && ownerId !== null && dueOn !== null)
    await reassignPlanAction(
      db,
      actorOf(request),
      user.id,
      action.id,
      Number(text(form, 'version')),
      { ownerId, dueOn, reason: reason || null },
      at,
    ).catch((error: unknown) => {
      if (!(error instanceof PlanRefused)) throw error
      errors.add('owner_id', error.message)
    })
  if (errors.any) return actionPage(db, request, reply, { errors, values: form })
  return reply.redirect(`/plan-actions/${action.id}#history`)
}

async function escalatePost(db: Db, request: FastifyRequest<IdParams & { Body: Form }>, reply: FastifyReply) {
  const user = userOf(request)
  const at = now()
  const action = await planAction(db, Number(request.params.id))
  if (!mayEscalatePlan(user)) throw forbidden('Only the safeguarding partnership escalates an agency’s action.')
  const form = request.body ?? {}
  const errors = new FormErrors()
  const note = reasonOf(form, 'escalation', errors)
  if (!note) errors.add('escalation', 'Say to whom it is escalated and what was asked of them')
  if (!errors.any)
    await escalatePlanAction(db, actorOf(request), user.id, action.id, Number(text(form, 'version')), note, at).catch(
      (error: unknown) => {
        if (!(error instanceof PlanRefused)) throw error
        errors.add('escalation', error.message)
      },
    )
  if (errors.any) return actionPage(db, request, reply, { errors, values: form })
  return reply.redirect(`/plan-actions/${action.id}#history`)
}

const dayBoxes = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-')
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year }
}

async function actionPost(db: Db, request: FastifyRequest<IdParams & { Body: Form }>, reply: FastifyReply) {
  const user = userOf(request)
  const at = now()
  const action = await planAction(db, Number(request.params.id))
  if (!mayWritePlan(user, action.agency))
    throw forbidden('Only the managers of the agency whose plan it is update an action and its evidence.')
  const form = request.body ?? {}
  const errors = new FormErrors()
  const doneOn = dayOf(form, 'done_on', errors, 'the date the action was done')
  const update = {
    status: text(form, 'status'),
    evidenceKind: text(form, 'evidence_kind'),
    evidence: text(form, 'evidence'),
    doneOn,
  }
  const fields = { status: 'status', evidenceKind: 'evidence_kind', evidence: 'evidence', doneOn: 'done_on' }
  const reason = reasonOf(form, 'reason', errors)
  if (!errors.has('done_on'))
    for (const p of updateProblems(update, londonDate(at)))
      errors.add(fields[p.field], p.message, p.field === 'doneOn' ? '#done_on-day' : undefined)
  // from a version someone changed meanwhile: the store refuses it as such, whatever it would change
  if (!errors.any && Number(text(form, 'version')) === action.version) {
    const next = {
      ...action,
      status: update.status as ActionStatus,
      evidenceKind: (update.evidenceKind || null) as EvidenceKind | null,
      evidence: update.evidence || null,
      doneOn: update.status === 'done' ? update.doneOn : null,
    }
    const changes = changesBetween(action, next)
    // saving what is already there changes nothing, and is no error
    for (const p of reasonProblems(changes, reason)) if (p.field === 'reason') errors.add('reason', p.message)
  }
  if (!errors.any)
    await updatePlanAction(
      db,
      actorOf(request),
      user.id,
      action.id,
      Number(text(form, 'version')),
      {
        status: update.status as ActionStatus,
        evidenceKind: (update.evidenceKind || null) as EvidenceKind | null,
        evidence: update.evidence || null,
        doneOn: update.doneOn,
        reason: reason || null,
      },
      at,
    ).catch((error: unknown) => {
      if (!(error instanceof PlanRefused)) throw error
      errors.add('status', error.message)
    })
  if (errors.any) return actionPage(db, request, reply, { errors, values: form })
  return reply.redirect(`/plan-actions/${action.id}`)
}

const reviewRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  const page = { preHandler: withRole(...REVIEW_ROLES) }
  const post = { preHandler: [withRole(...REVIEW_ROLES), app.csrfProtection] }

  app.get('/reviews', page, (request, reply) => reviewsPage(db, request, reply))
  app.get('/reviews/new', page, async (request, reply) => {
    refuseUnlessRunning(request)
    return reply.render('reviews-new.njk', { kinds: kindOptions(), values: {} })
  })
  app.post<{ Body: Form }>('/reviews', post, (request, reply) => newReviewPost(db, request, reply))
  app.get<IdParams>('/reviews/:id', page, (request, reply) => reviewPage(db, request, reply))
  app.post<IdParams & { Body: Form }>('/reviews/:id/dates', post, (request, reply) => datesPost(db, request, reply))
  app.get<IdParams>('/reviews/:id/recommendations/new', page, (request, reply) =>
    recommendationForm(db, request, reply),
  )
  app.post<IdParams & { Body: Form }>('/reviews/:id/recommendations', post, (request, reply) =>
    recommendationPost(db, request, reply),
  )
  app.post<RecParams>('/reviews/:id/recommendations/:rec/sign-off', post, (request, reply) =>
    signOffRecommendationPost(db, request, reply),
  )
  app.post<IdParams>('/reviews/:id/sign-off', post, (request, reply) => signOffReviewPost(db, request, reply))
  app.get<RecParams>('/reviews/:id/recommendations/:rec/actions/new', page, (request, reply) =>
    newActionForm(db, request, reply),
  )
  app.post<RecParams & { Body: Form }>('/reviews/:id/recommendations/:rec/actions', post, (request, reply) =>
    newActionPost(db, request, reply),
  )
  app.get<IdParams>('/plan-actions/:id', page, (request, reply) => actionPage(db, request, reply))
  app.post<IdParams & { Body: Form }>('/plan-actions/:id', post, (request, reply) => actionPost(db, request, reply))
  app.post<IdParams & { Body: Form }>('/plan-actions/:id/owner', post, (request, reply) =>
    reassignPost(db, request, reply),
  )
  app.post<IdParams & { Body: Form }>('/plan-actions/:id/escalations', post, (request, reply) =>
    escalatePost(db, request, reply),
  )
}

export default reviewRoutes

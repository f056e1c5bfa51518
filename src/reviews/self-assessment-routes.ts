// Pages of section 11 and section 175 self-assessments: the list (every agency's for the partnership,
// one's own for its staff), one recorded by an agency's manager with a rating for each standard, a
// self-assessment with its actions, and an action added to its plan (updated on the action's own page,
// with the same evidence rule as a review's). Every view and change is audited.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../web/app.ts'
import type { Db } from '../db/database.ts'
import { now } from '../config/clock.ts'
import { audit } from '../audit/audit.ts'
import { agencyNames } from '../agencies/agencies.ts'
import { agencyKindOf } from '../working-together/store-people.ts'
import { actorOf, userOf, withRole } from '../web/guards.ts'
import { forbidden } from '../web/http-error.ts'
import { FormErrors, text, type Form } from '../web/forms.ts'
import { REVIEW_ROLES, mayOpenReviews, mayReadPlan, mayRecordSelfAssessment, mayWritePlan } from './access.ts'
import {
  ASSESSMENT_KIND_LABELS,
  RATINGS,
  RATING_LABELS,
  assessmentKindOf,
  assessmentProblems,
  type Rating,
} from './self-assessments.ts'
import { recordSelfAssessment, selfAssessment, selfAssessments } from './store-self-assessments.ts'
import { currentStandardSet, standardSet, standardSets } from './store-standards.ts'
import { ownersOf, planActions } from './store-actions.ts'
import { actionView } from './pages.ts'
import { agencyLeads } from './escalation.ts'
import { addActionFromForm } from './review-routes.ts'

type IdParams = { Params: { id: string } }

async function listPage(db: Db, request: FastifyRequest, reply: FastifyReply) {
  const user = userOf(request)
  if (!mayOpenReviews(user)) throw forbidden()
  const at = now()
  const names = await agencyNames(db)
  const rows = (await selfAssessments(db))
    .filter((s) => mayReadPlan(user, s.agency))
    .map((s) => ({
      ...s,
      agencyName: names.get(s.agency) ?? s.agency,
      kindLabel: ASSESSMENT_KIND_LABELS[s.kind],
      shortfalls: Object.values(s.ratings).filter((r) => r !== 'met').length,
    }))
  await audit(db, actorOf(request), { action: 'view_self_assessments', details: { shown: rows.length } }, at)
  return reply.render('reviews-self-assessments.njk', { rows, canRecord: mayRecordSelfAssessment(user) })
}

async function newForm(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  problem?: { errors: FormErrors; values: Form },
) {
  const user = userOf(request)
  if (!mayRecordSelfAssessment(user)) throw forbidden('Only an agency’s managers record its self-assessment.')
  const kind = assessmentKindOf((await agencyKindOf(db, user.agency)) ?? 'other')
  const set = await currentStandardSet(db, kind)
  return reply.code(problem ? 400 : 200).render('reviews-self-assessment-new.njk', {
    kind,
    kindLabel: ASSESSMENT_KIND_LABELS[kind],
    agencyName: user.agencyName,
    set,
    standards: set.standards,
    ratings: RATINGS.map((r) => ({ value: r, text: RATING_LABELS[r] })),
    values: problem?.values ?? {},
    errors: problem?.errors.view(),
  })
}

async function newPost(db: Db, request: FastifyRequest<{ Body: Form }>, reply: FastifyReply) {
  const user = userOf(request)
  if (!mayRecordSelfAssessment(user)) throw forbidden('Only an agency’s managers record its self-assessment.')
  const form = request.body ?? {}
  const kind = assessmentKindOf((await agencyKindOf(db, user.agency)) ?? 'other')
  // the version the form showed (a newer set added meanwhile: the form is shown again with it)
  const set = await currentStandardSet(db, kind)
  const ratings = Object.fromEntries(set.standards.map((s) => [s.id, text(form, `rating_${s.id}`)]))
  const period = text(form, 'period')
  const errors = new FormErrors()
  const shown = Number(text(form, 'standards_version')) || set.version
  if (shown !== set.version)
    errors.add('period', `The standards changed to version ${set.version} while you were rating them: rate them again`)
  for (const p of assessmentProblems(set.standards, { period, ratings })) errors.add(p.field, p.message)
  if (errors.any) return newForm(db, request, reply, { errors, values: form })
  const id = await recordSelfAssessment(
    db,
    actorOf(request),
    user.id,
    { kind, agency: user.agency, period, ratings: ratings as Record<string, Rating>, standardsVersion: set.version },
    now(),
  )
  return reply.redirect(`/self-assessments/${id}`)
}

async function assessmentPage(db: Db, request: FastifyRequest<IdParams>, reply: FastifyReply) {
  const user = userOf(request)
  const at = now()
  const assessment = await selfAssessment(db, Number(request.params.id))
  if (!mayReadPlan(user, assessment.agency)) throw forbidden('This self-assessment is another agency’s.')
  const set = await standardSet(db, assessment.kind, assessment.standardsVersion)
  const names = await agencyNames(db)
  const lead = (await agencyLeads(db, [assessment.agency], names)).get(assessment.agency)?.name ?? null
  const actions = (await planActions(db, { selfAssessmentId: assessment.id })).map((a) => actionView(a, at, lead))
  await audit(
    db,
    actorOf(request),
    { action: 'view_self_assessment', details: { self_assessment_id: assessment.id } },
    at,
  )
  return reply.render('reviews-self-assessment.njk', {
    assessment,
    agencyName: names.get(assessment.agency) ?? assessment.agency,
    kindLabel: ASSESSMENT_KIND_LABELS[assessment.kind],
    set,
    standards: set.standards.map((s) => ({
      ...s,
      rating: RATING_LABELS[assessment.ratings[s.id]] ?? '',
    })),
    actions,
    canAdd: mayWritePlan(user, assessment.agency),
  })
}

async function newActionForm(
  db: Db,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
  problem?: { errors: FormErrors; values: Form },
) {
  const user = userOf(request)
  const assessment = await selfAssessment(db, Number(request.params.id))
  if (!mayWritePlan(user, assessment.agency)) throw forbidden('Only the agency’s managers add to its plan.')
  const owners = (await ownersOf(db, user.agency)).map((o) => ({ value: String(o.id), text: o.name }))
  return reply.code(problem ? 400 : 200).render('reviews-action-new.njk', {
    heading: 'Add an action to the self-assessment',
    about: `${ASSESSMENT_KIND_LABELS[assessment.kind]}, ${assessment.period}`,
    postTo: `/self-assessments/${assessment.id}/actions`,
    backTo: `/self-assessments/${assessment.id}`,
    backText: 'the self-assessment',
    owners,
    agencyName: user.agencyName,
    values: problem?.values ?? {},
    errors: problem?.errors.view(),
  })
}

async function newActionPost(db: Db, request: FastifyRequest<IdParams & { Body: Form }>, reply: FastifyReply) {
  const user = userOf(request)
  const assessment = await selfAssessment(db, Number(request.params.id))
  if (!mayWritePlan(user, assessment.agency)) throw forbidden('Only the agency’s managers add to its plan.')
  const form = request.body ?? {}
  const errors = new FormErrors()
  const id = await addActionFromForm(db, request, form, errors, { selfAssessmentId: assessment.id })
  if (id === null) return newActionForm(db, request, reply, { errors, values: form })
  return reply.redirect(`/self-assessments/${assessment.id}`)
}

/** Every version of the standards, with its source and its standards: who may open reviews, and administrators. */
async function standardsPage(db: Db, request: FastifyRequest, reply: FastifyReply) {
  const user = userOf(request)
  const admin = user.roles.includes('admin')
  if (!mayOpenReviews(user) && !admin) throw forbidden()
  const sets = (await standardSets(db)).map((s) => ({ ...s, kindLabel: ASSESSMENT_KIND_LABELS[s.kind] }))
  await audit(db, actorOf(request), { action: 'view_review_standards', details: { sets: sets.length } }, now())
  return reply.render('reviews-standards.njk', { sets, admin })
}

const selfAssessmentRoutes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  const page = { preHandler: withRole(...REVIEW_ROLES) }
  const post = { preHandler: [withRole(...REVIEW_ROLES), app.csrfProtection] }
  app.get('/self-assessments', page, (request, reply) => listPage(db, request, reply))
  app.get('/self-assessments/new', page, (request, reply) => newForm(db, request, reply))
  app.get('/self-assessments/standards', { preHandler: withRole(...REVIEW_ROLES, 'admin') }, (request, reply) =>
    standardsPage(db, request, reply),
  )
  app.post<{ Body: Form }>('/self-assessments', post, (request, reply) => newPost(db, request, reply))
  app.get<IdParams>('/self-assessments/:id', page, (request, reply) => assessmentPage(db, request, reply))
  app.get<IdParams>('/self-assessments/:id/actions/new', page, (request, reply) => newActionForm(db, request, reply))
  app.post<IdParams & { Body: Form }>('/self-assessments/:id/actions', post, (request, reply) =>
    newActionPost(db, request, reply),
  )
}

export default selfAssessmentRoutes

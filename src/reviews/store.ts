// Storage of learning reviews, their recommendations and the agencies assigned to them. Each change is
// one transaction with its audit row. A review holds a pseudonym, never a child's id.
import type { Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Tables } from '../db/schema.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { errorKind } from '../errors/domain-error.ts'
import { londonDate } from '../config/clock.ts'
import { type ReviewKind } from './reviews.ts'
import { recommendationSignOffProblems, reviewSignOffProblems, type PlanAction } from './actions.ts'
import { planActions, type StoredAction } from './store-actions.ts'

/** A change refused, with what to put right. */
export class ReviewRefused extends errorKind('invalid') {}
export class ReviewNotFound extends errorKind('not_found') {}

export interface Review {
  id: number
  kind: ReviewKind
  title: string
  pseudonym: string | null
  incidentKnownOn: string | null
  notifiedOn: string | null
  decidedOn: string | null
  createdAt: Date
  signedOffAt: Date | null
  signedOffBy: string | null
}

export interface Recommendation {
  id: number
  reviewId: number
  number: number
  text: string
  agencies: string[]
  signedOffAt: Date | null
  signedOffBy: string | null
}

export interface ReviewInFull extends Review {
  recommendations: (Recommendation & { actions: StoredAction[] })[]
}

const reviewColumns = [
  'r.id',
  'r.kind',
  'r.title',
  'r.pseudonym',
  'r.incident_known_on',
  'r.notified_on',
  'r.decided_on',
  'r.created_at',
  'r.signed_off_at',
  's.name as signed_off_name',
] as const

type ReviewRow = {
  id: number
  kind: string
  title: string
  pseudonym: string | null
  incident_known_on: string | null
  notified_on: string | null
  decided_on: string | null
  created_at: Date
  signed_off_at: Date | null
  signed_off_name: string | null
}

const reviewOf = (r: ReviewRow): Review => ({
  id: r.id,
  kind: r.kind as ReviewKind,
  title: r.title,
  pseudonym: r.pseudonym,
  incidentKnownOn: r.incident_known_on,
  notifiedOn: r.notified_on,
  decidedOn: r.decided_on,
  createdAt: r.created_at,
  signedOffAt: r.signed_off_at,
  signedOffBy: r.signed_off_name,
})

/** Every review, newest first. */
export async function listReviews(db: Db | Transaction<Tables>): Promise<Review[]> {
  const rows = await db
    .selectFrom('reviews as r')
    .leftJoin('users as s', 's.id', 'r.signed_off_by')
    .select(reviewColumns)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute()
  return rows.map(reviewOf)
}

/** The recommendations of some reviews (all when none are named), with their agencies. */
export async function recommendationsOf(
  db: Db | Transaction<Tables>,
  reviewIds?: readonly number[],
): Promise<Recommendation[]> {
  if (reviewIds && reviewIds.length === 0) return []
  let query = db
    .selectFrom('review_recommendations as c')
    .leftJoin('users as s', 's.id', 'c.signed_off_by')
    .select(['c.id', 'c.review_id', 'c.number', 'c.text', 'c.signed_off_at', 's.name as signed_off_name'])
    .orderBy('c.review_id')
    .orderBy('c.number')
  if (reviewIds) query = query.where('c.review_id', 'in', reviewIds)
  const rows = await query.execute()
  const assigned =
    rows.length === 0
      ? []
      : await db
          .selectFrom('review_assignments')
          .select(['recommendation_id', 'agency_code'])
          .where(
            'recommendation_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('agency_code')
          .execute()
  return rows.map((r) => ({
    id: r.id,
    reviewId: r.review_id,
    number: r.number,
    text: r.text,
    agencies: assigned.filter((a) => a.recommendation_id === r.id).map((a) => a.agency_code),
    signedOffAt: r.signed_off_at,
    signedOffBy: r.signed_off_name,
  }))
}

/** One review with its recommendations and every action of every agency's plan for them. */
export async function reviewInFull(db: Db | Transaction<Tables>, id: number): Promise<ReviewInFull> {
  const row = await db
    .selectFrom('reviews as r')
    .leftJoin('users as s', 's.id', 'r.signed_off_by')
    .select(reviewColumns)
    .where('r.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new ReviewNotFound('There is no such review.')
  const recommendations = await recommendationsOf(db, [id])
  const actions = await planActions(db, { reviewId: id })
  return {
    ...reviewOf(row),
    recommendations: recommendations.map((r) => ({
      ...r,
      actions: actions.filter((a) => a.recommendationId === r.id),
    })),
  }
}

export interface NewReview {
  kind: ReviewKind
  title: string
  pseudonym: string | null
  incidentKnownOn: string | null
}

export async function createReview(db: Db, actor: Actor, userId: number, review: NewReview, at: Date) {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('reviews')
      .values({
        kind: review.kind,
        title: review.title,
        pseudonym: review.pseudonym,
        incident_known_on: review.incidentKnownOn,
        created_by: userId,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(trx, actor, { action: 'review_created', details: { review_id: id, kind: review.kind } }, at)
    return id
  })
}

/** The days a rapid review's clocks stop: the notification to the national panel, and the decision. */
export async function recordReviewDates(
  db: Db,
  actor: Actor,
  id: number,
  dates: { notifiedOn: string | null; decidedOn: string | null },
  at: Date,
) {
  await db.transaction().execute(async (trx) => {
    const review = await trx
      .selectFrom('reviews')
      .select(['incident_known_on'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!review) throw new ReviewNotFound('There is no such review.')
    const known = review.incident_known_on
    for (const [what, day] of [
      ['notification', dates.notifiedOn],
      ['decision', dates.decidedOn],
    ] as const)
      if (day && known && day < known)
        throw new ReviewRefused(`The date of the ${what} cannot be before the incident became known (${known})`)
    await trx
      .updateTable('reviews')
      .set({ notified_on: dates.notifiedOn, decided_on: dates.decidedOn })
      .where('id', '=', id)
      .execute()
    await appendAudit(
      trx,
      actor,
      {
        action: 'review_dates_recorded',
        details: { review_id: id, notified_on: dates.notifiedOn, decided_on: dates.decidedOn },
      },
      at,
    )
  })
}

/** A recommendation, numbered next in its review, assigned to one or more agencies. */
export async function addRecommendation(
  db: Db,
  actor: Actor,
  userId: number,
  reviewId: number,
  rec: { text: string; agencies: readonly string[] },
  at: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const review = await trx
      .selectFrom('reviews')
      .select(['id', 'signed_off_at'])
      .where('id', '=', reviewId)
      .forUpdate()
      .executeTakeFirst()
    if (!review) throw new ReviewNotFound('There is no such review.')
    if (review.signed_off_at) throw new ReviewRefused('The review is signed off: it takes no more recommendations')
    const last = await trx
      .selectFrom('review_recommendations')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('review_id', '=', reviewId)
      .executeTakeFirst()
    const { id } = await trx
      .insertInto('review_recommendations')
      .values({
        review_id: reviewId,
        number: Number(last?.n ?? 0) + 1,
        text: rec.text,
        created_by: userId,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('review_assignments')
      .values(
        rec.agencies.map((a) => ({ recommendation_id: id, agency_code: a, assigned_by: userId, assigned_at: at })),
      )
      .execute()
    await appendAudit(
      trx,
      actor,
      {
        action: 'recommendation_added',
        details: { review_id: reviewId, recommendation_id: id, agencies: rec.agencies },
      },
      at,
    )
    return id
  })
}

const asPlanAction = (a: StoredAction): PlanAction & { agency: string } => ({ ...a, agency: a.agency })

/** The partnership's sign-off of a recommendation: refused while any assigned agency's action is not done with evidence. */
export async function signOffRecommendation(
  db: Db,
  actor: Actor,
  userId: number,
  recommendationId: number,
  at: Date,
  nameOf: (agency: string) => string,
) {
  await db.transaction().execute(async (trx) => {
    const rec = await trx
      .selectFrom('review_recommendations')
      .select(['id', 'review_id', 'signed_off_at'])
      .where('id', '=', recommendationId)
      .forUpdate()
      .executeTakeFirst()
    if (!rec) throw new ReviewNotFound('There is no such recommendation.')
    // the plan's actions locked: none is changed back while the sign-off is written
    await trx
      .selectFrom('plan_actions')
      .select('id')
      .where('recommendation_id', '=', recommendationId)
      .forUpdate()
      .execute()
    const [full] = await recommendationsOf(trx, [rec.review_id]).then((all) => all.filter((r) => r.id === rec.id))
    const actions = (await planActions(trx, { reviewId: rec.review_id })).filter(
      (a) => a.recommendationId === recommendationId,
    )
    const problems = recommendationSignOffProblems(
      { agencies: full.agencies, actions: actions.map(asPlanAction), signedOffAt: rec.signed_off_at },
      nameOf,
    )
    if (problems.length) throw new ReviewRefused(`It cannot be signed off yet: ${problems.join('; ')}`)
    await trx
      .updateTable('review_recommendations')
      .set({ signed_off_by: userId, signed_off_at: at })
      .where('id', '=', recommendationId)
      .execute()
    await appendAudit(
      trx,
      actor,
      {
        action: 'recommendation_signed_off',
        details: { review_id: rec.review_id, recommendation_id: recommendationId, day: londonDate(at) },
      },
      at,
    )
  })
}

/** The partnership's sign-off of the whole review: refused until every recommendation is signed off. */
export async function signOffReview(db: Db, actor: Actor, userId: number, reviewId: number, at: Date) {
  await db.transaction().execute(async (trx) => {
    const review = await trx
      .selectFrom('reviews')
      .select(['id', 'signed_off_at'])
      .where('id', '=', reviewId)
      .forUpdate()
      .executeTakeFirst()
    if (!review) throw new ReviewNotFound('There is no such review.')
    const recommendations = await recommendationsOf(trx, [reviewId])
    const problems = reviewSignOffProblems({ signedOffAt: review.signed_off_at, recommendations })
    if (problems.length) throw new ReviewRefused(`The review cannot be signed off yet: ${problems.join('; ')}`)
    await trx
      .updateTable('reviews')
      .set({ signed_off_by: userId, signed_off_at: at })
      .where('id', '=', reviewId)
      .execute()
    await appendAudit(trx, actor, { action: 'review_signed_off', details: { review_id: reviewId } }, at)
  })
}

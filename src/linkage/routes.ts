// Pages of linkage in the product: the MASH's review queue of uncertain pairs (both records side by
// side, the waterfall of match weights, a decision), the thresholds with their trade-off (admin and
// MASH), unmerging one agency record out of a person (MASH), and a person-page panel with the
// history of how the person's records were linked.
import { splitRecordKey } from '../records/keys.ts'
import { hasRole } from '../vocabulary/roles.ts'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { Db } from '../db/database.ts'
import type { AppDeps } from '../web/app.ts'
import { now } from '../config/clock.ts'
import { actorOf, withRole } from '../web/guards.ts'
import { HttpError, forbidden, notFound } from '../web/http-error.ts'
import { audit, appendAudit } from '../audit/audit.ts'
import { actorLabel } from '../audit/actor.ts'
import type { PersonPanel } from '../people/panels.ts'
import {
  canReview,
  decideReview,
  openReviews,
  openReviewsAbout,
  peopleOfQueuedRecords,
  reviewDetail,
  type ReviewSummary,
} from './review.ts'
import { byText, byValue, listView, type Query, type SortColumns } from '../web/list-view.ts'
import { LinkageError, linkHistory, personOfRecord, unmergeRecord } from './merge.ts'
import { activeModelSummary, storeThresholds, thresholds } from './storage.ts'
import { validThresholds } from './thresholds.ts'
import { linkageStatus } from './status.ts'

const SHOWN = [0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999]

export const linkagePanel: PersonPanel = {
  id: 'linkage-history',
  page: 'records',
  template: 'linkage-person-panel.njk',
  order: 95,
  async load({ db, record, user }) {
    const mash = hasRole(user.roles, 'mash')
    if (record.reach.level !== 'full' && !mash) return null
    const [history, awaitingReview] = await Promise.all([
      linkHistory(db, record.person_id),
      openReviewsAbout(db, record.person_id),
    ])
    const records = record.records.map((r) => {
      const { agency, sourceId } = splitRecordKey(r.source_record)
      return {
        source_record: r.source_record,
        agency_code: agency,
        source_id: sourceId,
        agency_name: r.agency_name,
      }
    })
    if (history.length === 0 && awaitingReview.length === 0 && !(mash && records.length > 1)) return null
    // the MASH opens each pair; others learn only that one waits
    return { history, records, canUnmerge: mash && records.length > 1, awaitingReview, canReview: mash }
  },
}

const routes: FastifyPluginAsync<AppDeps> = async (app, { database }) => {
  const db = database.db
  reviewQueueRoutes(app, db)
  reviewDecisionRoute(app, db)
  settingsRoutes(app, db)
  unmergeRoute(app, db)
}

/** The review queue's sortable columns; unsorted, what is at stake first (review.ts openReviews). */
const REVIEW_COLUMNS: SortColumns<ReviewSummary> = {
  record: { compare: byText((r) => [r.family_name, r.given_name].filter(Boolean).join(' ')) },
  candidate: { compare: byText((r) => [r.candidate_family_name, r.candidate_given_name].filter(Boolean).join(' ')) },
  probability: { compare: byValue((r) => r.probability), natural: 'descending' },
  queued: { compare: byValue((r) => r.created_at) },
}

/** The MASH's review queue and one pair of it (each a view of the children's records, audited). */
function reviewQueueRoutes(app: FastifyInstance, db: Db): void {
  const mash = withRole('mash')
  app.get<{ Querystring: Query }>('/linkage/review', { preHandler: mash }, async (request, reply) => {
    const all = await openReviews(db, null, now())
    const list = listView(all, request.query, { path: '/linkage/review', columns: REVIEW_COLUMNS })
    // the queue names children: looking at it is a view of their records, so it names those of the page shown
    const recordPeople = await peopleOfQueuedRecords(db, list.rows)
    const children = [...new Set([...list.rows.map((r) => r.candidate_entity), ...recordPeople])]
    await audit(
      db,
      actorOf(request),
      { action: 'linkage_review_list', details: { pairs: all.length, page: list.page, children } },
      now(),
    )
    return reply.render('linkage-review-list.njk', { list })
  })

  app.get<{ Params: { id: string } }>('/linkage/review/:id', { preHandler: mash }, async (request, reply) => {
    const id = Number(request.params.id)
    const review = Number.isInteger(id) && id > 0 ? await reviewDetail(db, id) : null
    if (!review) throw notFound('There is no such pair to review.')
    // the page shows two children's identifying details: a view of their records
    await audit(
      db,
      actorOf(request),
      {
        action: 'linkage_review_view',
        entityId: review.candidate?.person_id ?? null,
        details: {
          review: id,
          record: review.record ? `${review.record.agency_code}:${review.record.source_id}` : null,
          record_person: review.record?.person_id ?? null,
          children: [review.candidate?.person_id, review.record?.person_id].filter((p) => typeof p === 'number'),
        },
      },
      now(),
    )
    const rows = review.explanation.comparisons.map((c) => ({
      ...c,
      verdict:
        c.level === 'null' ? 'not recorded on both' : c.weight > 0 ? 'agreed' : c.weight < 0 ? 'disagreed' : 'neutral',
    }))
    return reply.render('linkage-review-pair.njk', { review, rows })
  })
}

/** The MASH's decision on a pair: the same child or not. */
function reviewDecisionRoute(app: FastifyInstance, db: Db): void {
  const mash = withRole('mash')
  app.post<{ Params: { id: string }; Body: { decision?: string; reason?: string } }>(
    '/linkage/review/:id',
    { preHandler: [mash, app.csrfProtection] },
    async (request, reply) => {
      const decision = request.body?.decision
      if (decision !== 'same' && decision !== 'not_same')
        throw new HttpError(400, 'Choose whether the two records are the same child.')
      const reason = (request.body?.reason ?? '').trim()
      if (reason.length === 0) throw new HttpError(400, 'Give a reason for your decision: it is recorded.')
      if (!canReview(actorOf(request))) throw forbidden('Only the MASH decides whether two records are the same child.')
      try {
        const result = await decideReview(
          db,
          actorOf(request),
          Number(request.params.id),
          decision === 'same',
          reason,
          now(),
        )
        return reply.redirect(
          decision === 'same' ? `/people/${result.personId}/records#linkage-history` : '/linkage/review',
        )
      } catch (error) {
        if (error instanceof LinkageError)
          throw new HttpError(409, error.message[0].toUpperCase() + error.message.slice(1) + '.')
        throw error
      }
    },
  )
}

/** Linkage status and the thresholds, for admins and the MASH. */
function settingsRoutes(app: FastifyInstance, db: Db): void {
  const settingsRoles = withRole('admin', 'mash')
  app.get('/linkage/status', { preHandler: settingsRoles }, async (_request, reply) => {
    const status = await linkageStatus(db)
    return reply.render('linkage-status.njk', { status })
  })

  app.get('/linkage/settings', { preHandler: settingsRoles }, async (request, reply) => {
    const limits = await thresholds(db)
    const levels = [...new Set([...SHOWN, limits.auto, limits.review])].sort((a, b) => a - b)
    const model = await activeModelSummary(db, levels)
    return reply.render('linkage-settings.njk', { limits, model, rows: model?.tradeOffs ?? [] })
  })

  app.post<{ Body: { auto?: string; review?: string } }>(
    '/linkage/settings',
    { preHandler: [settingsRoles, app.csrfProtection] },
    async (request, reply) => {
      const next = { auto: Number(request.body?.auto), review: Number(request.body?.review) }
      const invalid = validThresholds(next)
      if (invalid) throw new HttpError(400, invalid[0].toUpperCase() + invalid.slice(1) + '.')
      const at = now()
      await db.transaction().execute(async (trx) => {
        await storeThresholds(trx, next, actorLabel(actorOf(request)), at)
        await appendAudit(trx, actorOf(request), { action: 'linkage_thresholds', details: { ...next } }, at)
      })
      return reply.redirect('/linkage/settings')
    },
  )
}

/** A record split out of a person by the MASH. */
function unmergeRoute(app: FastifyInstance, db: Db): void {
  const mash = withRole('mash')
  app.post<{ Body: { person_id?: string; agency_code?: string; source_id?: string; reason?: string } }>(
    '/linkage/unmerge',
    { preHandler: [mash, app.csrfProtection] },
    async (request, reply) => {
      const reason = (request.body?.reason ?? '').trim()
      const agency = request.body?.agency_code ?? ''
      const sourceId = request.body?.source_id ?? ''
      if (!agency || !sourceId) throw new HttpError(400, 'Say which agency record to split out.')
      if (reason.length === 0) throw new HttpError(400, 'Give a reason for splitting this record out: it is recorded.')
      const personId = Number(request.body?.person_id)
      try {
        const fresh = await db.transaction().execute(async (trx) => {
          // the form was made from a person page: refuse if the record has since moved to another person
          const linkedTo = await personOfRecord(trx, agency, sourceId)
          if (linkedTo !== null && Number.isInteger(personId) && personId > 0 && linkedTo !== personId)
            throw new LinkageError('this record has moved to another person since the page was shown')
          return unmergeRecord(trx, actorOf(request), agency, sourceId, reason, now())
        })
        return reply.redirect(`/people/${fresh}/records#linkage-history`)
      } catch (error) {
        if (error instanceof LinkageError)
          throw new HttpError(409, error.message[0].toUpperCase() + error.message.slice(1) + '.')
        throw error
      }
    },
  )
}

export default routes

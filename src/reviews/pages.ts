// What the reviews pages show, shaped for a viewer: a review with its clocks, its recommendations and
// each assigned agency's plan as far as the viewer may read it, and the overdue actions by agency.
// Every rule asked here is access.ts's; the routes render what these return.
import type { Db } from '../db/database.ts'
import { agencyNames } from '../agencies/agencies.ts'
import { londonDate } from '../config/clock.ts'
import { forbidden } from '../errors/domain-error.ts'
import { mayReadPlan, mayReadReview, mayRunReviews, mayWritePlan, type Asker } from './access.ts'
import { rapidReviewClocks } from './clocks.ts'
import {
  ACTION_STATUS_LABELS,
  CHANGE_LABELS,
  EVIDENCE_NAMES,
  historyOf,
  type ActionVersion,
  isOverdue,
  recommendationSignOffProblems,
  reviewSignOffProblems,
  shownStatus,
} from './actions.ts'
import { agencyLeads, overdueByAgency } from './escalation.ts'
import { REVIEW_KIND_LABELS } from './reviews.ts'
import { listReviews, recommendationsOf, reviewInFull, type Review } from './store.ts'
import { planActions, type StoredAction } from './store-actions.ts'

/** An action as a page shows it: its status at `now`, and who it is escalated to when overdue. */
export function actionView(a: StoredAction, now: Date, lead: string | null) {
  const status = shownStatus(a, now)
  return {
    ...a,
    shown: status,
    statusLabel: ACTION_STATUS_LABELS[status],
    evidenceLabel: a.evidenceKind ? EVIDENCE_NAMES[a.evidenceKind] : '',
    escalatedTo: isOverdue(a, now) ? lead : null,
  }
}

/**
 * An action's history as its page shows it, newest first: each version with what it changed, who and
 * when, the state it left (status, owner, due date, evidence) and its reason; and the moment it became
 * overdue, escalated to the agency's lead.
 */
export function historyView(versions: readonly ActionVersion[], now: Date, lead: string | null) {
  return historyOf(versions, now)
    .map((h) => {
      if (h.kind === 'overdue')
        return {
          at: h.at,
          who: 'Threadline',
          what: `Overdue: not done by the end of ${h.dueOn}${lead ? `, escalated to ${lead}, the agency’s lead` : ''}`,
          state: null,
          note: null,
          version: null,
        }
      const v = h.entry
      return {
        at: v.recordedAt,
        who: v.recordedBy,
        what: v.changes.map((c) => CHANGE_LABELS[c]).join(', '),
        state: {
          status: ACTION_STATUS_LABELS[v.status],
          owner: v.ownerName,
          dueOn: v.dueOn,
          evidence: v.evidence && v.evidenceKind ? `${EVIDENCE_NAMES[v.evidenceKind]}: ${v.evidence}` : '',
          doneOn: v.doneOn,
        },
        note: v.note,
        version: v.version,
      }
    })
    .reverse()
}

/** The reviews the viewer may open, each with its overdue and open actions (theirs alone for an agency). */
export async function reviewsListFor(db: Db, asker: Asker, now: Date) {
  const [reviews, recommendations, actions, names] = await Promise.all([
    listReviews(db),
    recommendationsOf(db),
    planActions(db),
    agencyNames(db),
  ])
  const agenciesOf = (review: Review) => [
    ...new Set(recommendations.filter((r) => r.reviewId === review.id).flatMap((r) => r.agencies)),
  ]
  const readable = actions.filter((a) => a.reviewId !== null && mayReadPlan(asker, a.agency))
  const rows = reviews
    .filter((r) => mayReadReview(asker, agenciesOf(r)))
    .map((r) => {
      const mine = readable.filter((a) => a.reviewId === r.id)
      return {
        ...r,
        kindLabel: REVIEW_KIND_LABELS[r.kind],
        recommendations: recommendations.filter((c) => c.reviewId === r.id).length,
        open: mine.filter((a) => a.status !== 'done').length,
        overdue: mine.filter((a) => isOverdue(a, now)).length,
      }
    })
  const byAgency = await overdueActionsByAgency(db, asker, now, actions, names)
  return { rows, byAgency }
}

/**
 * Every plan's actions not done, reviews' and self-assessments' alike, by agency, as far as the viewer
 * may read the plans: how many are overdue, and the lead each is escalated to. The reviews page and
 * the partnership's page both show it.
 */
export async function overdueActionsByAgency(
  db: Db,
  asker: Asker,
  now: Date,
  actions?: readonly StoredAction[],
  names?: ReadonlyMap<string, string>,
) {
  const agencyName = names ?? (await agencyNames(db))
  const plans = (actions ?? (await planActions(db))).filter((a) => mayReadPlan(asker, a.agency))
  const leads = await agencyLeads(db, [...new Set(plans.map((a) => a.agency))], agencyName)
  return overdueByAgency(plans, now).map((row) => ({
    ...row,
    name: agencyName.get(row.agency) ?? row.agency,
    lead: leads.get(row.agency)?.name ?? '',
  }))
}

/** One review as the viewer may see it (403 when none of its agencies is theirs). */
export async function reviewPageFor(db: Db, asker: Asker, id: number, now: Date) {
  const review = await reviewInFull(db, id)
  const assigned = [...new Set(review.recommendations.flatMap((r) => r.agencies))]
  if (!mayReadReview(asker, assigned)) throw forbidden('This review’s recommendations are not assigned to your agency.')
  const names = await agencyNames(db)
  const nameOf = (code: string) => names.get(code) ?? code
  const leads = await agencyLeads(db, assigned, names)
  const running = mayRunReviews(asker)
  const recommendations = review.recommendations.map((r) => {
    const plans = r.agencies.map((agency) => ({
      agency,
      name: nameOf(agency),
      lead: leads.get(agency)?.name ?? '',
      readable: mayReadPlan(asker, agency),
      canAdd: !r.signedOffAt && mayWritePlan(asker, agency),
      actions: mayReadPlan(asker, agency)
        ? r.actions.filter((a) => a.agency === agency).map((a) => actionView(a, now, leads.get(agency)?.name ?? null))
        : [],
    }))
    const problems = recommendationSignOffProblems(
      { agencies: r.agencies, actions: r.actions, signedOffAt: r.signedOffAt },
      nameOf,
    )
    return { ...r, plans, signOffProblems: r.signedOffAt ? [] : problems, canSignOff: running && !r.signedOffAt }
  })
  return {
    review,
    kindLabel: REVIEW_KIND_LABELS[review.kind],
    clocks:
      review.kind === 'rapid_review' && review.incidentKnownOn
        ? rapidReviewClocks(
            { incidentKnownOn: review.incidentKnownOn, notifiedOn: review.notifiedOn, decidedOn: review.decidedOn },
            now,
          )
        : [],
    recommendations,
    running,
    reviewSignOffProblems: review.signedOffAt ? [] : reviewSignOffProblems(review),
    today: londonDate(now),
  }
}

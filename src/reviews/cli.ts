// `threadline reviews list [--as-of D] [--format csv|json]` and `threadline reviews actions [--overdue]
// [--as-of D] [--format csv|json]` (docs/cli.md): the learning reviews with their clocks and overdue
// counts, and every action of every agency's plan with its status computed at the moment asked. Neither
// names a child: a review holds only a pseudonym. Each run is audited.
import type { Command } from 'commander'
import type { Db } from '../db/database.ts'
import { audit } from '../audit/audit.ts'
import { cliActor } from '../audit/actor.ts'
import { agencyNames } from '../agencies/agencies.ts'
import { withDatabase } from '../cli/context.ts'
import { asOfFrom, asOfOption, formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { formatLondon, now } from '../config/clock.ts'
import { isOverdue, shownStatus } from './actions.ts'
import { rapidReviewClocks } from './clocks.ts'
import { agencyLeads } from './escalation.ts'
import { listReviews, recommendationsOf } from './store.ts'
import { planActions } from './store-actions.ts'

export const REVIEW_COLUMNS = [
  'id',
  'kind',
  'title',
  'pseudonym',
  'incident_known_on',
  'notification_due_on',
  'notified_on',
  'notification_clock',
  'rapid_review_due_on',
  'decided_on',
  'rapid_review_clock',
  'recommendations',
  'actions',
  'actions_done',
  'actions_overdue',
  'signed_off_at',
] as const

export const ACTION_COLUMNS = [
  'id',
  'plan',
  'review_id',
  'recommendation',
  'self_assessment_id',
  'agency',
  'action',
  'owner',
  'due_on',
  'status',
  'overdue',
  'escalated_to',
  'evidence_kind',
  'evidence',
  'done_on',
] as const

/** Actions recorded by `at` (an action added after --as-of's day is not there yet). */
const actionsBy = async (db: Db, at: Date) =>
  (await planActions(db)).filter((a) => a.createdAt.getTime() <= at.getTime())

/** Each review recorded by `at`, its clocks and its actions as they stand then. */
async function reviewRows(db: Db, at: Date) {
  const [list, recommendations, actions] = await Promise.all([
    listReviews(db),
    recommendationsOf(db),
    actionsBy(db, at),
  ])
  return list
    .filter((r) => r.createdAt.getTime() <= at.getTime())
    .map((r) => {
      const clocks = r.incidentKnownOn
        ? rapidReviewClocks(
            { incidentKnownOn: r.incidentKnownOn, notifiedOn: r.notifiedOn, decidedOn: r.decidedOn },
            at,
          )
        : null
      const mine = actions.filter((a) => a.reviewId === r.id)
      return {
        id: r.id,
        kind: r.kind,
        title: r.title,
        pseudonym: r.pseudonym,
        incident_known_on: r.incidentKnownOn,
        notification_due_on: clocks?.[0].dueOn ?? null,
        notified_on: r.notifiedOn,
        notification_clock: clocks?.[0].state ?? null,
        rapid_review_due_on: clocks?.[1].dueOn ?? null,
        decided_on: r.decidedOn,
        rapid_review_clock: clocks?.[1].state ?? null,
        recommendations: recommendations.filter((c) => c.reviewId === r.id).length,
        actions: mine.length,
        actions_done: mine.filter((a) => a.status === 'done').length,
        actions_overdue: mine.filter((a) => isOverdue(a, at)).length,
        signed_off_at: r.signedOffAt && r.signedOffAt.getTime() <= at.getTime() ? formatLondon(r.signedOffAt) : null,
      }
    })
}

/** Every action recorded by `at` (only those overdue then, when asked), escalated to its agency's lead when overdue. */
async function actionRows(db: Db, at: Date, onlyOverdue: boolean) {
  const [actions, recommendations, names] = await Promise.all([
    actionsBy(db, at),
    recommendationsOf(db),
    agencyNames(db),
  ])
  const leads = await agencyLeads(db, [...new Set(actions.map((a) => a.agency))], names)
  const numberOf = new Map(recommendations.map((r) => [r.id, r.number]))
  return actions
    .filter((a) => !onlyOverdue || isOverdue(a, at))
    .map((a) => ({
      id: a.id,
      plan: a.reviewId !== null ? 'review' : 'self_assessment',
      review_id: a.reviewId,
      recommendation: a.recommendationId !== null ? (numberOf.get(a.recommendationId) ?? null) : null,
      self_assessment_id: a.selfAssessmentId,
      agency: a.agency,
      action: a.text,
      owner: a.ownerName,
      due_on: a.dueOn,
      status: shownStatus(a, at),
      overdue: isOverdue(a, at),
      escalated_to: isOverdue(a, at) ? (leads.get(a.agency)?.name ?? null) : null,
      evidence_kind: a.evidenceKind,
      evidence: a.evidence,
      done_on: a.doneOn,
    }))
}

interface Options {
  asOf?: string
  format?: string
  overdue?: boolean
}

export function registerReviewsCommands(program: Command): void {
  const reviews = program.command('reviews').description('learning reviews, their clocks and action plans')
  reviews
    .command('list')
    .description('every review with its rapid-review clocks and its actions (done, overdue)')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: Options) => {
      const at = asOfFrom(opts.asOf)
      const rows = await withDatabase('reviews list', async ({ db }) => {
        await audit(db, cliActor(), { action: 'reviews_list', details: { as_of: opts.asOf ?? null } }, now())
        return reviewRows(db, at)
      })
      process.stdout.write(formatRows(REVIEW_COLUMNS, rows, formatFrom(opts.format)))
    })
  reviews
    .command('actions')
    .description("every action of every agency's plan (reviews' and self-assessments'), its status as at the moment")
    .option('--overdue', 'only the actions overdue (not done with evidence by the end of their due day)')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: Options) => {
      const at = asOfFrom(opts.asOf)
      const rows = await withDatabase('reviews actions', async ({ db }) => {
        const details = { as_of: opts.asOf ?? null, overdue: !!opts.overdue }
        await audit(db, cliActor(), { action: 'reviews_actions', details }, now())
        return actionRows(db, at, !!opts.overdue)
      })
      process.stdout.write(formatRows(ACTION_COLUMNS, rows, formatFrom(opts.format)))
    })
}

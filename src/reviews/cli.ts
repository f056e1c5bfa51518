// `threadline reviews list [--as-of D] [--format csv|json]` and `threadline reviews actions [--overdue]
// [--as-of D] [--format csv|json]` (docs/cli.md): the learning reviews with their clocks and overdue
// counts, and every action of every agency's plan with its status computed at the moment asked; with
// --as-of, each action as it stood then (its status, owner, due date and evidence from its history,
// decision 0045), overdue judged then. Neither names a child: a review holds only a pseudonym. Each run
// is audited. `threadline reviews standards [add FILE]`: the section 11 / section 175 standard sets.
import type { Command } from 'commander'
import { CliError } from '../cli/errors.ts'
import type { Db } from '../db/database.ts'
import { audit } from '../audit/audit.ts'
import { cliActor } from '../audit/actor.ts'
import { agencyNames } from '../agencies/agencies.ts'
import { withDatabase } from '../cli/context.ts'
import { asOfFrom, asOfOption, formatFrom, formatOf, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { formatLondon, now } from '../config/clock.ts'
import { isOverdue, shownStatus } from './actions.ts'
import { rapidReviewClocks } from './clocks.ts'
import { agencyLeads } from './escalation.ts'
import { listReviews, recommendationsOf } from './store.ts'
import { planActions, planActionsAt } from './store-actions.ts'
import { StandardSetRefused, addStandardSet, standardSets } from './store-standards.ts'
import { problemLine } from './standards.ts'
import { readJsonFile } from '../cli/files.ts'

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

/**
 * Actions as they stood at `at` when --as-of is given (each as its latest version by then: status,
 * owner, due date and evidence; an action added later is not there yet), else as they stand now.
 */
const actionsBy = async (db: Db, at: Date, asOf: boolean) =>
  asOf ? planActionsAt(db, at) : (await planActions(db)).filter((a) => a.createdAt.getTime() <= at.getTime())

/** Each review recorded by `at`, its clocks and its actions as they stand then. */
async function reviewRows(db: Db, at: Date, asOf: boolean) {
  const [list, recommendations, actions] = await Promise.all([
    listReviews(db),
    recommendationsOf(db),
    actionsBy(db, at, asOf),
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
async function actionRows(db: Db, at: Date, onlyOverdue: boolean, asOf: boolean) {
  const [actions, recommendations, names] = await Promise.all([
    actionsBy(db, at, asOf),
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

export const STANDARDS_COLUMNS = [
  'kind',
  'version',
  'title',
  'source',
  'standards',
  'in_use',
  'self_assessments',
  'added_by',
  'added_at',
] as const

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
        return reviewRows(db, at, opts.asOf !== undefined)
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
        return actionRows(db, at, !!opts.overdue, opts.asOf !== undefined)
      })
      process.stdout.write(formatRows(ACTION_COLUMNS, rows, formatFrom(opts.format)))
    })
  registerStandardsCommands(reviews)
}

/** `reviews standards list` and `reviews standards add FILE`. */
function registerStandardsCommands(reviews: Command): void {
  const standards = reviews
    .command('standards')
    .description('the section 11 and section 175 standard sets self-assessments are made against')
  standards
    .command('list')
    .description('every version of each kind of standards; in_use is the one new self-assessments use')
    .addOption(formatOption())
    .action(async (opts: Options) => {
      const rows = await withDatabase('reviews standards list', async ({ db }) => {
        await audit(db, cliActor(), { action: 'reviews_standards_list', details: {} }, now())
        return standardSets(db)
      })
      process.stdout.write(
        formatRows(
          STANDARDS_COLUMNS,
          rows.map((r) => ({
            kind: r.kind,
            version: r.version,
            title: r.title,
            source: r.source,
            standards: r.standards.length,
            in_use: r.inUse,
            self_assessments: r.assessments,
            added_by: r.addedBy,
            added_at: r.addedBy ? formatLondon(r.addedAt) : null,
          })),
          formatFrom(opts.format),
        ),
      )
    })
  standards
    .command('add <file>')
    .description(
      'add the next version of a kind of standards (JSON: kind, version, title, source, standards [{ id, text }]); ' +
        'checked first, used by new self-assessments (the administrators who run Threadline alone add one)',
    )
    .addOption(formatOption())
    .action(async (file: string, _opts: unknown, command: Command) => {
      const definition = readJsonFile(file)
      const set = await withDatabase('reviews standards add', async ({ db }) =>
        addStandardSet(db, cliActor(), null, definition, now()),
      ).catch((error: unknown) => {
        if (!(error instanceof StandardSetRefused)) throw error
        throw new CliError(
          `${file} is not a standard set:\n${error.problems.map((p) => `  ${problemLine(p)}`).join('\n')}`,
        )
      })
      process.stdout.write(
        formatRows(
          ['kind', 'version', 'title', 'standards'],
          [{ kind: set.kind, version: set.version, title: set.title, standards: set.standards.length }],
          formatOf(command),
        ),
      )
    })
}

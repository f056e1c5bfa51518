// `threadline linkage train`: trains a model on the database's person records (no labels), stores
// it and makes it active; imports use it from then on, without retraining.
// `threadline linkage status`: linkage by agency, the review queue's size and the models (status.ts).
// `threadline linkage thresholds`: the auto-link and review thresholds with the trade-off the
// active model expects at each (and sets them with --auto/--review).
// `threadline linkage relink [--dry-run]`: people made of one agency record (linked before this
// model, by the exact rules only) reconsidered with the active model (relink.ts). It is a step of
// its own, not part of training: training changes future scores only, while relinking merges
// people, and with them who may see each child; it is previewed with --dry-run once the new
// model's trade-off has been looked at, and run when someone decides to.
import type { Command } from 'commander'
import { progressBar, type Progress } from '../cli/progress.ts'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { now } from '../config/clock.ts'
import { cliActor, actorLabel } from '../audit/actor.ts'
import { appendAudit, audit } from '../audit/audit.ts'
import { activeModelSummary, DEFAULT_MODEL_AUTHOR, storeThresholds, thresholds, trainAndStore } from './storage.ts'
import { tradeOff, validThresholds } from './thresholds.ts'
import { relinkCandidates, relinkPeople } from './relink.ts'
import { linkageStatus } from './status.ts'

const SHOWN = [0.5, 0.8, 0.9, 0.95, 0.99]
const pct = (x: number | null) => (x === null ? '' : x.toFixed(4))

export function registerLinkageDbCommands(program: Command): void {
  const linkage = program.command('linkage').description("probabilistic linkage of the database's person records")
  trainCommand(linkage)
  relinkCommand(linkage)
  statusCommand(linkage)
  thresholdsCommand(linkage)
}

/** `linkage train`: a model trained on the current person records, stored and made active. */
function trainCommand(linkage: Command): void {
  linkage
    .command('train')
    .description('train a linkage model on the current person records (no labels) and make it active')
    .option('--seed <n>', 'random seed of the training', '42')
    .action(async (opts: { seed: string }) => {
      const seed = Number(opts.seed)
      if (!Number.isInteger(seed)) throw new CliError('--seed must be a whole number', 2)
      let bar: Progress | null = null
      const summary = await withDatabase('linkage train', async ({ db }) => {
        const at = now()
        const actor = cliActor()
        let result
        try {
          result = await trainAndStore(db, actorLabel(actor), at, {
            seed,
            onProgress: (done, total) => {
              bar ??= progressBar('training', total, 'steps')
              bar.update(done)
            },
          })
        } catch (error) {
          if (error instanceof Error && error.message === 'too few person records to train on')
            throw new CliError(error.message)
          throw error
        } finally {
          bar?.stop()
        }
        await audit(
          db,
          actor,
          {
            action: 'linkage_train',
            details: { model: result.modelId, records: result.records, candidate_pairs: result.candidatePairs },
          },
          at,
        )
        return { result, limits: await thresholds(db), alone: await relinkCandidates(db) }
      })
      const { result, limits, alone } = summary
      const at = (t: number) => tradeOff(result.scores, t)
      process.stderr.write(
        [
          `trained linkage model ${result.modelId} on ${result.records} person records (${result.candidatePairs} candidate pairs, ${result.emIterations} EM iterations) in ${result.seconds.toFixed(1)} s; it is now active`,
          `prior match probability ${result.lambda.toExponential(3)}`,
          `auto-link at ${limits.auto}: expected precision ${pct(at(limits.auto).precision)}, recall ${pct(at(limits.auto).recall)}`,
          `review from ${limits.review}: expected precision ${pct(at(limits.review).precision)}, recall ${pct(at(limits.review).recall)}`,
          ...(alone > 0
            ? [
                `${alone} people are made of one agency record, linked without this model: \`threadline linkage relink --dry-run\` shows what it would link`,
              ]
            : []),
          '',
        ].join('\n'),
      )
    })
}

/** `linkage relink [--dry-run]`: people of one agency record reconsidered with the active model. */
function relinkCommand(linkage: Command): void {
  linkage
    .command('relink')
    .description(
      'reconsider people made of one agency record with the active model: link at the auto threshold, queue the review band for the MASH',
    )
    .option('--dry-run', 'count what relinking would do, and change nothing')
    .addOption(formatOption())
    .action(async (opts: { dryRun?: boolean; format?: string }) => {
      let bar: Progress | null = null
      const summary = await withDatabase('linkage relink', async ({ db }) => {
        try {
          return await relinkPeople(db, cliActor(), now(), {
            dryRun: opts.dryRun === true,
            onProgress: (done, total) => {
              bar ??= progressBar('relinking', total, 'people')
              bar.update(done)
            },
          })
        } finally {
          bar?.stop()
        }
      })
      const s = summary
      const would = s.dryRun ? 'would be ' : ''
      process.stdout.write(
        formatRows(
          ['model', 'dry_run', 'considered', 'linked', 'queued', 'already_queued', 'joined', 'unchanged'],
          [
            {
              model: s.modelId,
              dry_run: s.dryRun,
              considered: s.considered,
              linked: s.linked,
              queued: s.queued,
              already_queued: s.alreadyQueued,
              joined: s.joined,
              unchanged: s.unchanged,
            },
          ],
          formatFrom(opts.format),
        ),
      )
      process.stderr.write(
        [
          `${s.dryRun ? 'dry run of relinking' : 'relinked'} with linkage model ${s.modelId} (auto-link at ${s.auto}, review from ${s.review}): ` +
            `${s.considered} people made of one agency record; ${s.linked} ${would}linked to another person, ` +
            `${s.queued} ${would}queued for the MASH (${s.alreadyQueued} already queued), ${s.joined} joined by another, ${s.unchanged} unchanged`,
          ...(s.dryRun ? ['nothing was changed'] : []),
          '',
        ].join('\n'),
      )
    })
}

/** `linkage status`: linkage by agency, the review queue and the models. */
function statusCommand(linkage: Command): void {
  linkage
    .command('status')
    .description(
      'linkage by agency (records, share linked with another agency, by rule, model or person), the review queue and the models',
    )
    .addOption(formatOption())
    .action(async (opts: { format?: string }) => {
      const status = await withDatabase('linkage status', ({ db }) => linkageStatus(db))
      process.stdout.write(
        formatRows(
          [
            'agency',
            'records',
            'linked_across',
            'linked_share',
            'by_exact_rule',
            'by_model',
            'by_person',
            'awaiting_review',
          ],
          status.agencies.map((a) => ({ ...a, linked_share: a.linked_share.toFixed(4) })),
          formatFrom(opts.format),
        ),
      )
      const active = status.models.find((m) => m.active)
      process.stderr.write(
        `${status.records} current person records; ${status.queue} pairs awaiting review (${status.queuePer1000.toFixed(1)} per 1,000 records); active model ${active ? `${active.id} (${active.trained_by}, ${active.records} records)` : 'none yet (the shipped default is stored at the first import)'}\n`,
      )
      for (const m of status.models.filter((x) => x.not_adopted))
        process.stderr.write(`model ${m.id} (${m.trained_by}) was not adopted: ${m.not_adopted}\n`)
    })
}

/** `linkage thresholds [--auto P] [--review P]`: the thresholds and the trade-off expected at each. */
function thresholdsCommand(linkage: Command): void {
  linkage
    .command('thresholds')
    .description('show (or set) the auto-link and review thresholds, with the expected precision and recall at each')
    .option('--auto <p>', 'auto-link at or above this probability')
    .option('--review <p>', 'queue for the MASH at or above this probability')
    .addOption(formatOption())
    .action(async (opts: { auto?: string; review?: string; format?: string }) => {
      const rows = await withDatabase('linkage thresholds', async ({ db }) => {
        const at = now()
        let limits = await thresholds(db)
        if (opts.auto !== undefined || opts.review !== undefined) {
          const next = {
            auto: opts.auto !== undefined ? Number(opts.auto) : limits.auto,
            review: opts.review !== undefined ? Number(opts.review) : limits.review,
          }
          const invalid = validThresholds(next)
          if (invalid) throw new CliError(invalid, 2)
          const actor = cliActor()
          await db.transaction().execute(async (trx) => {
            await storeThresholds(trx, next, actorLabel(actor), at)
            await appendAudit(trx, actor, { action: 'linkage_thresholds', details: { ...next } }, at)
          })
          limits = await thresholds(db)
        }
        const levels = [...new Set([...SHOWN, limits.auto, limits.review])].sort((a, b) => a - b)
        const summary = await activeModelSummary(db, levels)
        if (!summary || summary.trainedBy === DEFAULT_MODEL_AUTHOR)
          process.stderr.write(
            'linking with the shipped default model (docs/linkage-model.md), which estimates no trade-off: `threadline linkage train` estimates one\n',
          )
        return levels.map((t, i) => {
          const trade = summary?.tradeOffs[i]
          return {
            threshold: t,
            use: t === limits.auto ? 'auto' : t === limits.review ? 'review' : '',
            expected_precision: pct(trade?.precision ?? null),
            expected_recall: pct(trade?.recall ?? null),
            pairs: trade?.pairs ?? '',
          }
        })
      })
      process.stdout.write(
        formatRows(
          ['threshold', 'use', 'expected_precision', 'expected_recall', 'pairs'],
          rows,
          formatFrom(opts.format),
        ),
      )
    })
}

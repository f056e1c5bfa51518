// `threadline partnership figures --from D --to D [--by month|quarter|year] [--suppress] [--as-of D]
// [--format csv|json]` (docs/cli.md): the partnership's figures, exact unless --suppress.
import { Option, type Command } from 'commander'
import { audit } from '../audit/audit.ts'
import { cliActor } from '../audit/actor.ts'
import { withDatabase } from '../cli/context.ts'
import { asOfFrom, asOfOption, formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { now } from '../config/clock.ts'
import { missingSettings } from '../missing/settings.ts'
import { riskSettings } from '../risk/settings.ts'
import { partnershipFigures } from './figures.ts'
import { DATASET_COLUMNS } from './dataset.ts'
import { partnershipDataset } from './dataset-store.ts'
import { FIGURE_COLUMNS } from './measures.ts'
import { PERIOD_KINDS, PeriodError, parsePeriodKind, periodsFor, type Period, type PeriodKind } from './periods.ts'

interface FiguresOptions {
  from?: string
  to?: string
  by?: string
  suppress?: boolean
  asOf?: string
  format?: string
}

/** The periods asked for, or a usage error (exit 2, with the usage). */
export function periodsFromOptions(
  command: Command,
  opts: Pick<FiguresOptions, 'from' | 'to' | 'by'>,
): { periods: Period[]; by: PeriodKind | null } {
  try {
    const by = parsePeriodKind(opts.by)
    return { periods: periodsFor(opts.from ?? '', opts.to ?? '', by), by }
  } catch (error) {
    if (error instanceof PeriodError)
      command.error(`threadline: ${error.message}`, { exitCode: 2, code: 'threadline.usage' })
    throw error
  }
}

export function registerPartnershipCommands(program: Command): void {
  const partnership = program.command('partnership').description("the safeguarding partnership's figures")
  partnership
    .command('figures')
    .description('figures per period and measure, for the area and each agency (exact unless --suppress)')
    .option('--from <date>', 'first day (YYYY-MM-DD, Europe/London); required')
    .option('--to <date>', 'last day, inclusive (YYYY-MM-DD); required')
    .addOption(
      new Option(
        '--by <period>',
        `one row set per ${PERIOD_KINDS.join(', ')} (quarters from 1 January, years from 1 April)`,
      ),
    )
    .option('--suppress', 'hide counts from 1 to 4 and the cells that would give them away (the board pack)')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: FiguresOptions, command: Command) => {
      const { periods, by } = periodsFromOptions(command, opts)
      const asOf = asOfFrom(opts.asOf)
      const format = formatFrom(opts.format)
      const settings = { missing: missingSettings(), risk: riskSettings() }
      const rows = await withDatabase('partnership figures', async ({ db }) => {
        const rows = await partnershipFigures(db, { periods, asOf, suppress: !!opts.suppress, settings })
        await audit(
          db,
          cliActor(),
          {
            action: 'partnership_figures',
            details: {
              from: periods[0].start,
              to: periods.at(-1)!.end,
              by,
              suppressed: !!opts.suppress,
              as_of: opts.asOf ?? null,
            },
          },
          now(),
        )
        return rows
      })
      process.stdout.write(formatRows(FIGURE_COLUMNS, rows, format))
    })
  partnership
    .command('dataset')
    .description(
      'the national data set on child sexual exploitation: victims and suspects by characteristic, with completeness',
    )
    .option('--from <date>', 'first day (YYYY-MM-DD, Europe/London); required')
    .option('--to <date>', 'last day, inclusive (YYYY-MM-DD); required')
    .addOption(
      new Option(
        '--by <period>',
        `one row set per ${PERIOD_KINDS.join(', ')} (quarters from 1 January, years from 1 April)`,
      ),
    )
    .option('--suppress', 'hide counts from 1 to 4 and the cells that would give them away')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: FiguresOptions, command: Command) => {
      const { periods, by } = periodsFromOptions(command, opts)
      const asOf = asOfFrom(opts.asOf)
      const format = formatFrom(opts.format)
      const rows = await withDatabase('partnership dataset', async ({ db }) => {
        const rows = await partnershipDataset(db, { periods, asOf, suppress: !!opts.suppress })
        await audit(
          db,
          cliActor(),
          {
            action: 'partnership_dataset',
            details: {
              from: periods[0].start,
              to: periods.at(-1)!.end,
              by,
              suppressed: !!opts.suppress,
              as_of: opts.asOf ?? null,
            },
          },
          now(),
        )
        return rows
      })
      process.stdout.write(formatRows(DATASET_COLUMNS, rows, format))
    })
}

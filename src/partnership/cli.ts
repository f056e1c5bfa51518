// `threadline partnership figures --from D --to D [--by month|quarter|year] [--suppress] [--as-of D]
// [--format csv|json]` (docs/cli.md): the partnership's figures, exact unless --suppress.
import { Option, type Command } from 'commander'
import type { Db } from '../db/database.ts'
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

/** What one partnership command counts: its columns and the rows for the periods asked. */
interface PartnershipCount {
  name: 'figures' | 'dataset'
  description: string
  suppressHelp: string
  columns: readonly string[]
  rows: (db: Db, ask: { periods: Period[]; asOf: Date; suppress: boolean }) => Promise<object[]>
}

/** A partnership command: the same options, periods, audit entry and output for every count. */
function addCount(partnership: Command, count: PartnershipCount): void {
  partnership
    .command(count.name)
    .description(count.description)
    .option('--from <date>', 'first day (YYYY-MM-DD, Europe/London); required')
    .option('--to <date>', 'last day, inclusive (YYYY-MM-DD); required')
    .addOption(
      new Option(
        '--by <period>',
        `one row set per ${PERIOD_KINDS.join(', ')} (quarters from 1 January, years from 1 April)`,
      ),
    )
    .option('--suppress', count.suppressHelp)
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: FiguresOptions, command: Command) => {
      const { periods, by } = periodsFromOptions(command, opts)
      const asOf = asOfFrom(opts.asOf)
      const format = formatFrom(opts.format)
      const suppress = !!opts.suppress
      const rows = await withDatabase(`partnership ${count.name}`, async ({ db }) => {
        const rows = await count.rows(db, { periods, asOf, suppress })
        const details = { from: periods[0].start, to: periods[periods.length - 1].end, by, suppressed: suppress }
        await audit(
          db,
          cliActor(),
          { action: `partnership_${count.name}`, details: { ...details, as_of: opts.asOf ?? null } },
          now(),
        )
        return rows
      })
      process.stdout.write(formatRows(count.columns, rows as Record<string, unknown>[], format))
    })
}

export function registerPartnershipCommands(program: Command): void {
  const partnership = program.command('partnership').description("the safeguarding partnership's figures")
  addCount(partnership, {
    name: 'figures',
    description: 'figures per period and measure, for the area and each agency (exact unless --suppress)',
    suppressHelp: 'hide counts from 1 to 4 and the cells that would give them away (the board pack)',
    columns: FIGURE_COLUMNS,
    rows: (db, ask) =>
      partnershipFigures(db, { ...ask, settings: { missing: missingSettings(), risk: riskSettings() } }),
  })
  addCount(partnership, {
    name: 'dataset',
    description:
      'the national data set on child sexual exploitation: victims and suspects by characteristic, with completeness',
    suppressHelp: 'hide counts from 1 to 4 and the cells that would give them away',
    columns: DATASET_COLUMNS,
    rows: (db, ask) => partnershipDataset(db, ask),
  })
}

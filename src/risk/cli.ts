// `threadline children --at-risk [--min-band N] [--as-of D]` and `threadline children --unanswered [--as-of D]`
// (columns as docs/cli.md). Settings: THREADLINE_RISK_WORKING_DAYS (README.md).
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { asOfFrom, asOfOption, formatFrom, formatOf, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { listed } from '../audit/listed.ts'
import { CHILDREN_COLUMNS, atRiskList, unansweredList } from './lists.ts'
import { riskSettings } from './settings.ts'
import { cliActor } from '../audit/actor.ts'
import { formatLondon, now } from '../config/clock.ts'
import { addInstrument } from './store.ts'
import { recomputeAll } from './cache.ts'
import { readJsonFile } from '../cli/files.ts'

interface ChildrenOptions {
  atRisk?: boolean
  unanswered?: boolean
  minBand?: string
  asOf?: string
  format?: string
}

export function registerRiskCommands(program: Command): void {
  program
    .command('children')
    .description('children at risk of exploitation (--at-risk) or whose rising risk is unanswered (--unanswered)')
    .option('--at-risk', 'children at or above a band (bands 1 to 4)')
    .option('--min-band <n>', 'with --at-risk: the lowest band listed (1 lists every child)', '2')
    .option('--unanswered', 'children with no response past the configured working days')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: ChildrenOptions, command: Command) => {
      if (!!opts.atRisk === !!opts.unanswered) throw new CliError('say --at-risk or --unanswered (one of them)', 2)
      const minBand = Number(opts.minBand)
      if (!Number.isInteger(minBand) || minBand < 1 || minBand > 4)
        throw new CliError(`--min-band "${opts.minBand}" is not a band (1 to 4)`, 2)
      if (opts.unanswered && command.getOptionValueSource('minBand') === 'cli')
        throw new CliError('--min-band goes with --at-risk', 2)
      const asOf = asOfFrom(opts.asOf)
      const format = formatFrom(opts.format)
      const settings = riskSettings()
      // today's unanswered list is the maintained one (maintained-lists.ts); --as-of computes
      const now = opts.asOf === undefined ? asOf : null
      const output = await withDatabase('children', async ({ db }) =>
        formatRows(
          CHILDREN_COLUMNS,
          await listed(
            db,
            opts.atRisk ? 'children --at-risk' : 'children --unanswered',
            opts.atRisk
              ? await atRiskList(db, { asOf, minBand, settings })
              : await unansweredList(db, { asOf, settings, now }),
          ),
          format,
        ),
      )
      process.stdout.write(output)
    })
}

/** `threadline instruments` and `threadline instruments add FILE`: an area's own version of the screening instrument. */
export function registerInstrumentCommands(program: Command): void {
  const instruments = program
    .command('instruments')
    .description('risk screening instrument versions: instrument_id, version, added_at, in_use')
    .addOption(formatOption())
    .action(async (opts: { format?: string }) => {
      const output = await withDatabase('instruments', async ({ db }) => {
        const rows = await db
          .selectFrom('risk_instruments')
          .select(['instrument_id', 'version', 'added_at'])
          .orderBy('added_at', 'desc')
          .orderBy('version', 'desc')
          .execute()
        return formatRows(
          ['instrument_id', 'version', 'added_at', 'in_use'],
          rows.map((r, i) => ({ ...r, added_at: formatLondon(r.added_at), in_use: i === 0 })),
          formatFrom(opts.format),
        )
      })
      process.stdout.write(output)
    })
  instruments
    .command('add <file>')
    .description(
      'add a version of the instrument (JSON, checked first); it is in use from now, and every child is rescored with it',
    )
    .addOption(formatOption())
    .action(async (file: string, _opts: unknown, command: Command) => {
      const definition = readJsonFile(file)
      const output = await withDatabase('instruments add', async ({ db }) => {
        const at = now()
        const instrument = await addInstrument(db, cliActor(), definition, at)
        const result = await recomputeAll(db, at)
        process.stderr.write(
          `${instrument.id} version ${instrument.version} in use; ${result.children} children rescored\n`,
        )
        return formatRows(
          ['instrument_id', 'version'],
          [{ instrument_id: instrument.id, version: instrument.version }],
          formatOf(command),
        )
      })
      process.stdout.write(output)
    })
}

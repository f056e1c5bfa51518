// `threadline children --at-risk [--min-band N] [--as-of D]` and `threadline children --unanswered [--as-of D]`
// (columns as ../shared/spec/cli.md). Settings: THREADLINE_RISK_WORKING_DAYS (README.md).
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { asOfFrom, asOfOption, formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { CHILDREN_COLUMNS, atRiskList, unansweredList } from './lists.ts'
import { riskSettings, RiskSettingError, type RiskSettings } from './settings.ts'
import './cache.ts' // keeps the cached scores up to date when `threadline import` brings records

interface ChildrenOptions {
  atRisk?: boolean
  unanswered?: boolean
  minBand?: string
  asOf?: string
  format?: string
}

function settingsOrFail(): RiskSettings {
  try {
    return riskSettings()
  } catch (error) {
    if (error instanceof RiskSettingError) throw new CliError(error.message)
    throw error
  }
}

export function registerRiskCommands(program: Command): void {
  program.command('children')
    .description('children at risk of exploitation (--at-risk) or whose rising risk is unanswered (--unanswered)')
    .option('--at-risk', 'children at or above a band (bands 1 to 4)')
    .option('--min-band <n>', 'with --at-risk: the lowest band listed (1 lists every child)', '2')
    .option('--unanswered', 'children with no response past the configured working days')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: ChildrenOptions, command: Command) => {
      if (!!opts.atRisk === !!opts.unanswered) throw new CliError('say --at-risk or --unanswered (one of them)', 2)
      const minBand = Number(opts.minBand)
      if (!Number.isInteger(minBand) || minBand < 1 || minBand > 4) throw new CliError(`--min-band "${opts.minBand}" is not a band (1 to 4)`, 2)
      if (opts.unanswered && command.getOptionValueSource('minBand') === 'cli') throw new CliError('--min-band goes with --at-risk', 2)
      const asOf = asOfFrom(opts.asOf)
      const format = formatFrom(opts.format)
      const settings = settingsOrFail()
      const output = await withDatabase('children', async ({ db }) => formatRows(CHILDREN_COLUMNS,
        opts.atRisk ? await atRiskList(db, { asOf, minBand, settings }) : await unansweredList(db, { asOf, settings }), format))
      process.stdout.write(output)
    })
}

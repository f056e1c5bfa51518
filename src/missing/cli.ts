// `threadline missing --interviews [--overdue] [--as-of D]` and `threadline missing --repeat [--as-of D]`
// (columns as docs/cli.md). Settings: THREADLINE_INTERVIEW_HOURS, THREADLINE_REPEAT_EPISODES,
// THREADLINE_REPEAT_DAYS (README.md).
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { asOfFrom, asOfOption, formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { listed } from '../audit/listed.ts'
import { INTERVIEW_COLUMNS, REPEAT_COLUMNS, interviewList, repeatList } from './lists.ts'
import { missingSettings } from './settings.ts'

interface MissingOptions {
  interviews?: boolean
  repeat?: boolean
  overdue?: boolean
  asOf?: string
  format?: string
}

export function registerMissingCommands(program: Command): void {
  program
    .command('missing')
    .description('missing episodes: return interviews (--interviews) or children repeatedly missing (--repeat)')
    .option('--interviews', 'return interviews of every returned episode, with their status')
    .option('--overdue', 'with --interviews: only the overdue ones')
    .option('--repeat', 'children over the repeat-missing threshold with no strategy discussion since')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: MissingOptions) => {
      if (!!opts.interviews === !!opts.repeat) throw new CliError('say --interviews or --repeat (one of them)', 2)
      if (opts.overdue && !opts.interviews) throw new CliError('--overdue goes with --interviews', 2)
      const asOf = asOfFrom(opts.asOf)
      const format = formatFrom(opts.format)
      const settings = missingSettings()
      // today's lists are the maintained ones (maintained-lists.ts); --as-of computes
      const now = opts.asOf === undefined ? asOf : null
      const output = await withDatabase('missing', async ({ db }) =>
        opts.interviews
          ? formatRows(
              INTERVIEW_COLUMNS,
              await listed(
                db,
                'missing --interviews',
                await interviewList(db, { asOf, overdue: opts.overdue, settings, now }),
              ),
              format,
            )
          : formatRows(
              REPEAT_COLUMNS,
              await listed(db, 'missing --repeat', await repeatList(db, { asOf, settings, now })),
              format,
            ),
      )
      process.stdout.write(output)
    })
}

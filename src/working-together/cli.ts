// `threadline decisions|challenges|actions|supervision`: working together, computed when read.
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { asOfFrom, asOfOption, formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { listed } from '../audit/listed.ts'
import {
  ACTION_COLUMNS,
  CHALLENGE_COLUMNS,
  DECISION_COLUMNS,
  SUPERVISION_COLUMNS,
  actionRows,
  challengeRows,
  decisionRows,
  supervisionRows,
} from './listings.ts'

interface Opts {
  format?: string
  asOf?: string
  challengeable?: boolean
  open?: boolean
  overdue?: boolean
}

export function registerWorkingTogetherCommands(program: Command): void {
  program
    .command('decisions')
    .description('decisions that close a door, and whether other agencies are prompted to challenge them')
    .option('--challengeable', 'only decisions Threadline prompts other agencies to challenge')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: Opts) => {
      const at = asOfFrom(opts.asOf)
      const rows = await withDatabase('decisions', async ({ db }) =>
        listed(db, 'decisions', await decisionRows(db, at, { challengeable: opts.challengeable })),
      )
      process.stdout.write(formatRows(DECISION_COLUMNS, rows, formatFrom(opts.format)))
    })
  program
    .command('challenges')
    .description('challenges between agencies, with their stage, owner and deadline')
    .option('--open', 'only challenges not yet resolved')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: Opts) => {
      const at = asOfFrom(opts.asOf)
      const rows = await withDatabase('challenges', async ({ db }) =>
        listed(db, 'challenges', await challengeRows(db, at, { open: opts.open })),
      )
      process.stdout.write(formatRows(CHALLENGE_COLUMNS, rows, formatFrom(opts.format)))
    })
  program
    .command('actions')
    .description('actions from meetings and supervision')
    .option('--overdue', 'only actions past their due date and not done')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: Opts) => {
      const at = asOfFrom(opts.asOf)
      const rows = await withDatabase('actions', async ({ db }) =>
        listed(db, 'actions', await actionRows(db, at, { overdue: opts.overdue })),
      )
      process.stdout.write(formatRows(ACTION_COLUMNS, rows, formatFrom(opts.format)))
    })
  program
    .command('supervision')
    .description("supervision of each allocated worker on each child's case")
    .option('--overdue', 'only supervision past due')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: Opts) => {
      const at = asOfFrom(opts.asOf)
      const rows = await withDatabase('supervision', async ({ db }) =>
        listed(db, 'supervision', await supervisionRows(db, at, { overdue: opts.overdue })),
      )
      process.stdout.write(formatRows(SUPERVISION_COLUMNS, rows, formatFrom(opts.format)))
    })
}

// `threadline decisions|challenges|actions|supervision|competency|caseload`: working together, computed when read.
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { asOfFrom, asOfOption, formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { listed } from '../audit/listed.ts'
import { CliError } from '../cli/errors.ts'
import {
  ACTION_COLUMNS,
  CASELOAD_COLUMNS,
  CHALLENGE_COLUMNS,
  COMPETENCY_LAPSE_COLUMNS,
  DECISION_COLUMNS,
  SUPERVISION_COLUMNS,
  actionRows,
  caseloadRows,
  challengeRows,
  competencyLapseRows,
  decisionRows,
  supervisionRows,
} from './listings.ts'

interface Opts {
  format?: string
  asOf?: string
  challengeable?: boolean
  open?: boolean
  overdue?: boolean
  lapses?: boolean
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
        listed(db, 'challenges', await challengeRows(db, at, { open: opts.open, now: opts.asOf ? null : at })),
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
        listed(db, 'actions', await actionRows(db, at, { overdue: opts.overdue, now: opts.asOf ? null : at })),
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
  program
    .command('competency')
    .description("allocations in the imported records that broke the CSE training rule (the staff's competencies)")
    .option('--lapses', 'each allocation that broke the training rule (required)')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: Opts) => {
      if (!opts.lapses) throw new CliError('competency needs --lapses (competency --lapses [--as-of D])', 2)
      const at = asOfFrom(opts.asOf)
      const rows = await withDatabase('competency', async ({ db }) =>
        listed(db, 'competency', await competencyLapseRows(db, at)),
      )
      process.stdout.write(formatRows(COMPETENCY_LAPSE_COLUMNS, rows, formatFrom(opts.format)))
    })
  program
    .command('caseload')
    .description(
      "each worker's caseload, weighted by the children's risk band: Threadline's own and the imported records'",
    )
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: Opts) => {
      const at = asOfFrom(opts.asOf)
      const rows = await withDatabase('caseload', async ({ db }) => listed(db, 'caseload', await caseloadRows(db, at)))
      process.stdout.write(formatRows(CASELOAD_COLUMNS, rows, formatFrom(opts.format)))
    })
}

// `threadline networks [--min-children N] [--as-of D] [--format json]` (JSON only) and
// `threadline links --shared [--as-of D] [--format]`, exactly as docs/cli.md says.
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { asOfFrom, asOfOption, formatFrom, formatOption, jsonOnlyFormatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { listed } from '../audit/listed.ts'
import { NETWORK_COLUMNS, SHARED_COLUMNS, networkCliRows, sharedCliRows } from './analysis.ts'

function minChildrenFrom(value: string | undefined): number {
  const n = Number(value ?? '2')
  if (!Number.isInteger(n) || n < 2)
    throw new CliError(`--min-children "${value}" is not a whole number of at least 2`, 2)
  return n
}

export function registerNetworksCommands(program: Command): void {
  program
    .command('networks')
    .description('suggested networks of adults and objects around several children, for an analyst to confirm (JSON)')
    .option('--min-children <n>', 'the fewest unrelated children a network is around', '2')
    .addOption(asOfOption())
    // JSON only (docs/cli.md); --format json is accepted for scripts that pass it to every command
    .addOption(jsonOnlyFormatOption())
    .action(async (opts: { minChildren?: string; asOf?: string }) => {
      const minChildren = minChildrenFrom(opts.minChildren)
      const at = asOfFrom(opts.asOf)
      const rows = await withDatabase('networks', async ({ db }) =>
        listed(db, 'networks', await networkCliRows(db, { at, minChildren })),
      )
      process.stdout.write(formatRows(NETWORK_COLUMNS, rows, 'json'))
    })

  program
    .command('links')
    .description(
      'shared-association alerts: adults, vehicles, phones, online identities and places tied to two or more unconnected children (--shared)',
    )
    .option('--shared', 'list the shared associations')
    .option('--min-children <n>', 'the fewest unconnected children', '2')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action(async (opts: { shared?: boolean; minChildren?: string; asOf?: string; format?: string }) => {
      if (!opts.shared) throw new CliError('say --shared', 2)
      const minChildren = minChildrenFrom(opts.minChildren)
      const at = asOfFrom(opts.asOf)
      const format = formatFrom(opts.format)
      const rows = await withDatabase('links', async ({ db }) =>
        listed(db, 'links --shared', await sharedCliRows(db, { at, minChildren })),
      )
      process.stdout.write(formatRows(SHARED_COLUMNS, rows, format))
    })
}

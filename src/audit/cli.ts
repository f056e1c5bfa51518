// `threadline audit verify`: checks the hash chain; exit 1 when it is broken.
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { verifyAudit } from './audit.ts'

export function registerAuditCommands(program: Command): void {
  const auditCommand = program.command('audit').description('the audit trail')
  auditCommand
    .command('verify')
    .description("check the audit trail's hash chain")
    .addOption(formatOption())
    .action(async (opts: { format?: string }) => {
      const result = await withDatabase('audit verify', ({ db }) => verifyAudit(db))
      process.stdout.write(
        formatRows(
          ['checked', 'first_broken_row'],
          [{ checked: result.checked, first_broken_row: result.firstBrokenRow }],
          formatFrom(opts.format),
        ),
      )
      if (result.firstBrokenRow !== null)
        throw new CliError(
          `the audit trail is broken at row ${result.firstBrokenRow}: it was changed or removed outside Threadline`,
        )
    })
}

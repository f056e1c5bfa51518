// `threadline audit verify [--anchor FILE]`: checks the hash chain (and the anchors in a file); exit 1
// naming the first row missing or changed. `threadline audit anchor`: the chain head as `ID HASH`.
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { readFileSync } from 'node:fs'
import { verifyAudit } from '../audit/audit.ts'
import { loadConfig } from '../config/config.ts'
import { anchorThroughServer } from './backup-socket.ts'
import { checkAnchors, currentAnchor, describeBreak, formatAnchor, parseAnchors, type Anchor } from '../audit/anchor.ts'
import { describeError } from '../errors/describe.ts'

function readAnchors(file: string): Anchor[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new CliError(`cannot read the anchor file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
  }
  const anchors = parseAnchors(text)
  if (anchors.length === 0)
    throw new CliError(`${file} has no anchor: expected lines "ID HASH" as threadline audit anchor prints them`)
  return anchors
}

export function registerAuditCommands(program: Command): void {
  const auditCommand = program.command('audit').description('the audit trail')
  auditCommand
    .command('verify')
    .description("check the audit trail's hash chain, and the anchors in FILE if given")
    .option('--anchor <file>', 'anchors (lines "ID HASH" from threadline audit anchor or the server log) to check')
    .addOption(formatOption())
    .action(async (opts: { format?: string; anchor?: string }) => {
      const anchors = opts.anchor ? readAnchors(opts.anchor) : []
      const { chain, problems } = await withDatabase('audit verify', async ({ db }) => ({
        chain: await verifyAudit(db),
        problems: await checkAnchors(db, anchors),
      }))
      // the 1.1 contract's columns; the anchor's two only when --anchor is given
      const columns = [
        'checked',
        'first_broken_row',
        ...(opts.anchor ? ['anchors_checked', 'first_anchor_problem'] : []),
      ]
      process.stdout.write(
        formatRows(
          columns,
          [
            {
              checked: chain.checked,
              first_broken_row: chain.firstBrokenRow,
              anchors_checked: anchors.length,
              first_anchor_problem: problems[0] ? `${problems[0].id} ${problems[0].problem}` : null,
            },
          ],
          formatFrom(opts.format),
        ),
      )
      const broken = describeBreak(chain, problems)
      if (broken) throw new CliError(broken)
    })
  auditCommand
    .command('anchor')
    .description('print the newest audit row as "ID HASH", to keep outside the database')
    .action(async () => {
      const config = loadConfig()
      const anchor = await withDatabase('audit anchor', ({ db }) => currentAnchor(db)).catch((error: unknown) => {
        if (config.databaseUrl || !(error instanceof CliError && /in use by the Threadline server/.test(error.message)))
          throw error
        // the server holds the embedded folder: it tells its own chain head
        return anchorThroughServer(config.dataDir).catch((e: unknown) => {
          throw new CliError(
            `the server holding ${config.dataDir} did not answer (${describeError(e)}): its log has an anchor every hour`,
          )
        })
      })
      if (!anchor) throw new CliError('the audit trail is empty: nothing to anchor yet')
      process.stdout.write(`${formatAnchor(anchor)}\n`)
    })
}

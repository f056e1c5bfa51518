// `threadline agencies` and `threadline agencies add CODE --name N --kind K`
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { formatFrom, formatOption } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { AGENCY_KINDS, isAgencyKind } from '../vocabulary/agency-kinds.ts'
import { addAgency, listAgencies, setLaNumber } from './agencies.ts'

export function registerAgencyCommands(program: Command): void {
  const agencies = program
    .command('agencies')
    .description('list the registered agencies')
    .addOption(formatOption())
    .action(async (opts: { format?: string }) => {
      const rows = await withDatabase('agencies', ({ db }) => listAgencies(db))
      process.stdout.write(formatRows(['code', 'name', 'kind', 'la_number'], rows, formatFrom(opts.format)))
    })
  agencies
    .command('add')
    .description('register an agency')
    .argument('<code>', 'short code, e.g. police')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--kind <kind>', `one of: ${AGENCY_KINDS.join(', ')}`)
    .option('--contact <text>', 'whom other agencies should ask (a team email or phone)')
    .option('--la-number <NNN>', 'the DfE local-authority number, for an agency that makes statutory returns')
    .action(async (code: string, opts: { name: string; kind: string; contact?: string; laNumber?: string }) => {
      if (!isAgencyKind(opts.kind))
        throw new CliError(`--kind "${opts.kind}" is not one of: ${AGENCY_KINDS.join(', ')}`, 2)
      await withDatabase('agencies add', async ({ db }) => {
        await addAgency(db, {
          code,
          name: opts.name,
          kind: opts.kind,
          contact: opts.contact,
          laNumber: opts.laNumber,
        })
      })
      process.stderr.write(`agency ${code} added\n`)
    })
  agencies
    .command('set')
    .description("change an agency's registration")
    .argument('<code>', 'the agency')
    .requiredOption('--la-number <NNN>', 'the DfE local-authority number its statutory returns name')
    .action(async (code: string, opts: { laNumber: string }) => {
      await withDatabase('agencies set', async ({ db }) => {
        await setLaNumber(db, code, opts.laNumber)
      })
      process.stderr.write(`agency ${code}: local-authority number ${opts.laNumber}\n`)
    })
}

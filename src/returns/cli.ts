// `threadline import --from cin-census|ssda903|fhir FILE... --agency CODE [--check] [--skip-invalid]
// [--rejects FILE] [--before DATE]` and the same through POST /api/v1/records?from=... : the thin
// touchpoints by which the import command and the API reach this capability (import/sources.ts).
import { createReadStream, statSync, writeFileSync } from 'node:fs'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { formatFrom } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { cliActor } from '../audit/actor.ts'
import { now } from '../config/clock.ts'
import { describeReject, rejectLine } from '../import/importer.ts'
import { ApiImportRefused, type ImportFromOptions, type OtherFormats } from '../import/sources.ts'
import { returnDate } from './codes.ts'
import { RETURN_FORMATS, formatNamed, apiInputs } from './formats.ts'
import { importReturns, ReturnRefused, type ReturnsResult } from './import.ts'
import type { ReturnInput } from './format.ts'

export const IMPORT_COLUMNS = ['file', 'created', 'updated', 'unchanged', 'withdrawn', 'rejected'] as const
export const CHECK_COLUMNS = ['file', 'table', 'rows', 'records', 'rejected', 'skipped'] as const

export const otherFormats: OtherFormats = {
  names: RETURN_FORMATS.map((f) => f.name),
  contentTypes: ['application/xml', 'text/xml', 'text/csv', 'application/fhir+json'],
  cli: importFromCli,
  api: async (db, request) => {
    const format = formatNamed(request.from)
    if (!format)
      throw new ApiImportRefused(
        `from "${request.from}" is not a format Threadline reads (${RETURN_FORMATS.map((f) => f.name).join(', ')})`,
      )
    let result: ReturnsResult
    try {
      result = await importReturns(db, format, apiInputs(format, request), {
        agency: request.agency,
        onlyAgency: request.agency,
        skipInvalid: request.skipInvalid,
        check: request.check,
        actor: request.actor,
        receivedAt: request.receivedAt,
        channel: 'api',
        tokenId: request.tokenId,
      })
    } catch (error) {
      if (error instanceof ReturnRefused) throw new ApiImportRefused(error.message)
      throw error
    }
    const errors = result.rejects.flatMap((r) =>
      r.errors.map((e) => ({ line: r.line, path: r.path ?? null, field: e.field, message: e.message })),
    )
    if (request.check) return { tables: result.checks, errors }
    const total = (k: 'created' | 'updated' | 'unchanged' | 'withdrawn' | 'rejected') =>
      result.rows.reduce((n, r) => n + r[k], 0)
    if (result.rolledBack)
      throw new ApiImportRefused(
        `${total('rejected')} record(s) rejected, so none were stored. Correct them and send again, or send with ?skip_invalid=true to store the valid ones.`,
        errors,
      )
    return {
      created: total('created'),
      updated: total('updated'),
      unchanged: total('unchanged'),
      withdrawn: total('withdrawn'),
      rejected: total('rejected'),
      errors,
      dangling: result.dangling,
      skipped: Object.fromEntries(result.skipped),
    }
  },
}

async function importFromCli(from: string, files: string[], opts: ImportFromOptions): Promise<void> {
  const format = formatNamed(from)
  if (!format) throw new CliError(`--from "${from}" is not a format Threadline reads`, 2)
  if (!opts.agency)
    throw new CliError(`--agency CODE is required with --from: the agency whose ${format.title} this is`, 2)
  if (opts.before !== undefined && returnDate(opts.before) !== opts.before)
    throw new CliError(`--before "${opts.before}" is not a date (expected YYYY-MM-DD)`, 2)
  for (const file of files) {
    try {
      if (!statSync(file).isFile()) throw new Error()
    } catch {
      throw new CliError(`cannot read ${file}: no such file`)
    }
  }
  const inputs: ReturnInput[] = files.map((file) => ({ name: file, chunks: () => readChunks(file) }))
  const agency = opts.agency
  const result = await withDatabase('import', async ({ db }) => {
    try {
      return await importReturns(db, format, inputs, {
        agency,
        skipInvalid: opts.skipInvalid === true,
        check: opts.check === true,
        before: opts.before,
        actor: cliActor(),
        receivedAt: now(),
        channel: 'file',
      })
    } catch (error) {
      if (error instanceof ReturnRefused) throw new CliError(`${error.message}. Nothing was imported.`)
      throw error
    }
  })
  const output = formatFrom(opts.format)
  if (opts.check) process.stdout.write(formatRows([...CHECK_COLUMNS], result.checks, output))
  else process.stdout.write(formatRows([...IMPORT_COLUMNS], result.rows, output))
  report(result, opts.check === true)
  if (opts.rejects) writeFileSync(opts.rejects, result.rejects.map((r) => rejectLine(r)).join(''))
  if (result.rejects.length > 0 && (opts.check || !opts.skipInvalid))
    throw new CliError(
      `${result.rejects.length} record(s) rejected` +
        (opts.check ? ' (checked only: nothing was written)' : ', so nothing from the return was imported') +
        '. Correct them (see above' +
        (opts.rejects ? ` and ${opts.rejects}` : '') +
        ') and import again, or use --skip-invalid to import the valid ones.',
    )
}

function report(result: ReturnsResult, checkOnly: boolean): void {
  const shown = result.rejects.slice(0, 20)
  for (const r of shown)
    process.stderr.write(`${r.tag ?? ''}: ${describeReject(r).replace(/\n/g, `\n${r.tag ?? ''}: `)}\n`)
  if (result.rejects.length > shown.length)
    process.stderr.write(`... and ${result.rejects.length - shown.length} more (use --rejects FILE to see them all)\n`)
  for (const [why, n] of result.skipped) process.stderr.write(`${n} not imported: ${why}\n`)
  if (checkOnly) return
  for (const row of result.rows)
    process.stderr.write(
      `${row.file}: ${result.rolledBack ? 'not imported' : 'imported'}: ${row.created} created, ${row.updated} updated, ` +
        `${row.unchanged} unchanged, ${row.withdrawn} withdrawn, ${row.rejected} rejected\n`,
    )
  if (result.dangling.length > 0)
    process.stderr.write(
      `${result.dangling.length} event(s) name people not yet sent (kept; linked when they arrive): ${result.dangling.slice(0, 10).join(', ')}\n`,
    )
}

async function* readChunks(file: string): AsyncIterable<string> {
  let first = true
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    yield first ? String(chunk).replace(/^\uFEFF/, '') : String(chunk)
    first = false
  }
}

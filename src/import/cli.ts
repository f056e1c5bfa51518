// `threadline import FILE... [--agency CODE] [--skip-invalid] [--rejects FILE]`
import { createReadStream, statSync, writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { withDatabase } from '../cli/context.ts'
import { CliError } from '../cli/errors.ts'
import { formatOption, formatFrom } from '../cli/options.ts'
import { formatRows } from '../cli/output.ts'
import { progressBar } from '../cli/progress.ts'
import { cliActor } from '../audit/actor.ts'
import { now } from '../config/clock.ts'
import { decodeLine, describeReject, importRecords, rejectLine, type InputLine, type Reject } from './importer.ts'
import type { ImportFromOptions, OtherFormats } from './sources.ts'

export function registerImportCommands(program: Command, other?: OtherFormats): void {
  program
    .command('import')
    .description('import agency records (NDJSON, docs/import-format.md); each file whole or not at all')
    .argument('<files...>', 'NDJSON files (or, with --from, the files of a return)')
    .option('--agency <code>', 'agency for lines that do not name one (required with --from)')
    .option('--skip-invalid', 'import the valid lines and report the rejected ones')
    .option('--rejects <file>', 'write rejected lines with their reasons to this NDJSON file')
    .addOption(formatOption())
    .option('--from <format>', `read a format the agency already produces: ${other?.names.join(', ') ?? 'none'}`)
    .option('--check', 'with --from: validate and count each table of the return; write nothing')
    .option('--before <date>', "with --from: leave facts begun on or after this date to the agency's live records")
    .action((files: string[], opts: ImportOptions) => importFiles(other, files, opts))
}

interface ImportOptions {
  agency?: string
  skipInvalid?: boolean
  rejects?: string
  format?: string
  from?: string
  check?: boolean
  before?: string
}

type FileRow = Record<string, number | string>

/** `threadline import FILE...`: each file imported whole (or its valid lines), a row for each, rejects reported. */
async function importFiles(other: OtherFormats | undefined, files: string[], opts: ImportOptions): Promise<void> {
  if (opts.from !== undefined || opts.check || opts.before) return importFrom(other, files, opts)
  for (const file of files) {
    try {
      if (!statSync(file).isFile()) throw new Error()
    } catch {
      throw new CliError(`cannot read ${file}: no such file`)
    }
  }
  const rows: FileRow[] = []
  const allRejects: (Reject & { file: string })[] = []
  await withDatabase('import', async ({ db }) => {
    for (const file of files) {
      const { row, rejects } = await importFile(db, file, opts)
      rows.push(row)
      allRejects.push(...rejects)
    }
  })
  process.stdout.write(
    formatRows(['file', 'created', 'updated', 'unchanged', 'withdrawn', 'rejected'], rows, formatFrom(opts.format)),
  )
  if (opts.rejects) {
    writeFileSync(opts.rejects, allRejects.map((r) => rejectLine(r, r.file)).join(''))
  }
  if (allRejects.length > 0 && !opts.skipInvalid) {
    throw new CliError(
      `${allRejects.length} line(s) rejected, so nothing from ${rows
        .filter((r) => Number(r.rejected) > 0)
        .map((r) => r.file)
        .join(', ')} was imported. ` +
        'Correct the lines (see above' +
        (opts.rejects ? ` and ${opts.rejects}` : '') +
        ') and import again, or use --skip-invalid to import the valid lines.',
    )
  }
}

/** One file imported with a progress bar: its row of counts and its rejected lines. */
async function importFile(
  db: Parameters<typeof importRecords>[0],
  file: string,
  opts: ImportOptions,
): Promise<{ row: FileRow; rejects: (Reject & { file: string })[] }> {
  const size = statSync(file).size
  const bar = progressBar(file, size, 'bytes')
  let bytes = 0
  try {
    const result = await importRecords(
      db,
      readLines(file, (n) => (bytes += n)),
      {
        channel: 'file',
        filename: file,
        defaultAgency: opts.agency,
        skipInvalid: opts.skipInvalid === true,
        actor: cliActor(),
        receivedAt: now(),
        onProgress: () => bar.update(bytes),
      },
    )
    bar.update(size)
    bar.stop()
    const row = {
      file,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      withdrawn: result.withdrawn,
      rejected: result.rejected,
    }
    const rejects = result.rejects.map((r) => ({ ...r, file }))
    report(file, result)
    return { row, rejects }
  } catch (error) {
    bar.stop()
    throw error
  }
}

function importFrom(other: OtherFormats | undefined, files: string[], opts: ImportFromOptions & { from?: string }) {
  if (!other || opts.from === undefined) throw new CliError('--check and --before go with --from', 2)
  if (!other.names.includes(opts.from))
    throw new CliError(`--from "${opts.from}" is not a format Threadline reads (${other.names.join(', ')})`, 2)
  return other.cli(opts.from, files, opts)
}

function report(file: string, result: Awaited<ReturnType<typeof importRecords>>): void {
  const shown = result.rejects.slice(0, 20)
  for (const reject of shown) process.stderr.write(`${file}: ${describeReject(reject).replace(/\n/g, `\n${file}: `)}\n`)
  if (result.rejects.length > shown.length)
    process.stderr.write(
      `${file}: ... and ${result.rejects.length - shown.length} more rejected lines (use --rejects FILE to see them all)\n`,
    )
  const verb = result.rolledBack ? 'not imported' : 'imported'
  process.stderr.write(
    `${file}: ${verb}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.withdrawn} withdrawn, ${result.rejected} rejected\n`,
  )
  const linkage = result.linkage
  if (linkage?.adopted && linkage.relink)
    process.stderr.write(
      `${file}: linkage model ${linkage.modelId} re-estimated on ${linkage.records} records and adopted; ${linkage.relink.considered} people made of one record reconsidered: ${linkage.relink.linked} linked, ${linkage.relink.queued} queued for the MASH\n`,
    )
  if (result.dangling.length > 0) {
    process.stderr.write(
      `${file}: ${result.dangling.length} reference(s) to records not yet sent (kept; linked when they arrive): ${result.dangling.slice(0, 10).join(', ')}${result.dangling.length > 10 ? ', ...' : ''}\n`,
    )
  }
}

/** A file's lines as the import reads them (bytes decoded line by line); also the regional benchmark's reader. */
export async function* readLines(file: string, onBytes: (n: number) => void = () => {}): AsyncIterable<InputLine> {
  // read as bytes and decoded line by line, so that a line that is not UTF-8 is refused, not changed
  let n = 0
  let rest: Buffer = Buffer.alloc(0)
  const line = (bytes: Buffer) => {
    n++
    onBytes(bytes.length + 1)
    const input = decodeLine(n, bytes)
    return input.errors || input.text.trim() !== '' ? input : null
  }
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk
    for (let end = bytes.indexOf(0x0a); end >= 0; end = bytes.indexOf(0x0a)) {
      const input = line(bytes.subarray(0, end))
      if (input) yield input
      bytes = bytes.subarray(end + 1)
    }
    rest = bytes
  }
  if (rest.length > 0) {
    const input = line(rest)
    if (input) yield input
  }
}

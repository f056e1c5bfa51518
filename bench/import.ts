// Import throughput: N events through `threadline import`, against the database's own COPY of the
// same rows into a bare table of the same columns, on PostgreSQL and on PGlite, in the same run.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import pg from 'pg'
import { PGlite } from '@electric-sql/pglite'
import { cli, fmt, report, timed } from './support.ts'

const PG_URL =
  process.env.THREADLINE_TEST_PG && process.env.THREADLINE_TEST_PG !== 'none'
    ? process.env.THREADLINE_TEST_PG
    : 'postgres://postgres@127.0.0.1:5432/test'

const BARE = `create table bare_events (agency_code text, source_id text, version int, is_current boolean, withdrawn boolean,
  recorded_at timestamptz, received_at timestamptz, import_id int, raw jsonb, kind text, subject_source_id text,
  occurred_at timestamptz, summary text, restricted boolean, indicators text[], extra jsonb)`

function makeFiles(dir: string, events: number) {
  const ndjson: string[] = []
  const csv: string[] = []
  const kinds = ['concern', 'health_attendance', 'school_absence', 'missing_episode', 'note']
  for (let p = 0; p < 1000; p++)
    ndjson.push(
      JSON.stringify({
        type: 'person',
        agency: 'police',
        source_id: `P-${p}`,
        given_name: `Given${p}`,
        family_name: `Family${p % 97}`,
        date_of_birth: `2008-01-${String(1 + (p % 28)).padStart(2, '0')}`,
      }),
    )
  for (let i = 0; i < events; i++) {
    const o = {
      type: 'event',
      agency: 'police',
      source_id: `E-${i}`,
      kind: kinds[i % kinds.length],
      subject: `P-${i % 1000}`,
      occurred_at: `2009-0${1 + (i % 9)}-1${i % 10}T10:00:00`,
      summary: `Event number ${i} recorded by the benchmark`,
      indicators: i % 3 === 0 ? ['staying_out_late'] : [],
    }
    ndjson.push(JSON.stringify(o))
    const raw = JSON.stringify(o).replace(/"/g, '""')
    csv.push(
      `police,E-${i},1,t,f,2009-01-01T10:00:00Z,2026-01-01T00:00:00Z,1,"${raw}",${o.kind},${o.subject},${o.occurred_at}Z,${o.summary},f,"{${o.indicators.join(',')}}","{}"`,
    )
  }
  const file = join(dir, 'events.ndjson')
  const csvFile = join(dir, 'events.csv')
  writeFileSync(file, ndjson.join('\n') + '\n')
  writeFileSync(csvFile, csv.join('\n') + '\n')
  // an older extract of every event sent after the current one (import format 1.2): each goes into
  // its history before the version in force, which stays current
  const backfillFile = join(dir, 'backfill.ndjson')
  writeFileSync(
    backfillFile,
    ndjson
      .filter((line) => line.includes('"type":"event"'))
      .map((line) => {
        const o = JSON.parse(line) as Record<string, unknown>
        return JSON.stringify({ ...o, summary: `${String(o.summary)} (as first recorded)`, recorded_at: '2010-01-01' })
      })
      .join('\n') + '\n',
  )
  return { file, csvFile, csv: csv.join('\n') + '\n', backfillFile }
}

const ROUNDS = 3

/** The middle of an odd number of timings: one noisy run on a shared machine does not decide the ratio. */
function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
}

const psql = (...commands: string[]) =>
  execFileSync('psql', [PG_URL, '-q', ...commands.flatMap((c) => ['-c', c])], { stdio: ['ignore', 'pipe', 'pipe'] })

async function dropSchema(schema: string): Promise<void> {
  const drop = new pg.Client({ connectionString: PG_URL })
  await drop.connect()
  await drop.query(`drop schema if exists ${schema} cascade`)
  await drop.end()
}

export interface ImportBenchOptions {
  events?: number
  pglite?: boolean
  rounds?: number
  /** another checkout's `bin/threadline.js`: its import measured in the same rounds, as "before" */
  baseline?: string
}

/**
 * Per round on the server: the import (and the baseline's, when given), the same file again, an older
 * extract of every event, COPY of the same rows into a bare table, and COPY of the rows the import
 * wrote into the real `events` table of a fresh schema (its indexes and triggers: the floor an import
 * into that table cannot go below), and the command's own start-up (`threadline agencies`).
 */
export async function benchImport(options: ImportBenchOptions = {}): Promise<void> {
  const events = options.events ?? 200_000
  const rounds = options.rounds ?? ROUNDS
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-import-'))
  const { file, csvFile, csv, backfillFile } = makeFiles(dir, events)
  const rows: [string, string][] = []
  const timings = (seconds: number[]) => `median of ${seconds.length}: ${seconds.map((x) => fmt(x, 1)).join(', ')} s`
  const ratio = (label: string, importSeconds: number[], copySeconds: number[], aim: string, startUp = true) => {
    const rate = events / median(importSeconds)
    const copyRate = events / median(copySeconds)
    const what = startUp ? 'including start-up' : 'less the start-up of the same round'
    rows.push([`${label} (events/s)`, `${fmt(rate)} (${timings(importSeconds)}, ${what})`])
    rows.push([`${label} / COPY`, `${fmt((rate / copyRate) * 100, 1)}%${aim}`])
  }
  try {
    // PostgreSQL server: import and COPY alternate, each into a fresh schema
    const imports: number[] = []
    const before: number[] = []
    const copies: number[] = []
    const floors: number[] = []
    const startups: number[] = []
    const again: number[] = []
    const backfills: number[] = []
    for (let round = 0; round < rounds; round++) {
      if (options.baseline) {
        const schema = `bench_${process.pid}_${round}_before`
        const env = { DATABASE_URL: PG_URL, THREADLINE_DB_SCHEMA: schema }
        await cli(['agencies', 'add', 'police', '--name', 'Police', '--kind', 'police'], env, options.baseline)
        const imported = await timed(() => cli(['import', file], env, options.baseline))
        if (imported.result.code !== 0) throw new Error(imported.result.stderr)
        before.push(imported.seconds)
        await dropSchema(schema)
      }
      const schema = `bench_${process.pid}_${round}`
      const env = { DATABASE_URL: PG_URL, THREADLINE_DB_SCHEMA: schema }
      await cli(['agencies', 'add', 'police', '--name', 'Police', '--kind', 'police'], env)
      startups.push((await timed(() => cli(['agencies'], env))).seconds)
      const imported = await timed(() => cli(['import', file], env))
      if (imported.result.code !== 0) throw new Error(imported.result.stderr)
      imports.push(imported.seconds)
      // the rows it wrote, to be copied into the real table of a fresh schema
      const written = join(dir, 'events.copy')
      psql(`set search_path = ${schema}, public`, `\\copy events to '${written}'`)
      // the same file again (every line unchanged), then an older extract of every event
      const same = await timed(() => cli(['import', file], env))
      if (same.result.code !== 0 || !/0,0,\d+,0,0/.test(same.result.stdout))
        throw new Error(`a second import of the same file changed something: ${same.result.stdout}`)
      again.push(same.seconds)
      const older = await timed(() => cli(['import', backfillFile], env))
      if (older.result.code !== 0) throw new Error(older.result.stderr)
      backfills.push(older.seconds)
      const client = new pg.Client({ connectionString: PG_URL })
      await client.connect()
      await client.query(`set search_path = ${schema}, public`)
      await client.query(BARE)
      await client.end()
      copies.push(
        (
          await timed(async () =>
            psql(`set search_path = ${schema}, public`, `\\copy bare_events from '${csvFile}' csv`),
          )
        ).seconds,
      )
      await dropSchema(schema)
      const fresh = `bench_${process.pid}_${round}_floor`
      await cli(['agencies', 'add', 'police', '--name', 'Police', '--kind', 'police'], {
        DATABASE_URL: PG_URL,
        THREADLINE_DB_SCHEMA: fresh,
      })
      floors.push(
        (await timed(async () => psql(`set search_path = ${fresh}, public`, `\\copy events from '${written}'`)))
          .seconds,
      )
      await dropSchema(fresh)
      rmSync(written, { force: true })
    }
    rows.push(['PostgreSQL: COPY into a bare table (rows/s)', `${fmt(events / median(copies))} (${timings(copies)})`])
    if (options.baseline) ratio('PostgreSQL: import before (baseline checkout)', before, copies, '')
    ratio('PostgreSQL: threadline import', imports, copies, ' (aim: at least 50%)')
    rows.push([
      'PostgreSQL: COPY into the real events table / bare COPY',
      `${fmt((median(copies) / median(floors)) * 100, 1)}% (${timings(floors)}: its indexes, the floor)`,
    ])
    rows.push([
      'PostgreSQL: the command starting (threadline agencies)',
      `${fmt(median(startups), 1)} s (${timings(startups)})`,
    ])
    // the import's own work: its time less the start-up measured in the same round
    const net = (seconds: number[]) => seconds.map((x, i) => Math.max(0.001, x - startups[i]))
    if (options.baseline) ratio('PostgreSQL: import before, less start-up', net(before), copies, '', false)
    ratio('PostgreSQL: threadline import, less start-up', net(imports), copies, '', false)
    rows.push([
      'PostgreSQL: the same file again, all unchanged / first import (time)',
      `${fmt((median(again) / median(imports)) * 100, 1)}% (${timings(again)})`,
    ])
    rows.push([
      'PostgreSQL: an older extract of every event, into the histories / first import (time)',
      `${fmt((median(backfills) / median(imports)) * 100, 1)}% (${timings(backfills)})`,
    ])

    // the server's figures as soon as they are known (the embedded rounds take as long again)
    report(`Import of ${fmt(events)} events on the PostgreSQL server (issues 2 and 20)`, rows.splice(0))

    if (options.pglite !== false) {
      const pImports: number[] = []
      const pBefore: number[] = []
      const pCopies: number[] = []
      for (let round = 0; round < rounds; round++) {
        const runImport = async (bin: string | undefined, into: number[]) => {
          const data = join(dir, `data${round}`)
          const penv = { THREADLINE_DATA: data, THREADLINE_DEMO: '0' }
          await cli(['agencies', 'add', 'police', '--name', 'Police', '--kind', 'police'], penv, bin)
          const pImported = await timed(() => cli(['import', file], penv, bin))
          if (pImported.result.code !== 0) throw new Error(pImported.result.stderr)
          into.push(pImported.seconds)
          rmSync(data, { recursive: true, force: true })
        }
        if (options.baseline) await runImport(options.baseline, pBefore)
        await runImport(undefined, pImports)
        const lite = await PGlite.create(join(dir, `bare${round}`))
        await lite.exec(BARE)
        pCopies.push(
          (await timed(() => lite.query(`copy bare_events from '/dev/blob' csv`, [], { blob: new Blob([csv]) })))
            .seconds,
        )
        await lite.close()
        rmSync(join(dir, `bare${round}`), { recursive: true, force: true })
      }
      rows.push(['PGlite: COPY into a bare table (rows/s)', `${fmt(events / median(pCopies))} (${timings(pCopies)})`])
      if (options.baseline) ratio('PGlite: import before (baseline checkout)', pBefore, pCopies, '')
      ratio('PGlite: threadline import', pImports, pCopies, ' (aim: at least 35%)')
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  if (rows.length > 0) report(`Import of ${fmt(events)} events on PGlite (issues 2 and 20)`, rows)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick')
  const option = (name: string) => {
    const at = process.argv.indexOf(name)
    return at >= 0 ? process.argv[at + 1] : undefined
  }
  const baseline = option('--baseline')
  await benchImport({
    events: Number(option('--events') ?? (quick ? 20_000 : 200_000)),
    rounds: Number(option('--rounds') ?? ROUNDS),
    pglite: !process.argv.includes('--no-pglite'),
    baseline: baseline ? join(baseline, 'bin', 'threadline.js') : undefined,
  })
}

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

export async function benchImport(options: { events?: number; pglite?: boolean; rounds?: number } = {}): Promise<void> {
  const events = options.events ?? 200_000
  const rounds = options.rounds ?? ROUNDS
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-import-'))
  const { file, csvFile, csv, backfillFile } = makeFiles(dir, events)
  const rows: [string, string][] = []
  const ratio = (label: string, importSeconds: number[], copySeconds: number[], aim: string) => {
    const rate = events / median(importSeconds)
    const copyRate = events / median(copySeconds)
    rows.push([
      `${label}: threadline import (events/s)`,
      `${fmt(rate)} (median of ${rounds}: ${importSeconds.map((x) => fmt(x, 1)).join(', ')} s, including start-up)`,
    ])
    rows.push([
      `${label}: COPY of the same rows (rows/s)`,
      `${fmt(copyRate)} (median of ${rounds}: ${copySeconds.map((x) => fmt(x, 1)).join(', ')} s)`,
    ])
    rows.push([`${label}: import / COPY`, `${fmt((rate / copyRate) * 100, 1)}%${aim}`])
  }
  try {
    // PostgreSQL server: import and COPY alternate, each into a fresh schema
    const imports: number[] = []
    const copies: number[] = []
    const again: number[] = []
    const backfills: number[] = []
    for (let round = 0; round < rounds; round++) {
      const schema = `bench_${process.pid}_${round}`
      const env = { DATABASE_URL: PG_URL, THREADLINE_DB_SCHEMA: schema }
      await cli(['agencies', 'add', 'police', '--name', 'Police', '--kind', 'police'], env)
      const imported = await timed(() => cli(['import', file], env))
      if (imported.result.code !== 0) throw new Error(imported.result.stderr)
      imports.push(imported.seconds)
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
            execFileSync('psql', [
              PG_URL,
              '-q',
              '-c',
              `set search_path = ${schema}, public`,
              '-c',
              `\\copy bare_events from '${csvFile}' csv`,
            ]),
          )
        ).seconds,
      )
      const drop = new pg.Client({ connectionString: PG_URL })
      await drop.connect()
      await drop.query(`drop schema ${schema} cascade`)
      await drop.end()
    }
    ratio('PostgreSQL', imports, copies, ' (aim: at least 25%)')
    rows.push([
      'PostgreSQL: the same file again, all unchanged / first import (time)',
      `${fmt((median(again) / median(imports)) * 100, 1)}% (median of ${rounds}: ${again.map((x) => fmt(x, 1)).join(', ')} s)`,
    ])
    rows.push([
      'PostgreSQL: an older extract of every event, into the histories / first import (time)',
      `${fmt((median(backfills) / median(imports)) * 100, 1)}% (median of ${rounds}: ${backfills.map((x) => fmt(x, 1)).join(', ')} s)`,
    ])

    if (options.pglite !== false) {
      const pImports: number[] = []
      const pCopies: number[] = []
      for (let round = 0; round < rounds; round++) {
        const data = join(dir, `data${round}`)
        const penv = { THREADLINE_DATA: data, THREADLINE_DEMO: '0' }
        await cli(['agencies', 'add', 'police', '--name', 'Police', '--kind', 'police'], penv)
        const pImported = await timed(() => cli(['import', file], penv))
        if (pImported.result.code !== 0) throw new Error(pImported.result.stderr)
        pImports.push(pImported.seconds)
        rmSync(data, { recursive: true, force: true })
        const lite = await PGlite.create(join(dir, `bare${round}`))
        await lite.exec(BARE)
        pCopies.push(
          (await timed(() => lite.query(`copy bare_events from '/dev/blob' csv`, [], { blob: new Blob([csv]) })))
            .seconds,
        )
        await lite.close()
        rmSync(join(dir, `bare${round}`), { recursive: true, force: true })
      }
      ratio('PGlite', pImports, pCopies, '')
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  report(`Import of ${fmt(events)} events (issue 2)`, rows)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick')
  await benchImport({ events: quick ? 20_000 : 200_000 })
}

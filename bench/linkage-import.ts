// What probabilistic linking costs an import: single-record imports (as the API sends them) into a
// PostgreSQL database of N generated people, with no trained model (exact rules only) and with one
// (the in-memory linker is built once per import transaction from the current person records).
// Also `threadline linkage train`'s time on those N records. `--quick` for N = 5,000.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { addAgency } from '../src/agencies/agencies.ts'
import { importRecords, ndjsonLines } from '../src/import/importer.ts'
import { generatedPersonLines } from '../src/testing/linkage-area.ts'
import { trainAndStore } from '../src/linkage/storage.ts'
import { fmt, report, timed } from './support.ts'

const PG_URL =
  process.env.THREADLINE_TEST_PG && process.env.THREADLINE_TEST_PG !== 'none'
    ? process.env.THREADLINE_TEST_PG
    : 'postgres://postgres@127.0.0.1:5432/test'
const quick = process.argv.includes('--quick')
const N = quick ? 5_000 : 20_000
const SINGLE = 40
const actor = { kind: 'system', name: 'bench' } as const

const schema = `bench_${randomBytes(5).toString('hex')}`
const database = await openDatabase({ databaseUrl: PG_URL, schema })
try {
  const db = database.db
  await migrate(db, schema)
  for (const [code, kind] of [
    ['police', 'police'],
    ['school', 'education'],
    ['clinic', 'health'],
    ['csc', 'childrens_social_care'],
  ])
    await addAgency(db, { code, name: code, kind })
  const load = await timed(() =>
    importRecords(db, ndjsonLines(generatedPersonLines(N, 11, '2019-01-01T09:00:00')), {
      channel: 'file',
      skipInvalid: true,
      actor,
      receivedAt: new Date('2019-01-02T00:00:00Z'),
    }),
  )
  const singles = async (prefix: string) => {
    const times: number[] = []
    for (let i = 0; i < SINGLE; i++) {
      const line = JSON.stringify({
        type: 'person',
        agency: 'csc',
        source_id: `${prefix}-${i}`,
        given_name: 'Amy',
        family_name: `Smith${i}`,
        date_of_birth: '2007-03-14',
        recorded_at: '2020-01-01T09:00:00',
      })
      const t = performance.now()
      await importRecords(db, ndjsonLines(line), {
        channel: 'api',
        skipInvalid: false,
        actor,
        receivedAt: new Date('2020-01-02T00:00:00Z'),
      })
      times.push(performance.now() - t)
    }
    const first = times[0]
    times.sort((a, b) => a - b)
    return { first, median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] }
  }
  const exact = await singles('X')
  const train = await timed(() => trainAndStore(db, 'bench', new Date('2020-01-01T00:00:00Z')))
  const withModel = await singles('M')
  report(`linkage in imports, PostgreSQL, ${fmt(train.result.records)} person records`, [
    ['bulk import of the population (s)', fmt(load.seconds, 1)],
    ['linkage train (s)', fmt(train.seconds, 1)],
    ['candidate pairs in training', fmt(train.result.candidatePairs)],
    ['one-record import, exact rules only: median (ms)', fmt(exact.median, 1)],
    ['one-record import, with the model: median (ms)', fmt(withModel.median, 1)],
    ['  ratio', fmt(withModel.median / exact.median, 2)],
    ['  95th percentile (ms)', fmt(withModel.p95, 1)],
    ['first import after training (builds the linker) (ms)', fmt(withModel.first, 1)],
  ])
} finally {
  await database.close()
  const c = new pg.Client({ connectionString: PG_URL })
  await c.connect()
  await c.query(`drop schema if exists ${schema} cascade`)
  await c.end()
}

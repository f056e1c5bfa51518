// Shared pieces of the benchmarks: timing, the CLI, and printing ratios measured in the same run.
import { spawn } from 'node:child_process'
import { BIN } from '../src/testing/cli.ts'
import { openDatabase, type Db } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { loadDemo } from '../src/demo/load-demo.ts'
import { DEMO_PASSWORD } from '../src/demo/users.ts'
import { Browser, testApp } from '../src/testing/web.ts'

export async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = process.hrtime.bigint()
  const result = await run()
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result }
}

/** Runs `threadline` (this checkout's, or `bin`: another checkout's, as a baseline measured in the same run). */
export function cli(
  args: string[],
  env: Record<string, string>,
  bin: string = BIN,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, THREADLINE_NOW: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export function report(title: string, rows: [string, string][]): void {
  process.stdout.write(`\n## ${title}\n`)
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(48)} ${v}\n`)
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })

/**
 * The demo area in an in-memory database, the app over it, and a browser signed in as its MASH user
 * (who sees every child in full): what the page benchmarks measure against.
 */
export async function demoAsMash() {
  const database = await openDatabase({ dataDir: 'memory://' })
  await migrate(database.db, database.schema)
  await loadDemo(database.db)
  const app = await testApp(database)
  const users = await database.db.selectFrom('users').select(['email', 'roles']).orderBy('id').execute()
  const mash = users.find((u) => u.roles.includes('mash'))?.email
  if (!mash) throw new Error('the demo area has no MASH user')
  const browser = await new Browser(app).signIn(mash, DEMO_PASSWORD)
  return { database, app, browser }
}

/**
 * The first `limit` children of the demo (by id) the page benchmarks open; with `involved`, only children
 * with links (the subjects of records that involve a person, a vehicle, a phone or a place).
 */
export async function demoChildren(db: Db, limit: number, options: { involved?: boolean } = {}): Promise<number[]> {
  let query = db
    .selectFrom('entity_links as l')
    .innerJoin('person_versions as p', (j) =>
      j.onRef('p.agency_code', '=', 'l.agency_code').onRef('p.source_id', '=', 'l.source_id'),
    )
    .innerJoin('entities as e', 'e.id', 'l.entity_id')
  if (options.involved)
    query = query
      .innerJoin('events as ev', (j) =>
        j.onRef('ev.agency_code', '=', 'l.agency_code').onRef('ev.subject_source_id', '=', 'l.source_id'),
      )
      .innerJoin('involvements as i', 'i.event_id', 'ev.id')
  const rows = await query
    .select('l.entity_id')
    .distinct()
    .where('e.merged_into', 'is', null)
    .where('p.is_current', '=', true)
    .where('p.is_child', '=', true)
    .orderBy('l.entity_id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.entity_id)
}

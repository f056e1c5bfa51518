// The JSON chronology of a child with 2,000 events under 32 concurrent connections, against a bare
// Fastify route that runs only the same SQL and returns its rows, on the embedded database (what
// `npm start` runs); then the server's resident memory with the demo area loaded.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn, type ChildProcess } from 'node:child_process'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { BIN } from '../src/testing/cli.ts'
import { openDatabase } from '../src/db/database.ts'
import { chronology } from '../src/chronology/chronology.ts'
import { cli, fmt, report } from './support.ts'

const EVENTS = 2000

function childFile(dir: string): string {
  const lines = [
    JSON.stringify({
      type: 'person',
      agency: 'police',
      source_id: 'BENCH-1',
      given_name: 'Bench',
      family_name: 'Child',
      date_of_birth: '2009-02-03',
    }),
  ]
  for (let i = 0; i < EVENTS; i++) {
    lines.push(
      JSON.stringify({
        type: 'event',
        agency: 'police',
        source_id: `BENCH-E${i}`,
        kind: i % 7 === 0 ? 'missing_episode' : 'note',
        subject: 'BENCH-1',
        occurred_at: new Date(Date.UTC(2015, 0, 1) + i * 3_600_000 * 7).toISOString(),
        summary: `Bench event ${i}`,
        involves:
          i % 5 === 0 ? [{ vehicle: 'BE12 NCH' }, { location: { name: 'Bus station', postcode: 'OL16 1AA' } }] : [],
      }),
    )
  }
  const file = join(dir, 'child.ndjson')
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

function serve(env: Record<string, string>, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--no-demo'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let err = ''
    child.stderr!.on('data', (d) => {
      err += d
      if (err.includes('Threadline is serving')) resolve(child)
    })
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)))
  })
}

async function load(url: string, headers: Record<string, string>, seconds: number) {
  const result = await autocannon({ url, connections: 32, duration: seconds, headers, timeout: 60 })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { rps: result.requests.average, p99: result.latency.p99 }
}

export async function benchChronology(options: { seconds?: number } = {}): Promise<void> {
  const seconds = options.seconds ?? 10
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-chronology-'))
  const data = join(dir, 'data')
  const env = { THREADLINE_DATA: data, THREADLINE_DEMO: '1' }
  let server: ChildProcess | null = null
  try {
    const demo = await cli(['demo'], env)
    if (demo.code !== 0) throw new Error(demo.stderr)
    const imported = await cli(['import', childFile(dir)], env)
    if (imported.code !== 0) throw new Error(imported.stderr)
    const token = (await cli(['token', 'create', '--agency', 'police'], env)).stdout.trim()
    // a copy of the same database for the bare route (an embedded folder has one owner)
    cpSync(data, join(dir, 'bare'), { recursive: true })
    rmSync(join(dir, 'bare', 'threadline.lock'), { force: true })

    const bareDb = await openDatabase({ dataDir: join(dir, 'bare'), command: 'bench' })
    const link = await bareDb.db
      .selectFrom('entity_links')
      .select('entity_id')
      .where('source_id', '=', 'BENCH-1')
      .executeTakeFirstOrThrow()
    const bare = Fastify()
    // the same queries the chronology runs (events, then their involvements), and nothing else:
    // no sign-in or token check, no visibility rules, no audit row, no shaping
    bare.get('/bare', async () => chronology(bareDb.db, link.entity_id, { at: new Date() }))
    await bare.listen({ port: 0, host: '127.0.0.1' })
    const barePort = (bare.server.address() as { port: number }).port
    const bareResult = await load(`http://127.0.0.1:${barePort}/bare`, {}, seconds)
    await bare.close()
    await bareDb.close()

    const port = 3900 + (process.pid % 90)
    server = await serve(env, port)
    const url = `http://127.0.0.1:${port}/api/v1/children/${link.entity_id}/chronology`
    const real = await load(url, { authorization: `Bearer ${token}` }, seconds)
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
    report(`Chronology of a child with ${fmt(EVENTS)} events, 32 connections, ${seconds} s each (issue 2)`, [
      ['bare route: requests/s, p99', `${fmt(bareResult.rps, 1)}, ${fmt(bareResult.p99)} ms`],
      ['GET /api/v1/children/:id/chronology: requests/s, p99', `${fmt(real.rps, 1)}, ${fmt(real.p99)} ms`],
      ['rate / bare rate', `${fmt((real.rps / bareResult.rps) * 100, 1)}% (aim: at least 50%)`],
      ['p99 / bare p99', `${fmt(real.p99 / bareResult.p99, 2)}x (aim: at most 3x)`],
      [
        'server resident memory after the load (demo loaded)',
        `${fmt(rss)} MB now, ${fmt(hwm)} MB peak (aim: under 300 MB)`,
      ],
    ])
  } finally {
    server?.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 1000))
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchChronology({ seconds: process.argv.includes('--quick') ? 5 : 10 })
}

// The regional benchmark (issue 20), end to end: an area generated to files, imported through the
// import service into a database of its own (a new database on the PostgreSQL server, dropped at the
// end, or a new PGlite folder), the lists brought up to date, then the app served by `threadline serve`
// in a process of its own and loaded over HTTP by simulated practitioners. `runRegion` returns the
// figures; bench/region.ts prints them and writes the JSON file.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { BIN } from '../../src/testing/cli.ts'
import { openDatabase, type Db } from '../../src/db/database.ts'
import { migrate } from '../../src/db/migrate.ts'
import { addAgency } from '../../src/agencies/agencies.ts'
import { createUser } from '../../src/access/users.ts'
import { REGION_AGENCIES, writeRegionArea, type AreaCounts } from './area.ts'
import { importArea, type ImportTimings } from './import.ts'
import { testApp } from '../../src/testing/web.ts'
import { rssMb, runLoad, type LoadChild, type LoadResult, type LoadUser } from './load.ts'

export interface RegionOptions {
  db: 'pg' | 'pglite'
  children: number
  minutes: number
  practitioners: number
  thinkScale: number
  /** the PostgreSQL server to make the benchmark's own database on */
  pgUrl?: string
  /** where the area's files go (a new folder under the system's temporary folder by default; removed) */
  dir?: string
  log?: (line: string) => void
  /**
   * Serve the app from this process (its database left open) instead of `threadline serve` in a
   * process of its own: the CI test's way, which spares a second start of the sources. RSS is then
   * this process's.
   */
  serverInProcess?: boolean
}

export interface PageFigures {
  count: number
  p50: number
  p95: number
  p99: number
}

export interface RegionResult {
  options: Omit<RegionOptions, 'log'>
  startedAt: string
  area: Omit<AreaCounts, 'sample' | 'files'> & { generateSeconds: number; totalEvents: number; totalPersons: number }
  import: ImportTimings & { eventsPerSecond: number; linesPerSecond: number }
  load: {
    seconds: number
    requests: number
    pages: Record<string, PageFigures>
    errors: LoadResult['errors']
    rss: { afterFirstWindow: number; lastWindowMax: number; ratio: number; window: number; samples: LoadResult['rss'] }
  }
}

const PASSWORD = 'region-bench-password-7'
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/** `threadline serve` in a process of its own, resolved once it is listening. */
async function serve(env: Record<string, string>, port: number, log: (l: string) => void): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--no-demo', '--host', '127.0.0.1'], {
    env: {
      ...process.env,
      THREADLINE_NOW: '',
      THREADLINE_MFA_ROLES: '',
      THREADLINE_SIGN_IN_RATE: '100000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let said = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 180 s: ${said}`)), 180_000)
    child.stderr!.on('data', (d: Buffer) => {
      said += d.toString()
      if (said.includes('Threadline is serving')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${said}`)))
  })
  // what it says while serving (a warning, an error) goes to the log
  child.stderr!.on('data', (d: Buffer) => log(`server: ${d.toString().trimEnd()}`))
  return child
}

/** The practitioners of the load: the MASH, managers and practitioners of several agencies. */
function loadUsers(count: number): Omit<LoadUser, 'allocated'>[] {
  const slots: [LoadUser['kind'], string][] = [
    ['mash', 'csc'],
    ['practitioner', 'csc'],
    ['practitioner', 'police'],
    ['manager', 'csc'],
    ['practitioner', 'health'],
    ['practitioner', 'csc'],
    ['mash', 'csc'],
    ['practitioner', 'police'],
    ['practitioner', 'schools'],
    ['practitioner', 'charity'],
  ]
  return Array.from({ length: count }, (_, i) => {
    const [kind, agency] = slots[i % slots.length]
    return {
      email: `${kind}${i}@${agency}.region.test`,
      password: PASSWORD,
      agency,
      kind,
      recordsEpisodes: kind !== 'mash' && ['csc', 'police', 'charity'].includes(agency),
    }
  })
}

/** The sample children's people (after linkage), with a police missing episode where they have one. */
async function sampleChildren(
  db: Db,
  area: AreaCounts,
): Promise<{ children: Map<number, LoadChild>; byAgency: Map<string, number[]> }> {
  const children = new Map<number, LoadChild>()
  const byAgency = new Map<string, number[]>()
  for (let i = 0; i < area.sample.length; i += 500) {
    const part = area.sample.slice(i, i + 500)
    const refs = part.flatMap((c) => c.records)
    const links = await db
      .selectFrom('entity_links as l')
      .innerJoin('entities as e', 'e.id', 'l.entity_id')
      .select(['l.agency_code', 'l.source_id', 'e.id', 'e.merged_into'])
      .where((eb) =>
        eb.or(
          refs.map((r) =>
            eb.and([eb('l.agency_code', '=', r.split(':')[0]), eb('l.source_id', '=', r.slice(r.indexOf(':') + 1))]),
          ),
        ),
      )
      .execute()
    const entity = new Map(links.map((l) => [`${l.agency_code}:${l.source_id}`, l.merged_into ?? l.id]))
    for (const c of part) {
      // a child with a missing episode is opened as the police know them (the episode is theirs: were
      // linkage to keep the police's record apart, the interview is still about the episode's child)
      const police = c.records.find((r) => r.startsWith('police:'))
      const id = entity.get(c.episodes.length && police ? police : c.records[0])
      if (id === undefined) continue
      children.set(id, { id, name: `${c.given} ${c.family}`, episode: c.episodes[0] })
      for (const r of c.records) {
        const agency = r.split(':')[0]
        const ids = byAgency.get(agency) ?? []
        ids.push(id)
        byAgency.set(agency, ids)
      }
    }
  }
  return { children, byAgency }
}

export async function runRegion(options: RegionOptions): Promise<RegionResult> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`))
  const startedAt = new Date().toISOString()
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'threadline-region-'))
  mkdirSync(join(dir, 'area'), { recursive: true })
  const pgUrl = options.pgUrl ?? 'postgres://postgres@127.0.0.1:5432/test'
  const dbName = `region_bench_${process.pid}`
  const serverUrl = new URL(pgUrl)
  serverUrl.pathname = `/${dbName}`
  const env: Record<string, string> =
    options.db === 'pg'
      ? { DATABASE_URL: serverUrl.toString() }
      : { THREADLINE_DATA: join(dir, 'data'), THREADLINE_DEMO: '0', DATABASE_URL: '' }
  let server: ChildProcess | undefined
  let inProcess: { close(): Promise<unknown> }[] = []
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: pgUrl })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  try {
    // 1. the area, to files
    const end = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    let started = process.hrtime.bigint()
    const area = await writeRegionArea({ children: options.children, end, dir: join(dir, 'area') })
    const generateSeconds = Number(process.hrtime.bigint() - started) / 1e9
    const events = sum(area.events)
    log(`area: ${area.children} children, ${area.adults} adults, ${events} events in ${generateSeconds.toFixed(1)} s`)

    // 2. a database of its own, the agencies, the users; the import; the lists
    if (options.db === 'pg') await admin(`create database ${dbName}`)
    const database = await openDatabase(
      options.db === 'pg' ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.THREADLINE_DATA },
    )
    let imported: ImportTimings
    let users: LoadUser[]
    let children: Map<number, LoadChild>
    try {
      const db = database.db
      await migrate(db, database.schema)
      for (const a of REGION_AGENCIES)
        await addAgency(db, { code: a.code, name: a.name, kind: a.kind, contact: 'Duty desk' })
      imported = await importArea(db, area, new Date())
      log(
        `import: ${imported.created} created, ${imported.rejected} rejected; people ${imported.peopleSeconds.toFixed(1)} s, ` +
          `events ${imported.eventsSeconds.toFixed(1)} s, lists ${imported.listsSeconds.toFixed(1)} s`,
      )
      const sample = await sampleChildren(db, area)
      children = sample.children
      const everyone = [...children.keys()]
      users = []
      let turn = 0
      for (const u of loadUsers(options.practitioners)) {
        const userId = await createUser(db, {
          email: u.email,
          name: u.email.split('@')[0],
          agency: u.agency,
          roles: [u.kind],
          password: PASSWORD,
        })
        const own = sample.byAgency.get(u.agency) ?? everyone
        const allocated =
          u.kind === 'mash' ? [] : Array.from({ length: Math.min(20, own.length) }, () => own[turn++ % own.length])
        for (const id of new Set(allocated))
          await db
            .insertInto('allocations')
            .values({
              entity_id: id,
              user_id: userId,
              role: 'Lead professional',
              starts_at: new Date(Date.now() - 30 * 86_400_000),
            })
            .execute()
        users.push({ ...u, allocated: [...new Set(allocated)] })
      }
    } catch (error) {
      await database.close()
      throw error
    }

    // 3. the server, and the load
    const port = await freePort()
    started = process.hrtime.bigint()
    let serverPid: number
    if (options.serverInProcess) {
      const app = await testApp(database, { signInRatePerMinute: 100_000 })
      inProcess = [app, database]
      await app.listen({ port, host: '127.0.0.1' })
      serverPid = process.pid
    } else {
      await database.close()
      server = await serve(env, port, log)
      serverPid = server.pid!
    }
    log(
      `server: listening on ${port} after ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s, RSS ${rssMb(serverPid).toFixed(0)} MB`,
    )
    const seconds = Math.round(options.minutes * 60)
    const load = await runLoad({
      baseUrl: `http://127.0.0.1:${port}`,
      users,
      children,
      seconds,
      thinkScale: options.thinkScale,
      serverPid,
    })
    const pages = Object.fromEntries(
      Object.entries(load.times)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, xs]) => [
          k,
          { count: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99) },
        ]),
    )
    const window = Math.min(60, seconds / 5)
    const first = load.rss.find((s) => s.at >= window) ?? load.rss[0]
    const last = Math.max(...load.rss.filter((s) => s.at >= seconds - window).map((s) => s.mb))
    const persons = sum(area.persons)
    const importSeconds = imported.peopleSeconds + imported.eventsSeconds
    const { sample: _sample, files: _files, ...counts } = area
    const { log: _log, ...kept } = options
    return {
      options: kept,
      startedAt,
      area: { ...counts, generateSeconds, totalEvents: events, totalPersons: persons },
      import: {
        ...imported,
        eventsPerSecond: events / importSeconds,
        linesPerSecond: (events + persons + sum(area.relationships)) / importSeconds,
      },
      load: {
        seconds,
        requests: load.requests,
        pages,
        errors: load.errors,
        rss: { afterFirstWindow: first.mb, lastWindowMax: last, ratio: last / first.mb, window, samples: load.rss },
      },
    }
  } finally {
    for (const open of inProcess) await open.close()
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve))
      server.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))])
      if (server.exitCode === null) server.kill('SIGKILL')
    }
    if (options.db === 'pg')
      await admin(`drop database if exists ${dbName} with (force)`).catch((e) => log(`could not drop ${dbName}: ${e}`))
    if (!options.dir) rmSync(dir, { recursive: true, force: true })
  }
}

// Benchmark of the maintained lists (issue 20, decisions 0049 and 0055) on the demo area, for the MASH (who
// sees every child): the MASH queue page (as it opens, and filtered), the unanswered page, the alerts
// page, the return-interview work list (with the repeat-missing alerts; all, and overdue only), the rows
// of `missing --interviews`, `missing --repeat` and `children --unanswered`, and the pages read again after
// a write touched one child (the read works that child out again). Baselines measured in
// the same run: a bare indexed read of one child's current person records (SQL, no page), the
// chronology page of one child (a page of one child's records through the same app), and the same
// lists computed for the whole area ("as known on" today, the path every request took before).
// Run alone: node --import tsx bench/lists.ts [--quick]
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { demoAsMash, demoChildren } from './support.ts'
import { interviewList, repeatList } from '../src/missing/lists.ts'
import { missingSettings } from '../src/missing/settings.ts'
import { unansweredList } from '../src/risk/lists.ts'
import { riskSettings } from '../src/risk/settings.ts'

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick')
  const rounds = quick ? 20 : 60
  const { database, app, browser } = await demoAsMash()
  const db = database.db
  const children = await demoChildren(db, rounds)
  const today = new Date().toISOString().slice(0, 10)
  const get = async (path: string) => {
    const started = performance.now()
    const res = await browser.get(path)
    if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`)
    return performance.now() - started
  }
  const entities = await db
    .selectFrom('entities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  const first = await get('/mash') // every child is worked out once (what a first read after migrating pays)
  const firstMissing = await get('/missing/interviews') // and once for the missing lists
  const times: Record<string, number[]> = {}
  const add = (k: string, ms: number) => (times[k] ??= []).push(ms)
  const PAGES: Record<string, string> = {
    'MASH queue': '/mash',
    'MASH queue, red only, by due': '/mash?rating=red&sort=due',
    unanswered: '/unanswered',
    alerts: '/alerts',
    'return interviews work list': '/missing/interviews',
    'return interviews, overdue only': '/missing/interviews?show=overdue',
  }
  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now()
    await work()
    return performance.now() - started
  }
  const missing = missingSettings()
  const risk = riskSettings()
  // the command line's rows for now: the maintained lists (now given), or computed for the area (as of now, no now)
  const ROWS: Record<string, (now: Date | null, at: Date) => Promise<unknown>> = {
    'missing --interviews rows': (now, asOf) => interviewList(db, { asOf, settings: missing, now }),
    'missing --interviews --overdue rows': (now, asOf) =>
      interviewList(db, { asOf, overdue: true, settings: missing, now }),
    'missing --repeat rows': (now, asOf) => repeatList(db, { asOf, settings: missing, now }),
    'children --unanswered rows': (now, asOf) => unansweredList(db, { asOf, settings: risk, now }),
  }
  for (let i = 0; i < rounds; i++) {
    const id = children[i % children.length]
    const started = performance.now()
    await sql`select p.given_name, p.family_name, p.date_of_birth from entity_links l join person_versions p
      on p.agency_code = l.agency_code and p.source_id = l.source_id where l.entity_id = ${id} and p.is_current`.execute(
      db,
    )
    add('bare indexed read of one child (SQL)', performance.now() - started)
    add('chronology page of one child', await get(`/people/${id}/chronology`))
    for (const [name, path] of Object.entries(PAGES)) add(name, await get(path))
    for (const [name, rows] of Object.entries(ROWS)) {
      const at = new Date()
      add(name, await timed(() => rows(at, at)))
    }
    // a write touches one child (as an import, a decision or a merge would): the next read works it out again
    await sql`insert into risk_stale (entity_id) values (${id}) on conflict do nothing`.execute(db)
    add('MASH queue after one child touched', await get('/mash'))
    await sql`insert into risk_stale (entity_id) values (${id}) on conflict do nothing`.execute(db)
    add('unanswered after one child touched', await get('/unanswered'))
    await sql`insert into risk_stale (entity_id) values (${id}) on conflict do nothing`.execute(db)
    add('alerts after one child touched', await get('/alerts'))
    await sql`insert into risk_stale (entity_id) values (${id}) on conflict do nothing`.execute(db)
    add('return interviews after one child touched', await get('/missing/interviews'))
  }
  const computedRounds = quick ? 3 : 6
  for (let i = 0; i < computedRounds; i++) {
    add('MASH queue computed (as known on today)', await get(`/mash?as_of=${today}`))
    add('unanswered computed (as known on today)', await get(`/unanswered?as_of=${today}`))
    add('alerts computed (as known on today)', await get(`/alerts?as_of=${today}`))
    for (const [name, rows] of Object.entries(ROWS)) add(`${name} computed`, await timed(() => rows(null, new Date())))
  }
  const bare = pct(times['bare indexed read of one child (SQL)'], 95)
  const chron = pct(times['chronology page of one child'], 95)
  const listed = await db
    .selectFrom('list_entries')
    .select(['list', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('list')
    .execute()
  process.stdout.write(
    `${entities?.n} people; on the lists: ${listed.map((l) => `${l.list} ${l.n}`).join(', ')}; ` +
      `first read worked out every child in ${first.toFixed(0)} ms (risk) and ${firstMissing.toFixed(0)} ms (missing)\n`,
  )
  process.stdout.write(
    `${'what'.padEnd(42)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  p95 / bare read  p95 / chronology page\n`,
  )
  for (const [k, xs] of Object.entries(times))
    process.stdout.write(
      `${k.padEnd(42)} ${pct(xs, 50).toFixed(2).padStart(8)} ${pct(xs, 95).toFixed(2).padStart(8)}  ` +
        `${(pct(xs, 95) / bare).toFixed(1).padStart(14)}x  ${(pct(xs, 95) / chron).toFixed(2).padStart(20)}x\n`,
    )
  await app.close()
  await database.close()
}

await main()

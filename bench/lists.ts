// Benchmark of the maintained lists (issue 20, decision 0049) on the demo area, for the MASH (who sees
// every child): the MASH queue page (as it opens, and filtered), the unanswered page, and each read
// again after a write touched one child (the read works that child out again). Baselines measured in
// the same run: a bare indexed read of one child's current person records (SQL, no page), the
// chronology page of one child (a page of one child's records through the same app), and the same
// lists computed for the whole area ("as known on" today, the path every request took before).
// Run alone: node --import tsx bench/lists.ts [--quick]
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { demoAsMash, demoChildren } from './support.ts'

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
  const times: Record<string, number[]> = {}
  const add = (k: string, ms: number) => (times[k] ??= []).push(ms)
  const PAGES: Record<string, string> = {
    'MASH queue': '/mash',
    'MASH queue, red only, by due': '/mash?rating=red&sort=due',
    unanswered: '/unanswered',
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
    // a write touches one child (as an import, a decision or a merge would): the next read works it out again
    await sql`insert into risk_stale (entity_id) values (${id}) on conflict do nothing`.execute(db)
    add('MASH queue after one child touched', await get('/mash'))
    await sql`insert into risk_stale (entity_id) values (${id}) on conflict do nothing`.execute(db)
    add('unanswered after one child touched', await get('/unanswered'))
  }
  const computedRounds = quick ? 3 : 6
  for (let i = 0; i < computedRounds; i++) {
    add('MASH queue computed (as known on today)', await get(`/mash?as_of=${today}`))
    add('unanswered computed (as known on today)', await get(`/unanswered?as_of=${today}`))
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
      `first read worked out every child in ${first.toFixed(0)} ms\n`,
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

// Benchmark of the maintained lists (issue 20, decisions 0049 and 0055) on the demo area, for the MASH (who
// sees every child): the MASH queue page (as it opens, and filtered), the unanswered page, the alerts
// page, the return-interview work list (with the repeat-missing alerts; all, and overdue only), the rows
// of `missing --interviews`, `missing --repeat` and `children --unanswered`, and the pages read again after
// a write touched one child (the read works that child out again). Baselines measured in
// the same run: a bare indexed read of one child's current person records (SQL, no page), the
// chronology page of one child (a page of one child's records through the same app), and the same
// lists computed for the whole area ("as known on" today, the path every request took before).
// Decision 0062 adds working together's open challenges and children's actions: the demo area is given
// `--wt N` challenges and twice as many actions (default one challenge a child), spread over its children
// and its managers, then the manager's morning page, a page of each list read in SQL, and the command
// line's rows are timed against the same computed for the whole area (challengesAt and actionsAt).
// Run alone: node --import tsx bench/lists.ts [--quick] [--wt N]
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { demoAsMash, demoChildren } from './support.ts'
import { interviewList, repeatList } from '../src/missing/lists.ts'
import { missingSettings } from '../src/missing/settings.ts'
import { unansweredList } from '../src/risk/lists.ts'
import { riskSettings } from '../src/risk/settings.ts'
import { DEMO_PASSWORD } from '../src/demo/users.ts'
import { Browser } from '../src/testing/web.ts'
import { actionRows, challengeRows } from '../src/working-together/listings.ts'
import { challengesAt } from '../src/working-together/store-challenges.ts'
import { actionsAt } from '../src/working-together/store-meetings.ts'
import { childActionsPage, openChallengesPage } from '../src/working-together/maintained-lists.ts'
import { caseloadsAt } from '../src/working-together/store-caseload.ts'
import { supervisionStatusAt } from '../src/working-together/store-supervision.ts'
import { assignmentsAt } from '../src/working-together/store-competencies.ts'
import { importedSupervisionStatusAt, trainingLapsesAt } from '../src/working-together/store-staff.ts'
import { riskUnansweredSection } from '../src/risk/manager-section.ts'
import { overdueInterviewsSection } from '../src/missing/manager-section.ts'
import type { SignedInUser } from '../src/access/signed-in-user.ts'

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
  // working together's challenges and actions, spread over the children and the area's users
  const wtArg = process.argv.indexOf('--wt')
  const everyone = await db.selectFrom('entities').select('id').where('merged_into', 'is', null).orderBy('id').execute()
  const wtCount = wtArg > 0 ? Number(process.argv[wtArg + 1]) : everyone.length
  const staff = await db.selectFrom('users').select(['id', 'email', 'agency_code', 'roles']).orderBy('id').execute()
  const managerUser = staff.find((u) => u.roles.includes('manager'))
  if (!managerUser) throw new Error('the demo area has no manager')
  const agencies = [...new Set(staff.map((u) => u.agency_code))]
  const openedAt = new Date(Date.now() - 30 * 86_400_000)
  await sql`insert into wt_challenges (entity_id, raised_by, raised_by_agency, against_agency, subject, summary, opened_at, recorded_at)
    select e.id, u.id, u.agency_code, ${agencies[0]}, 'inaction', 'No plan yet', ${openedAt}::timestamptz + (n || ' minutes')::interval, ${openedAt}
    from generate_series(0, ${wtCount - 1}) n
    join (select id, row_number() over (order by id) - 1 as i from entities where merged_into is null) e on e.i = n % ${everyone.length}
    join (select id, agency_code, row_number() over (order by id) - 1 as i from users) u on u.i = n % ${staff.length}`.execute(
    db,
  )
  await sql`insert into wt_actions (entity_id, title, owner_user_id, owner_agency, due_date, recorded_by, recorded_at)
    select e.id, 'Visit ' || n, u.id, u.agency_code, (current_date + ((n % 60) - 30))::text, u.id, ${openedAt}
    from generate_series(0, ${2 * wtCount - 1}) n
    join (select id, row_number() over (order by id) - 1 as i from entities where merged_into is null) e on e.i = n % ${everyone.length}
    join (select id, agency_code, row_number() over (order by id) - 1 as i from users) u on u.i = n % ${staff.length}`.execute(
    db,
  )
  const manager = await new Browser(app).signIn(managerUser.email, DEMO_PASSWORD)
  const managerSignedIn = {
    id: managerUser.id,
    email: managerUser.email,
    name: managerUser.email,
    agency: managerUser.agency_code,
    agencyName: managerUser.agency_code,
    roles: managerUser.roles as SignedInUser['roles'],
    jobTitle: null,
    isDemo: true,
  }
  const getAs = async (who: Browser, path: string) => {
    const started = performance.now()
    const res = await who.get(path)
    if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`)
    return performance.now() - started
  }
  const firstWt = await getAs(manager, '/manager') // every child worked out once for working together
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
    add("manager's morning page", await getAs(manager, '/manager'))
    add(
      "manager's morning page, actions page 3 by owner",
      await getAs(manager, '/manager?actions-sort=owner&actions-page=3'),
    )
    add('My work (manager)', await getAs(manager, '/my-work'))
    {
      // what the morning page reads besides its two maintained lists (decision 0071), part by part
      const at = new Date()
      add(
        'morning page part: caseloads, open tasks in SQL',
        await timed(() => caseloadsAt(db, at, managerUser.agency_code, { now: at })),
      )
      add('morning page part: supervision due', await timed(() => supervisionStatusAt(db, at)))
      add('morning page part: assignments', await timed(() => assignmentsAt(db, at)))
      add(
        'morning page part: imported supervision',
        await timed(() => importedSupervisionStatusAt(db, at, managerUser.agency_code)),
      )
      add('morning page part: training lapses', await timed(() => trainingLapsesAt(db, at, managerUser.agency_code)))
      const ctx = { db, user: managerSignedIn, team: [], now: at, query: {} }
      add('morning page part: unanswered section', await timed(() => riskUnansweredSection.load(ctx)))
      add('morning page part: overdue interviews section', await timed(() => overdueInterviewsSection.load(ctx)))
    }
    {
      const at = new Date()
      add(
        'open challenges: a page of 25 in SQL',
        await timed(() => openChallengesPage(db, at, { page: 2, pageSize: 25 })),
      )
      add(
        'overdue actions: a page of 25 in SQL',
        await timed(() => childActionsPage(db, at, { overdue: true, pageSize: 25 })),
      )
      add('challenges --open rows', await timed(() => challengeRows(db, at, { open: true, now: at })))
      add('actions --overdue rows', await timed(() => actionRows(db, at, { overdue: true, now: at })))
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
    await sql`update wt_actions set version = version + 1 where id = (select min(id) from wt_actions where entity_id = ${id})`.execute(
      db,
    )
    add("manager's morning page after one child touched", await getAs(manager, '/manager'))
  }
  const computedRounds = quick ? 3 : 6
  for (let i = 0; i < computedRounds; i++) {
    add('MASH queue computed (as known on today)', await get(`/mash?as_of=${today}`))
    add('unanswered computed (as known on today)', await get(`/unanswered?as_of=${today}`))
    add('alerts computed (as known on today)', await get(`/alerts?as_of=${today}`))
    for (const [name, rows] of Object.entries(ROWS)) add(`${name} computed`, await timed(() => rows(null, new Date())))
    // what the morning page, My work and the commands read on every request before decision 0062
    add(
      'open challenges and actions computed (the area)',
      await timed(() => Promise.all([challengesAt(db, new Date()), actionsAt(db, new Date())])),
    )
    // the morning page's caseloads before decision 0071: every action of the area worked out
    add(
      'morning page part: caseloads computed (before 0071)',
      await timed(() => caseloadsAt(db, new Date(), managerUser.agency_code)),
    )
    add('challenges --open rows computed', await timed(() => challengeRows(db, new Date(), { open: true })))
    add('actions --overdue rows computed', await timed(() => actionRows(db, new Date(), { overdue: true })))
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
      `first read worked out every child in ${first.toFixed(0)} ms (risk), ${firstMissing.toFixed(0)} ms (missing) ` +
      `and ${firstWt.toFixed(0)} ms (working together: ${wtCount} challenges, ${2 * wtCount} actions)\n`,
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

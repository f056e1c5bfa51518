// Loads the demo area: its agencies, every agency's records through the ordinary import path,
// demo users for each role and agency, and allocations to the story children. It is loaded only
// into an empty database, and refuses one that holds anything that is not demo data.
import type { Db } from '../db/database.ts'
import { importRecords, type InputLine } from '../import/importer.ts'
import { createUser } from '../access/users.ts'
import { audit } from '../audit/audit.ts'
import { londonDate, now } from '../config/clock.ts'
import { generateArea, DEMO_OPTIONS } from './generate-area.ts'
import type { AreaOptions } from './area-types.ts'
import { demoUsers, demoAllocations, DEMO_PASSWORD, type DemoUser } from './users.ts'
import { errorKind } from '../errors/domain-error.ts'
import { recordMashHistory } from './mash-history.ts'
import { recordLearning } from './learning.ts'
import type { DemoAgency } from './agencies.ts'

export class DemoRefused extends errorKind('invalid') {}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('agencies').select('code').limit(1).executeTakeFirst()
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  return !row && !user
}

async function holdsDemo(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('agencies').select('code').where('is_demo', '=', true).limit(1).executeTakeFirst())
}

async function holdsOtherData(db: Db): Promise<boolean> {
  const agency = await db.selectFrom('agencies').select('code').where('is_demo', '=', false).limit(1).executeTakeFirst()
  const user = await db.selectFrom('users').select('id').where('is_demo', '=', false).limit(1).executeTakeFirst()
  const imported = await db
    .selectFrom('imports')
    .select('id')
    .where('channel', '!=', 'demo')
    .limit(1)
    .executeTakeFirst()
  return !!(agency || user || imported)
}

export async function loadDemo(
  db: Db,
  options: { progress?: (message: string) => void; area?: Partial<AreaOptions> } = {},
): Promise<{ objects: number; users: number }> {
  const say = options.progress ?? (() => {})
  if (await holdsOtherData(db))
    throw new DemoRefused(
      "this database holds data that is not the demo area's: the demo is loaded only into an empty database",
    )
  if (await holdsDemo(db)) throw new DemoRefused('the demo area is already loaded')
  const at = now()
  // the demo's years end yesterday, so that what is due, overdue and unanswered is live today
  const area = generateArea({ ...DEMO_OPTIONS, ...options.area, end: londonDate(new Date(at.getTime() - 86_400_000)) })
  for (const agency of area.agencies) {
    await db
      .insertInto('agencies')
      .values({
        code: agency.code,
        name: agency.name,
        kind: agency.kind,
        contact: agency.contact ?? null,
        is_demo: true,
      })
      .execute()
  }
  say(`${area.agencies.length} agencies`)
  const lines: InputLine[] = area.objects.map((value, i) => ({ line: i + 1, text: '', value }))
  const result = await importRecords(db, lines, {
    channel: 'demo',
    filename: 'demo area',
    skipInvalid: false,
    actor: { kind: 'system', name: 'demo' },
    receivedAt: at,
  })
  if (result.rolledBack) {
    const first = result.rejects[0]
    throw new Error(
      `the demo area's records did not validate (line ${first?.line}: ${first?.errors.map((e) => `${e.field} ${e.message}`).join('; ')})`,
    )
  }
  say(`${area.objects.length} agency records (${result.created} created)`)
  const users = demoUsers(area.agencies)
  const ids = new Map<string, number>()
  for (const user of users) {
    ids.set(user.email, await createUser(db, { ...user, isDemo: true }))
  }
  say(`${users.length} demo users`)
  for (const allocation of demoAllocations(area)) {
    const [agency, ...rest] = allocation.record.split(':')
    const link = await db
      .selectFrom('entity_links')
      .select('entity_id')
      .where('agency_code', '=', agency)
      .where('source_id', '=', rest.join(':'))
      .executeTakeFirst()
    const userId = ids.get(allocation.email)
    if (!link || !userId) continue
    await db
      .insertInto('allocations')
      .values({ entity_id: link.entity_id, user_id: userId, role: allocation.role, starts_at: allocation.since ?? at })
      .execute()
  }
  const mash = await mashHistory(db, at, users, ids, area.agencies)
  say(
    `${mash.news} children in this morning's news; ${mash.decisions} MASH decisions, ${mash.allocations} allocations by the MASH`,
  )
  const learning = await recordLearning(db, at, users, ids, area.agencies)
  if (learning)
    say(
      `a rapid review with ${learning.actions} actions, ${learning.selfAssessments} self-assessments, a case audit of ${learning.cohort} children with ${learning.returns} returns begun`,
    )
  await audit(
    db,
    { kind: 'system', name: 'demo' },
    { action: 'demo_loaded', details: { objects: area.objects.length, users: users.length } },
    at,
  )
  return { objects: area.objects.length, users: users.length }
}

/** The demo MASH's decisions over the years, and its allocations of the social care practitioner. */
async function mashHistory(
  db: Db,
  at: Date,
  users: readonly DemoUser[],
  ids: ReadonlyMap<string, number>,
  agencies: readonly DemoAgency[],
) {
  const mash = users.find((u) => u.roles.includes('mash'))
  const id = mash && ids.get(mash.email)
  if (!mash || id === undefined) return { decisions: 0, allocations: 0, news: 0 }
  const sw = users.find((u) => u.agency === mash.agency && u.roles.includes('practitioner'))
  const user = {
    id,
    email: mash.email,
    name: mash.name,
    agency: mash.agency,
    agencyName: agencies.find((a) => a.code === mash.agency)?.name ?? mash.agency,
    roles: mash.roles,
    jobTitle: null,
    isDemo: true,
  }
  return recordMashHistory(db, at, user, (sw && ids.get(sw.email)) ?? null)
}

export async function demoSignInHelp(db: Db): Promise<string> {
  const users = await db
    .selectFrom('users')
    .select(['email', 'roles', 'agency_code'])
    .where('is_demo', '=', true)
    .orderBy('agency_code')
    .orderBy('email')
    .execute()
  if (users.length === 0) return ''
  const lines = users.map((u) => `  ${u.email.padEnd(40)} ${u.agency_code.padEnd(10)} ${u.roles.join(', ')}`)
  return `\nSign in as any demo user (all fictional) with the password ${DEMO_PASSWORD}:\n${lines.join('\n')}\n\n`
}

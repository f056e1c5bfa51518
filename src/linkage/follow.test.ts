// What belongs to a person follows a merge and goes back on unmerge, on both databases: a
// professional allocated to either child, or a grant opened on either, reaches the merged child in
// every place reach is computed (the person page, network charts, the unanswered list), and after
// the merge is undone each goes back to its own child; rows added to the merged child stay with it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { forEachDatabase } from '../testing/backends.ts'
import { PASSWORD, TEST_ACTOR } from '../testing/seed.ts'
import { addAgency } from '../agencies/agencies.ts'
import { createUser } from '../access/users.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import type { Viewer } from '../access/visibility.ts'
import type { Role } from '../vocabulary/roles.ts'
import type { SignedInUser } from '../web/request-context.ts'
import { allocate, allocationsOf, grantAccess } from '../people/allocations.ts'
import { lockPerson, resolvePerson } from '../people/people.ts'
import { viewPersonRecord } from '../people/record-view.ts'
import { reachesOf } from '../networks/viewer-reach.ts'
import { watchedChildren } from '../risk/unanswered-for.ts'
import { screeningsOf } from '../risk/store.ts'
import { serafCse } from '../risk/seraf-cse.ts'
import { profileOf } from '../missing/store.ts'
import { decideReview } from './review.ts'
import { mergePeople, unmergeRecord } from './merge.ts'
import { MOVED_TABLES, OTHER_PERSON_COLUMNS } from './follow.ts'

const AT = new Date('2020-06-01T12:00:00Z')
const LATER = new Date('2020-06-02T12:00:00Z')
const AIMEE = {
  type: 'person',
  agency: 'police',
  source_id: 'P-1',
  given_name: 'Aimee',
  family_name: 'Smyth',
  date_of_birth: '2007-03-14',
  sex: 'female',
  recorded_at: '2020-01-01T09:00:00',
}
const AMY = {
  type: 'person',
  agency: 'school',
  source_id: 'S-1',
  given_name: 'Amy',
  family_name: 'Smith',
  // another year: not even the shipped model takes her for Aimee
  date_of_birth: '2009-08-21',
  sex: 'female',
  recorded_at: '2020-01-02T09:00:00',
}

interface Person {
  id: number
  email: string
  agency: string
  roles: Role[]
}

async function area(db: Db) {
  for (const [code, kind] of [
    ['police', 'police'],
    ['school', 'education'],
    ['clinic', 'health'],
    ['csc', 'childrens_social_care'],
  ] as const) {
    await addAgency(db, { code, name: code, kind })
  }
  const make = async (email: string, agency: string, ...roles: Role[]): Promise<Person> => ({
    id: await createUser(db, { email, name: email.split('@')[0], agency, roles, password: PASSWORD }),
    email,
    agency,
    roles,
  })
  return {
    mash: await make('mash@csc.test', 'csc', 'mash'),
    socialWorker: await make('sw@csc.test', 'csc', 'practitioner'),
    officer: await make('officer@police.test', 'police', 'practitioner'),
    nurse: await make('nurse@clinic.test', 'clinic', 'practitioner'),
    teacher: await make('teacher@school.test', 'school', 'practitioner'),
  }
}

const actorOf = (p: Person): Actor => ({
  kind: 'user',
  userId: p.id,
  email: p.email,
  name: p.email,
  agency: p.agency,
  roles: p.roles,
})
const signedIn = (p: Person): SignedInUser => ({
  id: p.id,
  email: p.email,
  name: p.email,
  agency: p.agency,
  agencyName: p.agency,
  roles: p.roles,
  jobTitle: null,
  isDemo: false,
})
const viewer = (p: Person): Viewer => ({ kind: 'user', userId: p.id, agency: p.agency, roles: p.roles })

async function importPeople(db: Db, ...records: object[]) {
  const r = await importRecords(db, ndjsonLines(records.map((o) => JSON.stringify(o)).join('\n')), {
    channel: 'file',
    skipInvalid: false,
    actor: TEST_ACTOR,
    receivedAt: AT,
  })
  assert.equal(r.rejected, 0, JSON.stringify(r.rejects))
}

async function personOf(db: Db, agency: string, sourceId: string) {
  return (
    await db
      .selectFrom('entity_links')
      .select('entity_id')
      .where('agency_code', '=', agency)
      .where('source_id', '=', sourceId)
      .executeTakeFirstOrThrow()
  ).entity_id
}

/** How far a professional reaches into a person's record, as the person page computes it. */
async function reach(db: Db, p: Person, personId: number) {
  const view = await viewPersonRecord(db, viewer(p), actorOf(p), personId, { at: AT }, AT, {
    audit: false,
    withEvents: false,
    withLanguage: false,
  })
  return view.reach.level === 'full' ? `full:${view.reach.because}` : view.reach.level
}

/** Rows of other capabilities about a person, written as their own code writes them. */
async function rowsAbout(db: Db, personId: number, by: Person) {
  // the shipped instrument (a migration adds it; emptying the tables between tests takes it away)
  await sql`insert into risk_instruments (instrument_id, version, definition, added_at)
    values (${serafCse.id}, ${serafCse.version}, ${JSON.stringify(serafCse)}::jsonb, '1970-01-01T00:00:00Z') on conflict do nothing`.execute(
    db,
  )
  await db
    .insertInto('risk_screenings')
    .values({
      entity_id: personId,
      instrument_id: serafCse.id,
      instrument_version: serafCse.version,
      signed_by: by.id,
      signed_at: AT,
      score: 7,
      band: 2,
      screening: JSON.stringify({ instrumentId: serafCse.id, instrumentVersion: serafCse.version, items: [] }),
    })
    .execute()
  await sql`insert into wt_decisions (entity_id, agency_code, kind, rationale, decided_at, decided_by, recorded_at)
    values (${personId}, ${by.agency}, 'threshold_decision', 'below threshold for now', ${AT}, ${by.id}, ${AT})`.execute(
    db,
  )
  await sql`insert into language_pending (user_id, entity_id, context, findings, created_at) values (${by.id}, ${personId}, 'meeting', '[]', ${AT})`.execute(
    db,
  )
  await sql`insert into interview_assignments (entity_id, episode_source, user_id, assigned_by, assigned_at) values (${personId}, 'police:M-1', ${by.id}, ${by.id}, ${AT})`.execute(
    db,
  )
  await sql`insert into philomena_profiles (entity_id, agency_code, description, updated_by, updated_at) values (${personId}, ${by.agency}, 'slim, dark hair', ${by.id}, ${AT})`.execute(
    db,
  )
  await sql`insert into risk_scores (entity_id, instrument_id, instrument_version, score, band, age_rule, multi_agency, computed_at)
    values (${personId}, ${serafCse.id}, ${serafCse.version}, 7, 2, false, false, ${AT})`.execute(db)
}

/** The area's users, and Aimee (police) and Amy (school): two people neither the exact rules nor the model join. */
async function aimeeAndAmy(db: Db) {
  const users = await area(db)
  await importPeople(db, AIMEE, AMY)
  return { users, aimee: await personOf(db, 'police', 'P-1'), amy: await personOf(db, 'school', 'S-1') }
}

forEachDatabase('what belongs to a person through merge and unmerge', (backend) => {
  test('a MASH "same person" decision: allocations, grants and the rest follow the merged child; undoing it gives each side back its own', async () => {
    const { db } = backend().database
    const { users, aimee, amy } = await aimeeAndAmy(db)
    assert.notEqual(aimee, amy, 'different names and dates of birth: kept apart')

    // the social worker is allocated to Amy, the officer opened Amy's record, the nurse Aimee's
    await allocate(db, actorOf(users.mash), signedIn(users.mash), amy, users.socialWorker.id, 'Social worker', AT)
    await grantAccess(
      db,
      actorOf(users.officer),
      signedIn(users.officer),
      amy,
      'joint visit with social care this week',
      AT,
      72,
    )
    await grantAccess(
      db,
      actorOf(users.nurse),
      signedIn(users.nurse),
      aimee,
      'clinic follow-up after A&E attendance',
      AT,
      72,
    )
    await rowsAbout(db, amy, users.teacher)
    const allocation = (await allocationsOf(db, amy, AT)).current[0].id
    assert.equal(await reach(db, users.socialWorker, aimee), 'signpost')
    assert.equal(await reach(db, users.officer, aimee), 'signpost')

    await db
      .insertInto('linkage_reviews')
      .values({
        agency_code: 'school',
        source_id: 'S-1',
        candidate_entity: aimee,
        candidate_agency: 'police',
        candidate_source: 'P-1',
        probability: 0.8,
        model_id: null,
        explanation: JSON.stringify({ comparisons: [], probability: 0.8 }),
        created_at: AT,
      })
      .execute()
    const review = await db.selectFrom('linkage_reviews').select('id').executeTakeFirstOrThrow()
    const decided = await decideReview(
      db,
      actorOf(users.mash),
      review.id,
      true,
      'same child: the school confirmed her birthday and address',
      AT,
    )
    assert.equal(decided.personId, aimee)

    // every professional of either child reaches the merged child, however they ask
    assert.equal(await reach(db, users.socialWorker, aimee), 'full:allocated')
    assert.equal(
      await reach(db, users.socialWorker, amy),
      'full:allocated',
      'the merged-away id answers with the merged child',
    )
    assert.equal(await reach(db, users.officer, aimee), 'full:access_grant')
    assert.equal(await reach(db, users.nurse, aimee), 'full:access_grant')
    assert.equal(
      (await reachesOf(db, viewer(users.socialWorker), [aimee], AT)).get(aimee)?.level,
      'full',
      'network charts',
    )
    assert.equal((await reachesOf(db, viewer(users.officer), [aimee], AT)).get(aimee)?.level, 'full', 'network charts')
    assert.ok(
      (
        await watchedChildren(db, { id: users.socialWorker.id, agency: 'csc', roles: ['practitioner'] }, AT)
      ).allocated.has(aimee),
      'the unanswered list',
    )
    assert.deepEqual(
      (await allocationsOf(db, aimee, AT)).current.map((a) => a.id),
      [allocation],
    )
    assert.equal((await screeningsOf(db, [aimee])).get(aimee)?.length, 1, "Amy's screening is the merged child's")
    assert.equal(
      (await profileOf(db, aimee))?.description,
      'slim, dark hair',
      "Amy's Philomena profile: Aimee had none",
    )
    for (const table of ['wt_decisions', 'language_pending', 'interview_assignments']) {
      assert.deepEqual(
        (await sql<{ entity_id: number }>`select entity_id from ${sql.table(table)}`.execute(db)).rows.map(
          (r) => r.entity_id,
        ),
        [aimee],
        table,
      )
    }
    assert.deepEqual(
      (await db.selectFrom('risk_scores').select('entity_id').execute()).map((r) => r.entity_id),
      [],
      'the merged-away child leaves the risk cache',
    )
    assert.ok(
      (await db.selectFrom('risk_stale').select('entity_id').execute()).some((r) => r.entity_id === aimee),
      'the merged child is scored again',
    )
    // the merge's audit entry says what moved, with who and when
    const merge = await db
      .selectFrom('audit_log')
      .select(['details', 'actor', 'at'])
      .where('action', '=', 'linkage_merge')
      .executeTakeFirstOrThrow()
    const moved = (merge.details as { moved: { rows: Record<string, number[]> } }).moved.rows
    assert.deepEqual(moved.allocations, [allocation])
    assert.equal(moved.access_grants.length, 1)
    assert.equal(merge.actor, users.mash.email)

    // while merged: someone allocated to the merged child, a grant opened through Amy's old id
    await allocate(db, actorOf(users.mash), signedIn(users.mash), aimee, users.nurse.id, 'School nurse', LATER)
    await grantAccess(
      db,
      actorOf(users.teacher),
      signedIn(users.teacher),
      amy,
      'attendance meeting with the family',
      AT,
      72,
    )
    assert.equal(await reach(db, users.teacher, aimee), 'full:access_grant')

    const back = await db
      .transaction()
      .execute((trx) =>
        unmergeRecord(
          trx,
          actorOf(users.mash),
          'school',
          'S-1',
          'two girls: the school record is another child',
          LATER,
        ),
      )
    assert.equal(back, amy, 'splitting out the only record Amy brought undoes the merge: Amy is herself again')
    assert.equal(await resolvePerson(db, amy), amy)
    assert.equal(await personOf(db, 'school', 'S-1'), amy)
    assert.equal(await reach(db, users.socialWorker, amy), 'full:allocated')
    assert.equal(await reach(db, users.socialWorker, aimee), 'signpost')
    assert.equal(await reach(db, users.officer, amy), 'full:access_grant')
    assert.equal(await reach(db, users.officer, aimee), 'signpost')
    assert.equal(await reach(db, users.nurse, aimee), 'full:access_grant')
    assert.equal(await reach(db, users.nurse, amy), 'signpost')
    assert.equal(
      await reach(db, users.teacher, aimee),
      'full:access_grant',
      'what was added to the merged child stays with it',
    )
    assert.equal(await reach(db, users.teacher, amy), 'signpost')
    assert.deepEqual(
      (await allocationsOf(db, aimee, LATER)).current.map((a) => a.user_id),
      [users.nurse.id],
    )
    assert.deepEqual(
      (await allocationsOf(db, amy, LATER)).current.map((a) => a.user_id),
      [users.socialWorker.id],
    )
    assert.equal((await screeningsOf(db, [amy])).get(amy)?.length, 1)
    assert.equal((await profileOf(db, amy))?.description, 'slim, dark hair')
    assert.equal(await profileOf(db, aimee), undefined)
    for (const table of ['wt_decisions', 'language_pending', 'interview_assignments']) {
      assert.deepEqual(
        (await sql<{ entity_id: number }>`select entity_id from ${sql.table(table)}`.execute(db)).rows.map(
          (r) => r.entity_id,
        ),
        [amy],
        table,
      )
    }
    const stale = new Set((await db.selectFrom('risk_stale').select('entity_id').execute()).map((r) => r.entity_id))
    assert.ok(stale.has(amy) && stale.has(aimee))
    const history = await db
      .selectFrom('entity_link_history')
      .select(['action', 'from_entity', 'to_entity', 'actor'])
      .where('source_id', '=', 'S-1')
      .orderBy('id')
      .execute()
    assert.deepEqual(
      history.map((h) => [h.action, h.from_entity, h.to_entity, h.actor]),
      [
        ['merge', amy, aimee, users.mash.email],
        ['unmerge', aimee, amy, users.mash.email],
      ],
    )
    const unmerge = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'linkage_unmerge')
      .where('entity_id', '=', amy)
      .executeTakeFirstOrThrow()
    assert.deepEqual((unmerge.details as { returned: { rows: Record<string, number[]> } }).returned.rows.allocations, [
      allocation,
    ])
  })

  test('a record that came by the exact rules splits into a new person and takes nothing with it', async () => {
    const { db } = backend().database
    const users = await area(db)
    await importPeople(db, AIMEE, { ...AIMEE, agency: 'clinic', source_id: 'C-1' })
    const aimee = await personOf(db, 'police', 'P-1')
    assert.equal(await personOf(db, 'clinic', 'C-1'), aimee, 'same name and date of birth')
    await allocate(db, actorOf(users.mash), signedIn(users.mash), aimee, users.socialWorker.id, 'Social worker', AT)
    const fresh = await db
      .transaction()
      .execute((trx) => unmergeRecord(trx, actorOf(users.mash), 'clinic', 'C-1', 'the clinic record is her cousin', AT))
    assert.notEqual(fresh, aimee)
    assert.equal(await reach(db, users.socialWorker, aimee), 'full:allocated')
    assert.equal(await reach(db, users.socialWorker, fresh), 'signpost')
  })

  test('a merge by the model of a child with several records: what it brought stays until its last record is split out', async () => {
    const { db } = backend().database
    const users = await area(db)
    await importPeople(db, AIMEE, AMY, { ...AMY, agency: 'clinic', source_id: 'C-1' })
    const aimee = await personOf(db, 'police', 'P-1')
    const amy = await personOf(db, 'school', 'S-1')
    assert.equal(await personOf(db, 'clinic', 'C-1'), amy)
    await allocate(db, actorOf(users.mash), signedIn(users.mash), amy, users.socialWorker.id, 'Social worker', AT)
    const model: Actor = { kind: 'system', name: 'linkage model 1' }
    await db
      .transaction()
      .execute((trx) => mergePeople(trx, model, amy, aimee, 'probability 0.9900', AT, { score: 0.99 }))
    assert.equal(await reach(db, users.socialWorker, aimee), 'full:allocated')
    const links = await db
      .selectFrom('entity_links')
      .select(['method', 'score'])
      .where('entity_id', '=', aimee)
      .where('agency_code', '<>', 'police')
      .execute()
    assert.deepEqual(
      links.map((l) => [l.method, l.score]),
      [
        ['probabilistic', 0.99],
        ['probabilistic', 0.99],
      ],
    )

    const first = await db
      .transaction()
      .execute((trx) =>
        unmergeRecord(trx, actorOf(users.mash), 'school', 'S-1', 'the school record is another child', AT),
      )
    assert.notEqual(first, amy, 'the clinic record Amy brought is still with Aimee')
    assert.equal(await reach(db, users.socialWorker, aimee), 'full:allocated')
    assert.equal(await reach(db, users.socialWorker, first), 'signpost')
    const last = await db
      .transaction()
      .execute((trx) =>
        unmergeRecord(trx, actorOf(users.mash), 'clinic', 'C-1', 'the clinic record is not Aimee either', AT),
      )
    assert.equal(last, amy, "the last of Amy's records undoes the merge")
    assert.equal(await reach(db, users.socialWorker, amy), 'full:allocated')
    assert.equal(await reach(db, users.socialWorker, aimee), 'signpost')
  })

  test('an access grant written while a merge runs ends with the merged child', async () => {
    const { db } = backend().database
    const { users, aimee, amy } = await aimeeAndAmy(db)
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let locked!: () => void
    const holding = new Promise<void>((resolve) => (locked = resolve))
    // the grant's transaction has resolved Amy and written her grant, and has not committed yet
    const granting = db.transaction().execute(async (trx) => {
      const person = await lockPerson(trx, amy)
      await trx
        .insertInto('access_grants')
        .values({
          entity_id: person!,
          user_id: users.officer.id,
          reason: 'joint visit with social care',
          granted_at: AT,
          expires_at: LATER,
        })
        .execute()
      locked()
      await gate
    })
    await holding
    const merging = db
      .transaction()
      .execute((trx) => mergePeople(trx, actorOf(users.mash), amy, aimee, 'same child', AT))
    await new Promise((resolve) => setTimeout(resolve, 200))
    release()
    await Promise.all([granting, merging])
    assert.deepEqual(
      (await db.selectFrom('access_grants').select('entity_id').execute()).map((r) => r.entity_id),
      [aimee],
    )
    assert.equal(await reach(db, users.officer, aimee), 'full:access_grant')
    // and after the merge, a transaction that resolved Amy before it is led to the merged child
    assert.equal(await db.transaction().execute((trx) => lockPerson(trx, amy)), aimee)
  })

  test('every column that names a person has a rule for merges', async () => {
    const { db } = backend().database
    const columns = await sql<{ name: string }>`
      select c.relname || '.' || a.attname as name from pg_attribute a
        join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' and a.attname = 'entity_id' and not a.attisdropped
      union
      select c.relname || '.' || a.attname from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
      where n.nspname = current_schema() and k.contype = 'f' and k.confrelid = (select oid from pg_class where relname = 'entities' and relnamespace = n.oid)
      order by 1`.execute(db)
    const known = [...MOVED_TABLES.map((t) => `${t}.entity_id`), ...Object.keys(OTHER_PERSON_COLUMNS)].sort()
    assert.deepEqual(
      columns.rows.map((r) => r.name),
      known,
    )
  })
})

// The maintained open challenges and children's actions (maintained-lists.ts, decision 0062) equal the
// answer computed for the whole area now (challengesAt, actionsAt), on both databases, on the working
// area (testing/working-together-area.ts) and on a generated area (demo/generate-area.ts) with challenges
// and actions of its own: after challenges raised, moved up and resolved, actions recorded, edited and
// done, an allocation, a merge and an unmerge, a relink, an import, and as the clock passes an action's
// due time and a stage's deadline with no new record. Each write marks the children it touches in its
// own transaction (migrations 0037 and 0043's triggers); nothing here tells the lists what changed.
// Read a page at a time in SQL, the rows whose keys meet a worker's are exactly challengeWork's.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { bringUpToDate } from '../db/maintained-lists.ts'
import { generateArea } from '../demo/generate-area.ts'
import { importGeneratedArea } from '../testing/generated-area.ts'
import { mergePeople, unmergeRecord } from '../linkage/merge.ts'
import { relinkPeople } from '../linkage/relink.ts'
import { forEachDatabase } from '../testing/backends.ts'
import { importObjects, TEST_ACTOR } from '../testing/seed.ts'
import { seedWorkingArea } from '../testing/working-together-area.ts'
import { challengesAt, noteChallenge, raiseChallenge, workFacts } from './store-challenges.ts'
import { actionsAt, completeAction, editAction, recordMeeting } from './store-meetings.ts'
import { professionals } from './store-people.ts'
import { challengeWork, workerKeys } from './stage-owner.ts'
import {
  childActionsPage,
  openActionsByOwner,
  openChallengesPage,
  WORKING_TOGETHER_LISTS_SOURCE,
} from './maintained-lists.ts'
import { caseloadsAt } from './store-caseload.ts'

/** JSON in which a Date stays distinguishable from a string. */
const plain = (v: unknown) =>
  JSON.parse(
    JSON.stringify(v, function (this: Record<string, unknown>, key, value: unknown) {
      return this[key] instanceof Date ? { date: value } : value
    }),
  ) as unknown

/** The maintained lists equal the computed ones at `at`, whole and a page at a time, for every worker; returns the computed. */
async function same(db: Db, at: Date, what: string) {
  const challenges = await openChallengesPage(db, at)
  const actions = await childActionsPage(db, at)
  const overdue = await childActionsPage(db, at, { overdue: true })
  assert.ok(challenges && actions && overdue, `${what}: the maintained lists were read (not computed)`)
  const computed = {
    challenges: (await challengesAt(db, at)).filter((c) => c.state.status === 'open'),
    actions: (await actionsAt(db, at)).filter((a) => a.status !== 'done'),
  }
  assert.deepEqual(plain(challenges.rows), plain(computed.challenges), `${what}: open challenges`)
  assert.deepEqual(plain(actions.rows), plain(computed.actions), `${what}: actions not done`)
  assert.deepEqual(
    plain(overdue.rows),
    plain(computed.actions.filter((a) => a.status === 'overdue')),
    `${what}: overdue actions`,
  )
  assert.equal(challenges.total, computed.challenges.length)
  // each worker's challenges, as My work (every reason) and the morning page (not those they only raised) ask
  for (const w of (await professionals(db)).values())
    for (const raised of [true, false]) {
      const kept = await openChallengesPage(db, at, { keys: workerKeys(w, raised) })
      const theirs = computed.challenges.filter((c) => {
        const work = challengeWork(w, workFacts(c))
        return work !== null && (raised || work !== 'raised')
      })
      assert.deepEqual(
        kept?.rows.map((c) => c.id),
        theirs.map((c) => c.id),
        `${what}: ${w.email}'s challenges`,
      )
      const mine = await childActionsPage(db, at, { keys: [`owner:${w.id}`, `chair:${w.id}`] })
      assert.deepEqual(
        mine?.rows.map((a) => a.id),
        computed.actions.filter((a) => a.owner.id === w.id || a.chairId === w.id).map((a) => a.id),
        `${what}: ${w.email}'s actions`,
      )
    }
  // a page at a time: the pages, one after another, are the list in the order asked
  for (const sort of [null, 'due', 'child', 'owner', 'overdue']) {
    const whole = await childActionsPage(db, at, { sort, descending: true })
    const paged = []
    for (let page = 1; page <= Math.max(1, Math.ceil(computed.actions.length / 2)); page++)
      paged.push(...must(await childActionsPage(db, at, { sort, descending: true, page, pageSize: 2 })).rows)
    assert.deepEqual(
      paged.map((a) => a.id),
      whole?.rows.map((a) => a.id),
      `${what}: pages by ${sort}`,
    )
  }
  // the morning page's caseloads: each worker's open actions counted from the maintained list (decision 0071)
  assert.ok(await openActionsByOwner(db, at), `${what}: open actions counted from the maintained list`)
  assert.deepEqual(
    plain(await caseloadsAt(db, at, undefined, { now: at })),
    plain(await caseloadsAt(db, at)),
    `${what}: caseloads`,
  )
  assert.equal(await bringUpToDate(db, WORKING_TOGETHER_LISTS_SOURCE, at), 0, `${what}: nothing left to work out`)
  return computed
}

function must<T>(v: T | null | undefined): T {
  assert.ok(v !== null && v !== undefined)
  return v
}

const hours = (at: Date, n: number) => new Date(+at + n * 3_600_000)

forEachDatabase(
  'maintained open challenges and actions on the working area',
  (backend) => {
    let db: Db
    let amy: number
    let users: Awaited<ReturnType<typeof seedWorkingArea>>['users']
    const t0 = new Date('2009-06-02T09:00:00Z')

    before(async () => {
      db = backend().database.db
      ;({ amy, users } = await seedWorkingArea(db))
    })

    test('equal after each kind of write, and as the clock passes a due time and a deadline', async () => {
      await same(db, t0, 'as loaded')
      const first = await raiseChallenge(
        db,
        TEST_ACTOR,
        {
          childId: amy,
          decisionId: 'cps:CD-1',
          raisedBy: users.officer,
          againstAgency: 'cps',
          subject: 'prosecutor_decision',
          summary: 'Credible account',
        },
        t0,
      )
      const raised = await same(db, hours(t0, 1), 'after a challenge was raised')
      assert.deepEqual(
        raised.challenges.map((c) => c.id),
        [first],
      )
      const meeting = {
        childId: amy,
        chair: 'manager@csc.test',
        invited: ['police', 'csc'],
        present: ['police', 'csc'],
      }
      await recordMeeting(
        db,
        TEST_ACTOR,
        {
          ...meeting,
          type: 'strategy_discussion',
          heldAt: hours(t0, 20),
          chairId: users.cscManager,
          information: {},
          decisions: null,
          recordedBy: users.cscManager,
          actions: [
            { title: 'Visit Amy', ownerId: users.socialWorker, dueDate: '2009-06-10' },
            { title: 'Check school attendance', ownerId: users.officer, dueDate: '2009-06-08' },
          ],
        },
        hours(t0, 21),
      )
      const met = await same(db, hours(t0, 22), 'after a meeting with actions')
      assert.equal(met.actions.length, 2)
      const visit = must(met.actions.find((a) => a.title === 'Visit Amy'))
      const school = must(met.actions.find((a) => a.title === 'Check school attendance'))

      // an edit of an action (its due date) and a note on the challenge
      await editAction(
        db,
        TEST_ACTOR,
        { id: visit.id, seen: visit.version, by: users.cscManager },
        { title: 'Visit Amy at home', dueDate: '2009-06-09' },
        hours(t0, 23),
      )
      await noteChallenge(
        db,
        TEST_ACTOR,
        first,
        users.prosecutor,
        { kind: 'responded', note: 'Reviewing' },
        hours(t0, 24),
      )
      await same(db, hours(t0, 24), 'after an edit of an action and a response')

      // an allocation (who owns a stage)
      await sql`insert into allocations (entity_id, user_id, role, starts_at, allocated_by)
        values (${amy}, ${users.socialWorker}, 'Social worker', ${hours(t0, 24)}, ${users.cscManager})`.execute(db)
      await same(db, hours(t0, 25), 'after an allocation')

      // the clock alone: the school action falls due at the end of 8 June (London)
      const due = must((await actionsAt(db, hours(t0, 25))).find((a) => a.id === school.id)).dueAt
      assert.equal(
        (await same(db, new Date(+due - 1), 'just before a due time')).actions.find((a) => a.id === school.id)?.status,
        'open',
      )
      const late = await same(db, due, 'at a due time')
      assert.equal(late.actions.find((a) => a.id === school.id)?.status, 'overdue')

      // the clock alone: the challenge's first stage runs out and it moves up
      const stageDue = must(late.challenges[0].state.stageDueAt)
      const stage = late.challenges[0].state.stage
      const moved = await same(db, stageDue, 'at a stage deadline')
      assert.equal(moved.challenges[0].state.stage, stage + 1, 'moved up by its deadline')

      // a move up by hand, an action done, the challenge resolved
      await noteChallenge(
        db,
        TEST_ACTOR,
        first,
        users.officerManager,
        { kind: 'escalated', note: 'No answer' },
        hours(stageDue, 1),
      )
      await completeAction(
        db,
        TEST_ACTOR,
        school.id,
        users.officer,
        { completedAt: hours(stageDue, 1), evidence: 'Attendance checked' },
        hours(stageDue, 2),
      )
      const done = await same(db, hours(stageDue, 2), 'after a move up and an action done')
      assert.ok(!done.actions.some((a) => a.id === school.id), 'a done action leaves the list')

      // a merge of Amy into another person, and the merge undone
      const other = must(
        await db
          .selectFrom('entity_links')
          .select(['entity_id'])
          .where('entity_id', '<>', amy)
          .orderBy('entity_id')
          .executeTakeFirst(),
      ).entity_id
      const amyRecord = must(
        await db
          .selectFrom('entity_links')
          .select(['agency_code', 'source_id'])
          .where('entity_id', '=', amy)
          .executeTakeFirst(),
      )
      await db
        .transaction()
        .execute((trx) => mergePeople(trx, TEST_ACTOR, amy, other, 'the same child', hours(stageDue, 3)))
      const merged = await same(db, hours(stageDue, 3), 'after a merge')
      assert.ok(
        merged.actions.every((a) => +a.childId === other),
        "Amy's actions are the merged person's",
      )
      await db
        .transaction()
        .execute((trx) =>
          unmergeRecord(
            trx,
            TEST_ACTOR,
            amyRecord.agency_code,
            amyRecord.source_id,
            'not the same',
            hours(stageDue, 4),
          ),
        )
      await same(db, hours(stageDue, 4), 'after an unmerge')
      await relinkPeople(db, TEST_ACTOR, hours(stageDue, 5))
      await same(db, hours(stageDue, 5), 'after a relink')

      await noteChallenge(
        db,
        TEST_ACTOR,
        first,
        users.cpsSenior,
        { kind: 'resolved', outcome: 'decision_upheld', note: 'Reviewed again' },
        hours(stageDue, 6),
      )
      const resolved = await same(db, hours(stageDue, 7), 'after a resolution')
      assert.equal(resolved.challenges.length, 0, 'a resolved challenge leaves the list')
    })
  },
  { resetBetweenTests: false },
)

const AREA = generateArea({
  seed: 'maintained-working-together-lists',
  children: 60,
  groups: 2,
  exploitedShare: 0.08,
  hardVariantShare: 0.1,
  end: '2012-12-31',
  years: 4,
})

forEachDatabase(
  'maintained open challenges and actions on a generated area',
  (backend) => {
    let db: Db
    const t0 = new Date('2013-01-02T12:00:00Z')

    before(async () => {
      db = backend().database.db
      const { users } = await seedWorkingArea(db)
      // the area's agencies that the working area has not registered already
      const known = new Set((await db.selectFrom('agencies').select('code').execute()).map((a) => a.code))
      await importGeneratedArea(db, { ...AREA, agencies: AREA.agencies.filter((a) => !known.has(a.code)) })
      // a challenge and an action on some of the generated children
      const children = (
        await db.selectFrom('entities').select('id').where('merged_into', 'is', null).orderBy('id').limit(12).execute()
      ).map((r) => r.id)
      for (const [i, child] of children.entries()) {
        await raiseChallenge(
          db,
          TEST_ACTOR,
          {
            childId: child,
            decisionId: null,
            raisedBy: i % 2 ? users.officer : users.socialWorker,
            againstAgency: i % 2 ? 'csc' : 'police',
            subject: 'inaction',
            summary: `No plan for child ${i}`,
          },
          hours(t0, -48 + i),
        )
        await recordMeeting(
          db,
          TEST_ACTOR,
          {
            childId: child,
            chair: 'manager@csc.test',
            invited: ['police', 'csc'],
            present: ['police', 'csc'],
            type: 'strategy_discussion',
            heldAt: hours(t0, -30),
            chairId: users.cscManager,
            information: {},
            decisions: null,
            recordedBy: users.cscManager,
            actions: [{ title: `Visit ${i}`, ownerId: users.socialWorker, dueDate: `2013-01-0${1 + (i % 6)}` }],
          },
          hours(t0, -24),
        )
      }
    })

    test('equal as loaded, after a merge and an unmerge, an import, and as the clock moves on', async () => {
      const first = await same(db, t0, 'as loaded')
      assert.ok(first.challenges.length >= 12 && first.actions.length >= 12, 'challenges and actions to compare')
      const [a, b] = [...new Set(first.actions.map((x) => Number(x.childId)))]
      const record = must(
        await db
          .selectFrom('entity_links')
          .select(['agency_code', 'source_id'])
          .where('entity_id', '=', a)
          .executeTakeFirst(),
      )
      await db.transaction().execute((trx) => mergePeople(trx, TEST_ACTOR, a, b, 'same', hours(t0, 1)))
      await same(db, hours(t0, 1), 'after a merge')
      await db
        .transaction()
        .execute((trx) => unmergeRecord(trx, TEST_ACTOR, record.agency_code, record.source_id, 'not', hours(t0, 2)))
      await same(db, hours(t0, 2), 'after an unmerge')
      await importObjects(
        db,
        [
          {
            type: 'person',
            agency: 'police',
            source_id: 'WT-NEW-1',
            given_name: 'Zed',
            family_name: 'Newcomer',
            date_of_birth: '2001-02-03',
          },
        ],
        hours(t0, 3),
      )
      await same(db, hours(t0, 3), 'after an import')
      await same(db, new Date('2013-01-09T12:00:00Z'), 'a week on')
      await same(db, new Date('2013-03-01T12:00:00Z'), 'two months on')
    })
  },
  { resetBetweenTests: false },
)

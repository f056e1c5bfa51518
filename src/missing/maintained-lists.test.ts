// The maintained return interviews and repeat-missing list (maintained-lists.ts, decision 0055) equal the
// answer computed for the whole area now, on both databases, on the command line's area of awkward
// returns (cli-fixture.ts) and on a generated area (demo/generate-area.ts): after an import, a merge and
// an unmerge, a relink, an edit of an episode, the clock passing an interview's due time with no new
// record, a strategy discussion and an interview recorded. Each write marks the children it touches in
// its own transaction (migration 0037's triggers); nothing here tells the lists what changed.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import type { Db } from '../db/database.ts'
import { bringUpToDate } from '../db/maintained-lists.ts'
import { generateArea } from '../demo/generate-area.ts'
import { importGeneratedArea } from '../testing/generated-area.ts'
import { mergePeople, unmergeRecord } from '../linkage/merge.ts'
import { relinkPeople } from '../linkage/relink.ts'
import { forEachDatabase } from '../testing/backends.ts'
import { importObjects, seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { awkwardReturns } from './cli-fixture.ts'
import { loadMissingState } from './load-state.ts'
import { MISSING_LISTS_SOURCE, maintainedMissing } from './maintained-lists.ts'
import { missingSettings } from './settings.ts'

/** JSON in which a Date stays distinguishable from a string (a kept row must give Dates back where the computed one has them). */
const plain = (v: unknown) =>
  JSON.parse(
    JSON.stringify(v, function (this: Record<string, unknown>, key, value: unknown) {
      return this[key] instanceof Date ? { date: value } : value
    }),
  ) as unknown

/** The maintained lists equal the computed ones at `at`; returns them. */
async function same(db: Db, at: Date, what: string) {
  const kept = await maintainedMissing(db, at)
  assert.ok(kept, `${what}: the maintained lists were read (not computed)`)
  const state = await loadMissingState(db, at, missingSettings())
  const computed = { interviews: state.interviews, repeat: state.repeat.filter((r) => r.listed) }
  assert.deepEqual(plain(kept.interviews), plain(computed.interviews), `${what}: the return interviews`)
  assert.deepEqual(plain(kept.repeat), plain(computed.repeat), `${what}: repeat missing`)
  assert.equal(await bringUpToDate(db, MISSING_LISTS_SOURCE, at), 0, `${what}: nothing left to work out`)
  return computed
}

const hours = (at: Date, n: number) => new Date(+at + n * 3_600_000)
const statusOf = (c: Awaited<ReturnType<typeof same>>, episode: string) =>
  c.interviews.find((r) => r.episodeSource === episode)?.status

forEachDatabase(
  'maintained missing lists on the area of awkward returns',
  (backend) => {
    let db: Db
    const person: Record<string, number> = {}
    const t0 = new Date('2026-11-02T12:00:00Z')

    before(async () => {
      db = backend().database.db
      await seedArea(db)
      await importObjects(db, awkwardReturns(), new Date('2026-11-01T00:00:00Z'))
      for (const l of await db.selectFrom('entity_links').select(['source_id', 'entity_id']).execute())
        person[l.source_id] = l.entity_id
    })

    test('equal after each kind of write, and as the clock passes a due time', async () => {
      const first = await same(db, t0, 'as loaded')
      assert.ok(
        first.repeat.some((r) => +r.childId === person['P-4001']),
        'Cara is repeatedly missing',
      )
      assert.ok(first.interviews.length >= 5, 'interviews to compare')

      // an import: Cara missing again, back an hour ago; her interview is due in 72 hours
      await importObjects(
        db,
        [
          {
            type: 'event',
            agency: 'police',
            source_id: 'E-C9',
            kind: 'missing_episode',
            subject: 'P-4001',
            occurred_at: '2026-11-02T02:00:00Z',
            ended_at: '2026-11-02T11:00:00Z',
            recorded_at: '2026-11-02T11:30:00Z',
          },
        ],
        hours(t0, 0.1),
      )
      const imported = await same(db, hours(t0, 0.2), 'after an import')
      assert.equal(statusOf(imported, 'police:E-C9'), 'due')

      // a merge of Ben into Dan, and the merge undone
      const ben = person['P-3001']
      const dan = person['P-5001']
      await db.transaction().execute((trx) => mergePeople(trx, TEST_ACTOR, ben, dan, 'the same child', hours(t0, 0.3)))
      const merged = await same(db, hours(t0, 0.3), 'after a merge')
      assert.ok(!merged.interviews.some((r) => +r.childId === ben), 'the merged-away person has no interviews')
      await db
        .transaction()
        .execute((trx) => unmergeRecord(trx, TEST_ACTOR, 'police', 'P-3001', 'not the same child', hours(t0, 0.4)))
      await same(db, hours(t0, 0.4), 'after an unmerge')

      // a relink of the area
      await relinkPeople(db, TEST_ACTOR, hours(t0, 0.5))
      await same(db, hours(t0, 0.5), 'after a relink')

      // an edit: Cara's return re-sent two hours earlier (a new version): the interview falls due earlier
      await importObjects(
        db,
        [
          {
            type: 'event',
            agency: 'police',
            source_id: 'E-C9',
            kind: 'missing_episode',
            subject: 'P-4001',
            occurred_at: '2026-11-02T02:00:00Z',
            ended_at: '2026-11-02T09:00:00Z',
            recorded_at: '2026-11-02T12:30:00Z',
          },
        ],
        hours(t0, 0.6),
      )
      const edited = await same(db, hours(t0, 0.7), 'after an edit of an episode')
      assert.equal(
        edited.interviews.find((r) => r.episodeSource === 'police:E-C9')?.interviewDueAt.toISOString(),
        '2026-11-05T09:00:00.000Z',
      )

      // the clock alone: past the due time, with no new record
      assert.equal(statusOf(await same(db, new Date('2026-11-05T09:00:00Z'), 'at the due time'), 'police:E-C9'), 'due')
      const late = await same(db, new Date('2026-11-05T09:00:01Z'), 'past the due time')
      assert.equal(statusOf(late, 'police:E-C9'), 'overdue')

      // a strategy discussion answers Cara's crossing; her interview is held, late
      await importObjects(
        db,
        [
          {
            type: 'event',
            agency: 'csc',
            source_id: 'SD-C1',
            kind: 'strategy_discussion',
            subject: 'C-400',
            occurred_at: '2026-11-05T10:00:00Z',
            recorded_at: '2026-11-05T10:30:00Z',
          },
          {
            type: 'event',
            agency: 'csc',
            source_id: 'RI-C9',
            kind: 'return_interview',
            subject: 'C-400',
            occurred_at: '2026-11-05T11:00:00Z',
            recorded_at: '2026-11-05T11:30:00Z',
            episode: 'police:E-C9',
            status: 'done',
          },
        ],
        new Date('2026-11-05T12:00:00Z'),
      )
      const answered = await same(db, new Date('2026-11-05T12:00:00Z'), 'after a discussion and an interview')
      assert.ok(!answered.repeat.some((r) => +r.childId === person['P-4001']), 'Cara has left the repeat list')
      assert.equal(statusOf(answered, 'police:E-C9'), 'done_late')
    })
  },
  { resetBetweenTests: false },
)

const AREA = generateArea({
  seed: 'maintained-missing-lists',
  children: 200,
  groups: 2,
  exploitedShare: 0.08,
  hardVariantShare: 0.1,
  end: '2012-12-31',
  years: 6,
})

forEachDatabase(
  'maintained missing lists on a generated area',
  (backend) => {
    let db: Db
    const t0 = new Date('2013-01-02T12:00:00Z')

    before(async () => {
      db = backend().database.db
      await importGeneratedArea(db, AREA)
    })

    test('equal as loaded, after a merge and an unmerge, and as the clock moves on', async () => {
      const first = await same(db, t0, 'as loaded')
      const children = [...new Set(first.interviews.map((r) => Number(r.childId)))]
      assert.ok(children.length >= 2, `children with interviews to compare (${children.length})`)
      const [a, b] = children
      const record = await db
        .selectFrom('entity_links')
        .select(['agency_code', 'source_id'])
        .where('entity_id', '=', a)
        .orderBy('linked_at')
        .executeTakeFirstOrThrow()
      await db.transaction().execute((trx) => mergePeople(trx, TEST_ACTOR, a, b, 'same', hours(t0, 1)))
      await same(db, hours(t0, 1), 'after a merge')
      await db
        .transaction()
        .execute((trx) => unmergeRecord(trx, TEST_ACTOR, record.agency_code, record.source_id, 'not', hours(t0, 2)))
      await same(db, hours(t0, 2), 'after an unmerge')
      await same(db, new Date('2013-02-15T09:00:00Z'), 'weeks later')
    })
  },
  { resetBetweenTests: false },
)

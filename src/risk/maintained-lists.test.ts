// The maintained MASH queue, unanswered list and alerts (maintained-lists.ts, decisions 0049 and 0055) equal the answer
// computed for the whole area now, on both databases, on the hand-made risk area (testing/seed.ts and
// testing/risk-cli-fixture.ts) and on a generated area (demo/generate-area.ts): after an import, a
// merge and an unmerge, a relink, an edit and a withdrawal of an agency's record, a MASH decision, and
// the clock moving past a deadline with no new record. Each write marks the children it touches in its
// own transaction (migration 0037's triggers); nothing here tells the lists what changed.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import type { Db } from '../db/database.ts'
import { generateArea } from '../demo/generate-area.ts'
import { importGeneratedArea } from '../testing/generated-area.ts'
import { mergePeople, unmergeRecord } from '../linkage/merge.ts'
import { relinkPeople } from '../linkage/relink.ts'
import { forEachDatabase } from '../testing/backends.ts'
import { importRiskArea } from '../testing/risk-cli-fixture.ts'
import { importObjects, seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { assessArea } from './area.ts'
import { byPriority } from './mash-queue.ts'
import { bringUpToDate } from '../db/maintained-lists.ts'
import {
  RISK_LISTS_SOURCE,
  byUnanswered,
  maintainedAlerts,
  maintainedQueue,
  maintainedUnanswered,
  queueEntries,
  queueRowAt,
  unansweredEntries,
} from './maintained-lists.ts'
import { unansweredList } from './lists.ts'
import { recentAlerts } from './recent-alerts.ts'
import { riskSettings } from './settings.ts'
import { saveMashDecision } from './store.ts'

const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown

/** Both lists at `at`, maintained and computed for the whole area (the maintained ones read second, after any refresh). */
async function lists(db: Db, at: Date) {
  const settings = riskSettings()
  const kept = {
    queue: (await maintainedQueue(db, at))?.map((e) => queueRowAt(e, at)).sort(byPriority),
    unanswered: await maintainedUnanswered(db, at),
    alerts: await maintainedAlerts(db, at),
  }
  const children = await assessArea(db, at, { settings })
  const computed = {
    queue: (await queueEntries(db, children, at, settings)).map((e) => queueRowAt(e, at)).sort(byPriority),
    unanswered: (await unansweredEntries(db, children, at)).sort(byUnanswered),
    alerts: recentAlerts(children, at),
  }
  return { kept, computed }
}

/** The maintained lists equal the computed ones at `at`; returns them. */
async function same(db: Db, at: Date, what: string) {
  const { kept, computed } = await lists(db, at)
  assert.ok(kept.queue && kept.unanswered && kept.alerts, `${what}: the maintained lists were read (not computed)`)
  assert.deepEqual(plain(kept.queue), plain(computed.queue), `${what}: the MASH queue`)
  assert.deepEqual(plain(kept.unanswered), plain(computed.unanswered), `${what}: the unanswered list`)
  assert.deepEqual(plain(kept.alerts), plain(computed.alerts), `${what}: the alerts`)
  // `children --unanswered` for now reads the maintained list; --as-of computes: the same rows
  assert.deepEqual(
    await unansweredList(db, { asOf: at, settings: riskSettings(), now: at }),
    await unansweredList(db, { asOf: at, settings: riskSettings() }),
    `${what}: children --unanswered`,
  )
  assert.ok(
    kept.alerts?.every((a) => a.at instanceof Date),
    `${what}: an alert's time is a time`,
  )
  // brought up to date, a second read works nothing out again
  assert.equal(await bringUpToDate(db, RISK_LISTS_SOURCE, at), 0, `${what}: nothing left to work out`)
  return computed
}

const minutes = (at: Date, n: number) => new Date(+at + n * 60_000)

forEachDatabase(
  'maintained risk lists on the hand-made area',
  (backend) => {
    let db: Db
    let bea: number
    let cal: number
    let dan: number
    const t0 = new Date('2026-04-05T12:00:00Z')

    before(async () => {
      db = backend().database.db
      await seedArea(db)
      const { personOf } = await importRiskArea(db)
      bea = personOf('P-B')
      cal = personOf('P-C')
      dan = personOf('P-D')
    })

    test('equal after each kind of write, and as the clock passes a deadline', async () => {
      const first = await same(db, t0, 'as loaded')
      assert.ok(
        first.queue.some((r) => r.childId === bea),
        'Bea is on the queue',
      )
      assert.ok(!first.queue.some((r) => r.childId === cal), 'Cal is not on the queue yet')

      // an import: Cal missing, then gifts he will not explain (his band rises: the MASH owes him a look)
      await importObjects(
        db,
        [
          {
            type: 'event',
            agency: 'police',
            source_id: 'E-C1',
            kind: 'missing_episode',
            subject: 'P-C',
            occurred_at: '2026-04-02T22:00:00Z',
            ended_at: '2026-04-03T08:00:00Z',
            recorded_at: '2026-04-03T09:00:00Z',
          },
          {
            type: 'event',
            agency: 'police',
            source_id: 'E-C2',
            kind: 'concern',
            subject: 'P-C',
            occurred_at: '2026-04-04T10:00:00Z',
            indicators: ['gifts_money'],
            recorded_at: '2026-04-04T11:00:00Z',
          },
        ],
        new Date('2026-04-04T12:00:00Z'),
      )
      const imported = await same(db, minutes(t0, 1), 'after an import')
      assert.ok(
        imported.alerts.some((a) => a.childId === cal),
        'Cal has an alert after the import',
      )
      assert.ok(
        imported.queue.some((r) => r.childId === cal),
        'Cal is on the queue after the import',
      )

      // a merge of Cal into Dan, and the merge undone
      await db.transaction().execute((trx) => mergePeople(trx, TEST_ACTOR, cal, dan, 'the same child', minutes(t0, 2)))
      const merged = await same(db, minutes(t0, 2), 'after a merge')
      assert.ok(!merged.queue.some((r) => r.childId === cal), 'the merged-away person has left the queue')
      await db
        .transaction()
        .execute((trx) => unmergeRecord(trx, TEST_ACTOR, 'police', 'P-C', 'not the same child', minutes(t0, 3)))
      await same(db, minutes(t0, 3), 'after an unmerge')

      // a relink of the area
      await relinkPeople(db, TEST_ACTOR, minutes(t0, 4))
      await same(db, minutes(t0, 4), 'after a relink')

      // an edit of an agency's record (a new version) and a withdrawal
      await importObjects(
        db,
        [
          {
            type: 'event',
            agency: 'police',
            source_id: 'E-D1',
            kind: 'missing_episode',
            subject: 'P-D',
            occurred_at: '2026-04-01T21:00:00Z',
            summary: 'Found at a friend’s',
            recorded_at: '2026-04-05T08:00:00Z',
          },
        ],
        new Date('2026-04-05T08:30:00Z'),
      )
      await same(db, minutes(t0, 5), 'after an edit of an episode')

      // a MASH decision clears Bea from the queue
      await saveMashDecision(db, TEST_ACTOR, {
        childId: bea,
        outcome: 'strategy_discussion',
        rationale: 'Strategy discussion held',
        decidedAt: minutes(t0, 6),
        decidedById: null,
        decidedBy: 'test',
      })
      const decided = await same(db, minutes(t0, 6), 'after a MASH decision')
      assert.ok(!decided.queue.some((r) => r.childId === bea), 'Bea has left the queue')

      // the clock alone: past Dan's response deadline (the age rule raised his band on 2 April), with no new record
      const before = await maintainedUnanswered(db, minutes(t0, 7))
      assert.ok(!before?.some((e) => e.childId === dan), 'Dan is not unanswered yet')
      const after = await same(db, new Date('2026-05-20T12:00:00Z'), 'after the deadline passed')
      assert.ok(
        after.unanswered.some((e) => e.childId === dan),
        'Dan is unanswered once the deadline passed',
      )
      assert.ok(after.queue.find((r) => r.childId === dan)?.overdue, "Dan's row on the queue is overdue")

      // the clock alone: Cal's alerts of early April are more than 90 days old by mid-July
      const later = await same(db, new Date('2026-07-15T12:00:00Z'), 'after the alerts window passed')
      assert.ok(
        !later.alerts.some((a) => a.childId === cal && +a.at < Date.parse('2026-04-15')),
        "Cal's April alerts have left the list",
      )
    })
  },
  { resetBetweenTests: false },
)

const AREA = generateArea({
  seed: 'maintained-lists',
  children: 250,
  groups: 2,
  exploitedShare: 0.06,
  hardVariantShare: 0.1,
  end: '2012-12-31',
  years: 9,
})

forEachDatabase(
  'maintained risk lists on a generated area',
  (backend) => {
    let db: Db
    const t0 = new Date('2013-01-02T12:00:00Z')

    before(async () => {
      db = backend().database.db
      await importGeneratedArea(db, AREA)
    })

    test('equal as loaded, after a merge and an unmerge, and as the clock moves on', async () => {
      const first = await same(db, t0, 'as loaded')
      assert.ok(first.queue.length >= 3, `a queue to compare (${first.queue.length})`)
      const [a, b] = first.queue
      const record = await db
        .selectFrom('entity_links')
        .select(['agency_code', 'source_id'])
        .where('entity_id', '=', a.childId)
        .orderBy('linked_at')
        .executeTakeFirstOrThrow()
      await db
        .transaction()
        .execute((trx) => mergePeople(trx, TEST_ACTOR, a.childId, b.childId, 'same', minutes(t0, 1)))
      await same(db, minutes(t0, 1), 'after a merge')
      await db
        .transaction()
        .execute((trx) => unmergeRecord(trx, TEST_ACTOR, record.agency_code, record.source_id, 'not', minutes(t0, 2)))
      await same(db, minutes(t0, 2), 'after an unmerge')
      await same(db, new Date('2013-02-15T09:00:00Z'), 'weeks later')
      await same(db, new Date('2013-04-30T23:00:00Z'), 'months later')
    })
  },
  { resetBetweenTests: false },
)

// The data generation without a lock (decision 0050, migration 0038): writers of links never wait for
// each other, a rolled-back write leaves what is held valid, and rows read while a write was uncommitted
// are not served once it commits. Two transactions at once need two sessions: PGlite has one, so the
// concurrent tests run on the PostgreSQL server and PGlite runs the rest.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import pg from 'pg'
import { sql } from 'kysely'
import { forEachDatabase, TEST_PG_URL } from '../testing/backends.ts'
import { seedArea } from '../testing/seed.ts'
import type { Db } from '../db/database.ts'
import { AreaCache, readGeneration } from './area-cache.ts'

/** A cache of every event's summary, held for every moment. */
const summaries = () =>
  new AreaCache(async (db: Db) => ({
    rows: new Map(
      (await sql<{ id: number; summary: string }>`select id, summary from events order by id`.execute(db)).rows.map(
        (r) => [r.id, r.summary],
      ),
    ),
    from: -Infinity,
    until: Infinity,
  }))

forEachDatabase(
  'writes of links that do not wait',
  (backend) => {
    let events: number[]
    const at = new Date('2026-03-02T12:00:00Z')
    const generation = async () => (await readGeneration(backend().database.db))!.generation

    before(async () => {
      const { db } = backend().database
      await seedArea(db)
      events = (await db.selectFrom('events').select('id').orderBy('id').limit(3).execute()).map((e) => e.id)
      assert.equal(events.length, 3)
    })

    /** Two more sessions on the server's test schema, each able to hold a transaction open. */
    async function sessions(): Promise<[pg.Client, pg.Client]> {
      const { schema } = backend().database
      const open = async () => {
        const client = new pg.Client({ connectionString: TEST_PG_URL, options: `-c search_path=${schema},public` })
        await client.connect()
        return client
      }
      return [await open(), await open()]
    }
    const setSummary = (client: pg.Client, id: number, summary: string) =>
      client.query('update events set summary = $1 where id = $2', [summary, id])

    test('a rolled-back write leaves the held rows in use; a committed one is read on the next request', async () => {
      const { db } = backend().database
      const cache = summaries()
      const g0 = await generation()
      await cache.rowsAt(db, at)
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await trx.updateTable('events').set({ summary: 'rolled back' }).where('id', '=', events[0]).execute()
          throw new Error('changed my mind')
        }),
      )
      assert.equal(await generation(), g0, 'a rolled-back write leaves the generation')
      assert.notEqual((await cache.rowsAt(db, at)).get(events[0]), 'rolled back')
      assert.deepEqual(cache.counts, { reads: 1, hits: 1 }, 'and the held rows are used')
      await db.updateTable('events').set({ summary: 'committed' }).where('id', '=', events[0]).execute()
      assert.equal(await generation(), g0 + 1)
      assert.equal((await cache.rowsAt(db, at)).get(events[0]), 'committed')
      assert.equal(cache.counts.reads, 2, 'read again after the commit')
      // many transactions, one after another: one step each
      for (let i = 0; i < 5; i++)
        await db
          .updateTable('events')
          .set({ summary: `again ${i}` })
          .where('id', '=', events[1])
          .execute()
      assert.equal(await generation(), g0 + 6)
    })

    test('two writers on different connections do not wait for each other', async (t) => {
      if (backend().name !== 'postgres')
        return t.skip('PGlite has one session: two transactions cannot be open at once')
      const { db } = backend().database
      const g0 = await generation()
      const [a, b] = await sessions()
      try {
        await a.query('begin')
        await setSummary(a, events[0], 'written by A')
        // B would wait for A's commit if they shared a lock: the lock timeout makes a wait an error
        await b.query('begin')
        await b.query(`set local lock_timeout = '3s'`)
        await setSummary(b, events[1], 'written by B')
        await b.query('update involvements set role = role where id = (select min(id) from involvements)')
        await b.query('commit')
        assert.equal(await generation(), g0 + 1, 'B committed while A was open')
        // and the other way round: A writes again after B committed, and does not wait either
        await a.query(`set local lock_timeout = '3s'`)
        await setSummary(a, events[2], 'written by A again')
        await a.query('commit')
        assert.equal(await generation(), g0 + 2, 'one step for each writing transaction')
      } finally {
        await a.query('rollback').catch(() => {})
        await Promise.all([a.end(), b.end()])
      }
      const rows = await db.selectFrom('events').select(['id', 'summary']).where('id', 'in', events).execute()
      assert.deepEqual(rows.map((r) => r.summary).sort(), ['written by A', 'written by A again', 'written by B'])
    })

    test('rows read while a write was uncommitted are not served after it commits', async (t) => {
      if (backend().name !== 'postgres')
        return t.skip('PGlite has one session: two transactions cannot be open at once')
      const { db } = backend().database
      const cache = summaries()
      const [a, b] = await sessions()
      try {
        // A writes first and stays open; B writes after it and commits first (A's change is older, and
        // still unseen, when a reader fills the cache)
        await a.query('begin')
        await setSummary(a, events[0], 'slow writer')
        await b.query('begin')
        await b.query(`set local lock_timeout = '3s'`)
        await setSummary(b, events[1], 'quick writer')
        await b.query('commit')
        const seen = await cache.rowsAt(db, at)
        assert.equal(seen.get(events[1]), 'quick writer')
        assert.notEqual(seen.get(events[0]), 'slow writer', 'the uncommitted write is not read')
        assert.equal((await cache.rowsAt(db, at)).get(events[1]), 'quick writer')
        assert.deepEqual(cache.counts, { reads: 1, hits: 1 }, 'held while nothing else commits')
        await a.query('commit')
        assert.equal((await cache.rowsAt(db, at)).get(events[0]), 'slow writer', 'read again once A commits')
        assert.equal(cache.counts.reads, 2)
      } finally {
        await a.query('rollback').catch(() => {})
        await Promise.all([a.end(), b.end()])
      }
    })
  },
  { resetBetweenTests: false },
)

// The area's links held between requests (decision 0046), on both databases: the data generation moves
// with every transaction that changes links (once each, and not when rolled back); a merge and an
// unmerge show on the link chart on the very next request; a second server on the same database sees
// the first's write; a past moment is read for itself; and what is held is never one viewer's view.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { must } from '../errors/must.ts'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase, TEST_PG_URL } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { mergePeople, unmergeRecord } from '../linkage/merge.ts'
import { openDatabase, type Database } from '../db/database.ts'
import { NETWORKS_RECEIVED_AT, networksArea, toNdjson } from './cli-fixture.ts'
import { readGeneration } from './area-cache.ts'
import { areaReads, loadAreaLinks } from './facts.ts'
import { linkChart } from './chart.ts'

const clock = new TestClock('2026-03-02T12:00:00Z')
const CAR = /YR61 ?KLM/i

forEachDatabase(
  'the area links held between requests',
  (backend) => {
    let app: FastifyInstance
    let ids: Record<string, number>
    const generation = async () => (await readGeneration(backend().database.db))!.generation

    before(async () => {
      const { db } = backend().database
      await seedArea(db)
      const result = await importRecords(db, ndjsonLines(toNdjson(networksArea())), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: NETWORKS_RECEIVED_AT,
      })
      assert.equal(result.rejected, 0)
      const links = await db.selectFrom('entity_links').select(['agency_code', 'source_id', 'entity_id']).execute()
      ids = Object.fromEntries(links.map((l) => [`${l.agency_code}:${l.source_id}`, l.entity_id]))
      app = await testApp(backend().database)
    })
    after(async () => {
      await app?.close()
    })

    test('the generation moves once with each transaction that changes links, and not with one rolled back', async () => {
      const { db } = backend().database
      const g0 = await generation()
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('events').set({ restricted: false }).where('source_id', '=', 'E-1').execute()
        await trx.updateTable('involvements').set({ role: 'found_at' }).where('kind', '=', 'location').execute()
      })
      assert.equal(await generation(), g0 + 1, 'two statements, one transaction: one step')
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await trx.updateTable('events').set({ restricted: true }).where('source_id', '=', 'E-1').execute()
          throw new Error('changed my mind')
        }),
      )
      assert.equal(await generation(), g0 + 1, 'a rolled-back write leaves it')
      await db.updateTable('users').set({ job_title: 'MASH officer' }).where('email', '=', 'mash@csc.test').execute()
      assert.equal(await generation(), g0 + 1, 'a write that changes no link leaves it')
    })

    test('a merge shows on the link chart on the next request, and an unmerge takes it away', async () => {
      const { db } = backend().database
      const mash = await new Browser(app).signIn('mash@csc.test')
      const dee = ids['csc:C-D']
      const cal = ids['health:H-C']
      const chart = async () => {
        const res = await mash.get(`/people/${dee}/links`)
        assert.equal(res.statusCode, 200)
        return res.body
      }
      assert.doesNotMatch(await chart(), CAR, "Dee's chart: her mother and the phone, no car")
      const held = areaReads.hits
      assert.doesNotMatch(await chart(), CAR)
      assert.ok(areaReads.hits > held, 'the second view used the links held')
      const at = clock.now()
      await db.transaction().execute((trx) => mergePeople(trx, TEST_ACTOR, cal, dee, 'the same girl', at))
      assert.match(await chart(), CAR, "Cal's car, on Dee's chart as soon as they are one person")
      await db
        .transaction()
        .execute((trx) => unmergeRecord(trx, TEST_ACTOR, 'health', 'H-C', 'the health record is not Dee', at))
      assert.doesNotMatch(await chart(), CAR, 'the health record, and its car, gone with the unmerge')
    })

    test('a second server on the same database sees the first one’s write on its next request', async () => {
      const first = backend().database
      // another server: its own connections (the embedded database has one process: its own Kysely)
      const second: Database =
        first.kind === 'postgres'
          ? await openDatabase({ databaseUrl: TEST_PG_URL, schema: first.schema, poolSize: 2 })
          : { ...first, db: first.db.withoutPlugins(), close: async () => {} }
      const otherApp = await testApp(second)
      try {
        const bea = ids['police:P-B']
        const mash = await new Browser(otherApp).signIn('mash@csc.test')
        const page = async () => (await mash.get(`/people/${bea}/links`)).body
        assert.doesNotMatch(await page(), /AB12 ?CDE/)
        assert.doesNotMatch(await page(), /AB12 ?CDE/, 'held by the second server')
        const written = await importRecords(
          first.db,
          ndjsonLines(
            toNdjson([
              {
                type: 'event',
                agency: 'police',
                source_id: 'E-9',
                kind: 'missing_episode',
                subject: 'P-B',
                occurred_at: '2026-03-01T22:00:00',
                summary: 'Seen getting into a car',
                involves: [{ vehicle: 'AB12 CDE' }],
                recorded_at: '2026-03-02T09:00:00',
              },
            ]),
          ),
          { channel: 'file', skipInvalid: false, actor: TEST_ACTOR, receivedAt: clock.now() },
        )
        assert.equal(written.rejected, 0)
        assert.match(await page(), /AB12 ?CDE/, "the first server's import, on the second's next page")
      } finally {
        await otherApp.close()
        if (second !== first) await second.close()
      }
    })

    test('a past moment is read for itself, and "now" moving on keeps what is held', async () => {
      const { db } = backend().database
      const now = clock.now()
      const all = (await loadAreaLinks(db, now)).facts.length
      const reads = areaReads.reads
      const later = await loadAreaLinks(db, new Date(now.getTime() + 3_600_000))
      assert.equal(later.facts.length, all)
      assert.equal(areaReads.reads, reads, 'an hour on, nothing recorded since: the same rows')
      const january = await loadAreaLinks(db, new Date('2026-01-15T00:00:00Z'))
      assert.ok(january.facts.length < all, 'as of 15 January: only what was recorded by then')
      assert.ok(january.facts.every((f) => new Date(f.recordedAt) <= new Date('2026-01-15T00:00:00Z')))
      assert.equal((await loadAreaLinks(db, now)).facts.length, all)
    })

    test("each link carries its event's kind and the indicators the agency saw (what sets a context aside)", async () => {
      const { db } = backend().database
      await sql`update events set indicators = '{older_associates}' where source_id = 'CE-3'`.execute(db)
      const area = await loadAreaLinks(db, clock.now())
      const concern = area.facts.filter((f) => f.eventRef === 'csc:CE-3')
      assert.ok(concern.length > 0)
      for (const f of concern) {
        assert.equal(f.eventKind, 'concern')
        assert.deepEqual([...(f.indicators ?? [])], ['older_associates'])
      }
      const missing = area.facts.filter((f) => f.eventRef === 'police:E-1')
      assert.ok(missing.length > 0 && missing.every((f) => f.eventKind === 'missing_episode'))
    })

    test("a person's chart drawn from the links around them is the chart drawn from every link", async () => {
      const { db } = backend().database
      const area = await loadAreaLinks(db, clock.now())
      const people = [...new Set(area.facts.map((f) => f.personEntityId))]
      assert.ok(people.length >= 5)
      // a viewer who may not read one agency's links: the chart's restricted node too
      const canSee = (f: { agency: string }) => f.agency !== 'health'
      const chartOf = (facts: typeof area.facts, start: string, steps: number) => {
        const chart = linkChart({ facts, population: area.population, starts: [start], steps, canSee, label: (n) => n })
        // edges are numbered in the graph they were drawn from: compared by their ends
        return { ...chart, edges: chart.edges.map(({ id: _id, ...edge }) => edge) }
      }
      for (const person of people)
        for (const steps of [1, 2, 3]) {
          const start = `person:${person}`
          const around = must(area.around, 'the links around a node')(start, steps)
          assert.ok(around.length <= area.facts.length)
          assert.deepEqual(chartOf(around, start, steps), chartOf(area.facts, start, steps), `${start}, ${steps} steps`)
        }
    })

    test('what is held is the same for every viewer: filtered per request', async () => {
      const { db } = backend().database
      await sql`update events set restricted = true where source_id = 'E-1'`.execute(db)
      const bea = ids['police:P-B']
      const mash = await new Browser(app).signIn('mash@csc.test')
      const sw = await new Browser(app).signIn('sw@csc.test')
      // the MASH first (the rows are then held), then a social worker: she sees what she may, no more
      assert.match((await mash.get(`/people/${bea}/links`)).body, CAR)
      const hers = await sw.get(`/people/${bea}/links`)
      assert.equal(hers.statusCode, 200)
      assert.doesNotMatch(hers.body, CAR, 'the police event is restricted: not shown to the social worker')
      assert.match((await mash.get(`/people/${bea}/links`)).body, CAR, 'and the MASH still sees it')
    })
  },
  { clock, resetBetweenTests: false },
)

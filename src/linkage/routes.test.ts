// The MASH's review queue, thresholds page and unmerge through the web app, on both databases:
// who may see and decide, both records side by side with the waterfall, the merge shown on the
// person page with its history, and every view and decision audited.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { viewsOf } from '../audit/audit.ts'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import type { Db } from '../db/database.ts'
import { seedLinkageArea, LINKAGE_USERS } from '../testing/linkage-area.ts'
import { storeThresholds, trainAndStore } from './storage.ts'

const AT = new Date('2020-06-01T12:00:00Z')

async function importLines(db: Db, records: object[]) {
  const r = await importRecords(db, ndjsonLines(records.map((o) => JSON.stringify(o)).join('\n')), {
    channel: 'file',
    skipInvalid: false,
    actor: TEST_ACTOR,
    receivedAt: AT,
  })
  assert.equal(r.rejected, 0, JSON.stringify(r.rejects))
}

const linkOf = (db: Db, agency: string, sourceId: string) =>
  db
    .selectFrom('entity_links')
    .selectAll()
    .where('agency_code', '=', agency)
    .where('source_id', '=', sourceId)
    .executeTakeFirstOrThrow()

forEachDatabase(
  'linkage pages',
  (backend) => {
    let app: FastifyInstance
    const browsers = new Map<keyof typeof LINKAGE_USERS, Browser>()
    let reviewId: number
    let candidate: number
    let queued: number

    before(async () => {
      const { db } = backend().database
      await seedLinkageArea(db, 240)
      await trainAndStore(db, 'test', AT, { seed: 1, randomPairs: 30_000 })
      await importLines(db, [
        {
          type: 'person',
          agency: 'police',
          source_id: 'P-1',
          given_name: 'Aimee',
          family_name: 'Smyth',
          date_of_birth: '2007-03-14',
          sex: 'female',
          phone: '07700900123',
          recorded_at: '2020-01-01T09:00:00',
        },
      ])
      // a band wide enough that the school's record is queued whatever the model's exact figure
      await db.transaction().execute((trx) => storeThresholds(trx, { review: 1e-9, auto: 0.9999999 }, 'test', AT))
      await importLines(db, [
        {
          type: 'person',
          agency: 'school',
          source_id: 'S-1',
          given_name: 'Amy',
          family_name: 'Smith',
          date_of_birth: '2007-03-14',
          sex: 'female',
          recorded_at: '2020-01-02T09:00:00',
        },
      ])
      const review = await db
        .selectFrom('linkage_reviews')
        .selectAll()
        .where('source_id', '=', 'S-1')
        .executeTakeFirstOrThrow()
      reviewId = review.id
      candidate = review.candidate_entity
      queued = (await linkOf(db, 'school', 'S-1')).entity_id
      assert.equal(candidate, (await linkOf(db, 'police', 'P-1')).entity_id)
      app = await testApp(backend().database)
      for (const who of Object.keys(LINKAGE_USERS) as (keyof typeof LINKAGE_USERS)[])
        browsers.set(who, await new Browser(app).signIn(LINKAGE_USERS[who]))
    })
    after(async () => app?.close())

    test('only the MASH sees the review queue', async () => {
      for (const who of ['socialWorker', 'manager', 'admin', 'officer'] as const) {
        assert.equal((await browsers.get(who)!.get('/linkage/review')).statusCode, 403, who)
        assert.equal((await browsers.get(who)!.get(`/linkage/review/${reviewId}`)).statusCode, 403, who)
      }
      const list = await browsers.get('mash')!.get('/linkage/review')
      assert.equal(list.statusCode, 200)
      assert.match(list.body, new RegExp(`href="/linkage/review/${reviewId}"`))
      assert.match(list.body, /Amy Smith/)
      // the queue shows children: it is in "who has looked at this record" for each of them
      const { db } = backend().database
      const seen = await viewsOf(db, candidate)
      assert.ok(
        seen.some((v) => v.action === 'linkage_review_list'),
        'the list view names the child it showed',
      )
    })

    test("each child's page says a link awaits review; only the MASH is given the pair", async () => {
      for (const person of [candidate, queued]) {
        const page = await browsers.get('mash')!.get(`/people/${person}/records`)
        assert.equal(page.statusCode, 200)
        assert.match(page.body, /data-testid="link-awaiting-review"/)
        assert.match(page.body, /1 link of another agency's record with this child is awaiting review by the MASH/)
        assert.match(page.body, new RegExp(`href="/linkage/review/${reviewId}"`))
      }
      const officer = await browsers.get('officer')!.get(`/people/${candidate}/records`)
      assert.doesNotMatch(officer.body, new RegExp(`/linkage/review/${reviewId}`))
    })

    test('a pair shows both records side by side and the waterfall of match weights, and the view is audited', async () => {
      const { db } = backend().database
      const page = await browsers.get('mash')!.get(`/linkage/review/${reviewId}`)
      assert.equal(page.statusCode, 200)
      const side = /data-testid="linkage-side-by-side">([\s\S]*?)<\/table>/.exec(page.body)![1]
      assert.match(side, /Aimee/)
      assert.match(side, /Amy/)
      assert.match(side, /Smyth[\s\S]*Smith|Smith[\s\S]*Smyth/)
      const waterfall = /data-testid="linkage-waterfall">([\s\S]*?)<\/table>/.exec(page.body)![1]
      assert.match(
        waterfall,
        /Date of birth<\/th><td class="govuk-table__cell">exact<\/td>\s*<td class="govuk-table__cell">agreed<\/td>/i,
      )
      assert.match(waterfall, /not recorded on both/)
      const views = await db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('action', '=', 'linkage_review_view')
        .execute()
      assert.deepEqual(
        views.map((v) => v.entity_id),
        [candidate],
      )
      const [pair] = await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'linkage_review_view')
        .execute()
      const named = (pair.details as { children?: number[] }).children ?? []
      assert.equal(named.length, 2, 'both people the pair shows')
      assert.ok(named.includes(candidate))
    })

    test('a decision needs the MASH, a choice and a reason', async () => {
      const from = `/linkage/review/${reviewId}`
      // others cannot even fetch the form: they post with a token from another page
      const sw = await browsers
        .get('socialWorker')!
        .post(from, { decision: 'same', reason: 'looks like her' }, '/people')
      assert.equal(sw.statusCode, 403)
      const mash = browsers.get('mash')!
      assert.equal((await mash.post(from, { reason: 'no choice' }, from)).statusCode, 400)
      assert.equal((await mash.post(from, { decision: 'same', reason: ' ' }, from)).statusCode, 400)
    })

    test('"same child" merges, the old id leads to the person, and the person page shows how the records were joined', async () => {
      const { db } = backend().database
      const from = `/linkage/review/${reviewId}`
      const res = await browsers
        .get('mash')!
        .post(from, { decision: 'same', reason: 'confirmed with the school office' }, from)
      assert.equal(res.statusCode, 302)
      assert.equal(res.headers.location, `/people/${candidate}/records#linkage-history`)
      assert.equal((await linkOf(db, 'school', 'S-1')).entity_id, candidate)
      const old = await browsers.get('mash')!.get(`/people/${queued}`)
      assert.equal(old.statusCode, 302)
      assert.equal(old.headers.location, `/people/${candidate}`)
      const page = await browsers.get('mash')!.get(`/people/${candidate}/records`)
      assert.equal(page.statusCode, 200)
      const history = /data-testid="linkage-history">([\s\S]*?)<\/table>/.exec(page.body)![1]
      assert.match(history, /school:S-1/)
      assert.match(history, /Merge/i)
      assert.match(history, /mash@csc\.test/)
      assert.match(history, /confirmed with the school office/)
      assert.match(page.body, /Unmerge this record/)
      assert.match(page.body, /Person decision/i)
      const decided = await db
        .selectFrom('audit_log')
        .select(['action', 'reason'])
        .where('action', '=', 'linkage_decide_same')
        .execute()
      assert.deepEqual(
        decided.map((d) => d.reason),
        ['confirmed with the school office'],
      )
      // decided pairs leave the queue
      assert.doesNotMatch(
        (await browsers.get('mash')!.get('/linkage/review')).body,
        new RegExp(`/linkage/review/${reviewId}"`),
      )
    })

    test('only the MASH unmerges a record, with a reason; a new person results, with history', async () => {
      const { db } = backend().database
      const form = {
        person_id: String(candidate),
        agency_code: 'school',
        source_id: 'S-1',
        reason: 'a different Amy: the school confirmed',
      }
      assert.equal((await browsers.get('socialWorker')!.post('/linkage/unmerge', form, '/people')).statusCode, 403)
      assert.equal((await browsers.get('admin')!.post('/linkage/unmerge', form, '/linkage/settings')).statusCode, 403)
      assert.equal(
        (await browsers.get('mash')!.post('/linkage/unmerge', { ...form, reason: '' }, `/people/${candidate}/records`))
          .statusCode,
        400,
      )
      const res = await browsers.get('mash')!.post('/linkage/unmerge', form, `/people/${candidate}/records`)
      assert.equal(res.statusCode, 302)
      const fresh = (await linkOf(db, 'school', 'S-1')).entity_id
      assert.notEqual(fresh, candidate)
      assert.equal(res.headers.location, `/people/${fresh}/records#linkage-history`)
      assert.equal((await linkOf(db, 'police', 'P-1')).entity_id, candidate)
      const page = await browsers.get('mash')!.get(`/people/${fresh}/records`)
      assert.match(
        /data-testid="linkage-history">([\s\S]*?)<\/table>/.exec(page.body)![1],
        /Unmerge[\s\S]*a different Amy/i,
      )
      assert.equal(
        (await db.selectFrom('audit_log').select('id').where('action', '=', 'linkage_unmerge').execute()).length,
        2,
      )
    })

    test('thresholds: admin and MASH see the trade-off and change them; others may not', async () => {
      const { db } = backend().database
      assert.equal((await browsers.get('socialWorker')!.get('/linkage/settings')).statusCode, 403)
      const page = await browsers.get('admin')!.get('/linkage/settings')
      assert.equal(page.statusCode, 200)
      const table = /data-testid="linkage-tradeoff">([\s\S]*?)<\/table>/.exec(page.body)![1]
      const rows = [
        ...table.matchAll(
          /<th scope="row" class="govuk-table__header">([\d.e-]+)[^<]*<\/th>\s*<td[^>]*>([\d.]+)%<\/td>\s*<td[^>]*>([\d.]+)%<\/td>/g,
        ),
      ].map((m) => ({ t: Number(m[1]), precision: Number(m[2]), recall: Number(m[3]) }))
      assert.ok(rows.length >= 5, table)
      for (let i = 1; i < rows.length; i++)
        assert.ok(rows[i].recall <= rows[i - 1].recall, 'recall falls as the threshold rises')
      const admin = browsers.get('admin')!
      assert.equal(
        (await admin.post('/linkage/settings', { auto: '0.4', review: '0.6' }, '/linkage/settings')).statusCode,
        400,
      )
      assert.equal(
        (await admin.post('/linkage/settings', { auto: '0.97', review: '0.6' }, '/linkage/settings')).statusCode,
        302,
      )
      const stored = await db
        .selectFrom('linkage_settings')
        .select(['name', 'value', 'updated_by'])
        .orderBy('name')
        .execute()
      assert.deepEqual(stored, [
        { name: 'auto', value: 0.97, updated_by: LINKAGE_USERS.admin },
        { name: 'review', value: 0.6, updated_by: LINKAGE_USERS.admin },
      ])
      assert.match((await admin.get('/linkage/settings')).body, /data-testid="auto">0\.97</)
      assert.equal(
        (await browsers.get('socialWorker')!.post('/linkage/settings', { auto: '0.99', review: '0.1' }, '/people'))
          .statusCode,
        403,
      )
      assert.ok(
        (await db.selectFrom('audit_log').select('id').where('action', '=', 'linkage_thresholds').execute()).length ===
          1,
      )
    })

    test('the review queue pages 25 pairs at a time, sorted by any heading over the whole queue', async () => {
      const { db } = backend().database
      const people = await db
        .selectFrom('person_versions')
        .select(['agency_code', 'source_id'])
        .where('is_current', '=', true)
        .where('agency_code', '!=', 'police')
        .orderBy('id')
        .limit(30)
        .execute()
      assert.equal(people.length, 30)
      const added = await db
        .insertInto('linkage_reviews')
        .values(
          people.map((p, i) => ({
            ...p,
            candidate_entity: candidate,
            candidate_agency: 'police',
            candidate_source: 'P-1',
            probability: 0.5 + i / 100,
            explanation: JSON.stringify({}),
            created_at: AT,
          })),
        )
        .returning('id')
        .execute()
      try {
        const total = (await db.selectFrom('linkage_reviews').select('id').where('status', '=', 'open').execute())
          .length
        const page2 = (await browsers.get('mash')!.get('/linkage/review?sort=probability&page=2')).body
        assert.match(page2, new RegExp(`Showing 26 to ${Math.min(50, total)} of ${total} pairs`))
        const shown = [...page2.matchAll(/href="\/linkage\/review\/(\d+)"/g)].map((m) => Number(m[1]))
        // most probable first: the 30 added run from 0.79 down to 0.50; page 2 holds the 5 least probable
        assert.deepEqual(
          shown.filter((id) => added.some((a) => a.id === id)),
          added
            .slice(0, 5)
            .map((a) => a.id)
            .reverse(),
        )
        assert.doesNotMatch(page2, /moj-sortable-table/, 'several pages: the headings sort the whole queue')
        assert.match(
          page2,
          /aria-sort="descending"><a class="govuk-link" href="\/linkage\/review\?sort=probability&amp;order=desc">Probability/,
        )
      } finally {
        await db
          .deleteFrom('linkage_reviews')
          .where(
            'id',
            'in',
            added.map((a) => a.id),
          )
          .execute()
      }
    })
  },
  { resetBetweenTests: false },
)

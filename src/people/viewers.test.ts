// "Who has looked at this record": the person's pages link to it (a tab of the record), and it shows
// the newest entries first and every one of them, a page at a time, so that lists naming a busy child never push a direct view out of a DPO's sight.
// Only managers and the MASH see it; reading it is itself audited.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { audit, viewsPage } from '../audit/audit.ts'

// rows of the viewers table (each ends with its reason cell)
const tableRows = (html: string) => html.split('<tr class="govuk-table__row">').length - 2

forEachDatabase(
  'who has looked at a record, all of it',
  (backend) => {
    let app: FastifyInstance
    let amy = 0
    before(async () => {
      const { db } = backend().database
      amy = (await seedArea(db)).amy
      // an early direct view, then 150 lists that named her
      await audit(
        db,
        { kind: 'system', name: 'early-reader' },
        { action: 'view_person', entityId: amy },
        new Date('2024-01-01T09:00:00Z'),
      )
      for (let i = 0; i < 150; i++)
        await audit(
          db,
          { kind: 'system', name: `list-${i}` },
          { action: 'search', details: { children: [amy, amy + 1000] } },
          new Date(Date.UTC(2024, 1, 1, 9, i)),
        )
      app = await testApp(backend().database)
    })
    after(async () => app?.close())

    test('the person page links to every entry; the newest come first; the early view is on the last page', async () => {
      const { db } = backend().database
      const manager = await new Browser(app).signIn('manager@police.test')
      const person = await manager.get(`/people/${amy}`)
      assert.equal(person.statusCode, 200)
      const { total } = await viewsPage(db, amy, 1, 1)
      assert.ok(total >= 152, `${total} entries`)
      assert.match(
        person.body,
        new RegExp(`<a class="moj-sub-navigation__link"\\s+href="/people/${amy}/viewers">Who viewed</a>`),
      )
      assert.doesNotMatch(person.body, /early-reader/)

      const page1 = await manager.get(`/people/${amy}/viewers`)
      assert.equal(page1.statusCode, 200)
      assert.doesNotMatch(page1.body, /early-reader/)
      assert.match(page1.body, /aria-current="page" href="\/people\/\d+\/viewers"/, 'the tab of the page is current')
      assert.match(page1.body, new RegExp(`Showing 1 to 100 of ${total}`))
      assert.match(page1.body, /class="govuk-pagination"/)
      const last = await manager.get(`/people/${amy}/viewers?page=2`)
      assert.equal(last.statusCode, 200)
      assert.match(last.body, /early-reader/)
      const ofAll = Number(/Showing 101 to \d+ of (\d+)/.exec(last.body)?.[1])
      assert.equal(ofAll, total + 1, 'reading the first page is an entry too')
      assert.equal(tableRows(last.body), ofAll - 100)
      // a page past the end is the last page, not an error
      assert.match((await manager.get(`/people/${amy}/viewers?page=99`)).body, /early-reader/)
      const reads = await db.selectFrom('audit_log').select('entity_id').where('action', '=', 'view_viewers').execute()
      assert.ok(reads.length >= 3 && reads.every((r) => r.entity_id === amy))
    })

    test('a practitioner, the partnership and an unknown child get no list', async () => {
      const officer = await new Browser(app).signIn('officer@police.test')
      assert.equal((await officer.get(`/people/${amy}/viewers`)).statusCode, 403)
      // and no tab to it
      const page = await officer.get(`/people/${amy}`)
      assert.equal(page.statusCode, 200)
      assert.doesNotMatch(page.body, /\/viewers"/)
      const chair = await new Browser(app).signIn('chair@lscp.test')
      assert.equal((await chair.get(`/people/${amy}/viewers`)).statusCode, 403)
      const mash = await new Browser(app).signIn('mash@csc.test')
      assert.equal((await mash.get(`/people/${amy}/viewers`)).statusCode, 200)
      assert.equal((await mash.get('/people/999999/viewers')).statusCode, 404)
      assert.equal((await mash.get('/people/x/viewers')).statusCode, 404)
    })
  },
  { resetBetweenTests: false },
)

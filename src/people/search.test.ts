// Search says how many people it found and pages through them, best matches first: it never stops
// silently at the first page's worth. The audit names the children each page showed.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { importObjects, seedArea } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { SEARCH_PAGE_SIZE, searchPeople } from './people.ts'

const MANY = SEARCH_PAGE_SIZE * 2 + 7

forEachDatabase(
  'finding a person among many of one name',
  (backend) => {
    let app: FastifyInstance
    before(async () => {
      const { db } = backend().database
      await seedArea(db)
      // as many different people of one common name, each with their own date of birth
      const people = Array.from({ length: MANY }, (_, i) => ({
        type: 'person',
        agency: 'police',
        source_id: `MANY-${i}`,
        given_name: 'Jordan',
        family_name: 'Taylor',
        date_of_birth: `20${String(10 + (i % 8)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`,
        recorded_at: '2020-01-01T09:00:00',
      }))
      await importObjects(db, people, new Date('2026-01-01T00:00:00Z'))
      app = await testApp(backend().database)
    })
    after(async () => app?.close())

    test('every page of results, and how many in all', async () => {
      const { db } = backend().database
      const at = new Date()
      const first = await searchPeople(db, 'Jordan Taylor', at)
      assert.equal(first.total, MANY)
      assert.equal(first.hits.length, SEARCH_PAGE_SIZE)
      const seen = new Set(first.hits.map((h) => h.person_id))
      for (let offset = SEARCH_PAGE_SIZE; offset < MANY; offset += SEARCH_PAGE_SIZE) {
        const page = await searchPeople(db, 'Jordan Taylor', at, { offset })
        assert.equal(page.total, MANY)
        for (const h of page.hits) seen.add(h.person_id)
      }
      assert.equal(seen.size, MANY, 'each person on exactly one page')
      const past = await searchPeople(db, 'Jordan Taylor', at, { offset: MANY + 100 })
      assert.deepEqual([past.hits.length, past.total], [0, MANY])
    })

    test('the page says how many it found and links to the next and last pages', async () => {
      const sw = new Browser(app)
      await sw.signIn('sw@csc.test')
      const page1 = await sw.get('/people?q=Jordan+Taylor')
      assert.equal(page1.statusCode, 200)
      assert.match(page1.body, new RegExp(`${MANY} people found`))
      assert.match(page1.body, new RegExp(`Showing 1 to ${SEARCH_PAGE_SIZE}`))
      assert.match(page1.body, /class="govuk-pagination"/)
      assert.match(page1.body, /href="\/people\?q=Jordan\+Taylor&amp;page=3"/)
      const last = await sw.get('/people?q=Jordan+Taylor&page=3')
      assert.match(last.body, new RegExp(`Showing ${SEARCH_PAGE_SIZE * 2 + 1} to ${MANY}`))
      assert.equal((last.body.match(/href="\/people\/\d+"/g) ?? []).length, MANY - SEARCH_PAGE_SIZE * 2)
      const beyond = await sw.get('/people?q=Jordan+Taylor&page=9')
      assert.match(beyond.body, /There are no more results/)
      const nonsense = await sw.get('/people?q=Jordan+Taylor&page=abc')
      assert.match(nonsense.body, new RegExp(`Showing 1 to ${SEARCH_PAGE_SIZE}`))
    })

    test('results sort by date of birth across every page, by the heading link, and page on in that order', async () => {
      const sw = new Browser(app)
      await sw.signIn('sw@csc.test')
      const page1 = await sw.get('/people?q=Jordan+Taylor')
      assert.match(
        page1.body,
        /aria-sort="none"><a class="govuk-link" href="\/people\?q=Jordan\+Taylor&amp;sort=dob">Date of birth/,
      )
      const births = (body: string) => [...body.matchAll(/data-sort-value="(\d{4}-\d\d-\d\d)"/g)].map((m) => m[1])
      const asc1 = births((await sw.get('/people?q=Jordan+Taylor&sort=dob')).body)
      const asc2page = await sw.get('/people?q=Jordan+Taylor&sort=dob&page=2')
      assert.match(asc2page.body, new RegExp(`Showing ${SEARCH_PAGE_SIZE + 1} to ${SEARCH_PAGE_SIZE * 2} of ${MANY}`))
      assert.match(
        asc2page.body,
        /aria-sort="ascending"><a class="govuk-link" href="\/people\?q=Jordan\+Taylor&amp;sort=dob&amp;order=desc">/,
      )
      assert.match(asc2page.body, /href="\/people\?q=Jordan\+Taylor&amp;sort=dob&amp;page=3"/)
      const asc2 = births(asc2page.body)
      const all = [...asc1, ...asc2]
      assert.equal(all.length, SEARCH_PAGE_SIZE * 2)
      assert.deepEqual(all, [...all].sort(), 'earliest first, on and across pages')
      const desc1 = births((await sw.get('/people?q=Jordan+Taylor&sort=dob&order=desc')).body)
      assert.ok(desc1[0] > asc2[asc2.length - 1], 'descending begins with the latest')
      const unknown = await sw.get('/people?q=Jordan+Taylor&sort=shoe_size')
      assert.match(unknown.body, /best matches first/)
    })
  },
  { resetBetweenTests: false },
)

// A challenge reaches the agency challenged from the moment it is raised (issue 15): raised against the
// police about a child no police worker is allocated to, it is the police managers' on their morning
// page and in "My work" with the stage's deadline, and its owner is shown as "<agency>'s managers";
// once a worker is allocated, it is theirs by name. Never a bare role word such as "Practitioner".
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { Browser, testApp } from '../testing/web.ts'
import { seedWorkingArea, AREA_EMAILS, type WorkingArea } from '../testing/working-together-area.ts'

type Who = keyof typeof AREA_EMAILS
const PEOPLE: Who[] = ['officer', 'officerManager', 'policeSenior', 'socialWorker', 'cscManager', 'cpsManager']

/** The "Challenges ..." section of a page, up to the next heading. */
const section = (body: string, heading: RegExp) => {
  const start = body.search(heading)
  assert.ok(start >= 0, `no ${heading} on the page`)
  const rest = body.slice(start + 1)
  const end = rest.search(/<h2/)
  return end < 0 ? rest : rest.slice(0, end)
}

// everyone signs in on the machine's time; the test then sets the clock to the days it tells of
const clock = new TestClock()

forEachDatabase(
  'a challenge reaches the agency challenged',
  (backend) => {
    let app: FastifyInstance
    let area: WorkingArea
    const browsers = new Map<Who, Browser>()
    const as = (who: Who) => browsers.get(who)!

    before(async () => {
      const { db } = backend().database
      area = await seedWorkingArea(db)
      // no police worker is allocated to Amy: the police are challenged all the same
      await db.deleteFrom('allocations').where('user_id', '=', area.users.officer).execute()
      app = await testApp(backend().database)
      for (const who of PEOPLE) browsers.set(who, await new Browser(app).signIn(AREA_EMAILS[who]))
    })
    after(async () => {
      await app?.close()
    })

    test("raised against the police: the police managers' work at once, owned by name or by the managers", async () => {
      const amy = area.amy
      clock.set('2009-06-02T09:00:00')
      const raised = await as('socialWorker').post(
        `/people/${amy}/challenges`,
        { against_agency: 'police', subject: 'inaction', summary: 'She told us about the men at the takeaway' },
        `/people/${amy}/challenges/new`,
      )
      assert.equal(raised.statusCode, 302, raised.body.slice(0, 300))
      const url = raised.headers.location as string
      const id = url.split('/').pop()
      const link = `href="${url}"`
      // stage 1 ends with the 2nd working day after Tuesday 2 June 2009: Thursday 4 June, 11:59pm
      const deadline = /4 June 2009 at (12:00am|midnight)|5 June 2009 at (12:00am|midnight)/

      for (const who of ['officerManager', 'policeSenior'] as const) {
        const morning = section((await as(who).get('/manager')).body, /<h2[^>]*>Challenges awaiting you/)
        assert.ok(morning.includes(link), `${who}'s morning page lists challenge ${id}`)
        assert.match(morning, /Greater Rochdale Police&#39;s managers|Greater Rochdale Police's managers/)
        assert.match(morning, deadline, `${who} sees the stage's deadline`)
        const work = section((await as(who).get('/my-work')).body, /<h2[^>]*>Challenges for you or your agency/)
        assert.ok(work.includes(link), `${who}'s "My work" lists challenge ${id}`)
        assert.match(work, deadline)
        assert.match(work, /With your agency/)
      }
      const page = (await as('officerManager').get(url)).body
      assert.match(page, /Owner<\/dt><dd class="govuk-summary-list__value">Greater Rochdale Police(&#39;|')s managers/)
      assert.doesNotMatch(page, /Owner<\/dt><dd class="govuk-summary-list__value">Practitioner/)
      const panel = (await as('socialWorker').get(`/people/${amy}/working-together`)).body
      assert.match(panel, /Greater Rochdale Police(&#39;|')s managers/, 'the person page names the owner too')
      assert.ok(
        section((await as('socialWorker').get('/my-work')).body, /<h2[^>]*>Challenges for you/).includes(link),
        'the person who raised it follows it',
      )
      for (const who of ['officer', 'cscManager', 'cpsManager'] as const) {
        assert.ok(!(await as(who).get('/my-work')).body.includes(link), `not ${who}'s work at stage 1`)
      }
      assert.ok(!(await as('cpsManager').get('/manager')).body.includes(link), 'not the prosecutor’s')

      // a police worker is allocated: the stage is theirs by name, and still on the managers' page
      const { db } = backend().database
      await db
        .insertInto('allocations')
        .values({ entity_id: amy, user_id: area.users.officer, role: 'Officer in the case', starts_at: '2009-06-01' })
        .execute()
      const officerWork = section((await as('officer').get('/my-work')).body, /<h2[^>]*>Challenges for you/)
      assert.ok(officerWork.includes(link))
      assert.match(officerWork, /Awaiting you/)
      assert.match(officerWork, /Owner: officer/)
      assert.ok((await as('officerManager').get('/manager')).body.includes(link))

      // moved up to the line managers: the officer's manager owns it; the raiser's manager joins in
      clock.set('2009-06-08T09:00:00')
      const stage2 = section((await as('officerManager').get('/manager')).body, /<h2[^>]*>Challenges awaiting you/)
      assert.match(stage2, /2: line managers or safeguarding leads\. Owner: manager/)
      assert.match(stage2, /Awaiting you/)
      assert.ok((await as('cscManager').get('/manager')).body.includes(link), "the raising agency's managers too")
      assert.ok(!(await as('officer').get('/my-work')).body.includes(link), 'no longer the worker’s stage')
    })
  },
  { resetBetweenTests: false, clock },
)

// Every form mistake is answered on the same page (issue 15): the GOV.UK error summary linking to each
// field, the field's own message, what was typed kept, plain English and no internal codes; UK dates
// typed as 04/12/2026 and times as people say them are accepted. Decisions, challenges, opening a
// record with a reason, the chronology's filters and the MASH's "as known on" date (the missing
// episode and interview forms: missing/routes.test.ts). Dates and times go through web/forms.ts.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { Browser, testApp } from './../testing/web.ts'
import { seedWorkingArea, AREA_EMAILS, type WorkingArea } from '../testing/working-together-area.ts'

type Who = 'socialWorker' | 'nurse' | 'mash' | 'officer'

/** The page answered the mistake itself: same page, GOV.UK error summary, no bare error page, no codes. */
function answeredOnThePage(res: { statusCode: number; body: string }, ...messages: RegExp[]) {
  const body = res.body.replace(/\s+/g, ' ')
  const has = (re: RegExp, why: string) => assert.ok(re.test(body), why)
  assert.equal(res.statusCode, 400, body.slice(0, 300))
  has(/class="govuk-error-summary"/, 'the GOV.UK error summary')
  has(/There is a problem <\/h2>/, 'its title')
  has(/<title>Error: /, 'the page title says there is an error')
  assert.ok(!/There is a problem with what was sent|Go to the home page/.test(body), 'not the bare error page')
  assert.ok(!/must be one of|YYYY-MM-DD|[a-z]+_[a-z]+ (is|must)/.test(body), 'no internal codes')
  for (const message of messages) {
    // in the summary (a link to the field) and beside the field (the GOV.UK error message)
    has(new RegExp(`<a href="#[\\w-]+">${message.source}`), `the summary links to the field: ${message}`)
    has(
      new RegExp(`govuk-error-message"> <span class="govuk-visually-hidden">Error:</span> ${message.source}`),
      `inline: ${message}`,
    )
  }
}

const clock = new TestClock()

forEachDatabase(
  'form mistakes answered on the same page',
  (backend) => {
    let app: FastifyInstance
    let area: WorkingArea
    const browsers = new Map<Who, Browser>()
    const as = (who: Who) => browsers.get(who)!

    before(async () => {
      area = await seedWorkingArea(backend().database.db)
      app = await testApp(backend().database)
      // signed in on the machine's time, so that replaying 2009 does not end the sessions
      clock.useMachineTime()
      for (const who of ['socialWorker', 'nurse', 'mash', 'officer'] as const)
        browsers.set(who, await new Browser(app).signIn(AREA_EMAILS[who]))
      clock.set('2009-06-02T09:00:00')
    })
    after(async () => {
      await app?.close()
    })

    test('a decision: every mistake at once, what was typed kept; a UK date and a spoken time accepted', async () => {
      const url = `/people/${area.amy}/decisions`
      const wrong = await as('socialWorker').post(
        url,
        {
          kind: 'threshold_decision',
          'decided-day': '4',
          'decided-month': '12',
          'decided-year': '2026',
          'decided-time': '6.30pm',
          rationale: '',
        },
        `${url}/new`,
      )
      answeredOnThePage(
        wrong,
        /The date of the decision must be today or in the past/,
        /Choose the outcome of the threshold decision/,
        /Give the rationale: why this decision was made, on what information/,
      )
      assert.match(wrong.body, /id="decided-day" name="decided-day" type="text" value="4"|value="4"/)
      assert.match(wrong.body, /value="6.30pm"/)
      const time = await as('socialWorker').post(
        url,
        { kind: 'case_closure', decided: '01/06/2009', 'decided-time': 'teatime', rationale: 'Closed' },
        `${url}/new`,
      )
      answeredOnThePage(time, /The time of the decision must be a time, for example 18:30, 6.30pm, midday or midnight/)
      assert.match(time.body, /For example, 18:30, 6.30pm, midday or midnight/, 'the hint lists the times people type')
      const saved = await as('socialWorker').post(
        url,
        {
          kind: 'threshold_decision',
          outcome: 'early_help',
          decided: '01/06/2009',
          'decided-time': 'midday',
          rationale: 'Needs met by school',
        },
        `${url}/new`,
      )
      assert.equal(saved.statusCode, 302, saved.body.slice(0, 300))
      assert.equal(saved.headers.location, `/people/${area.amy}/working-together`)
      assert.match((await as('socialWorker').get(`/people/${area.amy}/working-together`)).body, /1 June 2009 at midday/)
    })

    test('a challenge: the agency, what it is about and why, in words', async () => {
      const wrong = await as('socialWorker').post(
        `/people/${area.amy}/challenges`,
        { against_agency: 'police', subject: '', summary: '' },
        `/people/${area.amy}/challenges/new`,
      )
      answeredOnThePage(wrong, /Choose what the challenge is about/, /Say what you disagree with and why/)
      assert.match(wrong.body, /<option value="police" selected>/, 'the agency chosen is kept')
    })

    test('opening a record with a reason: too short a reason is answered on the person page', async () => {
      const res = await as('nurse').post(`/people/${area.amy}/access`, { reason: 'checking' }, `/people/${area.amy}`)
      answeredOnThePage(res, /Your reason must be at least 10 characters: say why you need to see the full record/)
      assert.match(res.body, />checking<\/textarea>/)
    })

    test("the chronology's filters: UK dates accepted, impossible ones refused beside the field", async () => {
      const wrong = await as('socialWorker').get(
        `/people/${area.amy}/chronology?from=31%2F02%2F2009&to=not+a+date&as_of=04%2F12%2F26`,
      )
      answeredOnThePage(
        wrong,
        /The &quot;happened from&quot; date must be a real date/,
        /The &quot;happened to&quot; date must be a date, for example 27\/3\/2026/,
        /Year must include 4 numbers/,
      )
      assert.match(wrong.body, /value="31\/02\/2009"/, 'what was typed is kept')
      assert.match(wrong.body, /Chronology/, 'the rest of the page is there')
      const uk = await as('socialWorker').get(
        `/people/${area.amy}/chronology?from=01%2F05%2F2009&to=02%2F06%2F2009&as_of=02%2F06%2F2009`,
      )
      assert.equal(uk.statusCode, 200, uk.body.slice(0, 300))
      const backwards = await as('socialWorker').get(
        `/people/${area.amy}/chronology?from=02%2F06%2F2009&to=01%2F05%2F2009`,
      )
      answeredOnThePage(
        backwards,
        /The &quot;happened to&quot; date must be the same as or after the &quot;happened from&quot; date/,
      )
    })

    test("the MASH's as-of date: a date that cannot be is answered on the queue page", async () => {
      const wrong = await as('mash').get('/mash?as_of=2009-02-31')
      answeredOnThePage(wrong, /The &quot;as known on&quot; date must be a real date/)
      assert.match(wrong.body, /value="2009-02-31"/)
      assert.match(wrong.body, /MASH queue/)
      const uk = await as('mash').get('/mash?as_of=01%2F06%2F2009')
      assert.equal(uk.statusCode, 200)
      assert.match(uk.body, /[Aa]s known 1 June 2009 at 11:59pm/)
    })
  },
  { resetBetweenTests: false, clock },
)

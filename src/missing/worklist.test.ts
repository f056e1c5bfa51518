// The return-interview work list shows each agency the interviews it is responsible for (issue 15): the
// agency assigned, or by default the agency that holds them in the area's settings; due, overdue and
// done. It was empty for the social worker, the social-care manager and both charity users while the
// child's page, the police morning page and the CLI showed interviews due and overdue: every one of
// those now asks the same rule (responsibility.ts).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { PASSWORD, seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { addAgency } from '../agencies/agencies.ts'
import { createUser } from '../access/users.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { interviewList } from './lists.ts'
import { missingSettings } from './settings.ts'
import { WORK_LIST_PAGE_SIZE } from './work-list.ts'

// Amy is a child in 2026 here: a missing adult's episode owes no return interview (missing/state.ts)
const CHILD_BORN_ON = '2011-03-14'

const NOW = '2026-06-01T12:00:00+01:00'
const EMAILS = {
  socialWorker: 'sw@csc.test',
  cscManager: 'manager@csc.test',
  charityWorker: 'worker@charity.test',
  charityManager: 'coordinator@charity.test',
  officer: 'officer@police.test',
  officerManager: 'manager@police.test',
  mash: 'mash@csc.test',
} as const
type Who = keyof typeof EMAILS

const episode = (id: string, from: string, to: string) => ({
  type: 'event',
  agency: 'police',
  source_id: id,
  kind: 'missing_episode',
  subject: 'P-1001',
  occurred_at: from,
  ended_at: to,
  summary: 'Missing from her placement',
  recorded_at: to,
})

// the records are imported on the machine's time; the list is then read as at NOW
const clock = new TestClock()

forEachDatabase(
  'the return-interview work list',
  (backend) => {
    let app: FastifyInstance
    let amy: number
    let socialWorkerId: number
    const browsers = new Map<Who, Browser>()
    const as = (who: Who) => browsers.get(who)!
    const savedAgency = process.env.THREADLINE_INTERVIEW_AGENCY
    const list = async (who: Who, show = 'outstanding') => (await as(who).get(`/missing/interviews?show=${show}`)).body

    before(async () => {
      const { db } = backend().database
      const seeded = await seedArea(db, { amyBornOn: CHILD_BORN_ON })
      amy = seeded.amy
      socialWorkerId = seeded.users.socialWorker
      await addAgency(db, { code: 'charity', name: 'Safe Steps', kind: 'voluntary', contact: 'Missing service' })
      const make = (email: string, agency: string, role: string) =>
        createUser(db, { email, name: email.split('@')[0], agency, roles: [role], password: PASSWORD })
      await make(EMAILS.cscManager, 'csc', 'manager')
      await make(EMAILS.charityWorker, 'charity', 'practitioner')
      await make(EMAILS.charityManager, 'charity', 'manager')
      const lines = [
        episode('E-1', '2026-05-20T22:00:00', '2026-05-21T08:00:00'), // overdue since 24 May
        episode('E-2', '2026-05-30T20:00:00', '2026-05-31T10:00:00'), // due by 3 June
        episode('E-3', '2026-05-10T20:00:00', '2026-05-11T09:00:00'), // held by the charity
        {
          type: 'person',
          agency: 'charity',
          source_id: 'SS-1',
          given_name: 'Amy',
          family_name: 'Smith',
          date_of_birth: '2007-03-14',
          nhs_number: '9434765919',
          recorded_at: '2026-05-11T10:00:00',
        },
        {
          type: 'event',
          agency: 'charity',
          source_id: 'RHI-3',
          kind: 'return_interview',
          subject: 'SS-1',
          occurred_at: '2026-05-12T15:00:00',
          episode: 'police:E-3',
          status: 'done',
          summary: 'Return home interview completed',
          recorded_at: '2026-05-12T17:00:00',
        },
      ]
      const imported = await importRecords(db, ndjsonLines(lines.map((l) => JSON.stringify(l)).join('\n')), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: new Date('2026-06-01T08:00:00Z'),
      })
      assert.equal(imported.rejected, 0, JSON.stringify(imported.rejects))
      clock.set(NOW)
      app = await testApp(backend().database)
      for (const who of Object.keys(EMAILS) as Who[]) browsers.set(who, await new Browser(app).signIn(EMAILS[who]))
    })
    after(async () => {
      if (savedAgency === undefined) delete process.env.THREADLINE_INTERVIEW_AGENCY
      else process.env.THREADLINE_INTERVIEW_AGENCY = savedAgency
      await app?.close()
    })

    test("by default children's social care holds them: its worker and manager see due and overdue, the charity what it did", async () => {
      delete process.env.THREADLINE_INTERVIEW_AGENCY
      for (const who of ['socialWorker', 'cscManager'] as const) {
        const due = await list(who)
        assert.match(due, /police:E-1/, `${who}: the overdue one`)
        assert.match(due, /police:E-2/, `${who}: the one still due`)
        assert.doesNotMatch(due, /police:E-3/, 'done is not outstanding')
        assert.match(due, /Due and overdue \(\d+\)/)
        assert.match(await list(who, 'overdue'), /police:E-1/)
        assert.doesNotMatch(await list(who, 'overdue'), /police:E-2/)
      }
      for (const who of ['charityWorker', 'charityManager'] as const) {
        assert.doesNotMatch(await list(who), /police:E-[12]/, `${who}: not the charity's`)
        const done = await list(who, 'done')
        assert.match(done, /police:E-3/, `${who}: the interview the charity held`)
        assert.match(done, /Recorded by them/)
      }
      assert.doesNotMatch(await list('officer'), /police:E-[12]/, 'reporting an episode does not make it the police’s')
      const cscMorning = (await as('cscManager').get('/manager')).body
      assert.match(cscMorning, /Return interviews overdue[\s\S]*police:E-1|Return interviews overdue[\s\S]*Amy/)
      assert.match(
        (await as('officerManager').get('/manager')).body,
        /No return interview your agency is responsible for is overdue/,
        'the police morning page asks the same rule',
      )
      const page = (await as('socialWorker').get(`/people/${amy}/missing`)).body
      assert.match(page, /Responsible: Children(&#39;|')s Social Care \(holds return interviews in this area/)
      const rows = await interviewList(backend().database.db, { asOf: new Date(NOW), settings: missingSettings() })
      const by = new Map(rows.map((r) => [r.episode_source, r.responsible_agency]))
      assert.deepEqual([by.get('police:E-1'), by.get('police:E-2'), by.get('police:E-3')], ['csc', 'csc', 'charity'])
    })

    test('when the area says the charity holds them, both charity users see due and overdue, and may record them', async () => {
      process.env.THREADLINE_INTERVIEW_AGENCY = 'charity'
      try {
        for (const who of ['charityWorker', 'charityManager'] as const) {
          const due = await list(who)
          assert.match(due, /police:E-1/, `${who}: overdue`)
          assert.match(due, /police:E-2/, `${who}: due`)
          assert.match(due, /Record the interview/)
        }
        assert.doesNotMatch(await list('socialWorker'), /police:E-[12]/)
        assert.match((await as('charityManager').get('/manager')).body, /Return interviews overdue[\s\S]*Amy/)
        // the charity sees only a signpost of the police's episode, yet holds the interview: its form opens
        const form = await as('charityWorker').get(
          `/people/${amy}/missing/interview?episode=${encodeURIComponent('police:E-2')}`,
        )
        assert.equal(form.statusCode, 200, form.body.slice(0, 300))
        const rows = await interviewList(backend().database.db, { asOf: new Date(NOW), settings: missingSettings() })
        assert.equal(rows.find((r) => r.episode_source === 'police:E-2')?.responsible_agency, 'charity')
        // assigned to a social worker: it is children's social care's, whatever the default
        const assigned = await as('mash').post(
          '/missing/interviews/assign',
          { episode_source: 'police:E-2', user_id: String(socialWorkerId) },
          '/missing/interviews',
        )
        assert.equal(assigned.statusCode, 302, assigned.body.slice(0, 300))
        assert.match(await list('socialWorker'), /police:E-2/)
        assert.doesNotMatch(await list('charityWorker'), /police:E-2/)
      } finally {
        delete process.env.THREADLINE_INTERVIEW_AGENCY
      }
    })

    test('the work list is counted, sorted by a heading and paged 25 at a time; the audit names the children shown', async () => {
      const { db } = backend().database
      // 30 more episodes, the later ones returned earlier (so due earlier)
      const more = Array.from({ length: 30 }, (_, i) => {
        const day = String(30 - i).padStart(2, '0')
        return episode(`M-${String(i).padStart(2, '0')}`, `2026-04-${day}T20:00:00`, `2026-04-${day}T22:00:00`)
      })
      const imported = await importRecords(db, ndjsonLines(more.map((l) => JSON.stringify(l)).join('\n')), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: new Date('2026-06-01T08:00:00Z'),
      })
      assert.equal(imported.rejected, 0, JSON.stringify(imported.rejects))
      const page1 = (await as('mash').get('/missing/interviews?show=all')).body
      const total = Number(/All return interviews \((\d+)\)/.exec(page1)?.[1])
      assert.ok(total >= 33, `every interview counted: ${total}`)
      assert.match(page1, new RegExp(`Showing 1 to ${WORK_LIST_PAGE_SIZE} of ${total} interviews`))
      const sources = (body: string) =>
        [...body.matchAll(/<span class="govuk-body-s">(police:[A-Z]-\d+)<\/span>/g)].map((m) => m[1])
      assert.equal(sources(page1).length, WORK_LIST_PAGE_SIZE)
      const byDue = (await as('mash').get('/missing/interviews?show=all&sort=due&order=desc')).body
      assert.match(
        byDue,
        /aria-sort="descending"><a class="govuk-link" href="\/missing\/interviews\?show=all&amp;sort=due">Due/,
      )
      assert.deepEqual(sources(byDue).slice(0, 2), ['police:E-2', 'police:E-1'], 'due latest first')
      const page2 = await as('mash').get('/missing/interviews?show=all&sort=due&order=desc&page=2')
      assert.match(page2.body, new RegExp(`Showing ${WORK_LIST_PAGE_SIZE + 1} to ${total} of ${total} interviews`))
      const shown2 = sources(page2.body)
      assert.ok(
        shown2.indexOf('police:M-28') < shown2.indexOf('police:M-29') && shown2.indexOf('police:M-28') >= 0,
        'due earlier further on',
      )
      assert.ok(!sources(byDue).includes('police:M-29'), 'the earliest due are on page 2')
      assert.match(
        page2.body,
        /class="govuk-pagination__prev"[\s\S]*?href="\/missing\/interviews\?show=all&amp;sort=due&amp;order=desc"/,
      )
      const entry = await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'view_interview_work_list')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      const details = entry.details as { page: number; rows: number; children: number[] }
      assert.deepEqual([details.page, details.rows, details.children], [2, total - WORK_LIST_PAGE_SIZE, [amy]])
    })
  },
  { resetBetweenTests: false, clock },
)

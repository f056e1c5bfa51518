// The working-together pages through the browser (inject), as each role: who may open and post
// what, the prompt to challenge a decision not to charge, a challenge worked through its stages as
// time passes (the test's clock), a meeting whose action goes overdue on the manager's page,
// supervision, and an unqualified assignment overridden and reported to the partnership.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { Browser, testApp } from '../testing/web.ts'
import { seedWorkingArea, AREA_EMAILS, type WorkingArea } from '../testing/working-together-area.ts'

type Who = 'anonymous' | keyof typeof AREA_EMAILS
const EVERYONE: Who[] = ['anonymous', ...(Object.keys(AREA_EMAILS) as (keyof typeof AREA_EMAILS)[])]
const MANAGERS: Who[] = ['officerManager', 'cpsManager', 'cpsSenior', 'cscManager', 'policeSenior']

const clock = new TestClock()

forEachDatabase(
  'working together pages',
  (backend) => {
    let app: FastifyInstance
    let area: WorkingArea
    let kamal: number
    const browsers = new Map<Who, Browser>()
    const as = (who: Who) => browsers.get(who)!
    const at = (iso: string) => clock.set(iso)

    before(async () => {
      const { db } = backend().database
      area = await seedWorkingArea(db)
      kamal = (
        await db
          .selectFrom('entity_links')
          .select('entity_id')
          .where('source_id', '=', 'P-2001')
          .executeTakeFirstOrThrow()
      ).entity_id
      app = await testApp(backend().database)
      // signed in on the real clock, so that replaying 2009 does not end the sessions
      clock.useMachineTime()
      for (const who of EVERYONE) {
        const b = new Browser(app)
        if (who !== 'anonymous') await b.signIn(AREA_EMAILS[who])
        browsers.set(who, b)
      }
    })
    after(async () => {
      await app?.close()
    })

    test('each page answers each role as the rules say', async () => {
      at('2009-06-02T09:00:00')
      const amy = area.amy
      const working: Who[] = [
        'officer',
        'officerManager',
        'socialWorker',
        'mash',
        'nurse',
        'prosecutor',
        'cpsManager',
        'cpsSenior',
        'cscManager',
        'policeSenior',
      ]
      const table: { url: string; allowed: Who[] }[] = [
        { url: '/manager', allowed: MANAGERS },
        { url: '/my-work', allowed: working },
        { url: '/competencies', allowed: MANAGERS },
        { url: '/partnership/challenges', allowed: ['partnership', ...MANAGERS] },
        { url: `/people/${amy}/decisions/new`, allowed: working },
        { url: `/people/${amy}/challenges/new`, allowed: working },
        { url: `/people/${amy}/meetings/new`, allowed: working },
        { url: `/people/${amy}/supervision/new`, allowed: MANAGERS },
        { url: `/people/${amy}/assign`, allowed: [...MANAGERS, 'mash'] },
        // Kamal is known to the police only: other agencies do not work with him
        { url: `/people/${kamal}/decisions/new`, allowed: ['officer', 'officerManager', 'policeSenior', 'mash'] },
      ]
      for (const route of table) {
        for (const who of EVERYONE) {
          const res = await as(who).get(route.url)
          const want = who === 'anonymous' ? 302 : route.allowed.includes(who) ? 200 : 403
          assert.equal(res.statusCode, want, `${who} GET ${route.url}: ${res.body.slice(0, 300)}`)
        }
      }
    })

    test('a decision not to charge: prompted, challenged, moved up by deadlines, resolved with a review request', async () => {
      const amy = area.amy
      at('2009-06-02T09:00:00')
      const officerView = await as('officer').get(`/people/${amy}/working-together`)
      assert.equal(officerView.statusCode, 200)
      assert.match(officerView.body, /Do you agree with this decision\?/)
      assert.doesNotMatch(
        (await as('prosecutor').get(`/people/${amy}/working-together`)).body,
        /Do you agree with this decision\?/,
        'not asked of the agency that decided',
      )
      assert.match(
        (await as('officer').get('/my-work')).body,
        /Decisions put to you[\s\S]*Charging decision/,
        'the officer is allocated to Amy',
      )

      const form = {
        decision_id: 'cps:CD-1',
        against_agency: 'cps',
        subject: 'prosecutor_decision',
        summary: "Her account matches the other girls'",
      }
      assert.equal((await as('partnership').post(`/people/${amy}/challenges`, form, '/')).statusCode, 403)
      const raised = await as('officer').post(
        `/people/${amy}/challenges`,
        form,
        `/people/${amy}/challenges/new?decision=cps%3ACD-1`,
      )
      assert.equal(raised.statusCode, 302, raised.body.slice(0, 300))
      const url = raised.headers.location as string
      assert.match(url, /^\/challenges\/\d+$/)
      assert.doesNotMatch(
        (await as('officer').get(`/people/${amy}/working-together`)).body,
        /Do you agree with this decision\?/,
        'asked once: the police have challenged it',
      )

      at('2009-06-08T09:00:00')
      const managerPage = (await as('cpsManager').get('/manager')).body
      assert.match(managerPage, /Challenges awaiting you[\s\S]*police challenges cps/)
      assert.match((await as('officer').get(url)).body, /2: line managers or safeguarding leads/)
      // the nurse works with Amy but is not a party to this challenge: it is not shared with her at all
      assert.equal(
        (await as('nurse').post(`${url}/notes`, { kind: 'escalated', note: 'x' }, `/people/${amy}`)).statusCode,
        404,
      )
      assert.equal((await as('nurse').get(url)).statusCode, 404)

      at('2009-06-16T09:00:00')
      const chairView = await as('partnership').get(url)
      assert.equal(chairView.statusCode, 200)
      assert.match(chairView.body, /4: the partnership&#39;s independent chair|4: the partnership's independent chair/)
      assert.doesNotMatch(
        chairView.body,
        /Her account matches/,
        "the partnership sees the challenge, not the child's record",
      )
      assert.match(chairView.body, /Victims&#39; Right to Review|Victims' Right to Review/)
      const resolved = await as('partnership').post(
        `${url}/notes`,
        { kind: 'resolved', outcome: 'review_requested', note: 'Review of the decision requested' },
        url,
      )
      assert.equal(resolved.statusCode, 302, resolved.body.slice(0, 300))
      assert.match((await as('officer').get(url)).body, /Resolved/)
      const report = (await as('partnership').get('/partnership/challenges')).body
      assert.match(report, /<strong>1<\/strong> challenge raised, <strong>0<\/strong> open/)
      // codes in words, as every other page shows them
      const cell = (caption: string) =>
        new RegExp(`${caption}</caption>[\\s\\S]*?<td class="govuk-table__cell">([^<]*)</td>`).exec(report)?.[1]
      assert.equal(cell('Outcomes of resolved challenges'), 'Review requested')
      assert.equal(cell('By subject'), 'Prosecutor decision')
      assert.equal(cell('By agency challenged and subject'), 'cps / Prosecutor decision')
      assert.doesNotMatch(report, /review_requested|prosecutor_decision/)
      // word boundaries: a random CSRF token in the page may hold the letters "Amy"
      assert.doesNotMatch(report, /\bAmy\b|\bSmith\b/)
    })

    test("a strategy discussion whose action goes overdue shows on the manager's page until done", async () => {
      const amy = area.amy
      at('2009-06-03T15:00:00')
      const recorded = await as('cscManager').post(
        `/people/${amy}/meetings`,
        {
          type: 'strategy_discussion',
          held_on: '2009-06-03',
          held_time: '10:00',
          chair_id: String(area.users.cscManager),
          invited: 'police',
          present: 'police',
          information_police: 'Three missing episodes',
          decisions: 'Section 47 enquiry',
          action_title_1: 'Visit Amy at placement',
          action_owner_1: String(area.users.socialWorker),
          action_due_1: '2009-06-10',
        },
        `/people/${amy}/meetings/new`,
      )
      assert.equal(recorded.statusCode, 302, /<p class="govuk-body">([^<]*)/.exec(recorded.body)?.[1])
      const meetingUrl = recorded.headers.location as string
      assert.match(
        (await as('socialWorker').get(meetingUrl)).body,
        /initial child protection conference, if needed, is due by [^<]*\(15 working days\)/,
      )
      at('2009-06-10T18:00:00')
      assert.doesNotMatch((await as('cscManager').get('/manager')).body, /Visit Amy at placement/)
      at('2009-06-11T09:00:00')
      assert.match((await as('cscManager').get('/manager')).body, /Overdue actions[\s\S]*Visit Amy at placement/)
      assert.match(
        (await as('socialWorker').get(`/people/${amy}/working-together`)).body,
        /Overdue<\/strong> <a class="govuk-link" href="\/actions\/\d+">Visit Amy at placement/,
      )
      assert.match(
        (await as('socialWorker').get('/my-work')).body,
        /Visit Amy at placement[\s\S]*Overdue/,
        "on the owner's page",
      )
      const actionUrl = /href="(\/actions\/\d+)">Visit Amy/.exec((await as('cscManager').get('/manager')).body)![1]
      assert.equal(
        (await as('nurse').post(`${actionUrl}/done`, { done: '11/06/2009', evidence: 'x' }, `/people/${amy}`))
          .statusCode,
        404, // health was not in the meeting: its actions are not shared with the nurse
      )
      // a mistake is answered on the action's page, what was typed kept
      const wrong = await as('socialWorker').post(
        `${actionUrl}/done`,
        { 'done-day': '12', 'done-month': '6', 'done-year': '2009', 'done-time': '9am', evidence: '' },
        actionUrl,
      )
      assert.equal(wrong.statusCode, 400)
      assert.match(wrong.body, /govuk-error-summary/)
      assert.match(wrong.body, /The date it was done must be today or in the past/)
      assert.match(wrong.body, /Enter the evidence that it was done/)
      assert.match(wrong.body, /value="9am"/)
      assert.doesNotMatch(
        (await as('officer').get(actionUrl)).body,
        /Mark it done/,
        'no form for someone who may not use it',
      )
      const done = await as('socialWorker').post(
        `${actionUrl}/done`,
        { done: '11/06/2009', evidence: 'Visit record V-12' },
        actionUrl,
      )
      assert.equal(done.statusCode, 302, /<p class="govuk-body">([^<]*)/.exec(done.body)?.[1])
      assert.doesNotMatch((await as('cscManager').get('/manager')).body, /Visit Amy at placement/)
    })

    test("supervision is recorded by a manager and lapses on the manager's page", async () => {
      const amy = area.amy
      at('2009-06-05T12:00:00')
      const form = {
        worker_id: String(area.users.socialWorker),
        held_on: '2009-06-05',
        reflection: 'Amy is at risk of sexual exploitation',
      }
      assert.equal(
        (await as('socialWorker').post(`/people/${amy}/supervision`, form, `/people/${amy}`)).statusCode,
        403,
      )
      assert.equal(
        (await as('cscManager').post(`/people/${amy}/supervision`, form, `/people/${amy}/supervision/new`)).statusCode,
        302,
      )
      at('2009-06-06T09:00:00')
      assert.doesNotMatch(
        (await as('cscManager').get('/manager')).body,
        /Supervision due[\s\S]*sw<\/td>[\s\S]*Caseload/,
      )
      at('2009-07-04T09:00:00')
      assert.match(
        (await as('cscManager').get('/manager')).body,
        /Supervision due[\s\S]*sw<\/td>[\s\S]*Overdue[\s\S]*Caseload/,
      )
    })

    test('a strategy discussion is read by those in it only; supervision notes stay with their agency', async () => {
      const amy = area.amy
      at('2009-06-25T15:00:00')
      const recorded = await as('officerManager').post(
        `/people/${amy}/meetings`,
        {
          type: 'strategy_discussion',
          held_on: '2009-06-25',
          held_time: '10:00',
          chair_id: String(area.users.officerManager),
          invited: 'csc',
          present: 'csc',
          information_police: 'Intelligence: QZX-POLICE-SHARED',
          decisions: 'QZX-DECIDED',
          action_title_1: 'QZX-ACTION for the police',
          action_owner_1: String(area.users.officer),
          action_due_1: '2009-07-10',
        },
        `/people/${amy}/meetings/new`,
      )
      assert.equal(recorded.statusCode, 302, /<p class="govuk-body">([^<]*)/.exec(recorded.body)?.[1])
      const meetingUrl = recorded.headers.location as string
      const actionUrl = /href="(\/actions\/\d+)">QZX-ACTION/.exec((await as('officer').get(meetingUrl)).body)![1]
      // the nurse's agency holds a record of Amy, but health was not invited
      for (const url of [meetingUrl, actionUrl]) {
        const res = await as('nurse').get(url)
        assert.equal(res.statusCode, 404, `nurse GET ${url}`)
        assert.doesNotMatch(res.body, /QZX/)
      }
      assert.doesNotMatch(
        (await as('nurse').get(`/people/${amy}/working-together`)).body,
        /QZX|\/meetings\/\d+">Strategy discussion, 25/,
      )
      // invited (social care), and the chair's own agency
      for (const who of ['socialWorker', 'mash', 'officer', 'policeSenior'] as const) {
        const res = await as(who).get(meetingUrl)
        assert.equal(res.statusCode, 200, who)
        assert.match(res.body, /QZX-POLICE-SHARED[\s\S]*QZX-DECIDED[\s\S]*QZX-ACTION/, who)
      }
      // the prosecutor is allocated to Amy but was not in the discussion: that it was held, not what was said
      const lawyer = await as('prosecutor').get(meetingUrl)
      assert.equal(lawyer.statusCode, 200)
      assert.match(lawyer.body, /stays with those who were in it/)
      assert.doesNotMatch(lawyer.body, /QZX/)
      assert.equal((await as('prosecutor').get(actionUrl)).statusCode, 404)

      const note = (who: 'cscManager' | 'officerManager', worker: number, reflection: string) =>
        as(who).post(
          `/people/${amy}/supervision`,
          { worker_id: String(worker), held_on: '2009-06-25', reflection },
          `/people/${amy}/supervision/new`,
        )
      assert.equal((await note('cscManager', area.users.socialWorker, 'QZX-CSC-NOTE')).statusCode, 302)
      assert.equal((await note('officerManager', area.users.officer, 'QZX-POLICE-NOTE')).statusCode, 302)
      const cscForm = (await as('cscManager').get(`/people/${amy}/supervision/new`)).body
      assert.match(cscForm, /QZX-CSC-NOTE/)
      assert.doesNotMatch(cscForm, /QZX-POLICE-NOTE/)
      const policeForm = (await as('officerManager').get(`/people/${amy}/supervision/new`)).body
      assert.match(policeForm, /QZX-POLICE-NOTE/)
      assert.doesNotMatch(policeForm, /QZX-CSC-NOTE/)
      assert.doesNotMatch((await as('cpsManager').get(`/people/${amy}/supervision/new`)).body, /QZX/)
    })

    test('only qualified people are offered; an override needs a manager and a reason, and is reported', async () => {
      const amy = area.amy
      at('2009-06-20T09:00:00')
      const { db } = backend().database
      await db
        .insertInto('wt_competencies')
        .values([
          {
            user_id: area.users.policeSenior,
            type: 'abe_interviewing',
            obtained_on: '2008-01-01',
            expires_on: null,
            recorded_at: '2008-01-01T00:00:00Z',
          },
          {
            user_id: area.users.policeSenior,
            type: 'cse_specialist',
            obtained_on: '2008-01-01',
            expires_on: null,
            recorded_at: '2008-01-01T00:00:00Z',
          },
        ])
        .execute()
      const page = (await as('officerManager').get(`/people/${amy}/assign?task=evidential_interview_child_victim`)).body
      const offered = /id="qualified_user_id"[\s\S]*?<\/select>/.exec(page)![0]
      assert.match(offered, /supt/)
      assert.doesNotMatch(offered, /officer \(police\)/)
      const task = { task: 'evidential_interview_child_victim', override_user_id: String(area.users.officer) }
      const from = `/people/${amy}/assign`
      const noReason = await as('officerManager').post(from, { ...task, override_reason: '' }, from)
      assert.equal(noReason.statusCode, 400)
      assert.match(noReason.body, /an override needs a reason/)
      const mash = await as('mash').post(from, { ...task, override_reason: 'urgent' }, from)
      assert.equal(mash.statusCode, 400)
      assert.match(mash.body, /only a manager can override/)
      assert.equal((await as('officer').post(from, { ...task, override_reason: 'urgent' }, '/')).statusCode, 403)
      const ok = await as('officerManager').post(
        from,
        { ...task, override_reason: 'No trained officer before the hearing' },
        from,
      )
      assert.equal(ok.statusCode, 302, ok.body.slice(0, 300))
      assert.match(
        (await as('officerManager').get('/manager')).body,
        /Override<\/strong> Evidential interview child victim/,
      )
      assert.match(
        (await as('partnership').get('/partnership/challenges')).body,
        /<strong>1<\/strong> assignment made by a manager[\s\S]*Overrides by agency and task[\s\S]*police \/ Evidential interview child victim</,
      )
      const audited = await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', [
          'assign_task_override',
          'view_manager_page',
          'view_partnership_report',
          'raise_challenge',
          'record_meeting',
        ])
        .execute()
      assert.deepEqual([...new Set(audited.map((a) => a.action))].sort(), [
        'assign_task_override',
        'raise_challenge',
        'record_meeting',
        'view_manager_page',
        'view_partnership_report',
      ])
    })

    test("the register, worker settings and decisions by hand keep to each agency's own", async () => {
      const amy = area.amy
      at('2009-06-21T09:00:00')
      const { db } = backend().database
      // a manager keeps the register of their own agency's staff only
      const sw = String(area.users.socialWorker)
      assert.equal(
        (
          await as('officerManager').post(
            '/competencies/settings',
            { user_id: sw, asye_started_on: '2009-06-01', manager_id: '' },
            '/competencies',
          )
        ).statusCode,
        403,
      )
      assert.equal(
        (
          await as('cscManager').post(
            '/competencies/settings',
            { user_id: sw, asye_started_on: '2009-06-01', manager_id: String(area.users.cscManager) },
            '/competencies',
          )
        ).statusCode,
        302,
      )
      const settings = await db
        .selectFrom('wt_worker_settings')
        .select(['asye_started_on', 'manager_user_id'])
        .where('user_id', '=', area.users.socialWorker)
        .executeTakeFirstOrThrow()
      assert.deepEqual(settings, { asye_started_on: '2009-06-01', manager_user_id: area.users.cscManager })
      assert.equal(
        (
          await as('cscManager').post(
            '/competencies',
            { user_id: sw, type: 'return_interviews', obtained_on: '2009-06-20', expires_on: '' },
            '/competencies',
          )
        ).statusCode,
        302,
      )
      assert.match((await as('cscManager').get('/competencies')).body, /Return home interviews \(20 June 2009\)/)
      assert.equal(
        (
          await as('cscManager').post(
            '/competencies',
            { user_id: sw, type: 'astrology', obtained_on: '2009-06-20', expires_on: '' },
            '/competencies',
          )
        ).statusCode,
        400,
      )
      // a charging decision is the prosecutor's to record; a threshold decision needs its rationale
      const decision = {
        kind: 'charging_decision',
        outcome: 'no_further_action',
        decided: '20/06/2009',
        rationale: 'Insufficient evidence',
      }
      assert.equal(
        (await as('nurse').post(`/people/${amy}/decisions`, decision, `/people/${amy}/decisions/new`)).statusCode,
        403,
      )
      assert.equal(
        (
          await as('socialWorker').post(
            `/people/${amy}/decisions`,
            { kind: 'threshold_decision', outcome: 'early_help', decided: '20/06/2009', rationale: '' },
            `/people/${amy}/decisions/new`,
          )
        ).statusCode,
        400,
      )
      assert.equal(
        (
          await as('socialWorker').post(
            `/people/${amy}/decisions`,
            {
              kind: 'threshold_decision',
              outcome: 'early_help',
              decided: '20/06/2009',
              rationale: 'Family engaging with early help',
            },
            `/people/${amy}/decisions/new`,
          )
        ).statusCode,
        302,
      )
      const shown = /Threshold decision: Early help[\s\S]*Family engaging with early help/
      assert.ok(
        shown.test((await as('mash').get(`/people/${amy}/working-together`)).body),
        "the MASH sees social care's decision",
      )
      assert.ok(
        !shown.test((await as('nurse').get(`/people/${amy}/working-together`)).body),
        "a nurse not allocated sees only health's records",
      )
    })
  },
  { resetBetweenTests: false, clock },
)

// The missing-episode pages through the browser: recording an episode and an interview, the work
// list, the figures, the Philomena profile and its photograph, with each role's permissions and
// the audit rows they leave.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { PASSWORD, seedArea, type SeededUsers } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { addAgency } from '../agencies/agencies.ts'
import { createUser } from '../access/users.ts'
import { recordedEvents } from '../chronology/versions.ts'
import { interviewList } from './lists.ts'
import { DEFAULT_MISSING_SETTINGS } from './settings.ts'
import type { Db } from '../db/database.ts'

// Amy is a child in 2026 here: a missing adult's episode owes no return interview (missing/state.ts)
const CHILD_BORN_ON = '2011-03-14'

// the pages are read as at this moment: the suite runs under this clock
const clock = new TestClock('2026-06-01T12:00:00+01:00')

type Who = keyof SeededUsers | 'carer'
const EMAILS: Record<Who, string> = {
  officer: 'officer@police.test',
  officerManager: 'manager@police.test',
  socialWorker: 'sw@csc.test',
  mash: 'mash@csc.test',
  partnership: 'chair@lscp.test',
  admin: 'admin@csc.test',
  nurse: 'nurse@health.test',
  carer: 'carer@vol.test',
}
// the smallest valid PNG (1x1)
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d3e6b40000000049454e44ae426082',
  'hex',
)

function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; filename: string; type: string; data: Buffer },
) {
  const boundary = '----threadline-test-boundary'
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
    )
    parts.push(file.data, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** A date and time as the GOV.UK date input and the time box send it: when('started', '2026-05-30 22:00'). */
const when = (name: string, value: string) => {
  const [, year, month, day, time] = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}:\d{2})$/.exec(value)!
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year, [`${name}-time`]: time }
}

/** One panel of the person page (the page itself holds other agencies' sections too). */
function section(body: string, id: string): string {
  const start = body.indexOf(`<section id="${id}"`)
  return start < 0 ? '' : body.slice(start, body.indexOf('</section>', start))
}

/** The error in the GOV.UK summary (linking to the field) and beside the field. */
function fieldError(body: string, field: string, message: string) {
  const flat = body.replace(/\s+/g, ' ')
  assert.ok(flat.includes(`<a href="#${field}">${message}</a>`), `the summary links to ${field}: ${message}`)
  assert.ok(
    flat.includes(`govuk-error-message"> <span class="govuk-visually-hidden">Error:</span> ${message}`),
    `beside the field: ${message}`,
  )
}

async function auditRows(db: Db, action: string, entityId: number) {
  return db
    .selectFrom('audit_log')
    .select(['actor', 'action', 'details'])
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute()
}

forEachDatabase(
  'missing-episode pages',
  (backend) => {
    let app: FastifyInstance
    let amy: number
    let users: SeededUsers
    let db: Db
    const as = new Map<Who, Browser>()
    const b = (who: Who) => as.get(who)!

    before(async () => {
      db = backend().database.db
      const seeded = await seedArea(db, { amyBornOn: CHILD_BORN_ON })
      amy = seeded.amy
      users = seeded.users
      await addAgency(db, { code: 'vol', name: 'Care Homes Ltd', kind: 'voluntary', contact: 'Home manager' })
      await createUser(db, {
        email: EMAILS.carer,
        name: 'carer',
        agency: 'vol',
        roles: ['practitioner'],
        password: PASSWORD,
      })
      app = await testApp(backend().database)
      for (const who of Object.keys(EMAILS) as Who[]) {
        const browser = new Browser(app)
        await browser.signIn(EMAILS[who])
        as.set(who, browser)
      }
    })
    after(async () => app?.close())

    const episodeForm = () => `/people/${amy}/missing/episode`

    test('a social worker records an episode and its return on the page; it joins the chronology', async () => {
      const res = await b('socialWorker').post(
        episodeForm(),
        {
          ...when('started', '2026-05-30 22:00'),
          ...when('returned', '2026-05-31 23:30'),
          missing_from: 'care_placement',
          risk_grading: 'medium',
          last_seen: 'Outside the placement, grey hoodie',
          found_at: 'Takeaway, Drake St, OL16 1PA',
          found_with_people: 'Kamal Hussain, 1983-06-01',
          found_with_vehicles: 'AB12 CDE',
          found_by: 'PC 1234',
        },
        episodeForm(),
      )
      assert.equal(res.statusCode, 302, res.body.slice(0, 400))
      const versions = await recordedEvents(db, { kinds: ['missing_episode'], personIds: [amy] })
      const mine = versions.find((v) => v.event.agency === 'csc')!
      assert.ok(mine.event.source_id.startsWith('TL-'))
      assert.equal(mine.event.subject, 'C-77', "the agency's own record of the child is the subject")
      assert.equal(mine.event.ended_at, '2026-05-31T22:30:00.000Z')
      assert.deepEqual(mine.event.involves.map((i) => [i.kind, i.role]).sort(), [
        ['location', 'found_at'],
        ['person', 'found_with'],
        ['vehicle', 'found_with'],
      ])
      const imp = await db.selectFrom('imports').select('channel').orderBy('id', 'desc').executeTakeFirstOrThrow()
      assert.equal(imp.channel, 'page')
      assert.equal((await auditRows(db, 'record_missing_episode', amy)).length, 1)
      const page = await b('socialWorker').get(`/people/${amy}/missing`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Missing episodes/)
      assert.match(page.body, /Takeaway, Drake St/)
      assert.match(page.body, /Kamal Hussain/)
      assert.match(page.body, /Record the return interview/)
    })

    test('who may record an episode: police and care providers, not health or the partnership', async () => {
      assert.equal((await b('nurse').get(episodeForm())).statusCode, 403)
      assert.equal((await b('partnership').get(episodeForm())).statusCode, 403)
      assert.equal(
        (await b('nurse').post(episodeForm(), { ...when('started', '2026-05-20 10:00') }, '/')).statusCode,
        403,
      )
      assert.equal((await b('officer').get(episodeForm())).statusCode, 200)
      // a care provider with no record of the child: its report is linked to her by the recorder's decision
      const res = await b('carer').post(
        episodeForm(),
        { ...when('started', '2026-05-20 21:00'), ...when('returned', '2026-05-21 01:00') },
        episodeForm(),
      )
      assert.equal(res.statusCode, 302, res.body.slice(0, 400))
      const link = await db
        .selectFrom('entity_links')
        .selectAll()
        .where('agency_code', '=', 'vol')
        .executeTakeFirstOrThrow()
      assert.equal(link.entity_id, amy)
      assert.equal(link.method, 'person_decision')
    })

    test('a mistake on the episode or interview form is answered on the same page, what was typed kept', async () => {
      // a UK date typed in one box, a time as people say it; a return before the episode began
      const before = await b('socialWorker').post(
        episodeForm(),
        {
          started: '30/05/2026',
          'started-time': '6.30pm',
          'returned-day': '29',
          'returned-month': '5',
          'returned-year': '2026',
          'returned-time': 'midday',
          last_seen: 'By the canal',
        },
        episodeForm(),
      )
      assert.equal(before.statusCode, 400)
      assert.match(before.body, /govuk-error-summary/)
      assert.match(before.body, /There is a problem/)
      assert.match(before.body, /<title>Error: /)
      assert.match(before.body, /The return must be after the child went missing \(30 May 2026 at 6:30pm\)/)
      assert.match(before.body, /href="#returned-day"/)
      assert.match(before.body, /name="returned-day" type="text" value="29"|value="29"/)
      assert.match(before.body, /By the canal/, 'what was typed is kept')
      assert.doesNotMatch(before.body, /YYYY|returned_at|There is a problem with what was sent/)
      // a return in the future; a time nobody could mean
      const future = await b('socialWorker').post(
        episodeForm(),
        { ...when('started', '2026-05-31 20:00'), ...when('returned', '2026-06-02 10:00') },
        episodeForm(),
      )
      assert.equal(future.statusCode, 400)
      assert.match(future.body, /The date the child was found or returned must be today or in the past/)
      const time = await b('socialWorker').post(
        episodeForm(),
        { ...when('started', '2026-05-31 20:00'), 'started-time': 'teatime' },
        episodeForm(),
      )
      assert.match(
        time.body,
        /The time the child went missing must be a time, for example 18:30, 6.30pm, midday or midnight/,
      )
      const missing = await b('socialWorker').post(
        episodeForm(),
        { 'started-day': '31', 'started-year': '2026' },
        episodeForm(),
      )
      assert.match(missing.body, /The date the child went missing must include a month/)
      // the interview: no outcome reason, an interview before the child came back
      const episode = `/people/${amy}/missing/interview?episode=${encodeURIComponent('police:E-77')}`
      const interview = await b('socialWorker').post(
        `/people/${amy}/missing/interview`,
        { episode: 'police:E-77', outcome: 'declined', held: '01/05/2008', 'held-time': '9am', child_account: 'Kept' },
        episode,
      )
      assert.equal(interview.statusCode, 400)
      assert.match(interview.body, /govuk-error-summary/)
      assert.match(interview.body, /The interview must be after the child came back \(4 May 2008 at 9:00am\)/)
      assert.match(interview.body, /A reason is required when the child declined/)
      assert.match(interview.body, /Kept<\/textarea>/)
    })

    test('text longer than its field holds is an error on the same page, kept as typed, never cut: nothing is stored', async () => {
      const episodes = async () => (await recordedEvents(db, { kinds: ['missing_episode'], personIds: [amy] })).length
      const episodesBefore = await episodes()
      const auditedBefore = (await auditRows(db, 'record_missing_episode', amy)).length
      const summary = 'Found with two older men near the takeaway on Drake Street. '.repeat(9).trim()
      assert.equal(summary.length, 539)
      const episode = await b('socialWorker').post(
        episodeForm(),
        { ...when('started', '2026-05-31 20:00'), summary, found_by: 'PC 1234' },
        episodeForm(),
      )
      assert.equal(episode.statusCode, 400)
      fieldError(episode.body, 'summary', 'The summary must be 500 characters or less (you typed 539)')
      assert.ok(episode.body.includes(`>${summary}</textarea>`), 'the whole summary kept in its box')
      assert.match(episode.body, /value="PC 1234"/)
      assert.equal(await episodes(), episodesBefore, 'no episode stored')
      assert.equal((await auditRows(db, 'record_missing_episode', amy)).length, auditedBefore, 'none recorded')

      const account = 'I was at the flat. '.repeat(600).trim()
      const interview = await b('socialWorker').post(
        `/people/${amy}/missing/interview`,
        { episode: 'police:E-77', outcome: 'done', ...when('held', '2026-06-01 10:00'), what_happened: account },
        `/people/${amy}/missing/interview?episode=${encodeURIComponent('police:E-77')}`,
      )
      assert.equal(interview.statusCode, 400)
      fieldError(interview.body, 'what_happened', 'What happened must be 10,000 characters or less (you typed 11,399)')
      assert.ok(interview.body.includes(`>${account}</textarea>`), 'the whole account kept in its box')
      assert.equal((await recordedEvents(db, { kinds: ['return_interview'], personIds: [amy] })).length, 0)

      const page = await b('socialWorker').get(`/people/${amy}/philomena`)
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]
      const cookie = [...b('socialWorker').cookies].map(([k, v]) => `${k}=${v}`).join('; ')
      const description = 'Slim, long dark hair. '.repeat(250).trim()
      const sent = multipartBody({ _csrf: token, description, medical: 'Asthma' })
      const profile = await app.inject({
        method: 'POST',
        url: `/people/${amy}/philomena`,
        headers: { cookie, 'content-type': sent.contentType, accept: 'text/html' },
        payload: sent.payload,
      })
      assert.equal(profile.statusCode, 400)
      fieldError(profile.body, 'description', 'The description must be 5,000 characters or less (you typed 5,499)')
      assert.ok(profile.body.includes(`>${description}</textarea>`), 'the whole description kept in its box')
      assert.match(profile.body, />Asthma<\/textarea>/)
      assert.equal(
        await db.selectFrom('philomena_profiles').select('entity_id').where('entity_id', '=', amy).executeTakeFirst(),
        undefined,
        'no profile stored',
      )
    })

    test('a list of more than 50 lines, or a line longer than the record format holds, is an error on the same page: nothing dropped, nothing stored', async () => {
      const episodes = async () => (await recordedEvents(db, { kinds: ['missing_episode'], personIds: [amy] })).length
      const interviews = async () =>
        (await recordedEvents(db, { kinds: ['return_interview'], personIds: [amy] })).length
      const [episodesBefore, interviewsBefore] = [await episodes(), await interviews()]
      const fiftyOne = Array.from({ length: 51 }, (_, i) => `Place ${i + 1}, OL16 1PA`).join('\n')
      const tooMany = await b('socialWorker').post(
        episodeForm(),
        { ...when('started', '2026-05-31 20:00'), found_at: fiftyOne, found_by: 'PC 1234' },
        episodeForm(),
      )
      assert.equal(tooMany.statusCode, 400)
      fieldError(
        tooMany.body,
        'found_at',
        'The places where the child was found must be 50 lines or fewer (you typed 51)',
      )
      assert.ok(tooMany.body.includes(`>${fiftyOne}</textarea>`), 'every line kept in its box')
      assert.match(tooMany.body, /value="PC 1234"/)

      const longName = 'The flat above the takeaway on Drake Street '.repeat(5).trim()
      assert.equal(longName.length, 219)
      const longLine = await b('socialWorker').post(
        episodeForm(),
        { ...when('started', '2026-05-31 20:00'), found_at: `The park\n${longName}`, found_with_people: 'Jo Bloggs' },
        episodeForm(),
      )
      assert.equal(longLine.statusCode, 400)
      fieldError(
        longLine.body,
        'found_at',
        'Line 2 of the places where the child was found must be 200 characters or less (it has 219)',
      )
      assert.ok(longLine.body.includes(`>The park\n${longName}</textarea>`), 'the long line kept whole')
      assert.match(longLine.body, />Jo Bloggs<\/textarea>/)
      assert.equal(await episodes(), episodesBefore, 'no episode stored')

      const people = Array.from({ length: 60 }, (_, i) => `Person ${i + 1}`).join('\n')
      const handle = `${'x'.repeat(195)}@snapchat`
      const interview = await b('socialWorker').post(
        `/people/${amy}/missing/interview`,
        {
          episode: 'police:E-77',
          outcome: 'done',
          ...when('held', '2026-06-01 10:00'),
          with_people: people,
          online: `amy@insta\n${handle}`,
          vehicles: 'XY99 ZZZ',
        },
        `/people/${amy}/missing/interview?episode=${encodeURIComponent('police:E-77')}`,
      )
      assert.equal(interview.statusCode, 400)
      fieldError(interview.body, 'with_people', 'The people they were with must be 50 lines or fewer (you typed 60)')
      fieldError(
        interview.body,
        'online',
        'Line 2 of the online identities must be 200 characters or less (it has 204)',
      )
      assert.ok(interview.body.includes(`>${people}</textarea>`), 'every person kept in the box')
      assert.ok(interview.body.includes(`>amy@insta\n${handle}</textarea>`))
      assert.match(interview.body, />XY99 ZZZ<\/textarea>/)
      assert.equal(await interviews(), interviewsBefore, 'no interview stored')
    })

    test('an officer updates the police report: what the page does not edit stays, as a new version', async () => {
      const url = `${episodeForm()}?source=${encodeURIComponent('police:E-77')}`
      const form = await b('officer').get(url)
      assert.equal(form.statusCode, 200)
      assert.match(form.body, /name="started-day" type="text" value="2"[^>]*>|id="started-day"[^>]*value="2"/)
      assert.match(form.body, /value="23:10"/)
      assert.equal(
        (await b('officer').get(`${episodeForm()}?source=${encodeURIComponent('csc:C-1')}`)).statusCode,
        403,
        "only its own agency's report",
      )
      const version = /name="version" value="([^"]+)"/.exec(form.body)?.[1]
      assert.ok(version, 'the form carries the version it shows')
      const res = await b('officer').post(
        episodeForm(),
        {
          source: 'police:E-77',
          version: version!,
          ...when('started', '2008-05-02T23:10'),
          ...when('returned', '2008-05-04T09:00'),
          risk_grading: 'high',
          found_at: 'Bus station, OL16 1NT',
          summary: 'Missing from care placement, found in a car on Drake Street',
        },
        url,
      )
      assert.equal(res.statusCode, 302, res.body.slice(0, 300))
      const versions = (await recordedEvents(db, { kinds: ['missing_episode'], personIds: [amy] })).filter(
        (v) => v.event.source_id === 'E-77',
      )
      assert.equal(versions.length, 2)
      const latest = versions[1].event
      assert.equal(latest.extra.risk_grading, 'high')
      assert.deepEqual(latest.indicators.sort(), ['missing', 'vehicle_unknown_adults'])
      assert.deepEqual(latest.involves.map((i) => `${i.kind}:${i.role ?? ''}`).sort(), [
        'location:',
        'location:found_at',
        'person:suspect',
        'vehicle:',
      ])
      assert.equal((await auditRows(db, 'update_missing_episode', amy)).length, 1)

      // a second person saves from the page as it was before: refused, theirs shown beside what they typed
      const stale = await b('officer').post(
        episodeForm(),
        {
          source: 'police:E-77',
          version: version!,
          ...when('started', '2008-05-02T23:10'),
          summary: 'Seen at the bus station with two older men',
        },
        url,
      )
      assert.equal(stale.statusCode, 409)
      assert.match(stale.body, /Someone else changed this report after you opened it/)
      assert.match(stale.body, /found in a car on Drake Street/, 'theirs')
      assert.match(stale.body, /Seen at the bus station with two older men<\/textarea>/, 'yours, as typed')
      const after = (await recordedEvents(db, { kinds: ['missing_episode'], personIds: [amy] })).filter(
        (v) => v.event.source_id === 'E-77',
      )
      assert.equal(after.length, 2, 'nothing saved')
      // saved again from that page (which now carries the newest version): theirs is replaced knowingly
      const newer = /name="version" value="([^"]+)"/.exec(stale.body)?.[1]
      assert.ok(newer && newer !== version)
      const again = await b('officer').post(
        episodeForm(),
        {
          source: 'police:E-77',
          version: newer!,
          ...when('started', '2008-05-02T23:10'),
          ...when('returned', '2008-05-04T09:00'),
          summary: 'Seen at the bus station with two older men',
        },
        url,
      )
      assert.equal(again.statusCode, 302, again.body.slice(0, 300))
    })

    test("another agency's officer sees only police episodes until opening the record with a reason", async () => {
      const before = await b('officer').get(`/people/${amy}/missing`)
      assert.equal(before.statusCode, 200)
      const panel = section(before.body, 'missing-history')
      assert.match(panel, /Missing episodes/)
      assert.match(panel, /\(1 in all\)/, 'only the police episode')
      assert.doesNotMatch(panel, /Takeaway|Kamal Hussain/, 'the social care episode is not shown')
      assert.equal((await b('partnership').get(`/people/${amy}`)).statusCode, 403)
    })

    test('return interviews: a reason is required to decline; the account and the people named become involvements', async () => {
      const episode = (await recordedEvents(db, { kinds: ['missing_episode'], personIds: [amy] })).find(
        (v) => v.event.agency === 'csc',
      )!
      const source = `csc:${episode.event.source_id}`
      const form = `/people/${amy}/missing/interview?episode=${encodeURIComponent(source)}`
      assert.equal((await b('socialWorker').get(form)).statusCode, 200)
      assert.equal((await b('officer').get(form)).statusCode, 404, 'the officer cannot see this episode')
      const declined = await b('socialWorker').post(
        `/people/${amy}/missing/interview`,
        { episode: source, outcome: 'declined', ...when('held', '2026-06-01 09:00'), reason: '' },
        form,
      )
      assert.equal(declined.statusCode, 400)
      assert.match(declined.body, /reason is required/)
      const held = await b('socialWorker').post(
        `/people/${amy}/missing/interview`,
        {
          episode: source,
          outcome: 'done',
          ...when('held', '2026-06-01 10:00'),
          child_account: 'I got in a car with Jo because he said he would take me home.',
          where: 'A flat above the takeaway',
          places: 'Flat, OL16 1PA',
          with_people: 'Jo Bloggs',
          vehicles: 'XY99 ZZZ',
          phones: '07700 900999',
        },
        form,
      )
      assert.equal(held.statusCode, 302, held.body.slice(0, 400))
      const interview = (await recordedEvents(db, { kinds: ['return_interview'], personIds: [amy] }))[0]
      assert.equal(interview.event.extra.episode, source)
      assert.equal(interview.event.extra.child_account, 'I got in a car with Jo because he said he would take me home.')
      assert.deepEqual(interview.event.involves.map((i) => i.kind).sort(), ['location', 'person', 'phone', 'vehicle'])
      const rows = await interviewList(db, {
        asOf: new Date('2026-06-01T12:00:00+01:00'),
        settings: DEFAULT_MISSING_SETTINGS,
      })
      assert.equal(rows.find((r) => r.episode_source === source)?.interview_status, 'done')
      assert.equal((await auditRows(db, 'record_return_interview', amy)).length, 1)
    })

    test("the work list: each agency's interviews (assigned, else the area's agency), the MASH all; assignment is audited", async () => {
      assert.equal((await b('partnership').get('/missing/interviews')).statusCode, 403)
      const mashList = await b('mash').get('/missing/interviews')
      assert.equal(mashList.statusCode, 200)
      assert.match(mashList.body, /police:E-77/)
      assert.match(mashList.body, /Overdue/i)
      // not assigned: children's social care holds return interviews in this area (the default)
      const social = await b('socialWorker').get('/missing/interviews')
      assert.match(social.body, /police:E-77/)
      assert.match(social.body, /overdue by \d+ days/)
      assert.match(social.body, /Not assigned to anyone yet/)
      assert.doesNotMatch((await b('officerManager').get('/missing/interviews')).body, /police:E-77/)
      assert.match(
        (await b('officerManager').get('/manager')).body,
        /No return interview your agency is responsible for is overdue/,
      )
      const assign = await b('mash').post(
        '/missing/interviews/assign',
        { episode_source: 'police:E-77', user_id: String(users.officer) },
        '/missing/interviews',
      )
      assert.equal(assign.statusCode, 302, assign.body.slice(0, 300))
      const mine = await b('officer').get('/missing/interviews')
      assert.match(mine.body, /police:E-77/)
      assert.match(mine.body, /Assigned to officer/)
      assert.doesNotMatch((await b('socialWorker').get('/missing/interviews')).body, /police:E-77/, 'now the police’s')
      // the manager's page names the hours the setting gives, not a fixed 72
      assert.match((await b('officerManager').get('/manager')).body, /past their 72-hour deadline[\s\S]*Overdue/)
      const saved = process.env.THREADLINE_INTERVIEW_HOURS
      process.env.THREADLINE_INTERVIEW_HOURS = '96'
      try {
        assert.match((await b('officerManager').get('/manager')).body, /past their 96-hour deadline[\s\S]*Overdue/)
      } finally {
        if (saved === undefined) delete process.env.THREADLINE_INTERVIEW_HOURS
        else process.env.THREADLINE_INTERVIEW_HOURS = saved
      }
      assert.match(
        (await b('officerManager').get('/missing/interviews')).body,
        /police:E-77/,
        "the police manager sees the interview held by the police's officer",
      )
      assert.doesNotMatch((await b('nurse').get('/missing/interviews')).body, /police:E-77/)
      assert.equal(
        (
          await b('officer').post(
            '/missing/interviews/assign',
            { episode_source: 'police:E-77', user_id: String(users.officer) },
            '/',
          )
        ).statusCode,
        403,
      )
      assert.equal((await auditRows(db, 'assign_return_interview', amy)).length, 1)
      // reassigned to the nurse, who does not see the police record: she may still record the interview she holds
      const form = `/people/${amy}/missing/interview?episode=${encodeURIComponent('police:E-77')}`
      assert.equal((await b('nurse').get(form)).statusCode, 404)
      // assigned from the page as it was before the officer had it: refused with both names, nothing changed
      const stale = await b('mash').post(
        '/missing/interviews/assign',
        { episode_source: 'police:E-77', user_id: String(users.nurse), assigned_from: '' },
        '/missing/interviews',
      )
      assert.equal(stale.statusCode, 409)
      assert.match(stale.body, /This interview was assigned to officer by someone else after you opened the page/)
      assert.match(stale.body, /you chose nurse/)
      // the list shows who holds it now, and the choice made from it is saved
      assert.match(
        (await b('mash').get('/missing/interviews')).body,
        new RegExp(`name="assigned_from" value="${users.officer}"`),
      )
      await b('mash').post(
        '/missing/interviews/assign',
        { episode_source: 'police:E-77', user_id: String(users.nurse), assigned_from: String(users.officer) },
        '/missing/interviews',
      )
      assert.match((await b('nurse').get('/missing/interviews')).body, /police:E-77/)
      assert.doesNotMatch((await b('officer').get('/missing/interviews')).body, /police:E-77/, 'no longer his')
      assert.equal((await b('nurse').get(form)).statusCode, 200)
      assert.equal((await auditRows(db, 'assign_return_interview', amy)).length, 2)
    })

    test('figures: managers, the MASH and the partnership see numbers, never a child', async () => {
      const figures = await b('partnership').get('/missing/figures')
      assert.equal(figures.statusCode, 200)
      assert.match(figures.body, /Share of return interviews done in time/)
      assert.match(figures.body, /2008-05/)
      assert.doesNotMatch(figures.body, /\bAmy\b|\bSmith\b|E-77|\/people\//)
      assert.equal((await b('officerManager').get('/missing/figures')).statusCode, 200)
      assert.equal((await b('officer').get('/missing/figures')).statusCode, 403)
    })

    test('the Philomena profile: kept by the social worker, photo served only to those who may see it, shown to police while missing', async () => {
      const page = await b('socialWorker').get(`/people/${amy}/philomena`)
      assert.equal(page.statusCode, 200)
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]
      const cookie = [...b('socialWorker').cookies].map(([k, v]) => `${k}=${v}`).join('; ')
      const post = (fields: Record<string, string>, file?: Parameters<typeof multipartBody>[1]) => {
        const body = multipartBody({ _csrf: token, ...fields }, file)
        return app.inject({
          method: 'POST',
          url: `/people/${amy}/philomena`,
          headers: { cookie, 'content-type': body.contentType, accept: 'text/html' },
          payload: body.payload,
        })
      }
      const tooBig = await post(
        { description: 'Slim' },
        {
          name: 'photo',
          filename: 'big.png',
          type: 'image/png',
          data: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 10)]),
        },
      )
      assert.equal(tooBig.statusCode, 413)
      const notImage = await post(
        { description: 'Slim' },
        { name: 'photo', filename: 'a.png', type: 'image/png', data: Buffer.from('not an image at all') },
      )
      assert.equal(notImage.statusCode, 400)
      const saved = await post(
        {
          description: 'Slim, 5ft 2, long dark hair',
          places: 'Drake Street takeaway',
          medical: 'Asthma: carries an inhaler',
        },
        { name: 'photo', filename: 'amy.png', type: 'image/png', data: PNG },
      )
      assert.equal(saved.statusCode, 302, saved.body.slice(0, 300))
      const photo = await b('socialWorker').get(`/people/${amy}/philomena/photo`)
      assert.equal(photo.statusCode, 200)
      assert.equal(photo.headers['content-type'], 'image/png')
      assert.deepEqual(photo.rawPayload, PNG)
      // the unallocated officer, the nurse and the partnership do not see it while Amy is not missing
      assert.equal((await b('officer').get(`/people/${amy}/philomena`)).statusCode, 403)
      assert.equal((await b('officer').get(`/people/${amy}/philomena/photo`)).statusCode, 403)
      assert.equal((await b('nurse').get(`/people/${amy}/philomena/photo`)).statusCode, 403)
      assert.equal((await b('partnership').get(`/people/${amy}/philomena/photo`)).statusCode, 403)
      assert.doesNotMatch((await b('officer').get(`/people/${amy}`)).body, /Philomena profile<\/h3>/)
      // reported missing now: the officer sees the profile at the top of the page, and may print it
      const open = await b('officer').post(
        episodeForm(),
        { ...when('started', '2026-06-01 08:00'), risk_grading: 'high' },
        episodeForm(),
      )
      assert.equal(open.statusCode, 302, open.body.slice(0, 300))
      const top = await b('officer').get(`/people/${amy}`)
      assert.match(top.body, /Missing now/)
      assert.match(top.body, /Asthma: carries an inhaler/)
      assert.ok(
        top.body.indexOf('Missing now') > -1 &&
          top.body.indexOf('Missing now') < top.body.indexOf('Professionals allocated'),
        'shown at the top of the summary',
      )
      assert.equal((await b('officer').get(`/people/${amy}/philomena/photo`)).statusCode, 200)
      const print = await b('officer').get(`/people/${amy}/philomena/print`)
      assert.equal(print.statusCode, 200)
      assert.match(print.body, /\/missing\/print\.css/)
      assert.match(print.body, /Slim, 5ft 2/)
      assert.equal((await b('officer').get('/missing/print.css')).headers['content-type'], 'text/css; charset=utf-8')
      assert.equal((await b('nurse').get(`/people/${amy}/philomena/print`)).statusCode, 403)
      // editing is for carers and social workers
      assert.equal(
        (await b('officer').post(`/people/${amy}/philomena`, { description: 'x' }, `/people/${amy}/philomena`))
          .statusCode,
        403,
      )
      assert.equal(
        (await db.selectFrom('philomena_profiles').select('description').executeTakeFirstOrThrow()).description,
        'Slim, 5ft 2, long dark hair',
      )
      for (const action of [
        'view_missing_episode_form',
        'view_return_interview_form',
        'update_philomena_profile',
        'view_philomena_profile',
        'view_philomena_photo',
        'print_philomena_profile',
      ]) {
        assert.ok((await auditRows(db, action, amy)).length > 0, `${action} is audited`)
      }
    })

    test('two carers saving the Philomena profile from the same version: the second is shown both, nothing is lost', async () => {
      const page = await b('socialWorker').get(`/people/${amy}/philomena`)
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]
      const opened = /name="version" value="(\d*)"/.exec(page.body)![1]
      const cookie = [...b('socialWorker').cookies].map(([k, v]) => `${k}=${v}`).join('; ')
      const save = (description: string, version: string) => {
        const body = multipartBody({ _csrf: token, version, description })
        return app.inject({
          method: 'POST',
          url: `/people/${amy}/philomena`,
          headers: { cookie, 'content-type': body.contentType, accept: 'text/html' },
          payload: body.payload,
        })
      }
      assert.equal((await save('First carer: red coat', opened)).statusCode, 302)
      const second = await save('Second carer: blue hoodie', opened)
      assert.equal(second.statusCode, 409)
      assert.match(second.body, /saved this profile after you opened it/)
      assert.match(second.body, /<dd class="govuk-summary-list__value">First carer: red coat<\/dd>/, 'theirs shown')
      assert.match(
        second.body,
        /<textarea[^>]*name="description"[^>]*>Second carer: blue hoodie<\/textarea>/,
        'yours kept',
      )

      const row = await db
        .selectFrom('philomena_profiles')
        .select(['description', 'version'])
        .where('entity_id', '=', amy)
        .executeTakeFirstOrThrow()
      assert.equal(row.description, 'First carer: red coat')
      const now = /name="version" value="(\d+)"/.exec(second.body)![1]
      assert.equal(Number(now), row.version, 'the form now carries the version shown')
      assert.equal((await save('Second carer: blue hoodie over red coat', now)).statusCode, 302)
      assert.equal((await save('stale', opened)).statusCode, 409)
      assert.equal((await save('not a version', 'x1')).statusCode, 400)
    })

    test('repeat missing: the alert stays until a strategy discussion, whose plan then shows first', async () => {
      // episodes on 20 May (carer), 30 May (social worker) and 1 June (police): three in 30 days
      const page = await b('socialWorker').get(`/people/${amy}/missing`)
      assert.match(page.body, /Repeatedly missing/)
      const form = `/people/${amy}/missing/strategy`
      assert.ok(page.body.includes(`href="${form}"`), 'the missing page links to the strategy discussion form')
      const opened = await b('socialWorker').get(form)
      assert.equal(opened.statusCode, 200)
      assert.match(opened.body, /Record the strategy discussion and the plan/)
      assert.ok((await auditRows(db, 'view_strategy_discussion_form', amy)).length > 0, 'opening the form is audited')
      assert.equal((await b('partnership').get(form)).statusCode, 403)
      const discussions = async () =>
        (await recordedEvents(db, { kinds: ['strategy_discussion'], personIds: [amy] })).length
      // mistakes: answered on the form page with the GOV.UK error summary, what was typed kept
      const noPlan = await b('socialWorker').post(
        form,
        { 'held-day': '1', 'held-year': '2026', 'held-time': '11am', summary: 'Police, social care and the placement' },
        form,
      )
      assert.equal(noPlan.statusCode, 400)
      assert.match(noPlan.body, /<title>Error: /)
      assert.match(noPlan.body, /There is a problem/)
      fieldError(noPlan.body, 'plan', 'Enter the plan for what to do when the child is next missing')
      assert.match(noPlan.body, /The date of the strategy discussion must include a month/)
      assert.match(noPlan.body, /href="#held-month"/)
      assert.match(noPlan.body, />Police, social care and the placement<\/textarea>/, 'the summary kept')
      assert.match(noPlan.body, /value="11am"/, 'the time kept')
      assert.ok(noPlan.body.includes(`action="${form}"`), 'the form is sent again from the same page')
      // a script's one box (held_at) is still read: only the plan is wanting
      const script = await b('socialWorker').post(form, { held_at: '2026-06-01 11:00', plan: '' }, form)
      assert.equal(script.statusCode, 400)
      assert.doesNotMatch(script.body, /date of the strategy discussion/)
      // a plan longer than the form holds is refused whole, never cut
      const plan = 'Search Drake Street first. '.repeat(200)
      const tooLong = await b('socialWorker').post(form, { ...when('held', '2026-06-01 11:00'), plan }, form)
      assert.equal(tooLong.statusCode, 400)
      fieldError(
        tooLong.body,
        'plan',
        'The plan for the next time the child is missing must be 5,000 characters or less (you typed 5,399)',
      )
      assert.ok(tooLong.body.includes(`>${plan.trim()}</textarea>`) || tooLong.body.includes(`>${plan}</textarea>`))
      assert.equal(await discussions(), 0, 'nothing stored')
      const saved = await b('socialWorker').post(
        form,
        {
          ...when('held', '2026-06-01 11:00'),
          summary: 'Police, social care and the placement',
          plan: 'Search Drake Street first; call the allocated social worker.',
        },
        form,
      )
      assert.equal(saved.statusCode, 302, saved.body.slice(0, 300))
      assert.equal(saved.headers.location, `/people/${amy}/missing`)
      assert.equal(await discussions(), 1)
      const after = await b('socialWorker').get(`/people/${amy}/missing`)
      assert.doesNotMatch(after.body, /Repeatedly missing/)
      assert.match(after.body, /Plan for the next missing episode/)
      assert.match(
        (await b('officer').get(`/people/${amy}`)).body,
        /Plan for this episode[\s\S]*Search Drake Street first/,
      )
    })

    test("an officer who opens the record with a reason then sees the other agencies' episodes", async () => {
      const opened = await b('officer').post(
        `/people/${amy}/access`,
        { reason: 'Amy is missing now and I am searching for her' },
        `/people/${amy}`,
      )
      assert.equal(opened.statusCode, 302)
      const panel = section((await b('officer').get(`/people/${amy}/missing`)).body, 'missing-history')
      assert.match(panel, /Kamal Hussain/)
      assert.match(panel, /Takeaway, Drake St/)
      assert.match(panel, /\(4 in all\)/)
    })
  },
  { resetBetweenTests: false, clock },
)

// The risk pages through the browser (inject), on both databases: the panel on the child's page (as of
// dates, restricted evidence), who may open which page, and the screening form's round trip.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea, type SeededUsers } from '../testing/seed.ts'
import { Browser, testApp, wordsOf } from '../testing/web.ts'
import { importRiskArea } from '../testing/risk-cli-fixture.ts'
import { serafCse } from './seraf-cse.ts'

// the pages are read as at this moment: the suite runs under this clock
const clock = new TestClock('2026-03-20T12:00:00Z')

const EMAILS: Record<keyof SeededUsers, string> = {
  officer: 'officer@police.test',
  officerManager: 'manager@police.test',
  socialWorker: 'sw@csc.test',
  mash: 'mash@csc.test',
  partnership: 'chair@lscp.test',
  admin: 'admin@csc.test',
  nurse: 'nurse@health.test',
}
type Who = keyof SeededUsers

forEachDatabase(
  'risk pages',
  (backend) => {
    let app: FastifyInstance
    let bea: number
    let cal: number
    const browsers = new Map<Who, Browser>()

    before(async () => {
      const { db } = backend().database
      const seeded = await seedArea(db)
      // the area's records run past the pages' "now": they are imported as at the time they arrived
      const { personOf } = await importRiskArea(db)
      bea = personOf('P-B')
      cal = personOf('P-C')
      await db
        .insertInto('allocations')
        .values({
          entity_id: bea,
          user_id: seeded.users.socialWorker,
          role: 'Social worker',
          starts_at: '2026-01-01T00:00:00Z',
        })
        .execute()
      app = await testApp(backend().database)
      for (const who of Object.keys(EMAILS) as Who[]) browsers.set(who, await new Browser(app).signIn(EMAILS[who]))
    })
    after(async () => app?.close())
    const get = (who: Who, url: string) => browsers.get(who)!.get(url)

    test("the child's page: band, unanswered banner, chart with its table, restricted evidence, as of a date", async () => {
      const page = await get('mash', `/people/${bea}/risk`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Band 3 \(moderate\)/)
      // one wording: the band it had when it became unanswered, and what has happened since
      assert.match(page.body, /Unanswered since 14 March 2026 at [^,]+, at band 3 \(moderate\) then/)
      assert.match(page.body, /The band has not changed since; no agency has yet responded\./)
      assert.match(
        page.body,
        /No strategy discussion, assessment, section 47 enquiry or child protection plan has been recorded on or after 1 March 2026/,
      )
      assert.match(page.body, /<svg role="img" aria-labelledby="risk-chart-title risk-chart-desc"/)
      assert.match(page.body, /<caption class="govuk-table__caption govuk-table__caption--s">Score changes/)
      assert.match(page.body, /restricted evidence held by health\. To know more, ask Rochdale Health: Named nurse/)
      assert.doesNotMatch(
        page.body,
        /agency=health&amp;kind=sexual_health/,
        'the MASH does not see what the clinic recorded',
      )
      const nurse = await get('nurse', `/people/${bea}/risk`)
      assert.match(nurse.body, /agency=health&amp;kind=sexual_health/, 'the clinic sees its own record')
      const february = await get('mash', `/people/${bea}/risk?as_of=2026-02-10`)
      assert.match(february.body, /Exploitation risk as known on 10 February 2026/)
      assert.match(february.body, /Band 2 \(mild\)/)
      assert.match(february.body, /Awaiting a response/)
      assert.doesNotMatch(february.body, /restricted evidence held by health/, "the clinic's record was not known yet")
      const calPage = await get('mash', `/people/${cal}/risk`)
      assert.match(calPage.body, /Band 1 \(no identified risk\)/)
    })

    test('who may open which page', async () => {
      for (const who of ['partnership', 'admin'] as Who[]) {
        assert.equal((await get(who, `/people/${bea}`)).statusCode, 403, `${who} sees no child`)
        assert.equal((await get(who, `/people/${bea}/risk`)).statusCode, 403, `${who} sees no risk page`)
        for (const url of ['/mash', '/unanswered', '/alerts', `/people/${bea}/risk/screening`])
          assert.equal((await get(who, url)).statusCode, 403, `${who} ${url}`)
      }
      for (const who of ['officer', 'officerManager', 'socialWorker', 'nurse'] as Who[])
        assert.equal((await get(who, '/mash')).statusCode, 403, `${who} /mash`)
      const queue = await get('mash', '/mash')
      assert.equal(queue.statusCode, 200)
      assert.match(queue.body, new RegExp(`href="/people/${bea}/risk">Bea Ward</a>`))
      assert.match(queue.body, /govuk-tag--red">Red/)
      assert.match(queue.body, /Overdue/)
      // as known on 10 January: nothing about her recorded yet (her first record, of 11 January, is band 2
      // under instrument 1.5.0's one-significant-indicator rule, decision 0065)
      const before = await get('mash', '/mash?as_of=2026-01-10')
      assert.equal(before.statusCode, 200)
      assert.doesNotMatch(before.body, /Bea Ward/, 'not yet known on 10 January')
      assert.equal((await get('mash', '/mash?as_of=2026-02-31')).statusCode, 400)

      assert.match((await get('mash', '/unanswered')).body, /Bea Ward/)
      assert.match((await get('socialWorker', '/unanswered')).body, /allocated to you/)
      assert.match((await get('officerManager', '/unanswered')).body, /your agency is involved/)
      assert.doesNotMatch((await get('officer', '/unanswered')).body, /Bea Ward/, 'not allocated, not a manager')
      assert.doesNotMatch((await get('mash', '/unanswered?as_of=2026-02-17')).body, /Bea Ward/)
      assert.match((await get('socialWorker', '/alerts')).body, /band rose from 2 to 3/)
      assert.doesNotMatch((await get('nurse', '/alerts')).body, /Bea Ward/)

      assert.equal(
        (await get('officer', `/people/${bea}/risk/screening`)).statusCode,
        403,
        'not allocated: no full reach',
      )
      assert.equal(
        (await get('mash', `/people/${bea}/risk/screening`)).statusCode,
        200,
        'the MASH screens from its queue',
      )
      const { db } = backend().database
      const audited = await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['view_mash_queue', 'view_unanswered', 'view_risk_alerts', 'view_risk'])
        .execute()
      assert.deepEqual(
        new Set(audited.map((a) => a.action)),
        new Set(['view_mash_queue', 'view_unanswered', 'view_risk_alerts', 'view_risk']),
      )
    })

    test('the MASH queue as a triage tool: reasons in words, filters, sorting, pages and counts', async () => {
      const queue = await get('mash', '/mash')
      assert.match(queue.body, /1 child, 1 overdue/)
      assert.match(queue.body, /Showing 1 to 1 of 1\./)
      assert.doesNotMatch(
        queue.body.slice(queue.body.indexOf('<main'), queue.body.indexOf('</main>')),
        /\d{4}-\d{2}-\d{2}/,
        'no ISO dates',
      )
      assert.match(queue.body, /risk at band 3 unanswered since 14 March 2026/)
      assert.match(queue.body, /Allocated: sw/)
      assert.match(queue.body, /data-module="moj-sortable-table"/)
      assert.match(queue.body, /aria-sort="none"><a class="govuk-link" href="\/mash\?sort=name">Child/)
      const named = async (url: string) => /Bea Ward/.test((await get('mash', url)).body)
      assert.equal(await named('/mash?name=bea'), true)
      assert.equal(await named('/mash?name=cal'), false)
      assert.equal(await named('/mash?rating=red'), true)
      assert.equal(await named('/mash?rating=green'), false)
      assert.equal(await named('/mash?allocated=yes'), true)
      assert.equal(await named('/mash?allocated=no'), false)
      assert.equal(await named('/mash?overdue=yes'), true)
      assert.equal(await named('/mash?agency=police'), true)
      assert.equal(await named('/mash?agency=lscp'), false)
      assert.match((await get('mash', '/mash?agency=lscp')).body, /0 children of 1 on the queue, 0 overdue/)
      const sorted = await get('mash', '/mash?sort=name')
      assert.match(
        sorted.body,
        /aria-sort="ascending"><a class="govuk-link" href="\/mash\?sort=name&amp;order=desc">Child/,
      )
      const far = await get('mash', '/mash?page=7&rating=red')
      assert.equal(far.statusCode, 200)
      assert.match(far.body, /Showing 1 to 1 of 1\./, 'a page past the last shows the last')
      const wrong = await get('mash', '/mash?as_of=31/02/2026&rating=red')
      assert.equal(wrong.statusCode, 400)
      assert.match(wrong.body, /There is a problem/)
      assert.match(wrong.body, /value="31\/02\/2026"/, 'what was typed is kept')
      const past = await get('mash', '/mash?as_of=2026-03-19')
      assert.doesNotMatch(past.body, /Record a decision/, 'no actions on the queue as it stood')
    })

    test("the queue's actions: allocate, screen and record a MASH decision, for the MASH alone and audited", async () => {
      const mash = browsers.get('mash')!
      const queue = await mash.get('/mash')
      for (const href of [`/mash/${bea}/allocate`, `/people/${bea}/risk/screening`, `/mash/${bea}/decision`])
        assert.match(queue.body, new RegExp(`href="${href}"`))
      for (const who of ['socialWorker', 'officerManager', 'nurse', 'partnership'] as Who[]) {
        assert.equal((await get(who, `/mash/${bea}/decision`)).statusCode, 403, `${who} decides nothing for the MASH`)
        assert.equal(
          (await get(who, `/mash/${bea}/allocate`)).statusCode,
          403,
          `${who} allocates nothing from the queue`,
        )
      }
      const sw = browsers.get('socialWorker')!
      assert.equal(
        (await sw.post(`/mash/${bea}/decision`, { outcome: 'early_help', rationale: 'x' }, `/people/${bea}`))
          .statusCode,
        403,
      )
      const { db } = backend().database
      // allocate: a mistake comes back on the page, then a named professional
      const form = await mash.get(`/mash/${cal}/allocate`)
      assert.equal(form.statusCode, 200)
      assert.match(form.body, />sw \(csc\)</, 'professionals by name')
      const missing = await mash.post(
        `/mash/${cal}/allocate`,
        { user_id: '', role: 'Social worker' },
        `/mash/${cal}/allocate`,
      )
      assert.equal(missing.statusCode, 400)
      assert.match(missing.body, /There is a problem/)
      assert.match(missing.body, /Choose the professional to allocate/)
      assert.match(missing.body, /value="Social worker"/)
      const swId = (
        await db.selectFrom('users').select('id').where('email', '=', 'sw@csc.test').executeTakeFirstOrThrow()
      ).id
      const allocated = await mash.post(
        `/mash/${cal}/allocate`,
        { user_id: String(swId), role: 'Social worker' },
        `/mash/${cal}/allocate`,
      )
      assert.equal(allocated.statusCode, 302)
      assert.equal(allocated.headers.location, '/mash')
      const rows = await db.selectFrom('allocations').select('user_id').where('entity_id', '=', cal).execute()
      assert.deepEqual(
        rows.map((r) => r.user_id),
        [swId],
      )
      // a decision: outcome and rationale required, then kept and the child leaves the queue
      const url = `/mash/${bea}/decision`
      assert.equal((await mash.get(url)).statusCode, 200)
      const empty = await mash.post(url, { outcome: '', rationale: 'kept words' }, url)
      assert.equal(empty.statusCode, 400)
      assert.match(empty.body, /Choose what the MASH decided/)
      assert.match(empty.body, /kept words/)
      const noWhy = await mash.post(url, { outcome: 'strategy_discussion', rationale: ' ' }, url)
      assert.equal(noWhy.statusCode, 400)
      assert.match(noWhy.body, /Enter the rationale for the decision/)
      const done = await mash.post(
        url,
        { outcome: 'strategy_discussion', rationale: 'police and CSC to meet today' },
        url,
      )
      assert.equal(done.statusCode, 302)
      assert.doesNotMatch((await mash.get('/mash')).body, /Bea Ward/, 'the decision clears the child from the queue')
      assert.match((await mash.get('/mash?as_of=2026-03-19')).body, /Bea Ward/, 'as it stood before the decision')
      const page = await mash.get(`/people/${bea}/risk`)
      assert.match(
        page.body,
        /<strong>Strategy discussion<\/strong>, decided by mash on 20 March 2026 at midday: police and CSC to meet today/,
      )
      const audited = await db
        .selectFrom('audit_log')
        .select(['action', 'entity_id', 'reason'])
        .where('action', 'in', [
          'record_mash_decision',
          'view_mash_decision_form',
          'allocate',
          'view_mash_allocation_form',
        ])
        .execute()
      assert.deepEqual(
        new Set(audited.map((a) => a.action)),
        new Set(['record_mash_decision', 'view_mash_decision_form', 'allocate', 'view_mash_allocation_form']),
      )
      assert.equal(audited.find((a) => a.action === 'record_mash_decision')?.reason, 'police and CSC to meet today')
      assert.equal(audited.find((a) => a.action === 'allocate')?.entity_id, cal)
    })

    test("the MASH's decisions and allocations are in the child's chronology: page, CSV, PDF, as known on", async () => {
      // after the actions above: a strategy discussion about Bea and Cal allocated to sw, both at midday on 20 March
      const { db } = backend().database
      const before = await db.selectFrom('audit_log').select('id').where('action', '=', 'view_record').execute()
      for (const who of ['mash', 'socialWorker', 'officer'] as Who[]) {
        const page = await get(who, `/people/${bea}/chronology`)
        assert.equal(page.statusCode, 200, who)
        assert.match(page.body, /MASH decision<\/h3>/, `${who} sees the decision as the risk page shows it`)
        assert.match(page.body, /The MASH decided: Strategy discussion\./)
        assert.match(page.body, /police and CSC to meet today/)
        assert.match(page.body, /Recorded in Threadline 20 March 2026 at midday/)
      }
      const asKnown = await get('mash', `/people/${bea}/chronology?as_of=19/03/2026`)
      assert.equal(asKnown.statusCode, 200)
      assert.doesNotMatch(asKnown.body, /The MASH decided/, 'not yet decided as known on 19 March')
      assert.match(
        (await get('mash', `/people/${cal}/chronology`)).body,
        /The MASH allocated sw \(Children(&#39;|')s Social Care\) as Social worker\./,
      )
      // the kind filter offers both kinds and keeps to the one asked for
      const onlyMash = await get('mash', `/people/${bea}/chronology?kind=mash_decision`)
      assert.equal(onlyMash.statusCode, 200)
      assert.match(onlyMash.body, /1 record shown/)
      assert.match(onlyMash.body, /<option value="mash_allocation"[^>]*>Allocation by the MASH</)
      assert.doesNotMatch(
        (await get('mash', `/people/${bea}/chronology?kind=missing_episode`)).body,
        /The MASH decided/,
      )
      const csv = (await get('mash', `/people/${bea}/chronology.csv`)).body
      assert.match(csv, /MASH decision,.*The MASH decided: Strategy discussion\.,.*police and CSC to meet today/)
      assert.match(csv, /threadline:mash-decision-\d+/)
      assert.doesNotMatch((await get('mash', `/people/${bea}/chronology.csv?as_of=2026-03-19`)).body, /MASH decision/)
      const pdf = await wordsOf(await get('mash', `/people/${bea}/chronology.pdf`))
      assert.match(pdf, /MASH decision/)
      assert.match(pdf, /The MASH decided: Strategy discussion\./)
      // each is audited as the chronology view is
      const views = await db
        .selectFrom('audit_log')
        .select(['details'])
        .where('action', '=', 'view_record')
        .where('entity_id', '=', bea)
        .where('id', 'not in', before.length ? before.map((r) => r.id) : [0])
        .execute()
      assert.ok(views.some((v) => (v.details as { export?: string }).export === 'pdf'))
      assert.ok(views.filter((v) => (v.details as { page?: string }).page === 'chronology').length >= 8)
    })

    test('the screening form: every item decided, an override needs a reason, then signed and kept in history', async () => {
      const sw = browsers.get('socialWorker')!
      const url = `/people/${bea}/risk/screening`
      const form = await sw.get(url)
      assert.equal(form.statusCode, 200)
      for (const code of ['missing', 'gifts_money', 'sti'])
        assert.match(form.body, new RegExp(`name="decision_${code}"`))
      assert.match(form.body, /name="override_reason" rows="3" data-language-check>/, 'wording checked as it is typed')
      const decided = {
        decision_missing: 'confirmed',
        decision_gifts_money: 'confirmed',
        decision_sti: 'rejected',
        note_sti: 'treated; partner is 15',
      }
      const undecided = await sw.post(url, { decision_missing: 'confirmed' }, url)
      assert.equal(undecided.statusCode, 400)
      assert.match(undecided.body, /item &quot;gifts_money&quot; needs a decision/)
      const noReason = await sw.post(url, { ...decided, override_band: '3', override_reason: ' ' }, url)
      assert.equal(noReason.statusCode, 400)
      assert.match(noReason.body, /an override needs a written reason/)
      const signed = await sw.post(
        url,
        {
          ...decided,
          add_code_1: 'isolated',
          add_date_1: '2026-03-10',
          add_note_1: 'no friends at school, told me on a home visit',
          override_band: '4',
          override_reason: 'older man seen at the school gate by staff; not yet recorded by the police',
        },
        url,
      )
      assert.equal(signed.statusCode, 302, signed.body.slice(0, 500))
      const { db } = backend().database
      const rows = await db.selectFrom('risk_screenings').selectAll().where('entity_id', '=', bea).execute()
      assert.equal(rows.length, 1)
      assert.equal(rows[0].score, 11, 'missing 5 + gifts 5 + isolated 1; the rejected infection does not count')
      assert.equal(rows[0].band, 4)
      assert.equal(rows[0].override_band, 4)
      assert.equal(rows[0].instrument_id, 'seraf-cse')
      const page = await sw.get(`/people/${bea}/risk`)
      assert.match(page.body, /Override from 3: older man seen at the school gate/)
      assert.match(page.body, /Band 4 \(significant\)/)
      assert.match(page.body, /next due by 20 June 2026/)
      assert.match(page.body, /added: Isolated \(10 March 2026: no friends at school/)
      // Each item says why it counts, in plain words (instrument 1.2.0).
      assert.match(page.body, /A missing episode whose record does not say where the child was/)
      assert.equal(rows[0].instrument_version, serafCse.version)
      const audit = await db
        .selectFrom('audit_log')
        .select(['action', 'reason'])
        .where('action', '=', 'sign_risk_screening')
        .execute()
      assert.equal(audit.length, 1)
      assert.match(audit[0].reason ?? '', /older man/)
      const before = await sw.get(`/people/${bea}/risk?as_of=2026-03-19`)
      assert.doesNotMatch(before.body, /Override from 3/, 'as of the day before, the screening did not exist')
    })
  },
  { resetBetweenTests: false, clock },
)

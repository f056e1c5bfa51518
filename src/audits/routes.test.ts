// The audit pages on both databases: the partnership creates an audit and names an auditor, the
// auditor sees by name only the children their agency knew and sends a return pre-filled with what
// Threadline knows, the partnership records the agreed grades and reads the report; the partnership
// role never sees a child's name, id or date of birth on any audit page or download; closing ends the
// auditor's way in; a bad form is answered on its page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { importObjects, seedArea, type SeededUsers } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { addAgency } from '../agencies/agencies.ts'
import type { Db } from '../db/database.ts'
import { cohortOf, saveAgreement } from './store.ts'
import { auditArea, FAMILY } from './test-fixtures.ts'

const clock = new TestClock('2026-07-01T12:00:00')

const NEW_AUDIT = {
  theme: "NFA decisions after another agency's concern",
  criteria: 'nfa_after_concern',
  'from-day': '1',
  'from-month': '4',
  'from-year': '2026',
  'to-day': '30',
  'to-month': '4',
  'to-year': '2026',
  sample_size: '12',
  stratify_by: 'none',
  seed: 'board-july',
  'closes-day': '30',
  'closes-month': '9',
  'closes-year': '2026',
}

const RETURN = {
  answer_recognised_when: 'Recognised late: the first concern was not followed up.',
  answer_assessment_quality: 'The assessment did not use what social care knew.',
  answer_plan_followed: 'No plan.',
  answer_shared: 'Not shared in time.',
  answer_heard: 'Her words are not recorded.',
  answer_difference: 'Little.',
  grade_recognition: 'requires_improvement',
  grade_assessment: 'inadequate',
  grade_planning: 'inadequate',
  grade_joint_working: 'requires_improvement',
  grade_voice: 'inadequate',
  grade_impact: 'requires_improvement',
  good_practice: 'The school nurse saw her weekly.',
  should_have_happened: 'A strategy discussion after the first concern.',
}

const AGREED = {
  grade_recognition: 'requires_improvement',
  grade_assessment: 'inadequate',
  grade_planning: 'inadequate',
  grade_joint_working: 'requires_improvement',
  grade_voice: 'inadequate',
  grade_impact: 'good',
  findings: 'Child 1: the police decided no further action without asking social care.',
}

/** Nothing that identifies a child: no name, no person id or link, no date of birth. */
function assertAnonymous(body: string, ids: readonly number[], where: string) {
  assert.doesNotMatch(body, new RegExp(`${FAMILY}|Ada|Bree|Cara|/people/|2011-05-05|AP-\\d|AC-\\d`), where)
  for (const id of ids) assert.doesNotMatch(body, new RegExp(`/people/${id}\\b|child(_id)?[=:" ]+${id}\\b`), where)
}

forEachDatabase(
  'the audit pages',
  (backend) => {
    let app: FastifyInstance
    let db: Db
    let users: SeededUsers
    let chair: Browser
    let nurse: Browser
    let officer: Browser
    let auditId: number
    let ids: number[] = []

    before(async () => {
      db = backend().database.db
      ;({ users } = await seedArea(db))
      await addAgency(db, { code: 'cps', name: 'Crown Prosecution Service', kind: 'prosecutor' })
      await importObjects(db, auditArea(), new Date('2026-06-01T00:00:00Z'))
      app = await testApp(backend().database)
      chair = await new Browser(app).signIn('chair@lscp.test')
      nurse = await new Browser(app).signIn('nurse@health.test')
      officer = await new Browser(app).signIn('officer@police.test')
    })
    after(async () => app?.close())

    test('a form with mistakes comes back with each named', async () => {
      const res = await chair.post(
        '/audits',
        { ...NEW_AUDIT, theme: '', sample_size: '0', 'to-day': '1', 'to-month': '3' },
        '/audits/new',
      )
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /Enter the theme of the audit/)
      assert.match(res.body, /a whole number from 1 to 50/)
      assert.match(res.body, /on or after its first day/)
      // only the partnership creates audits
      assert.equal((await officer.get('/audits/new')).statusCode, 403)
      assert.equal((await officer.post('/audits', NEW_AUDIT, '/audits')).statusCode, 403)
    })

    test('the partnership creates an audit and names an auditor, seeing children only as Child 1..n', async () => {
      const res = await chair.post('/audits', NEW_AUDIT, '/audits/new')
      assert.equal(res.statusCode, 302, res.body)
      auditId = Number(/\/audits\/(\d+)$/.exec(String(res.headers.location))?.[1])
      ids = (await cohortOf(db, auditId)).map((c) => c.childId)
      assert.equal(ids.length, 12)
      const page = await chair.get(`/audits/${auditId}`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Child 1\b/)
      assert.match(page.body, /Child 12\b/)
      assertAnonymous(page.body, ids, 'the audit page')
      const named = await chair.post(
        `/audits/${auditId}/auditors`,
        { auditor: String(users.nurse) },
        `/audits/${auditId}`,
      )
      assert.equal(named.statusCode, 302, named.body)
      const after = await chair.get(`/audits/${auditId}`)
      assert.match(after.body, /nurse, Rochdale Health/)
      assertAnonymous(after.body, ids, 'the audit page with its auditor')
      assertAnonymous((await chair.get('/audits')).body, ids, 'the list')
      // the partnership cannot open a child's return or record
      assert.equal((await chair.get(`/audits/${auditId}/children/1/return`)).statusCode, 403)
      assert.equal((await chair.get(`/people/${ids[0]}`)).statusCode, 403)
    })

    test('the auditor sees the children their agency knew by name, and sends a pre-filled return', async () => {
      const cohort = await cohortOf(db, auditId)
      const mine = cohort.filter((c) => c.agencies.includes('health'))
      assert.equal(mine.length, 4)
      const page = await nurse.get(`/audits/${auditId}`)
      assert.equal(page.statusCode, 200)
      assert.equal([...page.body.matchAll(new RegExp(`${FAMILY}</a>`, 'g'))].length, 4)
      for (const c of mine)
        assert.match(page.body, new RegExp(`href="/audits/${auditId}/children/${c.position}/return"`))
      const ada = mine[0]
      const form = await nurse.get(`/audits/${auditId}/children/${ada.position}/return`)
      assert.equal(form.statusCode, 200)
      assert.match(form.body, /What Threadline already knows/)
      assert.match(form.body, /Decision: no further action/)
      // a child health never knew is not for the nurse
      const other = cohort.find((c) => !c.agencies.includes('health'))!
      assert.equal((await nurse.get(`/audits/${auditId}/children/${other.position}/return`)).statusCode, 403)
      // a return without its grades comes back
      const bad = await nurse.post(
        `/audits/${auditId}/children/${ada.position}/return`,
        { ...RETURN, grade_voice: '' },
        `/audits/${auditId}`,
      )
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /Choose your grade for the child&#39;s voice|Choose your grade for the child's voice/)
      const sent = await nurse.post(`/audits/${auditId}/children/${ada.position}/return`, RETURN, `/audits/${auditId}`)
      assert.equal(sent.statusCode, 302, sent.body)
      const row = await db
        .selectFrom('case_audit_returns')
        .select(['tool_version', 'agency_code', 'prefill'])
        .where('audit_id', '=', auditId)
        .executeTakeFirstOrThrow()
      assert.equal(row.tool_version, '1.0.0')
      assert.equal(row.agency_code, 'health')
      assert.ok(JSON.stringify(row.prefill).includes('no further action'))
      // an officer not named sees nothing of the audit
      assert.equal((await officer.get(`/audits/${auditId}`)).statusCode, 403)
      assert.doesNotMatch((await officer.get('/audits')).body, /board-july|NFA decisions/)
    })

    test('the partnership records the agreed grades and reads the report, with no child identifiable', async () => {
      const cohort = await cohortOf(db, auditId)
      const ada = cohort.find((c) => c.agencies.includes('health'))!
      const discussion = await chair.get(`/audits/${auditId}/discussion/${ada.position}`)
      assert.equal(discussion.statusCode, 200)
      assert.match(discussion.body, /Rochdale Health/)
      assert.match(discussion.body, /Requires improvement/)
      assertAnonymous(discussion.body, ids, 'the discussion')
      const saved = await chair.post(`/audits/${auditId}/discussion/${ada.position}`, AGREED, `/audits/${auditId}`)
      assert.equal(saved.statusCode, 302, saved.body)
      const theme = await chair.post(
        `/audits/${auditId}/discussion/theme`,
        {
          ...AGREED,
          findings: 'Decisions of no further action are not discussed with the agency that raised the concern.',
        },
        `/audits/${auditId}`,
      )
      assert.equal(theme.statusCode, 302, theme.body)
      assertAnonymous((await chair.get(`/audits/${auditId}/discussion/theme`)).body, ids, 'the theme discussion')
      // a finding becomes an action working together tracks: on its owner's work, overdue from its due day
      const noTitle = await chair.post(
        `/audits/${auditId}/discussion/${ada.position}/actions`,
        { title: '', owner: String(users.officer), 'due-day': '31', 'due-month': '8', 'due-year': '2026' },
        `/audits/${auditId}`,
      )
      assert.equal(noTitle.statusCode, 400)
      assert.match(noTitle.body, /Enter what is to be done/)
      const added = await chair.post(
        `/audits/${auditId}/discussion/${ada.position}/actions`,
        {
          title: 'Police to consult social care before any NFA on a child with a concern',
          owner: String(users.officer),
          'due-day': '31',
          'due-month': '8',
          'due-year': '2026',
        },
        `/audits/${auditId}`,
      )
      assert.equal(added.statusCode, 302, added.body)
      const action = await db
        .selectFrom('wt_actions')
        .select(['entity_id', 'owner_user_id', 'owner_agency', 'due_date', 'audit_id'])
        .where('audit_id', '=', auditId)
        .executeTakeFirstOrThrow()
      assert.deepEqual(action, {
        entity_id: ada.childId,
        owner_user_id: users.officer,
        owner_agency: 'police',
        due_date: '2026-08-31',
        audit_id: auditId,
      })
      assert.match((await officer.get('/my-work')).body, /Police to consult social care before any NFA/)
      assert.match((await chair.get(`/audits/${auditId}/discussion/${ada.position}`)).body, /Open<\/td>/)
      const report = await chair.get(`/audits/${auditId}/report`)
      assert.match(report.body, /Action: Police to consult social care before any NFA[^<]*by 2026-08-31: open/)
      assert.equal(report.statusCode, 200)
      assert.match(report.body, new RegExp(`Child ${ada.position}</h3>`))
      assert.match(report.body, /Decisions of no further action are not discussed/)
      assertAnonymous(report.body, ids, 'the report')
      const csv = await chair.get(`/audits/${auditId}/report.csv`)
      assert.equal(csv.statusCode, 200)
      assert.match(String(csv.headers['content-type']), /text\/csv/)
      const lines = csv.body.trim().split(/\r?\n/)
      assert.equal(
        lines[0],
        'audit,theme,child,agencies_invited,returns_received,recognition,assessment,planning,joint_working,voice,impact,findings',
      )
      assert.equal(lines.length, 1 + 12 + 1)
      assert.ok(
        lines.some(
          (l) => l.includes(`Child ${ada.position},`) && l.includes('Rochdale Health') && l.includes('Inadequate'),
        ),
      )
      assert.ok(lines.at(-1)!.includes(',Theme,'))
      assertAnonymous(csv.body, ids, 'the CSV')
    })

    test('a finding about the theme becomes an action with no child: its owner marks it done with evidence, the report shows it', async () => {
      const title = 'Police and social care to agree a protocol for NFA decisions after a concern'
      const added = await chair.post(
        `/audits/${auditId}/discussion/theme/actions`,
        { title, owner: String(users.officer), 'due-day': '30', 'due-month': '6', 'due-year': '2026' },
        `/audits/${auditId}/discussion/theme`,
      )
      assert.equal(added.statusCode, 302, added.body)
      const row = await db
        .selectFrom('wt_actions')
        .select(['id', 'entity_id', 'owner_user_id', 'owner_agency', 'due_date'])
        .where('audit_id', '=', auditId)
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
      assert.deepEqual(
        { ...row, id: 0 },
        { id: 0, entity_id: null, owner_user_id: users.officer, owner_agency: 'police', due_date: '2026-06-30' },
      )
      const logged = await db
        .selectFrom('audit_log')
        .select(['entity_id', 'details'])
        .where('action', '=', 'add_audit_action')
        .where('entity_id', 'is', null)
        .execute()
      assert.ok(logged.some((l) => (l.details as { position?: number }).position === 0))
      // the theme discussion lists it, overdue (due the day before the clock's), linked to its page
      const theme = await chair.get(`/audits/${auditId}/discussion/theme`)
      assert.match(theme.body, new RegExp(`href="/audits/${auditId}/actions/${row.id}">${title}`))
      assert.match(theme.body, /Overdue<\/td>/)
      // no child's record or work list carries it; its owner finds it on the case audits page
      assert.doesNotMatch((await officer.get('/my-work')).body, /agree a protocol/)
      const list = await officer.get('/audits')
      assert.match(list.body, /Actions from audits’ findings about their theme/)
      assert.match(list.body, new RegExp(`href="/audits/${auditId}/actions/${row.id}"`))
      // someone else's action is not theirs to see; the nurse gets no page
      assert.equal((await nurse.get(`/audits/${auditId}/actions/${row.id}`)).statusCode, 404)
      const page = `/audits/${auditId}/actions/${row.id}`
      const noEvidence = await officer.post(
        `${page}/done`,
        { 'done-day': '1', 'done-month': '7', 'done-year': '2026', evidence: '' },
        page,
      )
      assert.equal(noEvidence.statusCode, 400)
      assert.match(noEvidence.body, /Enter the evidence that it was done/)
      const done = await officer.post(
        `${page}/done`,
        { 'done-day': '1', 'done-month': '7', 'done-year': '2026', evidence: 'Protocol ref LSCP-2026-07 signed' },
        page,
      )
      assert.equal(done.statusCode, 302, done.body)
      assert.match((await officer.get(page)).body, /Done, .*Protocol ref LSCP-2026-07 signed/)
      assert.doesNotMatch((await officer.get('/audits')).body, /agree a protocol/, 'done: no longer waiting')
      const report = await chair.get(`/audits/${auditId}/report`)
      assert.match(report.body, /Actions from the findings about the theme/)
      assert.match(report.body, new RegExp(`${title}</td>.*Done: Protocol ref LSCP-2026-07 signed`, 's'))
      assertAnonymous(report.body, ids, 'the report with the theme’s actions')
      // the children's actions lists are as they were: working together reads only a child's
      assert.equal((await chair.get(page)).statusCode, 200, 'the partnership sees it')
    })

    test('text the board reads is refused when it names a child of the cohort, whatever the case; the report removes any that got in', async () => {
      const cohort = await cohortOf(db, auditId)
      const ada = cohort.find((c) => c.agencies.includes('health'))!
      const given = (
        await db
          .selectFrom('person_versions as p')
          .innerJoin('entity_links as l', (j) =>
            j.onRef('l.agency_code', '=', 'p.agency_code').onRef('l.source_id', '=', 'p.source_id'),
          )
          .select('p.given_name')
          .where('l.entity_id', '=', ada.childId)
          .executeTakeFirstOrThrow()
      ).given_name!
      const before = await db.selectFrom('audit_log').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      for (const findings of [
        `${given.toLowerCase()}'s mother was never asked.`,
        `Seen with ${FAMILY.toUpperCase()} cousins.`,
        'The police record AP-3 was not shared.',
      ]) {
        const refused = await chair.post(
          `/audits/${auditId}/discussion/${ada.position}`,
          { ...AGREED, findings },
          `/audits/${auditId}`,
        )
        assert.equal(refused.statusCode, 400, findings)
        assert.match(refused.body, /href="#findings">Findings: the partnership board reads this text/)
        assert.match(refused.body, /names or identifies a child in this audit/)
      }
      // the theme's findings and an action's title are checked too
      const theme = await chair.post(
        `/audits/${auditId}/discussion/theme`,
        { ...AGREED, findings: `Children like ${given} were not heard.` },
        `/audits/${auditId}`,
      )
      assert.equal(theme.statusCode, 400)
      const action = await chair.post(
        `/audits/${auditId}/discussion/theme/actions`,
        {
          title: `Review ${given}'s plan`,
          owner: String(users.officer),
          'due-day': '1',
          'due-month': '9',
          'due-year': '2026',
        },
        `/audits/${auditId}/discussion/theme`,
      )
      assert.equal(action.statusCode, 400)
      assert.match(action.body, /Action: the partnership board reads this text/)
      // nothing was saved, and the name went into no audit entry
      const entries = await db.selectFrom('audit_log').select('details').execute()
      assert.ok(entries.length >= Number(before.n))
      for (const e of entries) assert.doesNotMatch(JSON.stringify(e.details), new RegExp(`${given}'s|cousins`, 'i'))
      // a word that only contains the name is not it
      const fine = await chair.post(
        `/audits/${auditId}/discussion/${ada.position}`,
        { ...AGREED, findings: `Child ${ada.position}: ${given}line checks were late.` },
        `/audits/${auditId}`,
      )
      assert.equal(fine.statusCode, 302)
      // the second guard: text saved some other way is shown to the board without the name
      await saveAgreement(
        db,
        { kind: 'system', name: 'test' },
        auditId,
        users.partnership,
        { position: ada.position, childId: ada.childId, grades: {}, findings: `${given}’s voice was missing.` },
        clock.now(),
      )
      const report = await chair.get(`/audits/${auditId}/report`)
      assert.match(report.body, /\[removed\]’s voice was missing/)
      assertAnonymous(report.body, ids, 'the redacted report')
      assert.match((await chair.get(`/audits/${auditId}/report.csv`)).body, /\[removed\]’s voice was missing/)
    })

    test('the partnership adds a criterion version on its page, audited; an audit keeps the version it drew with', async () => {
      // only the role that runs the programme sees and changes the criteria
      assert.equal((await nurse.get('/audits/criteria')).statusCode, 403)
      const v2 = {
        name: 'nfa_after_concern',
        version: 2,
        title: "No further action soon after another agency's concern",
        description: 'An NFA decision in the period within 30 days of a different agency raising a concern.',
        conditions: [{ type: 'nfa_after_concern', within_days: 30 }],
      }
      const refusedRole = await nurse.post('/audits/criteria', { definition: JSON.stringify(v2) }, '/audits')
      assert.equal(refusedRole.statusCode, 403)
      const listed = await chair.get('/audits/criteria')
      assert.equal(listed.statusCode, 200)
      assert.match(listed.body, /Children missing with a risk of exploitation, version 1/)
      // a bad definition comes back on the page naming the field and what was expected
      const bad = await chair.post(
        '/audits/criteria',
        { definition: JSON.stringify({ ...v2, conditions: [{ type: 'nfa_after_concern', within_days: -1 }] }) },
        '/audits/criteria',
      )
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /conditions\[0\]\.within_days: expected a whole number from 0 to 3650/)
      const notJson = await chair.post('/audits/criteria', { definition: '{ name: ' }, '/audits/criteria')
      assert.equal(notJson.statusCode, 400)
      assert.match(notJson.body, /The definition is not JSON/)
      const added = await chair.post('/audits/criteria', { definition: JSON.stringify(v2) }, '/audits/criteria')
      assert.equal(added.statusCode, 302, added.body)
      const entry = await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'add_audit_criterion')
        .executeTakeFirstOrThrow()
      assert.deepEqual(entry.details, { name: 'nfa_after_concern', version: 2 })
      // the same version again is refused on the page
      const again = await chair.post('/audits/criteria', { definition: JSON.stringify(v2) }, '/audits/criteria')
      assert.equal(again.statusCode, 400)
      assert.match(again.body, /has version 2 already/)
      // the creation page offers the newest version with its description
      const form = await chair.get('/audits/new')
      assert.match(form.body, /No further action soon after another agency&#39;s concern/)
      assert.match(form.body, /within 30 days of a different agency raising a concern. \(version 2\)/)
      // the audit drawn before keeps showing version 1
      const before = await chair.get(`/audits/${auditId}`)
      assert.match(before.body, /No further action after another agency&#39;s concern \(version 1\)/)
      // a new audit records version 2: every child's concern came a month before their NFA, so none is drawn
      const res = await chair.post('/audits', { ...NEW_AUDIT, seed: 'v2' }, '/audits/new')
      assert.equal(res.statusCode, 302, res.body)
      const newer = Number(/\/audits\/(\d+)$/.exec(String(res.headers.location))?.[1])
      const row = await db
        .selectFrom('case_audits')
        .select('criteria_version')
        .where('id', '=', newer)
        .executeTakeFirstOrThrow()
      assert.equal(row.criteria_version, 2)
      assert.equal((await cohortOf(db, newer)).length, 0)
      assert.match((await chair.get(`/audits/${newer}`)).body, /\(version 2\)/)
      assert.match((await chair.get(`/audits/${newer}/report`)).body, /criterion version 2/)
    })

    test('closing the audit ends the auditor’s access and the forms', async () => {
      const ada = (await cohortOf(db, auditId)).find((c) => c.agencies.includes('health'))!
      assert.equal((await nurse.get(`/people/${ada.childId}`)).statusCode, 200)
      const closed = await chair.post(`/audits/${auditId}/close`, {}, `/audits/${auditId}`)
      assert.equal(closed.statusCode, 302)
      assert.equal((await nurse.get(`/audits/${auditId}/children/${ada.position}/return`)).statusCode, 403)
      const page = await nurse.get(`/audits/${auditId}`)
      assert.equal(page.statusCode, 200)
      assert.doesNotMatch(page.body, new RegExp(FAMILY), 'no name once the grant has ended')
      assert.equal((await chair.get(`/audits/${auditId}/discussion/1`)).statusCode, 403)
      assert.equal((await chair.get(`/audits/${auditId}/report`)).statusCode, 200)
      // the nurse's view of the record, before the close, was recorded against the audit
      const views = await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'view_record')
        .where('entity_id', '=', ada.childId)
        .execute()
      assert.ok(views.some((v) => (v.details as { audit_id?: number }).audit_id === auditId))
    })
  },
  { clock, resetBetweenTests: false },
)

// An action's history on both databases (decision 0045): every change is a version with who and when,
// never changed after (the table refuses it); the actions read as they stood at a moment (status, owner,
// due date, evidence, overdue then); a reopened action and a moved due date need their reason; the
// partnership alone escalates beyond the agency's lead; the action's page shows its history; and a
// self-assessment keeps the standards version it was made against after a newer one is added.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { TestClock } from '../testing/clock.ts'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { isOverdue } from './actions.ts'
import { addRecommendation, createReview } from './store.ts'
import {
  PlanRefused,
  actionHistory,
  addPlanAction,
  escalatePlanAction,
  planActions,
  planActionsAt,
  reassignPlanAction,
  updatePlanAction,
} from './store-actions.ts'
import { recordSelfAssessment, selfAssessment } from './store-self-assessments.ts'
import { StandardSetRefused, addStandardSet, currentStandardSet, standardSets } from './store-standards.ts'
import { SECTION_11_V1 } from './standards.ts'

const clock = new TestClock('2026-12-21T10:00:00')
const at = (iso: string) => new Date(iso)
const endOf = (day: string) => new Date(`${day}T23:59:59Z`)

forEachDatabase(
  'review actions keep their history',
  (backend) => {
    let app: FastifyInstance
    let users: Awaited<ReturnType<typeof seedArea>>['users']
    let first: number
    let second: number
    before(async () => {
      const { db } = backend().database
      users = (await seedArea(db)).users
      const review = await createReview(
        db,
        TEST_ACTOR,
        users.partnership,
        { kind: 'rapid_review', title: 'Rapid review: Child Q', pseudonym: 'Child Q', incidentKnownOn: '2026-12-01' },
        at('2026-12-01T10:00:00Z'),
      )
      const rec = await addRecommendation(
        db,
        TEST_ACTOR,
        users.partnership,
        review,
        { text: 'Brief officers', agencies: ['police'] },
        at('2026-12-01T10:00:00Z'),
      )
      const plan = { for: { recommendationId: rec }, agency: 'police' }
      first = await addPlanAction(
        db,
        TEST_ACTOR,
        users.officerManager,
        { ...plan, text: 'Brief the unit', ownerId: users.officer, dueOn: '2026-12-10' },
        at('2026-12-02T10:00:00Z'),
      )
      second = await addPlanAction(
        db,
        TEST_ACTOR,
        users.officerManager,
        { ...plan, text: 'Audit the referrals', ownerId: users.officer, dueOn: '2026-12-09' },
        at('2026-12-02T11:00:00Z'),
      )
      app = await testApp(backend().database)
    })
    after(async () => app?.close())

    test('each change is a version, and the actions read as they stood at a moment', async () => {
      const { db } = backend().database
      await assert.rejects(
        reassignPlanAction(
          db,
          TEST_ACTOR,
          users.officerManager,
          first,
          1,
          { ownerId: users.officerManager, dueOn: '2026-12-20', reason: null },
          at('2026-12-08T09:00:00Z'),
        ),
        (e: unknown) => e instanceof PlanRefused && /why the due date/.test(e.message),
      )
      assert.deepEqual(
        await reassignPlanAction(
          db,
          TEST_ACTOR,
          users.officerManager,
          first,
          1,
          { ownerId: users.officerManager, dueOn: '2026-12-20', reason: 'The unit is on nights until the 14th' },
          at('2026-12-08T09:00:00Z'),
        ),
        ['owner_changed', 'due_changed'],
      )
      await escalatePlanAction(
        db,
        TEST_ACTOR,
        users.partnership,
        second,
        1,
        'To the police’s strategic lead at the executive',
        at('2026-12-12T09:00:00Z'),
      )
      const done = { status: 'done' as const, evidenceKind: 'document' as const, evidence: 'Briefing note BN-4' }
      assert.deepEqual(
        await updatePlanAction(
          db,
          TEST_ACTOR,
          users.officerManager,
          first,
          2,
          { ...done, doneOn: '2026-12-15' },
          at('2026-12-15T12:00:00Z'),
        ),
        ['done'],
      )
      const reopen = { status: 'in_progress' as const, evidenceKind: null, evidence: null, doneOn: null }
      await assert.rejects(
        updatePlanAction(db, TEST_ACTOR, users.officerManager, first, 3, reopen, at('2026-12-16T12:00:00Z')),
        (e: unknown) => e instanceof PlanRefused && /reopened/.test(e.message),
      )
      assert.deepEqual(
        await updatePlanAction(
          db,
          TEST_ACTOR,
          users.officerManager,
          first,
          3,
          { ...reopen, reason: 'The briefing missed the response teams' },
          at('2026-12-16T12:00:00Z'),
        ),
        ['reopened'],
      )

      const history = await actionHistory(db, first)
      assert.deepEqual(
        history.map((v) => [v.version, v.changes, v.status, v.ownerName, v.dueOn, v.evidence, v.recordedBy]),
        [
          [1, ['created'], 'not_started', 'officer', '2026-12-10', null, 'manager'],
          [2, ['owner_changed', 'due_changed'], 'not_started', 'manager', '2026-12-20', null, 'manager'],
          [3, ['done'], 'done', 'manager', '2026-12-20', 'Briefing note BN-4', 'manager'],
          [4, ['reopened'], 'in_progress', 'manager', '2026-12-20', null, 'manager'],
        ],
      )
      assert.equal(history[3].note, 'The briefing missed the response teams')
      assert.deepEqual(
        (await actionHistory(db, second)).map((v) => [v.changes, v.note, v.recordedBy]),
        [
          [['created'], null, 'manager'],
          [['escalated'], 'To the police’s strategic lead at the executive', 'chair'],
        ],
      )

      const asAt = async (day: string) =>
        Object.fromEntries(
          (await planActionsAt(db, endOf(day))).map((a) => [
            a.text,
            [a.status, a.ownerName, a.dueOn, a.evidence, isOverdue(a, endOf(day))],
          ]),
        )
      assert.deepEqual(await asAt('2026-12-01'), {}, 'nothing was added yet')
      assert.deepEqual(await asAt('2026-12-07'), {
        'Audit the referrals': ['not_started', 'officer', '2026-12-09', null, false],
        'Brief the unit': ['not_started', 'officer', '2026-12-10', null, false],
      })
      // the 11th: the first's due date had moved on the 8th; the second was overdue
      assert.deepEqual(await asAt('2026-12-11'), {
        'Audit the referrals': ['not_started', 'officer', '2026-12-09', null, true],
        'Brief the unit': ['not_started', 'manager', '2026-12-20', null, false],
      })
      assert.deepEqual((await asAt('2026-12-15'))['Brief the unit'], [
        'done',
        'manager',
        '2026-12-20',
        'Briefing note BN-4',
        false,
      ])
      // today's answer is the action as it stands
      const nowRead = (await planActions(db)).map((a) => [a.text, a.status, a.version])
      const nowAsOf = (await planActionsAt(db, at('2026-12-21T10:00:00Z'))).map((a) => [a.text, a.status, a.version])
      assert.deepEqual(nowAsOf, nowRead)
    })

    test('the history is append-only in the database', async () => {
      const { db } = backend().database
      await assert.rejects(
        sql`update plan_action_versions set note = 'rewritten' where action_id = ${first}`.execute(db),
        /append-only/,
      )
      await assert.rejects(sql`delete from plan_action_versions where action_id = ${first}`.execute(db), /append-only/)
    })

    test('the action page shows the history, and who may change what', async () => {
      const manager = await new Browser(app).signIn('manager@police.test')
      const chair = await new Browser(app).signIn('chair@lscp.test')
      const officer = await new Browser(app).signIn('officer@police.test')
      const page = await chair.get(`/plan-actions/${second}`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /id="action-history"/)
      assert.match(page.body, /Escalated<br><span class="govuk-body-s">To the police’s strategic lead/)
      assert.match(page.body, /Overdue: not done by the end of 2026-12-09, escalated to manager/)
      assert.match(page.body, /Record the escalation/)
      assert.doesNotMatch(page.body, /Change the owner or due date/)
      const mine = await manager.get(`/plan-actions/${first}`)
      assert.match(mine.body, /Reopened<br><span class="govuk-body-s">The briefing missed the response teams/)
      assert.match(mine.body, /Change the owner or due date/)
      assert.doesNotMatch(mine.body, /Record the escalation/)
      assert.doesNotMatch((await officer.get(`/plan-actions/${first}`)).body, /Change the owner or due date/)

      const version = (await planActions(backend().database.db, { id: first }))[0].version
      const noReason = await manager.post(
        `/plan-actions/${first}/owner`,
        {
          version: String(version),
          owner_id: String(users.officer),
          'due_on-day': '24',
          'due_on-month': '12',
          'due_on-year': '2026',
          change_reason: '',
        },
        `/plan-actions/${first}`,
      )
      assert.equal(noReason.statusCode, 400)
      assert.match(noReason.body, /Say why the due date is changed/)
      const moved = await manager.post(
        `/plan-actions/${first}/owner`,
        {
          version: String(version),
          owner_id: String(users.officer),
          'due_on-day': '24',
          'due_on-month': '12',
          'due_on-year': '2026',
          change_reason: 'Waiting for the new training slot',
        },
        `/plan-actions/${first}`,
      )
      assert.equal(moved.statusCode, 302, moved.body)
      const last = (await actionHistory(backend().database.db, first)).at(-1)!
      assert.deepEqual(
        [last.changes, last.ownerName, last.dueOn],
        [['owner_changed', 'due_changed'], 'officer', '2026-12-24'],
      )
      assert.equal(
        (await officer.post(`/plan-actions/${first}/owner`, { version: '1' }, `/plan-actions/${first}`)).statusCode,
        403,
      )
      assert.equal(
        (
          await manager.post(
            `/plan-actions/${second}/escalations`,
            { version: '2', escalation: 'x' },
            `/plan-actions/${second}`,
          )
        ).statusCode,
        403,
      )
      const audited = await backend()
        .database.db.selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['plan_action_reassigned', 'plan_action_escalated'])
        .execute()
      assert.deepEqual(audited.map((a) => a.action).sort(), [
        'plan_action_escalated',
        'plan_action_reassigned',
        'plan_action_reassigned',
      ])
    })

    test('a self-assessment keeps the standards it was made against', async () => {
      const { db } = backend().database
      const ratings = Object.fromEntries(SECTION_11_V1.standards.map((s) => [s.id, 'met' as const]))
      const old = await recordSelfAssessment(
        db,
        TEST_ACTOR,
        users.officerManager,
        { kind: 'section_11', agency: 'police', period: '2026 to 2027', ratings },
        at('2026-12-03T10:00:00Z'),
      )
      assert.equal((await selfAssessment(db, old)).standardsVersion, 1)
      await assert.rejects(
        addStandardSet(db, TEST_ACTOR, null, { ...SECTION_11_V1, version: 3 }, at('2026-12-04T10:00:00Z')),
        (e: unknown) =>
          e instanceof StandardSetRefused && e.problems.some((p) => p.field === 'version' && /^2,/.test(p.expected)),
      )
      await addStandardSet(
        db,
        TEST_ACTOR,
        null,
        {
          ...SECTION_11_V1,
          version: 2,
          standards: [...SECTION_11_V1.standards, { id: 'online', text: 'Online safety' }],
        },
        at('2026-12-04T10:00:00Z'),
      )
      assert.equal((await currentStandardSet(db, 'section_11')).version, 2)
      assert.equal((await selfAssessment(db, old)).standardsVersion, 1, 'still the version it was made against')
      const sets = await standardSets(db)
      assert.deepEqual(
        sets.map((s) => [s.kind, s.version, s.inUse, s.assessments]),
        [
          ['section_11', 2, true, 0],
          ['section_11', 1, false, 1],
          ['section_175', 1, true, 0],
        ],
      )
      const page = await (await new Browser(app).signIn('manager@police.test')).get(`/self-assessments/${old}`)
      assert.match(page.body, /Made against the section 11 standards, version 1/)
      assert.doesNotMatch(page.body, /Online safety/)
      const standards = await (await new Browser(app).signIn('admin@csc.test')).get('/self-assessments/standards')
      assert.equal(standards.statusCode, 200)
      assert.match(standards.body, /Section 11 \(Children Act 2004\), version 2 <strong[^>]*>In use/)
      assert.match(standards.body, /Online safety/)
      assert.match(standards.body, /threadline reviews standards add FILE/)
    })
  },
  { clock, resetBetweenTests: false },
)

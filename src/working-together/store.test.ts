// Working together end to end on both databases: a decision not to charge challenged and moved up
// through every stage by deadlines passing, a strategy discussion whose actions go overdue,
// supervision that lapses (ASYE and standard), an unqualified assignment refused then overridden,
// and the command line's rows as of several dates.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { parse } from 'csv-parse/sync'
import { forEachDatabase } from '../testing/backends.ts'
import { TEST_ACTOR } from '../testing/seed.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { formatRows } from '../cli/output.ts'
import { seedWorkingArea, type WorkingArea } from '../testing/working-together-area.ts'
import {
  ACTION_COLUMNS,
  CHALLENGE_COLUMNS,
  DECISION_COLUMNS,
  SUPERVISION_COLUMNS,
  actionRows,
  challengeRows,
  decisionRows,
  supervisionRows,
} from './listings.ts'
import { raiseChallenge, noteChallenge, challengesAt, ChallengeError } from './store-challenges.ts'
import { recordMeeting, completeAction, meetingsAt } from './store-meetings.ts'
import { recordSupervision } from './store-supervision.ts'
import {
  addCompetency,
  assignTask,
  assignmentsAt,
  candidatesFor,
  setWorkerSettings,
  OverrideNeeded,
} from './store-competencies.ts'
import { recordDecision, decisionsAt, DecisionError } from './store-decisions.ts'

const day = (d: string) => endOfDayLondon(d)!
const at = (iso: string) => new Date(iso)
const csv = (columns: readonly string[], rows: object[]) =>
  parse(formatRows(columns, rows, 'csv'), { columns: true }) as Record<string, string>[]

forEachDatabase(
  'working together, stored and listed',
  (backend) => {
    let area: WorkingArea
    const db = () => backend().database.db

    before(async () => {
      area = await seedWorkingArea(db())
    })

    test('a decision not to charge is challenged and moves up every stage as deadlines pass', async () => {
      const { amy, users } = area
      // imported, never copied: the decision comes from the charging_decision event
      const before = csv(DECISION_COLUMNS, await decisionRows(db(), day('2009-05-31')))
      assert.equal(before.length, 0)
      const decisions = csv(DECISION_COLUMNS, await decisionRows(db(), day('2009-06-01'), { challengeable: true }))
      assert.equal(decisions.length, 1)
      assert.deepEqual(
        {
          id: decisions[0].decision_id,
          child: decisions[0].child_id,
          kind: decisions[0].kind,
          outcome: decisions[0].outcome,
          source: decisions[0].source_record,
          challengeable: decisions[0].challengeable,
          status: decisions[0].challenge_status,
        },
        {
          id: 'cps:CD-1',
          child: String(amy),
          kind: 'charging_decision',
          outcome: 'no_further_action',
          source: 'cps:CD-1',
          challengeable: 'true',
          status: '',
        },
      )
      assert.ok(decisions[0].source_records.split(';').includes('cps:CPS-9'))
      const [stored] = await decisionsAt(db(), day('2009-06-01'), [amy])
      assert.ok(stored.prompt.promptAgencies.includes('police') && stored.prompt.promptAgencies.includes('csc'))
      assert.ok(!stored.prompt.promptAgencies.includes('cps'), 'the deciding agency is not asked whether it agrees')

      await assert.rejects(
        raiseChallenge(
          db(),
          TEST_ACTOR,
          {
            childId: amy,
            decisionId: 'cps:CD-1',
            raisedBy: users.officer,
            againstAgency: 'csc',
            subject: 'prosecutor_decision',
            summary: 'x',
          },
          at('2009-06-02T09:00:00Z'),
        ),
        ChallengeError,
      )
      const id = await raiseChallenge(
        db(),
        TEST_ACTOR,
        {
          childId: amy,
          decisionId: 'cps:CD-1',
          raisedBy: users.officer,
          againstAgency: 'cps',
          subject: 'prosecutor_decision',
          summary: "Amy's account is consistent with the other victims'",
        },
        at('2009-06-02T09:00:00Z'),
      )

      // Tuesday 2 June: 2 working days for practitioners -> end of Thursday 4 June
      const expected = [
        { asOf: '2009-06-02', stage: '1', owner: 'lawyer@cps.test', due: '2009-06-05T00:00:00+01:00' },
        { asOf: '2009-06-04', stage: '1', owner: 'lawyer@cps.test', due: '2009-06-05T00:00:00+01:00' },
        // then managers, 5 working days counted from Friday 5 June -> end of Thursday 11 June
        { asOf: '2009-06-05', stage: '2', owner: 'manager@cps.test', due: '2009-06-12T00:00:00+01:00' },
        // then senior officers, 2 working days from Friday 12 June -> end of Monday 15 June
        { asOf: '2009-06-12', stage: '3', owner: 'ccp@cps.test', due: '2009-06-16T00:00:00+01:00' },
        { asOf: '2009-06-16', stage: '4', owner: 'chair@lscp.test', due: '' },
        { asOf: '2009-07-30', stage: '4', owner: 'chair@lscp.test', due: '' },
      ]
      for (const e of expected) {
        const rows = csv(CHALLENGE_COLUMNS, await challengeRows(db(), day(e.asOf), { open: true }))
        assert.equal(rows.length, 1, e.asOf)
        assert.deepEqual(
          { asOf: e.asOf, stage: rows[0].stage, owner: rows[0].stage_owner, due: rows[0].stage_due_at },
          e,
        )
        assert.equal(rows[0].status, 'open')
        assert.equal(rows[0].raised_by, 'officer@police.test')
        assert.equal(rows[0].decision_id, 'cps:CD-1')
      }
      assert.equal((await challengeRows(db(), day('2009-06-01'))).length, 0, 'not raised yet on 1 June')

      // the independent chair resolves it: the route for a no-charge decision is a review of it
      await assert.rejects(
        noteChallenge(
          db(),
          TEST_ACTOR,
          id,
          users.partnership,
          { kind: 'resolved', outcome: 'review_requested', note: '' },
          at('2009-07-31T10:00:00Z'),
        ),
        /record what was agreed/,
      )
      await noteChallenge(
        db(),
        TEST_ACTOR,
        id,
        users.partnership,
        { kind: 'resolved', outcome: 'review_requested', note: "Victims' Right to Review requested" },
        at('2009-07-31T10:00:00Z'),
      )
      const resolved = csv(CHALLENGE_COLUMNS, await challengeRows(db(), day('2009-07-31')))
      assert.deepEqual(
        [resolved[0].status, resolved[0].outcome, resolved[0].resolved_at],
        ['resolved', 'review_requested', '2009-07-31T11:00:00+01:00'],
      )
      assert.equal((await challengeRows(db(), day('2009-07-31'), { open: true })).length, 0)
      // replaying the past still shows it open at stage 4
      assert.equal(csv(CHALLENGE_COLUMNS, await challengeRows(db(), day('2009-07-30'), { open: true }))[0].stage, '4')
      assert.equal(csv(DECISION_COLUMNS, await decisionRows(db(), day('2009-07-31')))[0].challenge_status, 'resolved')
      const [state] = await challengesAt(db(), day('2009-07-31'), { ids: [id] })
      assert.deepEqual(
        state.state.stages.map((s) => s.endedBy),
        ['deadline', 'deadline', 'deadline', 'resolved'],
      )
    })

    test('a challenge of inaction cannot end in a review, and a person can move it up before its deadline', async () => {
      const { amy, users } = area
      const id = await raiseChallenge(
        db(),
        TEST_ACTOR,
        {
          childId: amy,
          decisionId: null,
          raisedBy: users.socialWorker,
          againstAgency: 'police',
          subject: 'inaction',
          summary: 'No visit after the missing episode',
        },
        at('2009-08-03T09:00:00Z'),
      )
      await assert.rejects(
        noteChallenge(
          db(),
          TEST_ACTOR,
          id,
          users.socialWorker,
          { kind: 'resolved', outcome: 'review_requested', note: 'x' },
          at('2009-08-03T10:00:00Z'),
        ),
        /review can be requested only/,
      )
      await noteChallenge(
        db(),
        TEST_ACTOR,
        id,
        users.officer,
        { kind: 'responded', note: 'We will visit this week' },
        at('2009-08-03T11:00:00Z'),
      )
      await noteChallenge(
        db(),
        TEST_ACTOR,
        id,
        users.socialWorker,
        { kind: 'escalated', note: 'No date given' },
        at('2009-08-03T12:00:00Z'),
      )
      const [row] = csv(
        CHALLENGE_COLUMNS,
        (await challengeRows(db(), at('2009-08-03T13:00:00Z'))).filter((r) => r.challenge_id === id),
      )
      assert.equal(row.stage, '2')
      assert.equal(row.stage_owner, 'manager@police.test', "the officer's line manager")
      await noteChallenge(
        db(),
        TEST_ACTOR,
        id,
        users.officerManager,
        { kind: 'resolved', outcome: 'action_agreed', note: 'Visit on Wednesday' },
        at('2009-08-04T09:00:00Z'),
      )
      await assert.rejects(
        noteChallenge(
          db(),
          TEST_ACTOR,
          id,
          users.socialWorker,
          { kind: 'escalated', note: 'again' },
          at('2009-08-05T09:00:00Z'),
        ),
        /resolved/,
      )
    })

    test('a strategy discussion whose actions go overdue, one of them done late with evidence', async () => {
      const { amy, users } = area
      const meetingId = await recordMeeting(
        db(),
        TEST_ACTOR,
        {
          childId: amy,
          type: 'strategy_discussion',
          heldAt: at('2009-06-03T10:00:00Z'),
          chairId: users.cscManager,
          chair: 'manager@csc.test',
          invited: ['police', 'csc', 'health', 'cps'],
          present: ['police', 'csc'],
          information: { police: 'Missing 3 times', csc: 'Placement at risk' },
          decisions: 'Section 47 enquiry',
          recordedBy: users.cscManager,
          actions: [
            { title: 'Visit Amy at placement', ownerId: users.socialWorker, dueDate: '2009-06-10' },
            { title: 'Check ANPR for AB12 CDE', ownerId: users.officer, dueDate: '2009-06-12' },
          ],
        },
        at('2009-06-03T15:00:00Z'),
      )
      const [meeting] = await meetingsAt(db(), day('2009-06-03'), { ids: [meetingId] })
      assert.deepEqual(meeting.attendance.absent, ['cps', 'health'])
      // initial conference within 15 working days of 3 June -> end of 24 June
      assert.equal(meeting.conferenceDueAt?.toISOString(), '2009-06-24T23:00:00.000Z')
      const status = async (d: string) =>
        csv(ACTION_COLUMNS, await actionRows(db(), day(d)))
          .filter((r) => r.meeting_id === String(meetingId))
          .map((r) => `${r.owner}:${r.status}`)
      assert.deepEqual(await status('2009-06-02'), [], 'not recorded yet')
      assert.deepEqual(await status('2009-06-10'), ['sw@csc.test:open', 'officer@police.test:open'])
      assert.deepEqual(await status('2009-06-11'), ['sw@csc.test:overdue', 'officer@police.test:open'])
      assert.deepEqual(await status('2009-06-13'), ['sw@csc.test:overdue', 'officer@police.test:overdue'])
      const officerAction = (await actionRows(db(), day('2009-06-13'))).find((r) => r.owner === 'officer@police.test')!
      await assert.rejects(
        completeAction(
          db(),
          TEST_ACTOR,
          Number(officerAction.action_id),
          users.officer,
          { completedAt: at('2009-06-14T09:00:00Z'), evidence: '' },
          at('2009-06-14T10:00:00Z'),
        ),
        /evidence/,
      )
      await completeAction(
        db(),
        TEST_ACTOR,
        Number(officerAction.action_id),
        users.officer,
        { completedAt: at('2009-06-14T09:00:00Z'), evidence: 'ANPR report ref 123' },
        at('2009-06-14T10:00:00Z'),
      )
      assert.deepEqual(
        await status('2009-06-13'),
        ['sw@csc.test:overdue', 'officer@police.test:overdue'],
        'the past does not change',
      )
      assert.deepEqual(await status('2009-06-14'), ['sw@csc.test:overdue', 'officer@police.test:done'])
      const overdue = csv(ACTION_COLUMNS, await actionRows(db(), day('2009-06-14'), { overdue: true })).filter(
        (r) => r.meeting_id === String(meetingId),
      )
      assert.deepEqual(
        overdue.map((r) => [r.title, r.owner_agency, r.due_at]),
        [['Visit Amy at placement', 'csc', '2009-06-11T00:00:00+01:00']],
      )
    })

    test('supervision lapses: an ASYE social worker weekly, others every four weeks', async () => {
      const { amy, users } = area
      await setWorkerSettings(
        db(),
        TEST_ACTOR,
        users.socialWorker,
        { asyeStartedOn: '2009-05-18', managerId: users.cscManager },
        at('2009-05-18T09:00:00Z'),
      )
      const rowOf = async (d: string, email: string) =>
        csv(SUPERVISION_COLUMNS, await supervisionRows(db(), day(d))).find(
          (r) => r.worker === email && r.child_id === String(amy),
        )!
      // never supervised on Amy's case since allocation in 2008: overdue
      assert.equal((await rowOf('2009-06-01', 'sw@csc.test')).status, 'overdue')
      await recordSupervision(
        db(),
        TEST_ACTOR,
        {
          childId: amy,
          workerId: users.socialWorker,
          supervisorId: users.cscManager,
          heldAt: at('2009-06-05T10:00:00Z'),
          reflection: 'Amy is being groomed',
          decisions: 'Refer to MACE',
          actions: [{ title: 'Refer to MACE', ownerId: users.socialWorker, dueDate: '2009-06-08' }],
        },
        at('2009-06-05T12:00:00Z'),
      )
      await recordSupervision(
        db(),
        TEST_ACTOR,
        {
          childId: amy,
          workerId: users.officer,
          supervisorId: users.officerManager,
          heldAt: at('2009-06-05T10:00:00Z'),
          reflection: 'Investigation plan',
          decisions: null,
          actions: [],
        },
        at('2009-06-05T12:00:00Z'),
      )
      const sw = await rowOf('2009-06-05', 'sw@csc.test')
      assert.deepEqual(
        [sw.supervisor, sw.last_supervision_at, sw.next_due_at, sw.status],
        ['manager@csc.test', '2009-06-05T11:00:00+01:00', '2009-06-13T00:00:00+01:00', 'ok'],
      )
      assert.equal((await rowOf('2009-06-12', 'sw@csc.test')).status, 'due')
      assert.equal((await rowOf('2009-06-13', 'sw@csc.test')).status, 'overdue')
      const officer = await rowOf('2009-06-13', 'officer@police.test')
      assert.deepEqual([officer.next_due_at, officer.status], ['2009-07-04T00:00:00+01:00', 'ok'])
      assert.equal((await rowOf('2009-07-04', 'officer@police.test')).status, 'overdue')
      const overdue = csv(SUPERVISION_COLUMNS, await supervisionRows(db(), day('2009-06-13'), { overdue: true })).map(
        (r) => r.worker,
      )
      assert.ok(overdue.includes('sw@csc.test') && !overdue.includes('officer@police.test'))
      // the supervision's action is an action like a meeting's
      assert.ok(
        csv(ACTION_COLUMNS, await actionRows(db(), day('2009-06-09'), { overdue: true })).some(
          (r) => r.title === 'Refer to MACE' && r.meeting_id === '',
        ),
      )
    })

    test("only qualified people are offered; an unqualified assignment needs a manager's override with a reason", async () => {
      const { amy, users } = area
      const when = at('2009-06-20T09:00:00Z')
      const task = 'evidential_interview_child_victim'
      await addCompetency(
        db(),
        TEST_ACTOR,
        users.officerManager,
        { userId: users.officerManager, type: 'abe_interviewing', obtainedOn: '2008-01-01', expiresOn: null },
        when,
      )
      await addCompetency(
        db(),
        TEST_ACTOR,
        users.officerManager,
        { userId: users.officerManager, type: 'cse_specialist', obtainedOn: '2008-01-01', expiresOn: '2009-06-19' },
        when,
      )
      await addCompetency(
        db(),
        TEST_ACTOR,
        users.officerManager,
        { userId: users.policeSenior, type: 'abe_interviewing', obtainedOn: '2008-01-01', expiresOn: null },
        when,
      )
      await addCompetency(
        db(),
        TEST_ACTOR,
        users.officerManager,
        { userId: users.policeSenior, type: 'cse_specialist', obtainedOn: '2009-01-01', expiresOn: '2011-01-01' },
        when,
      )
      const { qualified, unqualified } = await candidatesFor(db(), task, when)
      assert.deepEqual(
        qualified.map((w) => w.person.email),
        ['supt@police.test'],
        'an expired CSE qualification does not count',
      )
      assert.ok(unqualified.some((w) => w.person.id === users.officer))
      await assert.rejects(
        assignTask(
          db(),
          TEST_ACTOR,
          { childId: amy, task, userId: users.officer, by: { id: users.officerManager, roles: ['manager'] } },
          when,
        ),
        OverrideNeeded,
      )
      await assert.rejects(
        assignTask(
          db(),
          TEST_ACTOR,
          {
            childId: amy,
            task,
            userId: users.officer,
            by: { id: users.mash, roles: ['mash'] },
            overrideReason: 'urgent',
          },
          when,
        ),
        /only a manager/,
      )
      await assert.rejects(
        assignTask(
          db(),
          TEST_ACTOR,
          {
            childId: amy,
            task,
            userId: users.officer,
            by: { id: users.officerManager, roles: ['manager'] },
            overrideReason: ' ',
          },
          when,
        ),
        /needs a reason/,
      )
      const ok = await assignTask(
        db(),
        TEST_ACTOR,
        { childId: amy, task, userId: users.policeSenior, by: { id: users.officerManager, roles: ['manager'] } },
        when,
      )
      assert.equal(ok.check.flagged, false)
      const over = await assignTask(
        db(),
        TEST_ACTOR,
        {
          childId: amy,
          task,
          userId: users.officer,
          by: { id: users.officerManager, roles: ['manager'] },
          overrideReason: 'No trained officer free before the hearing',
        },
        when,
      )
      assert.equal(over.check.flagged, true)
      const stored = await assignmentsAt(db(), when, [amy])
      const flagged = stored.filter((a) => a.flagged)
      assert.equal(flagged.length, 1)
      assert.deepEqual(flagged[0].missing.sort(), ['abe_interviewing:never_held', 'cse_specialist:never_held'])
      const audit = await db()
        .selectFrom('audit_log')
        .select(['action', 'reason'])
        .where('action', '=', 'assign_task_override')
        .execute()
      assert.equal(audit[0].reason, 'No trained officer free before the hearing')
    })

    test('decisions recorded by hand, and the 30-day rule prompting the other agencies', async () => {
      const { amy, users } = area
      await assert.rejects(
        recordDecision(
          db(),
          TEST_ACTOR,
          {
            childId: amy,
            agency: 'csc',
            kind: 'threshold_decision',
            outcome: 'no_further_action',
            rationale: '',
            decidedAt: at('2009-06-20T10:00:00Z'),
            decidedBy: users.socialWorker,
          },
          at('2009-06-20T11:00:00Z'),
        ),
        DecisionError,
      )
      const id = await recordDecision(
        db(),
        TEST_ACTOR,
        {
          childId: amy,
          agency: 'health',
          kind: 'case_closure',
          outcome: null,
          rationale: 'Discharged from clinic',
          decidedAt: at('2009-09-01T10:00:00Z'),
          decidedBy: users.nurse,
        },
        at('2009-09-01T11:00:00Z'),
      )
      const rows = csv(DECISION_COLUMNS, await decisionRows(db(), day('2009-09-01'))).filter(
        (r) => r.decision_id === id,
      )
      // no other agency's concern within 30 days of 1 September: no prompt
      assert.deepEqual([rows[0].kind, rows[0].source_record, rows[0].challengeable], ['case_closure', '', 'false'])
      const id2 = await recordDecision(
        db(),
        TEST_ACTOR,
        {
          childId: amy,
          agency: 'police',
          kind: 'police_nfa',
          outcome: null,
          rationale: 'No complaint',
          decidedAt: at('2009-06-10T10:00:00Z'),
          decidedBy: users.officer,
        },
        at('2009-06-10T11:00:00Z'),
      )
      const row2 = csv(DECISION_COLUMNS, await decisionRows(db(), day('2009-06-10'), { challengeable: true })).find(
        (r) => r.decision_id === id2,
      )
      assert.ok(row2, "police NFA 21 days after social care's concern is put to the other agencies")
    })
  },
  { resetBetweenTests: false },
)

// An area loads the history of its staff (import format 1.4, decision 0037): workers and their
// trainings, allocations (who interviewed a child, who led the investigation) and supervision. The
// CSE training rule's lapses and overdue supervision are listed as of the days they happened, never
// before; re-sends version like every other object; staff records are their own agency's managers'.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea, importObjects, TEST_ACTOR, PASSWORD } from '../testing/seed.ts'
import { Browser, testApp } from '../testing/web.ts'
import { createUser } from '../access/users.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { must } from '../errors/must.ts'
import { caseloadRows, competencyLapseRows, supervisionRows } from './listings.ts'
import { importedWorkersAt } from './store-staff.ts'
import { subjectAccessExport } from '../privacy/subject-access.ts'
import { partnershipFigures } from '../partnership/figures.ts'
import { periodsFor } from '../partnership/periods.ts'
import { MEASURES } from '../partnership/catalogue.ts'
import { DEFAULT_MISSING_SETTINGS } from '../missing/settings.ts'
import { DEFAULT_RISK_SETTINGS } from '../risk/settings.ts'

const day = (d: string) => must(endOfDayLondon(d), 'a day')

/** A police history: an interviewer without CSE training, an investigating officer with it, supervision. */
const HISTORY = [
  {
    type: 'worker',
    agency: 'police',
    source_id: 'W-2',
    name: 'DS Khan',
    role: 'Detective sergeant',
    team: 'Public protection',
    trainings: [{ name: 'CSE level 2', completed_on: '2008-01-01', expires_on: '2012-01-01' }],
    recorded_at: '2009-01-01T09:00:00',
  },
  {
    type: 'worker',
    agency: 'police',
    source_id: 'W-1',
    name: 'DC Lee',
    role: 'Detective constable',
    team: 'Public protection',
    manager: 'W-2',
    trainings: [{ name: 'Achieving Best Evidence', completed_on: '2005-01-01' }],
    recorded_at: '2009-01-01T09:00:00',
  },
  {
    type: 'event',
    agency: 'police',
    source_id: 'CR-9',
    kind: 'crime_report',
    subject: 'P-1001',
    occurred_at: '2009-03-01T10:00:00',
    summary: 'Rape of a child reported by her school',
    recorded_at: '2009-03-01T12:00:00',
  },
  {
    type: 'allocation',
    agency: 'police',
    source_id: 'A-1',
    worker: 'W-1',
    subject: 'P-1001',
    event: 'CR-9',
    role: 'interviewer',
    from: '2009-03-05',
    to: '2009-03-20',
    recorded_at: '2009-03-05T09:00:00',
  },
  {
    type: 'allocation',
    agency: 'police',
    source_id: 'A-2',
    worker: 'W-2',
    subject: 'P-1001',
    event: 'CR-9',
    role: 'investigating_officer',
    from: '2009-03-05',
    recorded_at: '2009-03-05T09:00:00',
  },
  {
    type: 'allocation',
    agency: 'police',
    source_id: 'A-3',
    worker: 'W-1',
    subject: 'P-1001',
    role: 'allocated_worker',
    from: '2009-03-05',
    recorded_at: '2009-03-05T09:00:00',
  },
  {
    type: 'supervision',
    agency: 'police',
    source_id: 'S-1',
    worker: 'W-1',
    supervisor: 'W-2',
    event: 'CR-9',
    occurred_at: '2009-03-10T14:00:00',
    decisions: 'Interview plan agreed',
    recorded_at: '2009-03-10T16:00:00',
  },
]

const ndjson = (objects: object[]) => objects.map((o) => JSON.stringify(o)).join('\n')
const options = {
  channel: 'file' as const,
  skipInvalid: false,
  actor: TEST_ACTOR,
  receivedAt: new Date('2010-01-01T00:00:00Z'),
}

forEachDatabase(
  'staff records in the import format',
  (backend) => {
    let amy: number
    let app: FastifyInstance

    before(async () => {
      const { db } = backend().database
      amy = (await seedArea(db)).amy
      const result = await importObjects(db, HISTORY, new Date('2010-01-01T00:00:00Z'))
      assert.equal(result.created, HISTORY.length)
      assert.deepEqual(result.dangling, [])
      await createUser(db, {
        email: 'manager@csc.test',
        name: 'CSC Manager',
        agency: 'csc',
        roles: ['manager'],
        password: PASSWORD,
      })
      app = await testApp(backend().database)
    })
    after(async () => app?.close())

    test('workers, trainings, allocations and supervision load and read as known then', async () => {
      const { db } = backend().database
      const workers = await importedWorkersAt(db, day('2009-06-01'))
      assert.deepEqual(
        [...workers.values()].map((w) => [w.key, w.name, w.manager, w.trainings.length]),
        [
          ['police:W-1', 'DC Lee', 'police:W-2', 1],
          ['police:W-2', 'DS Khan', null, 1],
        ],
      )
      assert.equal((await importedWorkersAt(db, day('2008-12-31'))).size, 0, 'not recorded yet')
      const caseload = (await caseloadRows(db, day('2009-03-06'))).filter((r) => r.source === 'imported')
      assert.deepEqual(
        caseload.map((r) => [r.worker, r.children_count]),
        [
          ['police:W-1', 1],
          ['police:W-2', 1],
        ],
      )
      const before = (await caseloadRows(db, day('2009-03-04'))).filter((r) => r.source === 'imported')
      assert.ok(
        before.every((r) => r.children_count === 0),
        'no caseload before the allocations',
      )
    })

    test('a subject access export holds the staff records about the child', async () => {
      const { db } = backend().database
      const { held } = await subjectAccessExport(db, amy, new Date('2010-01-02T00:00:00Z'))
      assert.deepEqual(
        held.imported_allocations.map((a) => a.source_id),
        ['A-1', 'A-2', 'A-3'],
      )
      assert.deepEqual(
        held.imported_supervisions.map((a) => [a.source_id, a.decisions]),
        [['S-1', 'Interview plan agreed']],
        'about one of her events',
      )
    })

    test('the interviewer without CSE training is a lapse from the day of the allocation, not before', async () => {
      const { db } = backend().database
      assert.deepEqual(await competencyLapseRows(db, day('2009-03-04')), [])
      const lapses = await competencyLapseRows(db, day('2009-03-05'))
      assert.deepEqual(
        lapses.map((l) => [l.worker, l.worker_name, l.agency, l.child_id, l.role, l.from, l.to, l.lack]),
        [['police:W-1', 'DC Lee', 'police', String(amy), 'interviewer', '2009-03-05', '2009-03-20', 'never_held']],
      )
      assert.deepEqual(
        (await competencyLapseRows(db, day('2011-01-01'))).map((l) => l.allocation),
        ['police:A-1'],
        'still listed years later: it happened',
      )
    })

    test('supervision is overdue four weeks after the last session, as of a past day', async () => {
      const { db } = backend().database
      const imported = (rows: Awaited<ReturnType<typeof supervisionRows>>) =>
        rows.filter((r) => String(r.worker).startsWith('police:'))
      const early = imported(await supervisionRows(db, day('2009-04-01')))
      assert.deepEqual(
        early.map((r) => [r.worker, r.supervisor, r.next_due_at, r.status]),
        [
          ['police:W-2', null, '2009-04-03T00:00:00+01:00', 'due'],
          ['police:W-1', 'police:W-2', '2009-04-08T00:00:00+01:00', 'due'],
        ],
      )
      assert.deepEqual(imported(await supervisionRows(db, day('2009-04-01'), { overdue: true })), [])
      assert.deepEqual(
        imported(await supervisionRows(db, day('2009-04-03'), { overdue: true })).map((r) => r.worker),
        ['police:W-2'],
        'never supervised since the allocation four weeks before',
      )
      const late = imported(await supervisionRows(db, day('2009-04-08'), { overdue: true }))
      assert.deepEqual(
        late.map((r) => [r.worker, r.child_id, r.last_supervision_at]),
        [
          ['police:W-2', String(amy), null],
          ['police:W-1', String(amy), '2009-03-10T14:00:00+00:00'],
        ],
      )
    })

    test("the partnership's supervision figure counts the imported workers by their agency", async () => {
      const { db } = backend().database
      const rows = await partnershipFigures(db, {
        periods: periodsFor('2009-03-01', '2009-04-30', 'month'),
        asOf: day('2010-01-01'),
        suppress: false,
        settings: { missing: DEFAULT_MISSING_SETTINGS, risk: DEFAULT_RISK_SETTINGS },
        measures: MEASURES.filter((m) => m.id === 'supervision_on_time'),
      })
      const police = (start: string) =>
        rows.filter((r) => r.period_start === start && r.agency === 'police').map((r) => [r.numerator, r.denominator])
      assert.deepEqual(police('2009-03-01'), [[2, 2]], 'both on time at the end of March')
      assert.deepEqual(police('2009-04-01'), [[0, 2]], 'both overdue at the end of April')
    })

    test('a re-send versions the worker; the same file again changes nothing', async () => {
      const { db } = backend().database
      const again = await importRecords(db, ndjsonLines(ndjson(HISTORY)), options)
      assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, HISTORY.length])
      const trained = {
        ...HISTORY[1],
        trainings: [
          { name: 'Achieving Best Evidence', completed_on: '2005-01-01' },
          { name: 'Child sexual exploitation awareness', completed_on: '2009-05-01' },
        ],
        recorded_at: '2009-06-01T09:00:00',
      }
      const resent = await importRecords(db, ndjsonLines(ndjson([trained])), options)
      assert.deepEqual([resent.created, resent.updated], [0, 1])
      const versions = await db
        .selectFrom('worker_versions')
        .select(['version', 'is_current'])
        .where('source_id', '=', 'W-1')
        .orderBy('version')
        .execute()
      assert.deepEqual(
        versions.map((v) => [v.version, v.is_current]),
        [
          [1, false],
          [2, true],
        ],
      )
      assert.equal((await importedWorkersAt(db, day('2009-05-31'))).get('police:W-1')?.trainings.length, 1)
      assert.equal((await importedWorkersAt(db, day('2009-06-01'))).get('police:W-1')?.trainings.length, 2)
      // trained after the interview: still a lapse, of a training not yet completed on the day
      assert.deepEqual(
        (await competencyLapseRows(db, day('2009-07-01'))).map((l) => [l.allocation, l.lack]),
        [['police:A-1', 'not_yet_valid']],
      )
    })

    test('an allocation ending before it starts is refused with its line and field', async () => {
      const { db } = backend().database
      const bad = { ...HISTORY[3], source_id: 'A-9', from: '2009-03-05', to: '2009-03-01' }
      const result = await importRecords(db, ndjsonLines(ndjson([HISTORY[0], bad])), options)
      assert.equal(result.rolledBack, true)
      assert.deepEqual(
        result.rejects.map((r) => [r.line, r.errors]),
        [[2, [{ field: 'to', message: 'is before from (2009-03-01 < 2009-03-05)' }]]],
      )
    })

    test('a worker not yet sent is a dangling reference, kept', async () => {
      const { db } = backend().database
      const ahead = { ...HISTORY[5], source_id: 'A-10', worker: 'W-77' }
      const result = await importRecords(db, ndjsonLines(ndjson([ahead])), options)
      assert.deepEqual(result.dangling, ['police:W-77 (worker)'])
      assert.equal(result.created, 1)
    })

    test('a 1.1 event with fields the staff records now name imports as before', async () => {
      const { db } = backend().database
      const note = {
        type: 'event',
        agency: 'police',
        source_id: 'N-1',
        kind: 'note',
        subject: 'P-1001',
        occurred_at: '2009-02-01T10:00:00',
        worker: 'PC 1234\nshift B',
        decisions: 'none',
        recorded_at: '2009-02-01T10:00:00',
      }
      const result = await importRecords(db, ndjsonLines(ndjson([note])), options)
      assert.deepEqual([result.created, result.rejected], [1, 0])
      const row = await db.selectFrom('events').select('extra').where('source_id', '=', 'N-1').executeTakeFirstOrThrow()
      assert.deepEqual(row.extra, { worker: 'PC 1234\nshift B', decisions: 'none' })
    })

    test("the police's managers see their imported staff and lapses; another agency's manager does not", async () => {
      const police = await new Browser(app).signIn('manager@police.test')
      const register = await police.get('/competencies')
      assert.equal(register.statusCode, 200)
      assert.match(register.body, /DC Lee/)
      assert.match(register.body, /data-testid="training-lapses"/)
      const morning = await police.get('/manager')
      assert.match(morning.body, /Allocations without a current CSE training[\s\S]*DC Lee/)
      const csc = await new Browser(app).signIn('manager@csc.test')
      const theirs = await csc.get('/competencies')
      assert.equal(theirs.statusCode, 200)
      assert.doesNotMatch(theirs.body, /DC Lee|DS Khan/)
      assert.doesNotMatch((await csc.get('/manager')).body, /DC Lee|DS Khan/)
      const practitioner = await new Browser(app).signIn('officer@police.test')
      assert.equal((await practitioner.get('/competencies')).statusCode, 403)
    })
  },
  { resetBetweenTests: false },
)

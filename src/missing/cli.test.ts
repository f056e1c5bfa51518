// `missing --interviews` and `missing --repeat` end to end on both databases: a file with returns
// at awkward times imported as an agency would send it, then the lists as of several dates.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { forEachDatabase } from '../testing/backends.ts'
import { seedArea, TEST_ACTOR } from '../testing/seed.ts'
import { importRecords, ndjsonLines } from '../import/importer.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { interviewList, repeatList, type InterviewListRow } from './lists.ts'
import { DEFAULT_MISSING_SETTINGS, missingSettings } from './settings.ts'
import { awkwardReturns, toNdjson } from './cli-fixture.ts'

const settings = DEFAULT_MISSING_SETTINGS
const day = (d: string) => endOfDayLondon(d)!

forEachDatabase(
  'missing --interviews and --repeat',
  (backend) => {
    let ids: Record<string, number>
    before(async () => {
      const { db } = backend().database
      await seedArea(db)
      const result = await importRecords(db, ndjsonLines(toNdjson(awkwardReturns())), {
        channel: 'file',
        skipInvalid: false,
        actor: TEST_ACTOR,
        receivedAt: new Date('2026-11-01T00:00:00Z'),
      })
      assert.equal(result.rejected, 0, JSON.stringify(result.rejects))
      const links = await db
        .selectFrom('entity_links')
        .select(['source_id', 'entity_id'])
        .where('agency_code', '=', 'police')
        .execute()
      ids = Object.fromEntries(links.map((l) => [l.source_id, l.entity_id]))
    })

    const bySource = (rows: InterviewListRow[]) => new Map(rows.map((r) => [r.episode_source, r]))

    test('every returned episode with its due time and status, late at night and across both clock changes', async () => {
      const { db } = backend().database
      const rows = bySource(await interviewList(db, { asOf: day('2026-11-29'), settings }))
      // the carer's report of Ben's May absence is the same episode as the police one: one row
      assert.equal(rows.has('csc:M-B1'), false)
      const may = rows.get('police:E-B1')!
      assert.equal(may.child_id, ids['P-3001'])
      assert.deepEqual([...(may.source_records as string[])].sort(), ['csc:C-300', 'police:P-3001'])
      assert.equal(may.returned_at, '2026-05-01T23:45:00+01:00')
      assert.equal(may.interview_due_at, '2026-05-04T23:45:00+01:00', '72 hours run through the bank holiday weekend')
      assert.equal(may.interview_status, 'done_late')
      assert.equal(may.interview_done_at, '2026-05-05T10:00:00+01:00')
      const march = rows.get('police:E-B2')!
      assert.equal(march.returned_at, '2026-03-28T01:30:00+00:00')
      assert.equal(
        march.interview_due_at,
        '2026-03-31T02:30:00+01:00',
        '72 real hours across the change to summer time',
      )
      assert.equal(march.interview_status, 'overdue')
      assert.equal(march.interview_done_at, null)
      const october = rows.get('police:E-B3')!
      assert.equal(october.interview_due_at, '2026-10-27T22:30:00+00:00', '72 real hours across the change back')
      assert.equal(
        october.interview_status,
        'done_late',
        'held at 22:45, after the due time (a wall-clock count would say in time)',
      )
      assert.equal(rows.get('police:E-C1')!.interview_status, 'declined')
      assert.equal(rows.get('police:E-C2')!.interview_status, 'not_held')
      assert.equal(rows.get('police:E-C3')!.interview_status, 'done')
      assert.equal(rows.get('police:E-77')!.interview_status, 'overdue', 'Amy never had one')
      for (const d of ['E-D1', 'E-D2', 'E-D3']) assert.equal(rows.get(`police:${d}`)!.interview_status, 'overdue')
      const dues = [...rows.values()].map((r) => Date.parse(r.interview_due_at as string))
      assert.deepEqual(
        dues,
        [...dues].sort((a, b) => a - b),
        'listed by due time',
      )
    })

    test('as of earlier dates: only what had been recorded by then', async () => {
      const { db } = backend().database
      const onMarch27 = bySource(await interviewList(db, { asOf: day('2026-03-27'), settings }))
      assert.equal(onMarch27.has('police:E-B2'), false, 'still missing: no interview is due yet')
      assert.equal(onMarch27.get('police:E-77')!.interview_status, 'overdue')
      assert.equal(
        bySource(await interviewList(db, { asOf: day('2026-03-30'), settings })).get('police:E-B2')!.interview_status,
        'due',
      )
      assert.equal(
        bySource(await interviewList(db, { asOf: day('2026-03-31'), settings })).get('police:E-B2')!.interview_status,
        'overdue',
      )
      const june22 = bySource(await interviewList(db, { asOf: day('2026-06-22'), settings }))
      assert.equal(june22.get('police:E-C2')!.interview_status, 'due')
      assert.equal(june22.get('police:E-C1')!.interview_status, 'declined')
      const may3 = bySource(await interviewList(db, { asOf: day('2026-05-03'), settings }))
      assert.equal(may3.get('police:E-B1')!.interview_status, 'due', 'due until 23:45 on the bank holiday')
      assert.equal(
        bySource(await interviewList(db, { asOf: day('2026-05-04'), settings })).get('police:E-B1')!.interview_status,
        'overdue',
        'the end of the bank holiday is past 23:45',
      )
      assert.equal(
        bySource(await interviewList(db, { asOf: day('2026-05-05'), settings })).get('police:E-B1')!.interview_status,
        'done_late',
      )
      const overdue = await interviewList(db, { asOf: day('2026-06-22'), overdue: true, settings })
      assert.ok(overdue.length > 0 && overdue.every((r) => r.interview_status === 'overdue'))
      assert.deepEqual(overdue.map((r) => r.episode_source).sort(), ['police:E-77', 'police:E-B2'])
    })

    test('a longer due time is a setting', async () => {
      const { db } = backend().database
      const longer = missingSettings({ THREADLINE_INTERVIEW_HOURS: '96' })
      const rows = bySource(await interviewList(db, { asOf: day('2026-11-29'), settings: longer }))
      assert.equal(rows.get('police:E-B1')!.interview_status, 'done')
      assert.equal(rows.get('police:E-B1')!.interview_due_at, '2026-05-05T23:45:00+01:00')
    })

    test('children crossing the repeat threshold, until a strategy discussion', async () => {
      const { db } = backend().database
      const listed = async (d: string) => (await repeatList(db, { asOf: day(d), settings })).map((r) => r.child_id)
      assert.deepEqual(await listed('2026-06-30'), [], "Cara's third episode was recorded on 1 July")
      const july1 = await repeatList(db, { asOf: day('2026-07-01'), settings })
      assert.deepEqual(
        july1.map((r) => r.child_id),
        [ids['P-4001']],
      )
      assert.equal(july1[0].episodes_in_window, 3)
      assert.equal(july1[0].first_crossed_at, '2026-07-01T10:00:00+01:00')
      assert.equal(july1[0].strategy_discussion_at, null)
      assert.deepEqual(await listed('2026-07-24'), [ids['P-4001']])
      const july25 = await repeatList(db, { asOf: day('2026-07-25'), settings })
      const dan = july25.find((r) => r.child_id === ids['P-5001'])!
      assert.equal(dan.episodes_in_window, 3)
      assert.equal(dan.first_crossed_at, '2026-07-25T23:00:00+01:00')
      assert.equal(dan.strategy_discussion_at, '2026-06-01T10:00:00+01:00', 'the last one, held before the crossing')
      assert.deepEqual(
        (await listed('2026-07-28')).sort(),
        [ids['P-4001']],
        "Dan's strategy discussion answers his crossing",
      )
      const fourIn30 = missingSettings({ THREADLINE_REPEAT_EPISODES: '4' })
      assert.deepEqual((await repeatList(db, { asOf: day('2026-07-25'), settings: fourIn30 })).length, 0)
    })
  },
  { resetBetweenTests: false },
)

// The command line itself checks its arguments and settings before it opens a database (an
// embedded database takes long to create, so the lists are tested in-process above, on both).
const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = join(root, 'bin/threadline.js')

test('threadline missing: a wrong command line exits 2, a bad setting exits 1 with its name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-missing-'))
  const env = { ...process.env, THREADLINE_DATA: join(dir, 'data'), THREADLINE_DEMO: '0', DATABASE_URL: '' }
  const run = (args: string[], extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, [bin, 'missing', ...args], { cwd: root, env: { ...env, ...extra }, encoding: 'utf8' })
  const neither = run([])
  assert.equal(neither.status, 2, neither.stderr)
  assert.equal(neither.stdout, '')
  const bad = run(['--repeat'], { THREADLINE_REPEAT_DAYS: 'thirty' })
  assert.equal(bad.status, 1, bad.stderr)
  assert.match(bad.stderr, /THREADLINE_REPEAT_DAYS/)
  assert.equal(bad.stdout, '')
})

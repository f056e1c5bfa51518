// `partnership dataset` on both databases: a child sexual exploitation case reported by the police
// and found at a social care assessment, the suspect arrested the next quarter; each agency's own
// record of the people, and the area's view of them.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../testing/backends.ts'
import { importObjects, seedArea } from '../testing/seed.ts'
import { runCli, pgliteTarget } from '../testing/cli.ts'
import { endOfDayLondon } from '../config/clock.ts'
import { partnershipDataset } from './dataset-store.ts'
import { periodsFor } from './periods.ts'
import type { DatasetRow } from './dataset.ts'

const person = (agency: string, id: string, given: string, family: string, dob: string, extra = {}) => ({
  type: 'person',
  agency,
  source_id: id,
  given_name: given,
  family_name: family,
  date_of_birth: dob,
  recorded_at: '2026-01-02T09:00:00',
  ...extra,
})
const event = (agency: string, id: string, kind: string, subject: string, at: string, extra = {}) => ({
  type: 'event',
  agency,
  source_id: id,
  kind,
  subject,
  occurred_at: at,
  recorded_at: at,
  ...extra,
})

const area = () => [
  person('police', 'V-1', 'Cleo', 'Quillfeather', '2011-05-05', {
    sex: 'female',
    ethnicity: 'White British',
    nationality: 'British',
  }),
  person('csc', 'CV-1', 'Cleo', 'Quillfeather', '2011-05-05', { sex: 'female', ethnicity: 'WBRI', disability: 'none' }),
  person('police', 'S-9', 'Dean', 'Marsh', '1985-03-03', { sex: 'male', ethnicity: 'IC4' }),
  event('police', 'CR-1', 'crime_report', 'V-1', '2026-02-10T10:00:00', {
    summary: 'Child sexual exploitation reported by a youth worker',
    involves: [{ person: 'S-9', role: 'suspect' }],
  }),
  event('csc', 'AS-1', 'assessment', 'CV-1', '2026-02-20T10:00:00', { factors: ['11A'] }),
  event('police', 'AR-1', 'arrest', 'S-9', '2026-05-01T10:00:00', {
    summary: 'Arrested on suspicion of rape of a child',
    involves: [{ person: 'V-1', role: 'victim' }],
  }),
]

const find = (
  rows: DatasetRow[],
  start: string,
  role: string,
  ch: string,
  cat: string,
  agency: string | null = null,
) => {
  const r = rows.filter(
    (x) =>
      x.period_start === start &&
      x.role === role &&
      x.characteristic === ch &&
      x.category === cat &&
      x.agency === agency,
  )
  assert.equal(r.length, 1, `${start} ${role} ${ch} ${cat} ${agency}`)
  return [r[0].count, r[0].recorded_share]
}

forEachDatabase(
  'partnership dataset',
  (backend) => {
    before(async () => {
      const { db } = backend().database
      await seedArea(db)
      await importObjects(db, area(), new Date('2026-12-01T00:00:00Z'))
    })

    test('victims and suspects by characteristic, each agency as it recorded them, with completeness', async () => {
      const { db } = backend().database
      const periods = periodsFor('2026-01-01', '2026-06-30', 'quarter')
      const rows = await partnershipDataset(db, { periods, asOf: endOfDayLondon('2026-12-31')!, suppress: false })
      const q1 = '2026-01-01'
      assert.deepEqual(find(rows, q1, 'victim', 'sex', 'female'), [1, 1], 'one child, named by two agencies')
      assert.deepEqual(find(rows, q1, 'victim', 'age_band', '13-15'), [1, 1])
      assert.deepEqual(find(rows, q1, 'victim', 'ethnicity', 'White'), [1, 1])
      assert.deepEqual(find(rows, q1, 'victim', 'disability', 'no'), [1, 1], 'social care recorded it')
      assert.deepEqual(find(rows, q1, 'victim', 'disability', 'not recorded', 'police'), [1, 0], 'the police did not')
      assert.deepEqual(find(rows, q1, 'victim', 'disability', 'no', 'csc'), [1, 1])
      assert.deepEqual(find(rows, q1, 'victim', 'nationality', 'not recorded', 'csc'), [1, 0])
      assert.deepEqual(find(rows, q1, 'victim', 'group_based', 'not group-based'), [1, null])
      assert.deepEqual(find(rows, q1, 'suspect', 'sex', 'male', 'police'), [1, 1])
      assert.deepEqual(find(rows, q1, 'suspect', 'age_band', '40 and over'), [1, 1])
      assert.deepEqual(find(rows, q1, 'suspect', 'ethnicity', 'Asian, Asian British or Asian Welsh'), [1, 1])
      assert.deepEqual(find(rows, q1, 'suspect', 'sex', 'male', 'csc'), [0, null])
      assert.deepEqual(find(rows, '2026-04-01', 'suspect', 'sex', 'male'), [1, 1], 'arrested in May')
      assert.deepEqual(find(rows, '2026-04-01', 'victim', 'sex', 'female', 'police'), [1, 1])
      const suppressed = await partnershipDataset(db, { periods, asOf: endOfDayLondon('2026-12-31')!, suppress: true })
      for (const r of suppressed) assert.ok(r.count === null || r.count === 0 || r.count >= 5, JSON.stringify(r))
      assert.deepEqual(find(suppressed, q1, 'victim', 'sex', 'female'), [null, null])
    })

    test('--as-of: a record sent later is not counted', async () => {
      const { db } = backend().database
      const periods = periodsFor('2026-01-01', '2026-06-30', null)
      const rows = await partnershipDataset(db, { periods, asOf: endOfDayLondon('2026-02-15')!, suppress: false })
      assert.deepEqual(find(rows, '2026-01-01', 'victim', 'sex', 'female'), [1, 1])
      assert.deepEqual(find(rows, '2026-01-01', 'victim', 'sex', 'female', 'csc'), [0, null])
    })
  },
  { resetBetweenTests: false },
)

test('partnership dataset: a bad date exits 2 with the usage', async () => {
  const target = pgliteTarget()
  try {
    const r = await runCli(['partnership', 'dataset', '--from', '2026-01-01', '--to', '2025-01-01'], target.env)
    assert.equal(r.code, 2, r.stderr)
    assert.match(r.stderr, /--from 2026-01-01 is after --to 2025-01-01/)
    assert.match(r.stderr, /Usage: threadline partnership dataset/)
  } finally {
    await target.cleanup()
  }
})

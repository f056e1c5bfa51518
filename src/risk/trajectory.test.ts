import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Indicator } from '../records/types.ts'
import { deriveEvidence } from './evidence.ts'
import { score } from './score.ts'
// SERAF's arithmetic as 1.4.0 has it (1.5.0 adds the any-significant floor: plain-wording.test.ts)
import { serafCse140 as serafCse } from './seraf-cse.ts'
import { seen } from './testing.ts'
import { trajectory } from './trajectory.ts'

const pick: Indicator[] = [
  'missing',
  'gifts_money',
  'self_harm',
  'staying_out_late',
  'isolated',
  'sti',
  'vehicle_unknown_adults',
  'looked_after',
]

test('the trajectory agrees with scoring at every moment', () => {
  let seed = 5
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
  const day = 86_400_000
  for (let child = 0; child < 60; child++) {
    const dob = `20${String(5 + Math.floor(random() * 6)).padStart(2, '0')}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`
    const events = Array.from({ length: 1 + Math.floor(random() * 10) }, () => {
      const occurred = Date.UTC(2018, 0, 1) + random() * 900 * day
      const recorded = occurred + (random() < 0.3 ? random() * 200 * day : random() * 3 * day)
      const until = random() < 0.1 ? recorded + random() * 100 * day : undefined
      return seen([pick[Math.floor(random() * pick.length)]], new Date(occurred).toISOString(), {
        recorded: new Date(recorded).toISOString(),
        agency: random() < 0.5 ? 'police' : 'health',
        ...(until ? { until: new Date(until).toISOString() } : {}),
      })
    })
    const evidence = deriveEvidence(events)
    const t = trajectory(serafCse, evidence, dob)
    for (let k = 0; k < 40; k++) {
      const asOf = Date.UTC(2018, 0, 1) + random() * 1400 * day
      const s = score(serafCse, evidence, { asOf: new Date(asOf), dateOfBirth: dob })
      const p = t.at(asOf)
      const where = `child ${child} as of ${new Date(asOf).toISOString()}`
      assert.equal(p.score, s.score, where)
      assert.equal(p.band, s.band, where)
      assert.equal(p.ageRuleFired, s.ageRuleFired, where)
      assert.equal(p.multiAgency, s.indicatorAgencies.length >= 2, where)
    }
    // Each point is a change.
    for (let k = 1; k < t.points.length; k++) {
      const [a, b] = [t.points[k - 1], t.points[k]]
      assert.ok(+b.at > +a.at, `${a.at.toISOString()} then ${b.at.toISOString()}`)
      assert.ok(
        a.score !== b.score ||
          a.band !== b.band ||
          a.ageRuleFired !== b.ageRuleFired ||
          a.multiAgency !== b.multiAgency,
      )
    }
  }
})

test('points where evidence arrives and where it ages out of its windows', () => {
  const evidence = deriveEvidence([seen(['missing'], '2020-01-15', { recorded: '2020-01-16T09:00:00Z' })])
  const t = trajectory(serafCse, evidence, '2005-01-01')
  assert.deepEqual(
    t.points.map((p) => [p.at.toISOString(), p.score, p.band]),
    [
      ['2020-01-16T09:00:00.000Z', 5, 1],
      ['2020-07-14T23:00:00.000Z', 1, 1], // 15 July 00:00 BST
      ['2021-01-15T00:00:00.000Z', 0, 1],
    ],
  )
})

test('a late-recorded event changes the future of the chart, never its past', () => {
  const early = [seen(['missing'], '2020-01-10'), seen(['self_harm'], '2020-02-01', { agency: 'health' })]
  const late = seen(['gifts_money'], '2020-01-20', { recorded: '2020-04-01T10:00:00Z' })
  const before = trajectory(serafCse, deriveEvidence(early), '2005-01-01')
  const after = trajectory(serafCse, deriveEvidence([...early, late]), '2005-01-01')
  const cut = Date.parse('2020-04-01T10:00:00Z')
  const past = (t: typeof before) => t.points.filter((p) => +p.at < cut).map((p) => JSON.stringify(p))
  assert.deepEqual(past(after), past(before))
  assert.equal(after.at(cut).score, 11)
  assert.deepEqual(before.firstFlaggedAt(2), new Date('2020-02-01T12:00:00Z'))
  assert.deepEqual(after.firstFlaggedAt(3), new Date(cut))
  assert.equal(after.firstFlaggedAt(3, Date.parse('2020-03-31T00:00:00Z')), null)
  assert.equal(before.firstFlaggedAt(3), null)
})

test('from and to bound the trajectory, starting with the state at from', () => {
  const evidence = deriveEvidence([seen(['missing'], '2020-01-15'), seen(['self_harm'], '2020-03-01')])
  const t = trajectory(
    serafCse,
    evidence,
    '2005-01-01',
    new Date('2020-02-01T00:00:00Z'),
    new Date('2020-08-01T00:00:00Z'),
  )
  assert.deepEqual(
    t.points.map((p) => [p.at.toISOString(), p.score]),
    [
      ['2020-02-01T00:00:00.000Z', 5],
      ['2020-03-01T12:00:00.000Z', 6],
      ['2020-07-14T23:00:00.000Z', 2],
    ],
  )
})

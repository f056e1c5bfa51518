import { test } from 'node:test'
import assert from 'node:assert/strict'
import { alertHistory, alertsBetween } from './alerts.ts'
import { deriveEvidence } from './evidence.ts'
import { serafCse } from './seraf-cse.ts'
import { event, seen } from './testing.ts'
import { trajectory } from './trajectory.ts'

test("alerts over a child's history: band rises, two agencies within 90 days, the age rule", () => {
  const evidence = deriveEvidence([
    event('school_absence', '2021-01-10', { agency: 'school' }), // moderate: 1
    event('missing_episode', '2021-02-01', { agency: 'police' }), // two agencies within 90 days; 6 points: band 2
    seen(['gifts_money'], '2021-03-01', { agency: 'police' }), // 11: band 3
  ])
  const t = trajectory(serafCse, evidence, '2005-01-01')
  const alerts = alertHistory(t.points)
  assert.deepEqual(
    alerts.map((a) => [a.kind, a.at.toISOString().slice(0, 10), a.band]),
    [
      ['band_rose', '2021-02-01', 2],
      ['multi_agency', '2021-02-01', 2],
      ['band_rose', '2021-03-01', 3],
    ],
  )
  // As of a date before the gifts were recorded: no band 3 alert yet.
  assert.equal(alertHistory(t.points, Date.parse('2021-02-15T00:00:00Z')).filter((a) => a.band === 3).length, 0)
  // Indicators from the school and the police more than 90 days apart: no multi-agency alert.
  const apart = deriveEvidence([
    event('school_absence', '2021-01-10', { agency: 'school' }),
    event('missing_episode', '2021-04-11', { agency: 'police' }),
  ])
  assert.equal(
    alertHistory(trajectory(serafCse, apart, '2005-01-01').points).some((a) => a.kind === 'multi_agency'),
    false,
  )
  const close = deriveEvidence([
    event('school_absence', '2021-01-10', { agency: 'school' }),
    event('missing_episode', '2021-04-09', { agency: 'police' }),
  ])
  assert.equal(
    alertHistory(trajectory(serafCse, close, '2005-01-01').points).some((a) => a.kind === 'multi_agency'),
    true,
  )
})

test('the age rule alerts when it fires', () => {
  const evidence = deriveEvidence([event('missing_episode', '2021-02-01')])
  const alerts = alertHistory(trajectory(serafCse, evidence, '2010-06-01').points)
  assert.deepEqual(alerts.map((a) => a.kind).sort(), ['age_rule', 'band_rose'])
  assert.equal(alerts.find((a) => a.kind === 'band_rose')?.band, 3)
})

test('successive states: only changes upward alert', () => {
  const at = new Date()
  const s = (band: number, ageRuleFired = false, multiAgency = false) => ({ at, band, ageRuleFired, multiAgency })
  assert.deepEqual(alertsBetween(s(2), s(2)), [])
  assert.deepEqual(alertsBetween(s(3), s(2)), [])
  assert.deepEqual(
    alertsBetween(s(2), s(3)).map((a) => [a.kind, a.fromBand]),
    [['band_rose', 2]],
  )
  assert.deepEqual(
    alertsBetween(null, s(2)).map((a) => a.kind),
    ['band_rose'],
  )
  assert.deepEqual(alertsBetween(null, s(1)), [])
  assert.deepEqual(alertsBetween(s(3, true, true), s(3, true, true)), [])
  assert.deepEqual(
    alertsBetween(s(3, false, false), s(3, true, true)).map((a) => a.kind),
    ['multi_agency', 'age_rule'],
  )
})

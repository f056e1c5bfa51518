import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assessChild } from './assess.ts'
import { completeScreening } from './screening.ts'
import { score } from './score.ts'
import { deriveEvidence } from './evidence.ts'
import { serafCse } from './seraf-cse.ts'
import { event, seen } from './testing.ts'

const dob = '2005-06-01'
const events = [
  event('school_absence', '2021-01-11', { agency: 'school' }),
  event('missing_episode', '2021-02-01T23:00:00Z', { agency: 'police', recorded: '2021-02-02T09:00:00Z' }),
  event('concern', '2021-02-03', { agency: 'school', indicators: ['gifts_money'] }),
  // The health record of an infection, sent late: it must not change what was known before it arrived.
  event('sexual_health', '2021-01-20', { agency: 'health', restricted: true, recorded: '2021-04-01T10:00:00Z' }),
]

test('as of a date: band, first flagged, alerts and unanswered from what was recorded by then', () => {
  const early = assessChild(serafCse, { events, dateOfBirth: dob }, { asOf: new Date('2021-02-01T12:00:00Z') })
  assert.equal(early.band, 1)
  assert.equal(early.bandLabel, 'no identified risk')
  assert.equal(early.firstFlaggedAt, null)
  assert.equal(early.unanswered.status, 'clear')

  const feb = assessChild(serafCse, { events, dateOfBirth: dob }, { asOf: new Date('2021-02-10T12:00:00Z') })
  assert.equal(feb.score.score, 11)
  assert.equal(feb.band, 3)
  assert.deepEqual(feb.firstFlaggedAt, new Date('2021-02-02T09:00:00Z'))
  assert.deepEqual(
    feb.alerts.map((a) => a.kind),
    ['band_rose', 'multi_agency', 'band_rose'],
  )
  assert.equal(feb.unanswered.status, 'awaiting_response')
  assert.equal(feb.screeningDue, true)

  const march = assessChild(serafCse, { events, dateOfBirth: dob }, { asOf: new Date('2021-03-01T12:00:00Z') })
  assert.equal(march.unanswered.status, 'unanswered')
  // 3 February + 10 working days = end of Wednesday 17 February (GMT).
  assert.deepEqual(march.unanswered.unansweredSince, new Date('2021-02-18T00:00:00Z'))
  assert.equal(
    march.score.items.some((i) => i.code === 'sti'),
    false,
  )

  const april = assessChild(serafCse, { events, dateOfBirth: dob }, { asOf: new Date('2021-04-02T12:00:00Z') })
  assert.equal(april.score.items.find((i) => i.code === 'sti')?.evidence[0].restricted, true)
  // The late record changes the present, not the past: first flagged and the February points stand.
  assert.deepEqual(april.firstFlaggedAt, feb.firstFlaggedAt)
  assert.deepEqual(
    april.trajectory.points.filter((p) => +p.at <= Date.parse('2021-02-10T12:00:00Z')),
    feb.trajectory.points,
  )
})

test("a screening's override sets the band until new risk rises past what the practitioner saw", () => {
  const asOf = new Date('2021-02-10T12:00:00Z')
  const suggested = score(serafCse, deriveEvidence(events), { asOf, dateOfBirth: dob })
  const done = completeScreening(serafCse, {
    suggested,
    decisions: suggested.items.map((i) => ({ code: i.code, decision: 'confirmed' as const })),
    override: { band: 2, reason: 'gifts were from her grandmother; checked with the family and the school' },
    signedBy: 'sw-1',
    signedAt: asOf,
    dateOfBirth: dob,
  })
  assert.ok(done.ok)
  const later = assessChild(
    serafCse,
    { events, dateOfBirth: dob, screenings: [done.screening] },
    { asOf: new Date('2021-03-01T12:00:00Z') },
  )
  assert.equal(later.band, 2)
  assert.equal(later.bandBasis, 'override')
  assert.equal(later.screeningDue, false)
  const rising = [...events, seen(['vehicle_unknown_adults'], '2021-03-05', { agency: 'police' })]
  const after = assessChild(
    serafCse,
    { events: rising, dateOfBirth: dob, screenings: [done.screening] },
    { asOf: new Date('2021-03-06T12:00:00Z') },
  )
  assert.equal(after.band, 4)
  assert.equal(after.bandBasis, 'risen_since_screening')
  const due = assessChild(
    serafCse,
    { events, dateOfBirth: dob, screenings: [done.screening] },
    { asOf: new Date('2021-05-11T00:00:00+01:00') },
  )
  assert.equal(due.screeningDue, true) // 10 February + 3 months, due by the end of 10 May
})

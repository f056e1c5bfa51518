import { test } from 'node:test'
import assert from 'node:assert/strict'
import { missingEpisodes } from './episodes.ts'
import { missingPattern, timeOfDay } from './pattern.ts'
import { recorded, place, person, vehicle } from './test-fixtures.ts'

test("a child's pattern: recent counts, usual times and days, recurring places, people and vehicles", () => {
  const asOf = new Date('2026-06-30T12:00:00+01:00')
  const versions = [
    // Fridays late at night, found twice at the same takeaway with the same car
    recorded({
      id: 'E-1',
      at: '2026-06-26T23:30:00+01:00',
      end: '2026-06-27T03:30:00+01:00',
      recorded: '2026-06-27T00:00:00+01:00',
      involves: [place('OL161PA'), vehicle('AB12CDE'), person('P-7')],
    }),
    recorded({
      agency: 'carehome',
      id: 'M-1',
      at: '2026-06-26T22:45:00+01:00',
      end: '2026-06-27T03:00:00+01:00',
      recorded: '2026-06-27T00:10:00+01:00',
      involves: [place('OL161PA'), person('Q-3')],
    }),
    recorded({
      id: 'E-2',
      at: '2026-06-19T22:15:00+01:00',
      end: '2026-06-20T10:15:00+01:00',
      recorded: '2026-06-19T23:00:00+01:00',
      involves: [place('OL161PA'), vehicle('AB12CDE')],
    }),
    recorded({
      id: 'E-3',
      at: '2026-04-10T14:00:00+01:00',
      end: '2026-04-10T16:00:00+01:00',
      recorded: '2026-04-10T15:00:00+01:00',
      involves: [place('M11AA'), person('P-8')],
    }),
    recorded({
      agency: 'school',
      id: 'S-1',
      at: '2025-11-11T11:00:00Z',
      end: '2025-11-11T13:00:00Z',
      recorded: '2025-11-11T12:00:00Z',
      involves: [person('A-1')],
    }),
    recorded({ id: 'E-5', at: '2025-01-03T22:00:00Z', end: '2025-01-04T22:00:00Z', recorded: '2025-01-04T12:00:00Z' }),
    recorded({
      id: 'E-6',
      child: 'C2',
      at: '2026-06-26T23:00:00+01:00',
      recorded: '2026-06-27T00:00:00+01:00',
      involves: [place('OL161PA')],
    }),
  ]
  const p = missingPattern('C1', missingEpisodes(versions, { asOf }), {
    asOf,
    // the school's A-1 and police's P-8 are linked into one adult
    personKey: (agency, id) =>
      `${agency}:${id}` === 'school:A-1' || `${agency}:${id}` === 'police:P-8' ? 'adult-1' : `${agency}:${id}`,
  })
  assert.equal(p.total, 5, 'the police and carer reports of 26 June are one episode; other children do not count')
  assert.equal(p.last30, 2)
  assert.equal(p.last90, 3)
  assert.equal(p.last365, 4)
  assert.deepEqual(p.usualTimesOfDay, ['night'])
  assert.deepEqual(p.usualWeekdays, ['Friday'])
  assert.deepEqual(
    p.placesFoundMoreThanOnce.map((r) => [r.key, r.count]),
    [['location:OL161PA', 2]],
  )
  assert.deepEqual(
    p.vehiclesSeenMoreThanOnce.map((r) => [r.key, r.count]),
    [['vehicle:AB12CDE', 2]],
  )
  assert.deepEqual(
    p.peopleSeenMoreThanOnce.map((r) => [r.key, r.count]),
    [['person:adult-1', 2]],
  )
  assert.equal(p.longestDurationHours, 24)
})

test('times of day are read on the London clock', () => {
  assert.equal(timeOfDay(new Date('2026-07-01T21:30:00Z')), 'night') // 22:30 BST
  assert.equal(timeOfDay(new Date('2026-01-01T21:30:00Z')), 'evening') // 21:30 GMT
})

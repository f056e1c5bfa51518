import { test } from 'node:test'
import assert from 'node:assert/strict'
import { localTime, formTime, namedPeople, places, text, things } from './page-input.ts'

test('a time typed on a page is London wall-clock time, in summer and in winter', () => {
  assert.equal(localTime('2026-05-01 23:45'), '2026-05-01T23:45:00+01:00')
  assert.equal(localTime('2026-01-10T08:00'), '2026-01-10T08:00:00+00:00')
  assert.equal(localTime('10/01/2026'), null)
  assert.equal(localTime(''), null)
  assert.equal(formTime(new Date('2026-05-01T22:45:00Z')), '2026-05-01T23:45')
})

test('people, places and things named on a page become involvements', () => {
  let n = 0
  const people = namedPeople(
    'Kamal Hussain, 1983-06-01\n\n  Jo  ',
    'police',
    'found_with',
    () => `TL-${++n}`,
    '2026-05-02T00:00:00+01:00',
  )
  assert.deepEqual(
    people.map((p) => p.involvement),
    [
      { person: 'TL-1', role: 'found_with' },
      { person: 'TL-2', role: 'found_with' },
    ],
  )
  assert.equal(people[0].record.family_name, 'Hussain')
  assert.equal(people[0].record.date_of_birth, '1983-06-01')
  assert.equal(people[1].record.given_name, 'Jo')
  assert.deepEqual(places('Takeaway, Drake St, OL16 1PA\nThe park', 'found_at'), [
    { location: { name: 'Takeaway, Drake St', postcode: 'OL16 1PA' }, role: 'found_at' },
    { location: { name: 'The park' }, role: 'found_at' },
  ])
  assert.deepEqual(things('AB12 CDE', 'vehicle', 'associate'), [{ vehicle: 'AB12 CDE', role: 'associate' }])
})

test('text typed on a page is trimmed and never cut (its limit is a field error on the page)', () => {
  const long = 'x'.repeat(20_000)
  assert.equal(text(`  ${long} `), long)
  assert.equal(text('   '), undefined)
  assert.equal(text(7), undefined)
})

test('a list typed one a line is read whole: no line beyond the fiftieth is dropped (too many is a field error on the page)', () => {
  const sixty = Array.from({ length: 60 }, (_, i) => `AB${i} CDE`).join('\n')
  assert.equal(things(sixty, 'vehicle', 'found_with').length, 60)
  assert.equal(places(sixty, 'associate').length, 60)
})

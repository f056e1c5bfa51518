import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DateTime } from 'luxon'
import { formatLondon, ZONE } from './clock.ts'
import { seededRandom } from '../linkage/random.ts'

// luxon's own rendering is the reference the fast one must match, to the character
const reference = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toISO({ suppressMilliseconds: true })

test('London times are written as luxon writes them, across clock changes and before the fast tables', () => {
  const random = seededRandom(7)
  const instants: number[] = []
  for (let i = 0; i < 20_000; i++) instants.push(Date.UTC(1970, 0, 1) + Math.floor(random() * 70 * 365.25 * 86_400_000))
  for (const year of [1980, 1995, 1996, 2002, 2011, 2021, 2026, 2035]) {
    // every quarter hour through each day on which the clocks change
    for (const month of [2, 9]) {
      for (let day = 20; day <= 31; day++) {
        for (let q = 0; q < 96; q++) instants.push(Date.UTC(year, month, day) + q * 900_000)
      }
    }
  }
  instants.push(Date.UTC(2016, 7, 6, 1, 0, 0, 123), Date.UTC(2009, 0, 1, 0, 0, 0, 5))
  for (const ms of instants) assert.equal(formatLondon(new Date(ms)), reference(ms), new Date(ms).toISOString())
})

test('text is read as an ISO time; nothing and nonsense give null', () => {
  assert.equal(formatLondon('2026-07-01T09:30:00Z'), '2026-07-01T10:30:00+01:00')
  assert.equal(formatLondon('2026-01-01T09:30:00.250Z'), '2026-01-01T09:30:00.250+00:00')
  assert.equal(formatLondon(null), null)
  assert.equal(formatLondon(undefined), null)
  assert.equal(formatLondon('not a time'), null)
  assert.equal(formatLondon(new Date(Number.NaN)), null)
})

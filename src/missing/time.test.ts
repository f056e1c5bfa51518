import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DateTime } from 'luxon'
import { parseTime, plusLondonDays } from './time.ts'

test('calendar days in London agree with luxon across clock changes', () => {
  let seed = 3
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
  for (let i = 0; i < 3000; i++) {
    const from = new Date(Date.UTC(2000, 0, 1) + random() * 30 * 365 * 86_400_000)
    const days = Math.floor(random() * 400) - 30
    const expected = DateTime.fromJSDate(from).setZone('Europe/London').plus({ days }).toJSDate()
    assert.equal(plusLondonDays(from, days).toISOString(), expected.toISOString(), `${from.toISOString()} + ${days}`)
  }
})

test('times with an offset, in UTC, and in London local time without an offset', () => {
  assert.equal(parseTime('2026-07-01T23:10:00+01:00')?.toISOString(), '2026-07-01T22:10:00.000Z')
  assert.equal(parseTime('2026-07-01T23:10:00Z')?.toISOString(), '2026-07-01T23:10:00.000Z')
  assert.equal(parseTime('2026-07-01T23:10')?.toISOString(), '2026-07-01T22:10:00.000Z')
  assert.equal(parseTime('2026-01-01T23:10:00')?.toISOString(), '2026-01-01T23:10:00.000Z')
  assert.equal(parseTime('not a time'), null)
})

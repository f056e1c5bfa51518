import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DateTime } from 'luxon'
import {
  addMonths,
  ageInYears,
  fullestDateOfBirth,
  dayFromIso,
  isAdultOn,
  isAtLeastOn,
  dayFromParts,
  isoFromDay,
  londonDay,
  londonMidnight,
  parseInstant,
  partsFromDay,
  weekday,
} from './days.ts'

test('London day and midnight agree with luxon across clock changes', () => {
  let seed = 11
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
  const checks: number[] = [
    Date.parse('2024-03-31T00:59:59Z'),
    Date.parse('2024-03-31T01:00:00Z'),
    Date.parse('2023-10-28T23:00:00Z'),
    Date.parse('2023-10-29T00:59:59Z'),
    Date.parse('2023-10-29T01:00:00Z'),
  ]
  for (let i = 0; i < 3000; i++) checks.push(Date.UTC(1990, 0, 1) + random() * 41 * 365 * 86_400_000)
  for (const ms of checks) {
    const l = DateTime.fromMillis(ms, { zone: 'Europe/London' })
    assert.equal(isoFromDay(londonDay(ms)), l.toISODate(), new Date(ms).toISOString())
    assert.equal(londonMidnight(londonDay(ms)), l.startOf('day').toMillis(), new Date(ms).toISOString())
  }
})

test('month arithmetic clamps to the end of the month', () => {
  assert.equal(isoFromDay(addMonths(dayFromIso('2023-08-31'), 6)), '2024-02-29')
  assert.equal(isoFromDay(addMonths(dayFromIso('2023-01-15'), 6)), '2023-07-15')
  assert.equal(isoFromDay(addMonths(dayFromIso('2023-11-30'), 3)), '2024-02-29')
  assert.equal(weekday(dayFromIso('2023-05-08')), 1)
})

test('a time without an offset is London local time', () => {
  assert.equal(new Date(parseInstant('2008-05-02T23:10:00')).toISOString(), '2008-05-02T22:10:00.000Z')
  assert.equal(new Date(parseInstant('2008-12-02T23:10:00')).toISOString(), '2008-12-02T23:10:00.000Z')
  assert.equal(new Date(parseInstant('2008-05-02T23:10:00+00:00')).toISOString(), '2008-05-02T23:10:00.000Z')
  assert.equal(new Date(parseInstant('2008-05-02')).toISOString(), '2008-05-01T23:00:00.000Z')
  assert.throws(() => parseInstant('yesterday'), /not an ISO 8601 time/)
})

test('day numbers and civil dates agree with the Date built-ins', () => {
  for (let day = -800_000; day < 800_000; day += 37) {
    const d = new Date(day * 86_400_000)
    assert.deepEqual(partsFromDay(day), { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() })
    assert.equal(dayFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), day)
  }
  assert.equal(dayFromParts(2023, 13, 1), dayFromIso('2024-01-01'))
  assert.equal(dayFromParts(2024, 3, 0), dayFromIso('2024-02-29'))
})

test('ages: whole years, a leap-day birthday on 1 March, partial dates judged by the latest possible birth', () => {
  assert.equal(ageInYears('2013-06-15', '2026-06-14'), 12)
  assert.equal(ageInYears('2013-06-15', '2026-06-15'), 13)
  assert.equal(ageInYears('2008-02-29', '2026-02-28'), 17)
  assert.equal(ageInYears('2008-02-29', '2026-03-01'), 18)
  // certainly 18 on the London date (GMT in March, BST in June)
  assert.equal(isAtLeastOn('2007-03-14', 18, '2025-03-13T23:30:00Z'), false)
  assert.equal(isAtLeastOn('2007-03-14', 18, '2025-03-14T00:00:00Z'), true)
  assert.equal(isAtLeastOn('2007-06-14', 18, '2025-06-13T23:30:00Z'), true, 'in BST, 23:30 UTC is the next London day')
  // a year alone: certainly 25 only from the last day it could have been born + 25 years
  assert.equal(isAtLeastOn('2001', 25, '2026-12-30'), false)
  assert.equal(isAtLeastOn('2001', 25, '2026-12-31'), true)
  assert.equal(isAtLeastOn('2001-02', 25, '2026-02-27'), false)
  assert.equal(isAtLeastOn('2001-02', 25, '2026-02-28'), true)
  assert.equal(isAtLeastOn(undefined, 18, '2026-01-01'), undefined)
  assert.equal(isAtLeastOn('not a date', 18, '2026-01-01'), undefined)
  assert.equal(isAdultOn(undefined, '2026-01-01', false), true, 'an agency says an adult')
  assert.equal(isAdultOn('1990-01-01', '2026-01-01', true), false, 'an agency says a child')
})

test('the fullest date of birth: a whole date before a partial one, the latest of equally full ones, in any order', () => {
  assert.equal(fullestDateOfBirth([]), null)
  assert.equal(fullestDateOfBirth([null, undefined, '']), null)
  assert.equal(fullestDateOfBirth(['2009', '2009-03', null, '2009-03-14']), '2009-03-14')
  assert.equal(fullestDateOfBirth(['2009-03-14', '2009']), '2009-03-14')
  // two whole dates that disagree (an adult's record wrongly joined to a child's): the youngest, both ways round
  assert.equal(fullestDateOfBirth(['1983-06-01', '2007-03-14']), '2007-03-14')
  assert.equal(fullestDateOfBirth(['2007-03-14', '1983-06-01']), '2007-03-14')
})

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { addWorkingDays, isWorkingDay, makeCalendar, nthWorkingDayAfter, workingDaysBetween } from './working-days.ts'
import { isoFromDay, londonDay } from './days.ts'

const due = (from: string, n: number) => addWorkingDays(new Date(from), n).toISOString()
/** The last calendar day inside a deadline: the day before the instant it ends. */
const lastDay = (end: Date) => isoFromDay(londonDay(end.getTime() - 1))

test('weekends and bank holidays are not working days; moved holidays are', () => {
  assert.equal(isWorkingDay('2012-06-05'), false) // Diamond Jubilee
  assert.equal(isWorkingDay('2012-06-04'), false) // spring bank holiday moved
  assert.equal(isWorkingDay('2012-05-28'), true) // where it would have been
  assert.equal(isWorkingDay('2002-05-27'), true)
  assert.equal(isWorkingDay('2002-06-04'), false)
  assert.equal(isWorkingDay('2020-05-04'), true)
  assert.equal(isWorkingDay('2020-05-08'), false)
  assert.equal(isWorkingDay('2022-05-30'), true)
  assert.equal(isWorkingDay('2023-05-06'), false) // a Saturday
  assert.equal(isWorkingDay('2023-05-09'), true)
})

test('a deadline counts from the day after, and skips the one-off holidays', () => {
  // Thursday 31 May 2012 + 2: Friday 1 June, then Monday 4 and Tuesday 5 June are holidays: Wednesday 6.
  assert.equal(due('2012-05-31T10:00:00+01:00', 2), '2012-06-06T23:00:00.000Z')
  // Friday 31 May 2002 + 1: Monday 3 (Golden Jubilee) and Tuesday 4 (spring holiday) skipped.
  assert.equal(lastDay(addWorkingDays(new Date('2002-05-31T09:00:00+01:00'), 1)), '2002-06-05')
  // Easter 2011 then the royal wedding then early May: Thursday 21 April + 4 working days = Tuesday 3 May.
  assert.equal(lastDay(addWorkingDays(new Date('2011-04-21T12:00:00+01:00'), 4)), '2011-05-03')
  assert.equal(lastDay(addWorkingDays(new Date('2020-05-07T12:00:00+01:00'), 1)), '2020-05-11') // VE Day
  assert.equal(lastDay(addWorkingDays(new Date('2022-09-16T12:00:00+01:00'), 1)), '2022-09-20') // state funeral
  assert.equal(lastDay(addWorkingDays(new Date('2023-05-05T12:00:00+01:00'), 1)), '2023-05-09') // coronation
  assert.equal(lastDay(addWorkingDays(new Date('1999-12-30T12:00:00Z'), 1)), '2000-01-04') // Millennium, New Year
})

test('Christmas substitute days push a deadline on', () => {
  // Christmas 2010 was a Saturday: Monday 27 and Tuesday 28 were the substitutes.
  assert.equal(lastDay(addWorkingDays(new Date('2010-12-24T10:00:00Z'), 1)), '2010-12-29')
  // Christmas 2011 was a Sunday: Boxing Day Monday 26, Christmas substitute Tuesday 27.
  assert.equal(lastDay(addWorkingDays(new Date('2011-12-23T10:00:00Z'), 1)), '2011-12-28')
  // Ten working days from Friday 18 December 2020 (Christmas Friday, Boxing Day substitute Monday 28, New Year Friday).
  assert.equal(lastDay(addWorkingDays(new Date('2020-12-18T10:00:00Z'), 10)), '2021-01-06')
})

test('deadlines end at London midnight on either side of a clock change', () => {
  // Clocks went forward on Sunday 31 March 2024, inside Easter: due end of Tuesday 2 April, BST.
  assert.equal(due('2024-03-28T12:00:00Z', 1), '2024-04-02T23:00:00.000Z')
  // Clocks went back on Sunday 29 October 2023: due end of Monday 30 October, GMT.
  assert.equal(due('2023-10-27T10:00:00+01:00', 1), '2023-10-31T00:00:00.000Z')
  // 00:30 BST on Friday 30 June 2023 is still Thursday in UTC: the London day counts.
  assert.equal(lastDay(addWorkingDays(new Date('2023-06-29T23:30:00Z'), 1)), '2023-07-03')
})

test('a deadline from a weekend or holiday counts from the next working day', () => {
  assert.equal(lastDay(addWorkingDays(new Date('2023-05-06T10:00:00+01:00'), 1)), '2023-05-09')
  assert.equal(isoFromDay(nthWorkingDayAfter('2023-05-08', 0)), '2023-05-08')
  assert.equal(addWorkingDays(new Date('2023-05-08T10:00:00+01:00'), 0).toISOString(), '2023-05-08T23:00:00.000Z')
})

test('workingDaysBetween is the inverse of addWorkingDays', () => {
  let seed = 7
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
  for (let i = 0; i < 300; i++) {
    const from = new Date(Date.UTC(2000, 0, 1) + random() * 30 * 365 * 86_400_000)
    const n = Math.floor(random() * 40)
    const end = addWorkingDays(from, n)
    assert.equal(workingDaysBetween(from, new Date(end.getTime() - 1)), n, `${from.toISOString()} + ${n}`)
    assert.equal(workingDaysBetween(new Date(end.getTime() - 1), from), n === 0 ? 0 : -n)
  }
  assert.equal(workingDaysBetween('2012-06-01', '2012-06-06'), 1) // Wednesday 6 June only
})

test('refuses to count past the table rather than guess', () => {
  assert.throws(() => addWorkingDays(new Date('2030-12-20T10:00:00Z'), 10), /no bank holiday table for 2031/)
  assert.throws(() => isWorkingDay('1998-06-01'), /no bank holiday table for 1998/)
  assert.throws(() => addWorkingDays(new Date('2020-01-01'), -1), /whole number/)
})

test('an area can add its own closure days', () => {
  const local = makeCalendar(undefined, {
    extraClosures: [{ date: '2023-05-09', name: 'local closure', source: 'act' }],
  })
  assert.equal(isWorkingDay('2023-05-09', local), false)
  assert.equal(lastDay(addWorkingDays(new Date('2023-05-05T12:00:00+01:00'), 1, local)), '2023-05-10')
})

test('a time without an offset is read as London time', () => {
  // 23:30 on Sunday 2 July 2023 in London is Sunday; 23:30 UTC that night is already Monday in London (BST).
  assert.equal(isWorkingDay('2023-07-02T23:30:00'), false) // Sunday in London
  assert.equal(isWorkingDay('2023-07-02T23:30:00Z'), true) // 00:30 BST on Monday
})

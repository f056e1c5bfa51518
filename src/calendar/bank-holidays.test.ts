// Cross-checks the curated table against the computed rules, and the one-offs against what was proclaimed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  BANK_HOLIDAY_SOURCES,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  FIRST_COVERED_YEAR,
  LAST_COVERED_YEAR,
} from './bank-holidays.ts'

const iso = (d: Date) => d.toISOString().slice(0, 10)
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
const plus = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000)

// Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
function easterSunday(y: number): Date {
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100,
    d = Math.floor(b / 4),
    e = b % 4
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  return utc(y, month, ((h + l - 7 * m + 114) % 31) + 1)
}
const firstMonday = (y: number, m: number) => {
  let d = utc(y, m, 1)
  while (d.getUTCDay() !== 1) d = plus(d, 1)
  return d
}
const lastMonday = (y: number, m: number) => {
  let d = utc(y, m + 1, 0)
  while (d.getUTCDay() !== 1) d = plus(d, -1)
  return d
}

/** The usual pattern, before any proclamation changes it. */
function usualHolidays(y: number): string[] {
  const out: Date[] = []
  let ny = utc(y, 1, 1)
  while (ny.getUTCDay() === 0 || ny.getUTCDay() === 6) ny = plus(ny, 1)
  out.push(ny)
  const easter = easterSunday(y)
  out.push(plus(easter, -2), plus(easter, 1), firstMonday(y, 5), lastMonday(y, 5), lastMonday(y, 8))
  // Christmas and Boxing Day: a day falling on a weekend moves to the next weekday not already a holiday.
  const taken = new Set<string>()
  for (const d of [utc(y, 12, 25), utc(y, 12, 26)]) {
    let day = d
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6 || taken.has(iso(day))) day = plus(day, 1)
    taken.add(iso(day))
    out.push(day)
  }
  return out.map(iso)
}

// What the proclamations changed: [removed from the usual pattern, added].
const PROCLAIMED: Record<number, [string[], string[]]> = {
  1999: [[], ['1999-12-31']],
  2002: [['2002-05-27'], ['2002-06-03', '2002-06-04']],
  2011: [[], ['2011-04-29']],
  2012: [['2012-05-28'], ['2012-06-04', '2012-06-05']],
  2020: [['2020-05-04'], ['2020-05-08']],
  2022: [['2022-05-30'], ['2022-06-02', '2022-06-03', '2022-09-19']],
  2023: [[], ['2023-05-08']],
}

const tableYear = (y: number) =>
  ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${y}-`))
    .map((h) => h.date)
    .sort()

test('every year of the table is the usual pattern changed only by the proclaimed one-offs', () => {
  for (let y = FIRST_COVERED_YEAR; y <= LAST_COVERED_YEAR; y++) {
    const [removed, added] = PROCLAIMED[y] ?? [[], []]
    const expected = [...usualHolidays(y).filter((d) => !removed.includes(d)), ...added].sort()
    assert.deepEqual(tableYear(y), expected, `bank holidays of ${y}`)
  }
})

test('Christmas substitute days follow the weekend rule', () => {
  assert.deepEqual(tableYear(2010).slice(-2), ['2010-12-27', '2010-12-28']) // Christmas on a Saturday
  assert.deepEqual(tableYear(2011).slice(-2), ['2011-12-26', '2011-12-27']) // Christmas on a Sunday
  assert.deepEqual(tableYear(2020).slice(-2), ['2020-12-25', '2020-12-28']) // Boxing Day on a Saturday
  assert.deepEqual(tableYear(2026).slice(-2), ['2026-12-25', '2026-12-28'])
})

test('the one-off holidays are in the table with their own sources', () => {
  const byDate = new Map(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => [h.date, h]))
  for (const [date, source] of [
    ['1999-12-31', 'millennium1999'],
    ['2002-06-03', 'goldenJubilee2002'],
    ['2002-06-04', 'goldenJubilee2002'],
    ['2011-04-29', 'royalWedding2011'],
    ['2012-06-04', 'diamondJubilee2012'],
    ['2012-06-05', 'diamondJubilee2012'],
    ['2020-05-08', 'veDay2020'],
    ['2022-06-02', 'platinumJubilee2022'],
    ['2022-06-03', 'platinumJubilee2022'],
    ['2022-09-19', 'stateFuneral2022'],
    ['2023-05-08', 'coronation2023'],
  ]) {
    assert.equal(byDate.get(date)?.source, source, date)
  }
  for (const moved of ['2002-05-27', '2012-05-28', '2020-05-04', '2022-05-30'])
    assert.equal(byDate.has(moved), false, moved)
})

test('every row is a weekday, unique, named and sourced', () => {
  const seen = new Set<string>()
  for (const h of ENGLAND_AND_WALES_BANK_HOLIDAYS) {
    const day = new Date(`${h.date}T00:00:00Z`).getUTCDay()
    assert.ok(day >= 1 && day <= 5, `${h.date} falls on a weekend`)
    assert.ok(!seen.has(h.date), `${h.date} twice`)
    seen.add(h.date)
    assert.ok(h.name.length > 0)
    assert.ok(BANK_HOLIDAY_SOURCES[h.source], `${h.date} has no source`)
  }
})

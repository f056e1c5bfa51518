import { test } from 'node:test'
import assert from 'node:assert/strict'
import { PeriodError, parsePeriodKind, periodsFor, previousPeriod } from './periods.ts'

const spans = (list: { start: string; end: string }[]) => list.map((p) => `${p.start}..${p.end}`)

test('calendar quarters start on 1 January, April, July and October and cover every day asked for', () => {
  assert.deepEqual(spans(periodsFor('2025-02-15', '2025-10-01', 'quarter')), [
    '2025-01-01..2025-03-31',
    '2025-04-01..2025-06-30',
    '2025-07-01..2025-09-30',
    '2025-10-01..2025-12-31',
  ])
})

test('years are financial years from 1 April; months are calendar months (leap February)', () => {
  assert.deepEqual(spans(periodsFor('2024-03-31', '2025-04-01', 'year')), [
    '2023-04-01..2024-03-31',
    '2024-04-01..2025-03-31',
    '2025-04-01..2026-03-31',
  ])
  assert.deepEqual(spans(periodsFor('2024-01-31', '2024-03-01', 'month')), [
    '2024-01-01..2024-01-31',
    '2024-02-01..2024-02-29',
    '2024-03-01..2024-03-31',
  ])
})

test('without --by, one period from --from to --to, both inclusive', () => {
  assert.deepEqual(spans(periodsFor('2025-02-15', '2025-02-15', null)), ['2025-02-15..2025-02-15'])
})

test('a period runs from London midnight to the end of its last London day, in summer time too', () => {
  const [q2] = periodsFor('2026-04-01', '2026-06-30', 'quarter')
  assert.equal(q2.startsAt.toISOString(), '2026-03-31T23:00:00.000Z')
  assert.equal(q2.endsAt.toISOString(), '2026-06-30T22:59:59.999Z')
  const [q4] = periodsFor('2026-10-01', '2026-12-31', 'quarter')
  assert.equal(q4.startsAt.toISOString(), '2026-09-30T23:00:00.000Z')
  assert.equal(q4.endsAt.toISOString(), '2026-12-31T23:59:59.999Z')
})

test('bad dates, --from after --to and an unknown --by are refused with a message', () => {
  assert.throws(() => periodsFor('2025-02-30', '2025-03-01', null), PeriodError)
  assert.throws(() => periodsFor('2025-1-1', '2025-03-01', null), /--from "2025-1-1" is not a date/)
  assert.throws(() => periodsFor('', '2025-03-01', null), /--from is required/)
  assert.throws(() => periodsFor('2025-03-02', '2025-03-01', null), /--from 2025-03-02 is after --to 2025-03-01/)
  assert.throws(() => parsePeriodKind('week'), /--by "week" is not one of: month, quarter, year/)
  assert.equal(parsePeriodKind(undefined), null)
})

test('the previous period is the same kind of period before (or as many days before)', () => {
  const [q1] = periodsFor('2026-01-01', '2026-03-31', 'quarter')
  assert.deepEqual(spans([previousPeriod(q1, 'quarter')]), ['2025-10-01..2025-12-31'])
  const [fy] = periodsFor('2026-04-01', '2026-04-01', 'year')
  assert.deepEqual(spans([previousPeriod(fy, 'year')]), ['2025-04-01..2026-03-31'])
  const [span] = periodsFor('2026-03-01', '2026-03-10', null)
  assert.deepEqual(spans([previousPeriod(span, null)]), ['2026-02-19..2026-02-28'])
})

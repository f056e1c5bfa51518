import { test } from 'node:test'
import assert from 'node:assert/strict'
import { dayFromIso } from '../calendar/days.ts'
import { figureRows, type Fact, type Measure } from './measures.ts'
import { periodsFor } from './periods.ts'

const ENDED: Measure = {
  id: 'ended',
  kind: 'count',
  numerator: 'ended',
  byAgency: true,
  atPeriodEnd: false,
  definition: '',
}
const IN_TIME: Measure = { ...ENDED, id: 'in_time', kind: 'rate', numerator: 'in_time', denominator: 'ended' }
const fact = (quantity: string, day: string, ...agencies: string[]): Fact => ({
  quantity,
  day: dayFromIso(day),
  agencies,
})
const months = periodsFor('2026-01-01', '2026-02-28', 'month')

test('one area row then one per agency (zeros included); a fact two agencies recorded is once in the area', () => {
  const rows = figureRows(months, [ENDED], [fact('ended', '2026-01-31', 'police', 'csc')], {
    agencies: ['police', 'csc', 'health'],
    suppress: false,
  })
  assert.deepEqual(
    rows.map((r) => [r.period_start, r.agency, r.value]),
    [
      ['2026-01-01', null, 1],
      ['2026-01-01', 'csc', 1],
      ['2026-01-01', 'health', 0],
      ['2026-01-01', 'police', 1],
      ['2026-02-01', null, 0],
      ['2026-02-01', 'csc', 0],
      ['2026-02-01', 'health', 0],
      ['2026-02-01', 'police', 0],
    ],
  )
  assert.ok(
    rows.every((r) => r.denominator === null && r.numerator === r.value && !r.suppressed && r.category === null),
  )
})

test('a rate is numerator over denominator from 0 to 1; an empty denominator gives no value', () => {
  const facts = [
    ...Array.from({ length: 3 }, () => fact('ended', '2026-01-10', 'police')),
    fact('in_time', '2026-01-10', 'police'),
  ]
  const rows = figureRows(months, [IN_TIME], facts, { agencies: ['police'], suppress: false })
  assert.deepEqual(
    rows.map((r) => [r.numerator, r.denominator, r.value]),
    [
      [1, 3, 0.3333],
      [1, 3, 0.3333],
      [0, 0, null],
      [0, 0, null],
    ],
  )
})

test('suppressed: the small agency and the next one are hidden; the figure hidden in the rate is hidden in the count', () => {
  const facts: Fact[] = []
  for (let i = 0; i < 20; i++) facts.push(fact('ended', '2026-01-10', i < 10 ? 'police' : 'csc'))
  for (let i = 0; i < 12; i++) facts.push(fact('in_time', '2026-01-10', i < 2 ? 'police' : 'csc'))
  const rows = figureRows([months[0]], [ENDED, IN_TIME], facts, {
    agencies: ['police', 'csc', 'health'],
    suppress: true,
  })
  const shown = rows.map((r) => [r.measure, r.agency, r.suppressed ? 'hidden' : r.value])
  assert.deepEqual(shown, [
    ['ended', null, 20],
    ['ended', 'csc', 'hidden'],
    ['ended', 'health', 0],
    ['ended', 'police', 'hidden'],
    ['in_time', null, 0.6],
    ['in_time', 'csc', 'hidden'],
    ['in_time', 'health', null],
    ['in_time', 'police', 'hidden'],
  ])
  for (const r of rows.filter((x) => x.suppressed))
    assert.deepEqual([r.numerator, r.denominator, r.value], [null, null, null])
})

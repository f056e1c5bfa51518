import { test } from 'node:test'
import assert from 'node:assert/strict'
import { barChart } from './chart.ts'
import { figureChoice } from './form.ts'
import { measureViews, periodLabel } from './page.ts'
import { periodsFor, previousPeriod } from './periods.ts'
import type { FigureRow, Measure } from './measures.ts'
import { MEASURES } from './catalogue.ts'
import { GRADES } from '../audits/tool.ts'

test('a bar chart: one bar per period, none for a hidden figure, a 0–100% axis for a rate', () => {
  const chart = barChart(
    'Episodes',
    [
      { label: 'Q1', value: 10, suppressed: false },
      { label: 'Q2', value: null, suppressed: true },
      { label: 'Q3', value: 0, suppressed: false },
    ],
    { percent: false },
  )
  assert.equal(chart.bars.length, 3)
  assert.ok(chart.bars[0].height > 0)
  assert.equal(chart.bars[1].height, 0)
  assert.deepEqual(
    chart.bars.map((b) => b.text),
    ['10', 's', '0'],
  )
  assert.equal(chart.description, 'Episodes, by period. Q1: 10; Q2: suppressed; Q3: 0.')
  const rate = barChart('In time', [{ label: 'Q1', value: 0.5, suppressed: false }], { percent: true })
  assert.deepEqual(
    rate.yTicks.map((t) => t.label),
    ['0%', '25%', '50%', '75%', '100%'],
  )
  assert.equal(rate.bars[0].text, '50%')
})

test('the form: empty means four calendar quarters to today (the current one so far); each bad field has its message', () => {
  const now = new Date('2026-05-10T12:00:00Z')
  const empty = figureChoice({}, now)
  assert.deepEqual(empty.form, { from: '2025-07-01', to: '2026-05-10', by: 'quarter', as_of: '', suppress: false })
  assert.deepEqual(
    empty.periods!.map((p) => p.start),
    ['2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01'],
  )
  const bad = figureChoice({ from: '2026-13-01', to: '', by: 'fortnight', as_of: 'yesterday' }, now)
  assert.deepEqual(bad.fieldErrors, {
    from: 'The first day must be a real date, like 2026-01-01',
    to: 'Enter the last day',
    by: 'Choose months, quarters, financial years or one period',
    as_of: '“As known on” must be a real date, like 2026-04-30',
  })
  assert.equal(bad.periods, undefined)
  assert.match(figureChoice({ from: '2020-01-01', to: '2026-01-01', by: 'month' }, now).errors[0].text, /at most 60/)
  assert.equal(figureChoice({ from: '2026-01-01', to: '2026-01-31', by: 'none' }, now).by, null)
})

test('the change against the period before: shown only between two shown figures; a rate’s in points', () => {
  const periods = periodsFor('2026-01-01', '2026-06-30', 'quarter')
  const previous = previousPeriod(periods[0], 'quarter')
  const m: Measure = {
    id: 'r',
    kind: 'rate',
    numerator: 'a',
    denominator: 'b',
    byAgency: false,
    atPeriodEnd: false,
    definition: 'd',
  }
  const row = (p: { start: string; end: string }, value: number | null, suppressed = false): FigureRow => ({
    period_start: p.start,
    period_end: p.end,
    measure: 'r',
    agency: null,
    numerator: suppressed ? null : 5,
    denominator: suppressed ? null : 10,
    value,
    suppressed,
    category: null,
  })
  const views = measureViews(
    [m],
    [row(previous, null, true), row(periods[0], 0.5), row(periods[1], 0.625)],
    periods,
    previous,
    'quarter',
    [],
    new Map([['r', 'defined']]),
  )
  assert.deepEqual(
    views[0].series[0].lines.map((l) => [l.label, l.value, l.change]),
    [
      ['Jan–Mar 2026', '50%', '–'],
      ['Apr–Jun 2026', '62.5%', '+12.5 points'],
    ],
  )
  assert.equal(views[0].definition, 'defined')
  assert.equal(periodLabel(periodsFor('2025-04-01', '2025-04-01', 'year')[0], 'year'), '2025–26')
})

test('audit grades on the page: a chart and table per grade in Ofsted’s words, and each agency’s grades per period', () => {
  const periods = periodsFor('2026-01-01', '2026-03-31', 'quarter')
  const previous = previousPeriod(periods[0], 'quarter')
  const m = MEASURES.find((x) => x.id === 'audit_grades')!
  const rows: FigureRow[] = [previous, periods[0]].flatMap((p) =>
    [null, 'police'].flatMap((agency) =>
      GRADES.map((grade, i) => ({
        period_start: p.start,
        period_end: p.end,
        measure: 'audit_grades',
        agency,
        numerator: i * 5,
        denominator: null,
        value: i * 5,
        suppressed: false,
        category: grade,
      })),
    ),
  )
  const [view] = measureViews([m], rows, periods, previous, 'quarter', [{ code: 'police', name: 'Police' }], new Map())
  assert.equal(view.title, 'Grades in multi-agency case audits')
  assert.match(view.definition, /agreed for the children discussed in the period/)
  assert.deepEqual(
    view.series.map((s) => s.caption),
    ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'].map(
      (g) => `Grades in multi-agency case audits: ${g}`,
    ),
  )
  assert.deepEqual(
    view.agencyLines.map((l) => [l.label, ...l.cells]),
    [
      ['Jan–Mar 2026: Outstanding', '0'],
      ['Jan–Mar 2026: Good', '5'],
      ['Jan–Mar 2026: Requires improvement', '10'],
      ['Jan–Mar 2026: Inadequate', '15'],
    ],
  )
})

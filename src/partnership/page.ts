// What the partnership page shows, from the figures' rows (pure): per measure its definition, per
// category a chart and a table of the area's figure by period with the change against the period
// before, and, for measures by agency, each agency's figure. Suppressed figures stay hidden here:
// a change is shown only between two figures that are both shown.
import { GRADE_LABELS, isGrade } from '../audits/tool.ts'
import { barChart, type BarChart } from './chart.ts'
import type { FigureRow, Measure } from './measures.ts'
import type { Period, PeriodKind } from './periods.ts'

export interface PeriodLine {
  label: string
  start: string
  end: string
  value: string
  numerator: string
  denominator: string
  change: string
  suppressed: boolean
}

export interface SeriesView {
  category: string | null
  caption: string
  chart: BarChart
  lines: PeriodLine[]
}

export interface MeasureView {
  id: string
  title: string
  definition: string
  rate: boolean
  series: SeriesView[]
  /** For measures by agency: each agency's figure per period (the same hiding). */
  agencies: { code: string; name: string }[] | null
  agencyLines: { label: string; cells: string[] }[]
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function periodLabel(p: Pick<Period, 'start' | 'end'>, by: PeriodKind | null): string {
  const [y, m] = p.start.split('-').map(Number)
  if (by === 'month') return `${MONTHS[m - 1]} ${y}`
  if (by === 'quarter') return `${MONTHS[m - 1]}–${MONTHS[m + 1]} ${y}`
  if (by === 'year') return `${y}–${String(y + 1).slice(2)}`
  return `${p.start} to ${p.end}`
}

export const TITLES: Record<string, string> = {
  missing_episodes_ended: 'Missing episodes ended',
  return_interviews_within_72h: 'Return interviews held in time',
  concerns_raised: 'Concerns raised',
  referrals: 'Referrals to children’s social care',
  re_referrals_within_12_months: 'Re-referrals within 12 months',
  nfa_decisions: 'No-further-action decisions',
  nfa_decisions_challenged: 'No-further-action decisions challenged',
  challenges_resolved_by_deadline: 'Challenges resolved by their deadline',
  unanswered_children: 'Children unanswered at the period’s end',
  children_at_risk: 'Children at risk of exploitation at the period’s end',
  repeat_missing_without_strategy: 'Children repeatedly missing without a strategy discussion',
  supervision_on_time: 'Case supervision on time',
  language_findings_per_1000_notes: 'Victim-blaming language per 1,000 records',
  audit_grades: 'Grades in multi-agency case audits',
}

/** A category in words: a band's number, a grade's Ofsted word. */
export function categoryWords(measureId: string, category: string): string {
  if (measureId === 'audit_grades' && isGrade(category)) return GRADE_LABELS[category]
  return `band ${category}`
}

const SUPPRESSED = 'suppressed'

function shown(row: FigureRow | undefined, measure: Measure): string {
  if (!row) return ''
  if (row.suppressed) return SUPPRESSED
  if (row.value === null) return '–'
  if (measure.kind === 'rate') return `${round1(row.value * 100)}%`
  return String(row.value)
}

function change(now: FigureRow | undefined, before: FigureRow | undefined, measure: Measure): string {
  if (!now || !before || now.suppressed || before.suppressed || now.value === null || before.value === null) return '–'
  const d = measure.kind === 'rate' ? round1((now.value - before.value) * 100) : round1(now.value - before.value)
  if (d === 0) return 'no change'
  const unit = measure.kind === 'rate' ? (Math.abs(d) === 1 ? ' point' : ' points') : ''
  return `${d > 0 ? '+' : '−'}${Math.abs(d)}${unit}`
}

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * `rows` cover `previous` (the period before the first shown, for its change) and `periods`.
 * `definitions` are the measures' definitions with the area's settings in them.
 */
export function measureViews(
  measures: readonly Measure[],
  rows: readonly FigureRow[],
  periods: readonly Period[],
  previous: Period,
  by: PeriodKind | null,
  agencies: readonly { code: string; name: string }[],
  definitions: ReadonlyMap<string, string>,
): MeasureView[] {
  const index = new Map<string, FigureRow>()
  const key = (start: string, measure: string, agency: string | null, category: string | null) =>
    `${start}\u0000${measure}\u0000${agency ?? ''}\u0000${category ?? ''}`
  for (const r of rows) index.set(key(r.period_start, r.measure, r.agency, r.category), r)
  const all = [previous, ...periods]
  return measures.map((m) => {
    const title = TITLES[m.id] ?? m.id
    const series = (m.categories ?? [null]).map((category): SeriesView => {
      const lines = periods.map((p, i): PeriodLine => {
        const row = index.get(key(p.start, m.id, null, category))
        const before = index.get(key(all[i].start, m.id, null, category))
        return {
          label: periodLabel(p, by),
          start: p.start,
          end: p.end,
          value: shown(row, m),
          numerator: row && !row.suppressed ? String(row.numerator ?? '') : '',
          denominator: row && !row.suppressed && row.denominator !== null ? String(row.denominator) : '',
          change: change(row, before, m),
          suppressed: row?.suppressed ?? false,
        }
      })
      const caption = category === null ? title : `${title}: ${categoryWords(m.id, category)}`
      const chart = barChart(
        caption,
        periods.map((p, i) => {
          const row = index.get(key(p.start, m.id, null, category))
          return { label: lines[i].label, value: row?.value ?? null, suppressed: row?.suppressed ?? false }
        }),
        { percent: m.kind === 'rate' },
      )
      return { category, caption, chart, lines }
    })
    return {
      id: m.id,
      title,
      definition: definitions.get(m.id) ?? m.definition,
      rate: m.kind === 'rate',
      series,
      agencies: m.byAgency ? [...agencies] : null,
      agencyLines: m.byAgency
        ? periods.flatMap((p) =>
            (m.categories ?? [null]).map((category) => ({
              label: category === null ? periodLabel(p, by) : `${periodLabel(p, by)}: ${categoryWords(m.id, category)}`,
              cells: agencies.map((a) => shown(index.get(key(p.start, m.id, a.code, category)), m)),
            })),
          )
        : [],
    }
  })
}

// The partnership's figures as rows (pure): each measure's definition, the facts that count for it,
// and `figureRows`, which counts facts into periods, the area and its agencies, and hides small
// numbers when asked. Storage (`figures.ts`) turns the records into facts with the existing rules.
import { mustGet } from '../errors/must.ts'
import type { Day } from '../calendar/days.ts'
import { periodIndex, type Period } from './periods.ts'
import { suppressLinked, type CellRef, type GroupCells } from './suppress.ts'

/** A named quantity that measures count: a count's figure, or a rate's numerator or denominator. */
export type Quantity = string

export type MeasureKind = 'count' | 'rate' | 'per_1000'

export interface Measure {
  id: string
  kind: MeasureKind
  numerator: Quantity
  /** Rates only. */
  denominator?: Quantity
  /** Adds one row per agency (the agency that recorded the fact). */
  byAgency: boolean
  /**
   * The quantity the agency rows count, when it is not the area's (audit_grades: the area counts the
   * discussions' agreed grades, each agency its own returns' grades). Default: `numerator`.
   */
  agencyNumerator?: Quantity
  /** One row per category (e.g. band), in this order; none: one row with an empty category. */
  categories?: readonly string[]
  /**
   * The categories add up to a total someone could know from elsewhere (audit_grades: every graded
   * area of every child discussed has one grade, and the programme shows how many children were
   * discussed), so within one period and one agency (or the area) a hidden category is never the only
   * one hidden (suppress.ts, a group whose total is known elsewhere).
   */
  categoriesAddUp?: boolean
  /** Counted at the period's end (a state), not over the period (an event). */
  atPeriodEnd: boolean
  /** One line: what is counted; `{interviewHours}`, `{repeatEpisodes}`, `{repeatDays}` stand for the settings (catalogue.ts `definitionOf`). Shown beside the figure on the page and in docs/cli.md. */
  definition: string
}

/** One thing that happened (or one child in a state at a period's end) that a quantity counts. */
export interface Fact {
  quantity: Quantity
  /** The London day it belongs to (for states at a period's end: that end). */
  day: Day
  /** The agencies that recorded it (each gets it once in its own row); empty for area-only facts. */
  agencies: readonly string[]
  category?: string
}

export interface FigureRow {
  period_start: string
  period_end: string
  measure: string
  /** null: the whole area. */
  agency: string | null
  numerator: number | null
  denominator: number | null
  value: number | null
  suppressed: boolean
  category: string | null
}

export const FIGURE_COLUMNS = [
  'period_start',
  'period_end',
  'measure',
  'agency',
  'numerator',
  'denominator',
  'value',
  'suppressed',
  'category',
] as const

/** The quantity a measure's agency rows count. */
export const agencyNumerator = (m: Measure): Quantity => m.agencyNumerator ?? m.numerator

export interface Tally {
  area: number
  parts: Map<string, number>
}

const tallyKey = (periodIndex: number, category: string, quantity: Quantity) =>
  `${periodIndex}\u0000${category}\u0000${quantity}`

/** Facts counted by period, category and quantity: the area once per fact, each recording agency once. */
export function tally(periods: readonly Period[], facts: Iterable<Fact>): Map<string, Tally> {
  const out = new Map<string, Tally>()
  for (const fact of facts) {
    const p = periodIndex(periods, fact.day)
    if (p < 0) continue
    const key = tallyKey(p, fact.category ?? '', fact.quantity)
    let t = out.get(key)
    if (!t) out.set(key, (t = { area: 0, parts: new Map() }))
    t.area++
    for (const agency of new Set(fact.agencies)) t.parts.set(agency, (t.parts.get(agency) ?? 0) + 1)
  }
  return out
}

/** Rates are written to 4 decimal places (a share from 0 to 1); per-1,000 figures to 2. */
function valueOf(kind: MeasureKind, numerator: number, denominator: number | null): number | null {
  if (kind === 'count') return numerator
  if (!denominator) return null
  const v = kind === 'rate' ? numerator / denominator : (numerator * 1000) / denominator
  const places = kind === 'rate' ? 4 : 2
  return Math.round(v * 10 ** places) / 10 ** places
}

export interface FigureOptions {
  /** Every agency code (`threadline agencies`): by-agency measures get a row for each, zero included. */
  agencies: readonly string[]
  suppress: boolean
}

/**
 * The rows for every period, measure and category: the area's row (agency null) first, then one per
 * agency for by-agency measures. With `suppress`, small numbers and the cells that would give them away
 * are emptied and marked (suppress.ts): a row is hidden when any quantity it shows is hidden.
 */
export function figureRows(
  periods: readonly Period[],
  measures: readonly Measure[],
  facts: Iterable<Fact>,
  options: FigureOptions,
): FigureRow[] {
  const counts = tally(periods, facts)
  const agencies = [...new Set(options.agencies)].sort()
  // a quantity has agency cells when any measure shows it in its agency rows
  const byAgency = new Set<Quantity>()
  for (const m of measures)
    if (m.byAgency) for (const q of [agencyNumerator(m), m.denominator]) if (q !== undefined) byAgency.add(q)
  const groups = new Map<string, GroupCells>()
  const group = (p: number, category: string, quantity: Quantity) => {
    const key = tallyKey(p, category, quantity)
    let g = groups.get(key)
    if (!g) {
      const t = counts.get(key)
      const parts = new Map(byAgency.has(quantity) ? agencies.map((a) => [a, t?.parts.get(a) ?? 0]) : [])
      groups.set(key, (g = { area: t?.area ?? 0, parts }))
    }
    return key
  }
  interface Planned {
    base: Omit<FigureRow, 'numerator' | 'denominator' | 'value' | 'suppressed'>
    kind: MeasureKind
    cells: CellRef[]
  }
  const planned: Planned[] = []
  // the cells of one measure's categories for one period and agency, when they add up (categoriesAddUp)
  const addingUp: CellRef[][] = []
  periods.forEach((period, p) => {
    for (const m of measures) {
      const across = new Map<string | null, CellRef[]>()
      for (const category of m.categories ?? ['']) {
        const quantities = (agency: string | null) => [
          agency === null ? m.numerator : agencyNumerator(m),
          ...(m.denominator === undefined ? [] : [m.denominator]),
        ]
        for (const agency of [null, ...(m.byAgency ? agencies : [])]) {
          const cells = quantities(agency).map((q) => ({ group: group(p, category, q), agency }))
          planned.push({
            base: {
              period_start: period.start,
              period_end: period.end,
              measure: m.id,
              agency,
              category: category === '' ? null : category,
            },
            kind: m.kind,
            cells,
          })
          if (m.categoriesAddUp) across.set(agency, [...(across.get(agency) ?? []), cells[0]])
        }
      }
      addingUp.push(...across.values())
    }
  })
  const hidden = options.suppress
    ? suppressLinked(
        groups,
        planned.map((r) => r.cells),
        addingUp,
      )
    : null
  const figure = (c: CellRef) => {
    const g = mustGet(groups, c.group, 'the cells of a group')
    return c.agency === null ? g.area : (g.parts.get(c.agency) ?? 0)
  }
  const isHidden = (c: CellRef) => {
    const h = hidden?.get(c.group)
    return !!h && (c.agency === null ? h.area : (h.parts.get(c.agency) ?? false))
  }
  return planned.map(({ base, kind, cells }): FigureRow => {
    if (cells.some(isHidden)) return { ...base, numerator: null, denominator: null, value: null, suppressed: true }
    const numerator = figure(cells[0])
    const denominator = cells.length > 1 ? figure(cells[1]) : null
    return { ...base, numerator, denominator, value: valueOf(kind, numerator, denominator), suppressed: false }
  })
}

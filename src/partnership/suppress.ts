// Small-number suppression for published figures (pure). A count from 1 to 4 could identify a child
// (the common rule of published children's statistics), so it is hidden (primary suppression). Then
// (secondary suppression), until nothing changes:
//  - within each group of cells that add up (the area's cell and its agencies' cells for one period,
//    quantity and category), wherever exactly one cell is hidden a second one is, so that no hidden cell
//    is the area minus the visible agencies (or an agency the area minus the rest);
//  - cells shown together in one row (a rate's numerator and denominator) are hidden together, and a
//    quantity shown in two rows (episodes ended: a count, and the interview rate's denominator) is one
//    cell, so a figure hidden in one row is never shown in another;
//  - the categories of a measure that add up to a total known elsewhere (audit_grades' four grades for
//    one period and agency, or the area) are a group whose total is not shown: wherever exactly one is
//    hidden a second is (a zero if need be), as the data set's categories are.
import { mustGet } from '../errors/must.ts'

export const SMALL_MIN = 1
export const SMALL_MAX = 4

export const isSmall = (n: number) => n >= SMALL_MIN && n <= SMALL_MAX

export interface GroupCells {
  /** The whole area's figure. */
  area: number
  /** Each agency's figure (a fact recorded by two agencies is in both). Empty: an area-only figure. */
  parts: ReadonlyMap<string, number>
}

export interface GroupHidden {
  area: boolean
  parts: Map<string, boolean>
}

/** A cell: its group's key and the agency (null: the area's cell). */
export interface CellRef {
  group: string
  agency: string | null
}

/** One group on its own (no rows linking it to others). */
export function suppressGroup(group: GroupCells): GroupHidden {
  return mustGet(suppressLinked(new Map([['', group]]), []), '', 'the hidden cells of the one group')
}

/**
 * Which cells to hide, for groups linked by rows (`rows`: the cells each row shows together), and
 * `addingUp`: sets of cells that add up to a total known elsewhere (one measure's categories, e.g. the
 * four grades of audit_grades in one period), so that no hidden one is the total minus the others.
 * Monotone: cells are only ever hidden, so it ends.
 */
export function suppressLinked(
  groups: ReadonlyMap<string, GroupCells>,
  rows: readonly CellRef[][],
  addingUp: readonly CellRef[][] = [],
): Map<string, GroupHidden> {
  const id = (c: CellRef) => `${c.group}\u0001${c.agency ?? ''}`
  const values = new Map<string, number>()
  const sums: CellGroup[] = []
  for (const [key, group] of groups) {
    const total = id({ group: key, agency: null })
    values.set(total, group.area)
    const parts = [...group.parts].map(([agency, n]) => {
      const cell = id({ group: key, agency })
      values.set(cell, n)
      return cell
    })
    if (parts.length) sums.push({ total, parts })
  }
  for (const cells of addingUp) if (cells.length > 1) sums.push({ total: null, parts: cells.map(id) })
  const hidden = suppressCells(
    values,
    sums,
    rows.map((row) => row.map(id)),
  )
  const out = new Map<string, GroupHidden>()
  for (const [key, group] of groups)
    out.set(key, {
      area: hidden.has(id({ group: key, agency: null })),
      parts: new Map([...group.parts.keys()].map((agency) => [agency, hidden.has(id({ group: key, agency }))])),
    })
  return out
}

/** Cells that add up: `parts` to `total` (null: a total known elsewhere, e.g. from another breakdown of the same people). */
export interface CellGroup {
  total: string | null
  parts: readonly string[]
}

/**
 * The general rule, over cells named by string: small cells are hidden; then, until nothing changes, in
 * every group with exactly one hidden cell the smallest visible non-zero part is hidden (ties by name),
 * else the total, else (a group whose total is known elsewhere) a visible zero part; and a row with a
 * hidden cell has all its cells hidden. Returns the hidden cells.
 */
export function suppressCells(
  values: ReadonlyMap<string, number>,
  groups: readonly CellGroup[],
  rows: readonly (readonly string[])[] = [],
): Set<string> {
  const hidden = new Set<string>()
  for (const [cell, n] of values) if (isSmall(n)) hidden.add(cell)
  const value = (cell: string) => values.get(cell) ?? 0
  for (let changed = true; changed;) {
    changed = false
    for (const row of rows)
      if (row.some((c) => hidden.has(c)))
        for (const c of row)
          if (!hidden.has(c)) {
            hidden.add(c)
            changed = true
          }
    for (const g of groups) {
      const cells = g.total === null ? g.parts : [g.total, ...g.parts]
      if (cells.filter((c) => hidden.has(c)).length !== 1) continue
      const visible = g.parts.filter((c) => !hidden.has(c))
      const byValue = (a: string, b: string) => value(a) - value(b) || (a < b ? -1 : a > b ? 1 : 0)
      const next =
        visible.filter((c) => value(c) > 0).sort(byValue)[0] ??
        (g.total !== null && !hidden.has(g.total) ? g.total : undefined) ??
        (g.total === null ? visible.sort(byValue)[0] : undefined)
      if (next !== undefined) {
        hidden.add(next)
        changed = true
      }
    }
  }
  return hidden
}

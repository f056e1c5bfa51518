// Small-number suppression for published figures (pure). A count from 1 to 4 could identify a child
// (the common rule of published children's statistics), so it is hidden (primary suppression). Then
// (secondary suppression), until nothing changes:
//  - within each group of cells that add up (the area's cell and its agencies' cells for one period,
//    quantity and category), wherever exactly one cell is hidden a second one is, so that no hidden cell
//    is the area minus the visible agencies (or an agency the area minus the rest);
//  - cells shown together in one row (a rate's numerator and denominator) are hidden together, and a
//    quantity shown in two rows (episodes ended: a count, and the interview rate's denominator) is one
//    cell, so a figure hidden in one row is never shown in another.

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

function primary(group: GroupCells): GroupHidden {
  const hidden: GroupHidden = { area: isSmall(group.area), parts: new Map() }
  for (const [agency, n] of group.parts) hidden.parts.set(agency, isSmall(n))
  return hidden
}

/**
 * While exactly one cell of a group with parts is hidden, hide the smallest visible non-zero agency
 * cell (ties by agency code), else the area's cell. Returns whether anything changed.
 */
function complete(group: GroupCells, hidden: GroupHidden): boolean {
  if (group.parts.size === 0) return false
  let changed = false
  const hiddenCount = () => (hidden.area ? 1 : 0) + [...hidden.parts.values()].filter(Boolean).length
  while (hiddenCount() === 1) {
    const candidates = [...group.parts]
      .filter(([agency, n]) => !hidden.parts.get(agency) && n > 0)
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    if (candidates.length) hidden.parts.set(candidates[0][0], true)
    else if (!hidden.area) hidden.area = true
    else break // the area alone is hidden and every agency shows zero: nothing to work it out from
    changed = true
  }
  return changed
}

/** One group on its own (no rows linking it to others). */
export function suppressGroup(group: GroupCells): GroupHidden {
  const hidden = primary(group)
  complete(group, hidden)
  return hidden
}

/**
 * Which cells to hide, for groups linked by rows (`rows`: the cells each row shows together).
 * Monotone: cells are only ever hidden, so it ends.
 */
export function suppressLinked(
  groups: ReadonlyMap<string, GroupCells>,
  rows: readonly CellRef[][],
): Map<string, GroupHidden> {
  const hidden = new Map<string, GroupHidden>()
  for (const [key, group] of groups) hidden.set(key, primary(group))
  const isHidden = (c: CellRef) => {
    const h = hidden.get(c.group)
    return !!h && (c.agency === null ? h.area : (h.parts.get(c.agency) ?? false))
  }
  const hide = (c: CellRef) => {
    const h = hidden.get(c.group)
    if (!h || isHidden(c)) return false
    if (c.agency === null) h.area = true
    else h.parts.set(c.agency, true)
    return true
  }
  for (let changed = true; changed;) {
    changed = false
    for (const row of rows) if (row.some(isHidden)) for (const c of row) changed = hide(c) || changed
    for (const [key, group] of groups) changed = complete(group, hidden.get(key)!) || changed
  }
  return hidden
}

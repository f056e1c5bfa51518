// Caseload: each worker's allocated children and open tasks, weighted by the children's risk, so a
// manager sees who is overloaded. Weights and capacity are settings.

export interface CaseloadSettings {
  /** Weight of a child by band (1 to 4); a child with no band counts as `unbanded`. */
  bandWeights: Readonly<Record<number, number>>
  unbanded: number
  /** Weight of each open task. */
  taskWeight: number
  /** A worker above this weighted load is overloaded. */
  capacity: number
}

export const DEFAULT_CASELOAD: CaseloadSettings = {
  bandWeights: { 1: 1, 2: 2, 3: 3, 4: 5 },
  unbanded: 1,
  taskWeight: 0.5,
  capacity: 30,
}

export interface Allocation {
  childId: string
  worker: string
  role?: string
  from: Date
  /** When the allocation ended; null while it runs. */
  to?: Date | null
}

export interface Caseload {
  worker: string
  children: number
  /** Children per band; `none` for unbanded. */
  byBand: Record<string, number>
  openTasks: number
  weight: number
  capacity: number
  /** weight / capacity. */
  load: number
  overloaded: boolean
}

export function activeAt(a: Allocation, at: Date): boolean {
  return a.from.getTime() <= at.getTime() && (!a.to || a.to.getTime() > at.getTime())
}

export function caseload(
  worker: string,
  allocations: readonly Allocation[],
  bandOf: (childId: string) => number | null,
  openTasks: number,
  at: Date,
  settings: Partial<CaseloadSettings> = {},
): Caseload {
  const s: CaseloadSettings = { ...DEFAULT_CASELOAD, ...settings }
  const children = [...new Set(allocations.filter((a) => a.worker === worker && activeAt(a, at)).map((a) => a.childId))]
  const byBand: Record<string, number> = {}
  let weight = openTasks * s.taskWeight
  for (const child of children) {
    const band = bandOf(child)
    byBand[band === null ? 'none' : String(band)] = (byBand[band === null ? 'none' : String(band)] ?? 0) + 1
    weight += band === null ? s.unbanded : (s.bandWeights[band] ?? s.unbanded)
  }
  return {
    worker,
    children: children.length,
    byBand,
    openTasks,
    weight,
    capacity: s.capacity,
    load: weight / s.capacity,
    overloaded: weight > s.capacity,
  }
}

/** A team's caseloads, heaviest first. */
export function teamCaseload(
  workers: readonly string[],
  allocations: readonly Allocation[],
  bandOf: (childId: string) => number | null,
  openTasksOf: (worker: string) => number,
  at: Date,
  settings: Partial<CaseloadSettings> = {},
): Caseload[] {
  return workers
    .map((w) => caseload(w, allocations, bandOf, openTasksOf(w), at, settings))
    .sort((a, b) => b.weight - a.weight || a.worker.localeCompare(b.worker))
}

export interface Responsibility {
  worker: string
  role: string | null
  from: Date
  to: Date | null
  days: number
}

/** Who has been responsible for a child and for how long, as known at `at`, earliest first. */
export function allocationHistory(childId: string, allocations: readonly Allocation[], at: Date): Responsibility[] {
  return allocations
    .filter((a) => a.childId === childId && a.from.getTime() <= at.getTime())
    .sort((a, b) => a.from.getTime() - b.from.getTime())
    .map((a) => {
      const end = a.to && a.to.getTime() <= at.getTime() ? a.to : null
      return {
        worker: a.worker,
        role: a.role ?? null,
        from: a.from,
        to: end,
        days: Math.floor(((end ?? at).getTime() - a.from.getTime()) / 86_400_000),
      }
    })
}

/** How many different workers a child has had in the year to `at` (continuity matters). */
export function workersInYear(childId: string, allocations: readonly Allocation[], at: Date): number {
  const yearAgo = at.getTime() - 365 * 86_400_000
  return new Set(
    allocations
      .filter((a) => a.childId === childId && a.from.getTime() <= at.getTime() && (!a.to || a.to.getTime() > yearAgo))
      .map((a) => a.worker),
  ).size
}

// The one place working together asks for a child's risk band (1 to 4, after any override), for
// the "no further action on a child whose band requires action" prompt and for caseload weights.
// Bands come from src/risk: one assessment of the children asked about, at the latest moment asked,
// whose band timeline (each point on what had been recorded by then) answers every earlier moment.
// A person who is not a child then has no band (null).
import type { Db } from '../db/database.ts'
import { assessArea } from '../risk/area.ts'

export interface BandQuery {
  childId: string
  /** The moment the band is wanted for (a decision's time, or now), using what was recorded by then. */
  at: Date
}

/** Bands for many (child, moment) pairs at once; the answer looks one up. */
export async function bandsAt(db: Db, queries: readonly BandQuery[]): Promise<(query: BandQuery) => number | null> {
  if (queries.length === 0) return () => null
  const latest = new Date(Math.max(...queries.map((q) => q.at.getTime())))
  const ids = [...new Set(queries.map((q) => Number(q.childId)))].filter((id) => Number.isInteger(id) && id > 0)
  const assessed = await assessArea(db, latest, { ids })
  const timelines = new Map(assessed.map((c) => [String(c.id), c.risk.bandTimeline]))
  return (query) => {
    const timeline = timelines.get(query.childId)
    if (!timeline) return null
    let band: number | null = null
    for (const point of timeline) {
      if (point.at.getTime() > query.at.getTime()) break
      band = point.band
    }
    return band
  }
}

export async function bandOf(db: Db, childId: string, at: Date): Promise<number | null> {
  return (await bandsAt(db, [{ childId, at }]))({ childId, at })
}

// The one place working together asks for a child's risk band (1 to 4, after any override), for
// the "no further action on a child whose band requires action" prompt and for caseload weights.
// It returns null (band unknown) for now: the 30-day rule still prompts challenges and caseload
// counts every child as unbanded. THE LEAD WIRES THIS to src/risk (e.g. `assessArea(db, at, { ids })`
// → each child's effective band), batching the queries by `at`.
import type { Db } from '../db/database.ts'

export interface BandQuery {
  childId: string
  /** The moment the band is wanted for (a decision's time, or now), using what was recorded by then. */
  at: Date
}

/** Bands for many (child, moment) pairs at once; the answer looks one up. */
export async function bandsAt(_db: Db, _queries: readonly BandQuery[]): Promise<(query: BandQuery) => number | null> {
  return () => null
}

export async function bandOf(db: Db, childId: string, at: Date): Promise<number | null> {
  return (await bandsAt(db, [{ childId, at }]))({ childId, at })
}

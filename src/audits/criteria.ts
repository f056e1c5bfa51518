// What makes a child one of an audit's candidates: each criterion a rule over facts the other
// capabilities already decide (missing episodes by missing/state.ts, risk bands by risk/area.ts,
// decisions by working-together's store, concerns by records/types.ts CONCERN_KINDS), read by
// cohort.ts. Pure: a day is a London calendar day (YYYY-MM-DD), compared as text.
import type { Candidate } from './draw.ts'
import type { Stratify } from './tables.ts'

export const CRITERIA = {
  missing_with_risk: {
    title: 'Children missing with a risk of exploitation',
    definition:
      'Children with a missing episode that ended (the child returned) in the period, whose risk band at the end of the period was 2 (mild) or more.',
  },
  nfa_after_concern: {
    title: "No further action after another agency's concern",
    definition:
      'Children with a decision of no further action made in the period, after a different agency had raised a concern or referral about them.',
  },
} as const
export type CriterionId = keyof typeof CRITERIA
export const CRITERION_IDS = Object.keys(CRITERIA) as CriterionId[]
export const isCriterion = (value: string): value is CriterionId => value in CRITERIA

export interface Period {
  from: string
  to: string
}

export interface CohortFacts {
  /** each missing episode that has ended: the child, the day they returned, the agencies that recorded it */
  episodes: { childId: number; returnedDay: string; agencies: readonly string[] }[]
  /** each child's effective risk band at the end of the period */
  bands: ReadonlyMap<number, number>
  decisions: { childId: number; agency: string; outcome: string | null; decidedDay: string }[]
  concerns: { childId: number; agency: string; day: string }[]
}

const within = (day: string, period: Period) => day >= period.from && day <= period.to

/** Every (child, stratum) the criterion admits; a child admitted by several agencies comes once per agency. */
export function candidatesFor(criterion: CriterionId, facts: CohortFacts, period: Period, by: Stratify): Candidate[] {
  const stratum = (childId: number, agency: string) =>
    by === 'agency' ? agency : by === 'band' ? `band ${facts.bands.get(childId) ?? 1}` : ''
  const out: Candidate[] = []
  if (criterion === 'missing_with_risk') {
    for (const e of facts.episodes) {
      if (!within(e.returnedDay, period) || (facts.bands.get(e.childId) ?? 1) < 2) continue
      for (const agency of e.agencies) out.push({ childId: e.childId, stratum: stratum(e.childId, agency) })
    }
  } else {
    for (const d of facts.decisions) {
      if (d.outcome !== 'no_further_action' || !within(d.decidedDay, period)) continue
      const othersConcerned = facts.concerns.some(
        (c) => c.childId === d.childId && c.agency !== d.agency && c.day <= d.decidedDay,
      )
      if (othersConcerned) out.push({ childId: d.childId, stratum: stratum(d.childId, d.agency) })
    }
  }
  return out
}

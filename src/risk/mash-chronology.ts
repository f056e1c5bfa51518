// What the MASH did about a child, in the child's chronology (people/chronology-entries.ts): each MASH
// decision (the outcome and its rationale) and each allocation the MASH made, at the moment it was
// recorded, so that "as known on" an earlier day leaves out what was decided after it. Seen by whoever
// may see the MASH's decisions on the risk page (access.ts mayViewMashDecisions).
import type { ChronologyEntrySource, ThreadlineEntry } from '../people/chronology-entries.ts'
import { mayViewMashDecisions } from './access.ts'
import { MASH_OUTCOMES } from './mash-queue.ts'
import { mashAllocationFacts, mashDecisionFacts } from './store.ts'

export const MASH_DECISION = 'mash_decision'
export const MASH_ALLOCATION = 'mash_allocation'

export const mashChronology: ChronologyEntrySource = {
  id: 'mash',
  kinds: [MASH_DECISION, MASH_ALLOCATION],
  async load(db, personId, { reach }) {
    if (!mayViewMashDecisions(reach)) return []
    const [decisions, allocations] = await Promise.all([
      mashDecisionFacts(db, personId),
      mashAllocationFacts(db, personId),
    ])
    return [
      ...decisions.map((d) => ({
        ref: `mash-decision-${d.id}`,
        kind: MASH_DECISION,
        at: d.at,
        agency_code: d.agencyCode,
        agency_name: d.agencyName,
        summary: `The MASH decided: ${MASH_OUTCOMES[d.outcome] ?? d.outcome}.`,
        rationale: d.rationale,
        recorded_by: d.by,
      })),
      ...allocations.map((a) => ({
        ref: `mash-allocation-${a.id}`,
        kind: MASH_ALLOCATION,
        at: a.at,
        agency_code: a.agencyCode,
        agency_name: a.agencyName,
        summary: `The MASH allocated ${a.professional} (${a.professionalAgency}) as ${a.role}.`,
        rationale: null,
        recorded_by: a.by,
      })),
    ] satisfies ThreadlineEntry[]
  },
}

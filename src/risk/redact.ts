// Restricted evidence counts in every score, but a viewer who may not read the event sees only that
// restricted evidence exists, its date, its agency and whom to ask: not what it is.
import type { Evidence } from './evidence.ts'

export type EvidenceView =
  | (Omit<Evidence, 'day' | 'recordedMs' | 'untilMs'> & { hidden: false })
  | { hidden: true; restricted: true; date: string; agency: string; eventRef: string; askAgency: string }

/** `mayRead` decides per event (the caller knows the viewer's agency, allocation and role). */
export function redactEvidence(evidence: readonly Evidence[], mayRead: (e: Evidence) => boolean): EvidenceView[] {
  return evidence.map((e) => {
    if (!e.restricted || mayRead(e)) {
      const { day: _d, recordedMs: _r, untilMs: _u, ...rest } = e
      return { ...rest, hidden: false as const }
    }
    return {
      hidden: true as const,
      restricted: true as const,
      date: e.date,
      agency: e.agency,
      eventRef: e.eventRef,
      askAgency: e.agency,
    }
  })
}

// What the risk pages show, built from a child's assessed risk and who is looking. Pure: the routes
// gather the facts (reach, agency contacts) and render these.
import { spokenDate } from '../web/date-time.ts'
import { eventView, type Reach, type Viewer } from '../access/visibility.ts'
import type { Evidence } from './evidence.ts'
import type { RecordRef, UnansweredStatus } from './unanswered.ts'

export type EvidenceLine =
  | {
      shown: true
      date: string
      agency: string
      kind: string
      ref: string
      basis: string
      detail: string | null
      recordedAt: string
    }
  | { shown: false; date: string; agency: string; restricted: boolean; ask: string }

/** Evidence as this viewer may see it: restricted (or out-of-reach) events say only that they exist, whose they are and whom to ask. */
export function evidenceLines(
  evidence: readonly Evidence[],
  viewer: Viewer,
  reach: Reach,
  contacts: ReadonlyMap<string, string>,
): EvidenceLine[] {
  return evidence.map((e) => {
    const view = eventView(viewer, reach, { agency: e.agency, restricted: e.restricted })
    if (view === 'full') {
      return {
        shown: true,
        date: e.date,
        agency: e.agency,
        kind: e.kind,
        ref: e.eventRef,
        basis: e.basis,
        detail: e.detail ?? null,
        recordedAt: e.recordedAt,
      }
    }
    return {
      shown: false,
      date: e.date,
      agency: e.agency,
      restricted: view === 'restricted' || e.restricted,
      ask: contacts.get(e.agency) ?? e.agency,
    }
  })
}

export interface TimelineEntry {
  at: string
  what: string
  agency: string | null
  ref: string | null
  kind: string | null
}

/** Who recorded what, and what no one has yet done: the unanswered banner's timeline. */
export function unansweredTimeline(
  status: UnansweredStatus,
  evidence: readonly EvidenceLine[] = [],
): { entries: TimelineEntry[]; missing: string | null } {
  const t = status.trigger
  if (!t) return { entries: [], missing: null }
  const refs = new Map<string, RecordRef>()
  for (const c of [...t.concerns, ...status.concerns]) refs.set(c.ref, c)
  const entries: TimelineEntry[] = [...refs.values()].map((c) => ({
    at: c.occurredAt,
    what: `${c.kind} recorded ${c.recordedAt}`,
    agency: c.agency,
    ref: c.ref,
    kind: c.kind,
  }))
  // For a rise in band: the evidence behind the score, as this viewer may see it.
  if (t.kind === 'band') {
    const seen = new Set(entries.map((e) => e.ref))
    for (const e of evidence) {
      const key = e.shown ? e.ref : `${e.agency}@${e.date}`
      if (seen.has(key)) continue
      seen.add(key)
      entries.push(
        e.shown
          ? { at: `${e.date}T12:00:00Z`, what: e.kind, agency: e.agency, ref: e.ref, kind: e.kind }
          : { at: `${e.date}T12:00:00Z`, what: 'restricted evidence', agency: e.agency, ref: null, kind: null },
      )
    }
  }
  if (t.kind === 'band')
    entries.push({ at: t.at.toISOString(), what: `risk rose to band ${t.band}`, agency: null, ref: null, kind: null })
  else
    entries.push({
      at: t.at.toISOString(),
      what: '3 or more concerns from 2 or more agencies within 90 days',
      agency: null,
      ref: null,
      kind: null,
    })
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  return {
    entries,
    missing: `No strategy discussion, assessment, section 47 enquiry or child protection plan has been recorded on or after ${spokenDate(t.startDate)}.`,
  }
}

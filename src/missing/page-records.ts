// The records a missing page sends through the import, in the agency record format: a missing-episode
// report (an update re-sends it whole, keeping what the page does not edit) and a return interview, with
// the people named on the page as person records of the agency. Pure: ids and times come from the caller.
import type { AuditAction } from '../vocabulary/audit-actions.ts'
import type { RecordedEvent } from './types.ts'
import { asSent, editedOnEpisodePage, namedPeople, places, text, things } from './page-input.ts'

type Form = Record<string, string | undefined>

/** What recordOnPage (store.ts) sends and audits. */
export interface PageRecords {
  records: Record<string, unknown>[]
  action: AuditAction
  details: Record<string, unknown>
}

interface Written {
  /** The user's agency and name. */
  by: { agency: string; name: string }
  /** The agency's person record of the child. */
  subject: string
  sourceId: string
  recordedAt: string
  newId: () => string
}

/** The report as it was before this update (null for a new one): what the page does not edit goes on as it was. */
function keptFrom(before: RecordedEvent['event'] | null) {
  if (!before) return { fields: {}, involves: [] }
  return {
    fields: {
      ...before.extra,
      details: before.details,
      outcome: before.outcome,
      rationale: before.rationale,
      restricted: before.restricted,
    },
    involves: before.involves.filter((i) => !editedOnEpisodePage(i)).map(asSent),
  }
}

/** A missing-episode report, new or updated, and the people the child was found with. */
export function episodeRecords(
  body: Form,
  w: Written,
  times: { startedAt: string; returnedAt: string | null },
  before: RecordedEvent['event'] | null,
): PageRecords {
  const people = namedPeople(body.found_with_people, w.by.agency, 'found_with', w.newId, w.recordedAt)
  const kept = keptFrom(before)
  const event = {
    ...kept.fields,
    type: 'event',
    agency: w.by.agency,
    source_id: w.sourceId,
    kind: 'missing_episode',
    subject: before?.subject ?? w.subject,
    occurred_at: times.startedAt,
    ...(times.returnedAt ? { ended_at: times.returnedAt } : {}),
    recorded_at: w.recordedAt,
    recorded_by: w.by.name,
    summary: text(body.summary),
    indicators: [...new Set([...(before?.indicators ?? []), 'missing'])],
    reported_by: text(body.reported_by),
    missing_from: text(body.missing_from),
    risk_grading: text(body.risk_grading),
    risk_reviews: text(body.risk_reviews),
    last_seen: text(body.last_seen),
    found_by: text(body.found_by),
    involves: [
      ...places(body.found_at, 'found_at'),
      ...kept.involves,
      ...people.map((p) => p.involvement),
      ...things(body.found_with_vehicles, 'vehicle', 'found_with'),
    ],
  }
  return {
    records: [...people.map((p) => p.record), event],
    action: before ? 'update_missing_episode' : 'record_missing_episode',
    details: { source: `${w.by.agency}:${w.sourceId}` },
  }
}

const interviewSummary = (outcome: string) =>
  outcome === 'done'
    ? 'Return interview held'
    : outcome === 'declined'
      ? 'Return interview declined'
      : 'Return interview not held'

/**
 * A return interview about an episode, and the people, places and things the child spoke of; a change
 * of one (`before`) is its next version: what it says is as typed, the people, places and things it
 * named stay as they were (the form does not show them again).
 */
export function interviewRecords(
  body: Form,
  w: Written,
  interview: { heldAt: string; episodeSource: string; outcome: string },
  before: RecordedEvent['event'] | null = null,
): PageRecords {
  const people = before ? [] : namedPeople(body.with_people, w.by.agency, 'associate', w.newId, w.recordedAt)
  const event = {
    type: 'event',
    agency: before?.agency ?? w.by.agency,
    source_id: w.sourceId,
    kind: 'return_interview',
    subject: before?.subject ?? w.subject,
    occurred_at: interview.heldAt,
    recorded_at: w.recordedAt,
    recorded_by: w.by.name,
    episode: interview.episodeSource,
    status: interview.outcome,
    reason: text(body.reason),
    child_account: text(body.child_account),
    where_they_were: text(body.where),
    what_happened: text(body.what_happened),
    what_they_want: text(body.what_they_want),
    disclosures: text(body.disclosures),
    what_follows: text(body.what_follows),
    offered_by: text(body.offered_by),
    summary: interviewSummary(interview.outcome),
    details: text(body.what_happened),
    involves: before
      ? before.involves.map(asSent)
      : [
          ...people.map((p) => p.involvement),
          ...places(body.places, 'associate'),
          ...things(body.vehicles, 'vehicle', 'associate'),
          ...things(body.phones, 'phone', 'associate'),
          ...things(body.online, 'online', 'associate'),
        ],
  }
  return {
    records: [...people.map((p) => p.record), event],
    action: before ? 'update_return_interview' : 'record_return_interview',
    details: { source: `${w.by.agency}:${w.sourceId}`, episode: interview.episodeSource, outcome: interview.outcome },
  }
}

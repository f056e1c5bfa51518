// Link facts from the agency record format (src/records/types.ts), once linkage has said which person
// each agency's person record belongs to. An involvement names a person by the sending agency's own
// source_id; one that does not resolve yet (sent before the person) is left out until it does.
import type { EventRecord, RelationshipRecord } from '../records/types.ts'
import type { Instant, LinkFact, PersonRelationship } from './types.ts'

/** The entity id that linkage gives an agency's person record, if known. */
export type PersonOf = (agency: string, sourceId: string) => string | undefined

export function linkFactsFromEvent(event: EventRecord, personOf: PersonOf, receivedAt?: Instant): LinkFact[] {
  if (event.withdrawn) return []
  const subject = personOf(event.agency, event.subject)
  const recordedAt = event.recorded_at ?? receivedAt
  if (subject === undefined || recordedAt === undefined) return []
  const facts: LinkFact[] = []
  for (const inv of event.involves) {
    const memberKey = inv.kind === 'person' ? personOf(event.agency, inv.person) : inv.key
    if (memberKey === undefined) continue
    facts.push({
      personEntityId: subject,
      memberKind: inv.kind,
      memberKey,
      agency: event.agency,
      eventRef: `${event.agency}:${event.source_id}`,
      role: inv.role ?? null,
      reliability: null,
      occurredAt: event.occurred_at,
      recordedAt,
      restricted: event.restricted,
      eventKind: event.kind,
      indicators: event.indicators,
    })
  }
  return facts
}

export function relationshipFromRecord(
  r: RelationshipRecord,
  personOf: PersonOf,
  receivedAt?: Instant,
): PersonRelationship | null {
  if (r.withdrawn) return null
  const from = personOf(r.agency, r.from)
  const to = personOf(r.agency, r.to)
  const recordedAt = r.recorded_at ?? receivedAt
  if (from === undefined || to === undefined || recordedAt === undefined) return null
  return {
    from,
    to,
    kind: r.kind,
    recordedAt,
    since: r.since,
    agency: r.agency,
    ref: `${r.agency}:${r.source_id}`,
    reliability: r.reliability,
  }
}

// A tiny hand-made area for tests: two girls of different families tied to one man and his car,
// two sisters tied to their mother, and a lone link elsewhere.
import type { LinkFact, MemberKind, PersonRelationship, Population } from './types.ts'

let n = 0
export function link(
  subject: string,
  kind: MemberKind,
  key: string,
  recordedAt: string,
  extra: Partial<LinkFact> = {},
): LinkFact {
  return {
    personEntityId: subject,
    memberKind: kind,
    memberKey: key,
    agency: extra.agency ?? 'police',
    eventRef: extra.eventRef ?? `police:E${++n}`,
    role: extra.role ?? null,
    reliability: extra.reliability ?? 'tentative',
    occurredAt: extra.occurredAt ?? recordedAt,
    recordedAt,
    restricted: extra.restricted ?? false,
  }
}

export const population: Population = {
  children: new Set(['amy', 'beth', 'cara', 'dee', 'erin']),
  adults: new Set(['mo', 'mum', 'gus']),
}

export const relationships: PersonRelationship[] = [
  { from: 'cara', to: 'dee', kind: 'family', recordedAt: '2009-01-01T00:00:00Z' },
]

export const facts: LinkFact[] = [
  // amy found with mo in his car (police), beth seen getting into the car (school), months apart
  link('amy', 'person', 'mo', '2009-03-01T10:00:00Z', { eventRef: 'police:E1', role: 'found_with' }),
  link('amy', 'vehicle', 'AB12CDE', '2009-03-01T10:00:00Z', { eventRef: 'police:E1' }),
  link('beth', 'vehicle', 'AB12CDE', '2009-06-10T09:00:00+01:00', { eventRef: 'school:S7', agency: 'school' }),
  // intelligence about mo: his phone
  link('mo', 'phone', '07700900456', '2009-07-01T12:00:00+01:00', { eventRef: 'police:I3', restricted: true }),
  // beth's phone contact from mo's number, recorded by health later
  link('beth', 'phone', '07700900456', '2009-08-01T12:00:00+01:00', { eventRef: 'health:H1', agency: 'health' }),
  // sisters with their mother and home
  link('cara', 'person', 'mum', '2009-02-01T12:00:00Z', { eventRef: 'csc:C1', agency: 'csc', role: 'family' }),
  link('cara', 'location', 'OL111AA', '2009-02-01T12:00:00Z', { eventRef: 'csc:C1', agency: 'csc' }),
  link('dee', 'location', 'OL111AA', '2009-02-02T12:00:00Z', { eventRef: 'csc:C2', agency: 'csc' }),
  // a social worker with everyone: no association
  link('amy', 'person', 'sw', '2009-01-05T12:00:00Z', { role: 'professional', agency: 'csc' }),
  link('erin', 'person', 'sw', '2009-01-05T12:00:00Z', { role: 'professional', agency: 'csc' }),
  // erin and gus, nothing shared
  link('erin', 'person', 'gus', '2009-04-01T12:00:00+01:00', { role: 'associate' }),
]

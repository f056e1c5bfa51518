// One chronology of a person across every agency: their events as known at a moment, newest
// first, with the people, vehicles, phones, online identities and places involved in each.
// What each viewer may read of it is decided in access/visibility.ts; this only fetches.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { knownAt } from '../db/as-of.ts'

export interface ChronologyFilter {
  at: Date
  agencies?: string[]
  kinds?: string[]
  from?: Date
  to?: Date
}

export interface InvolvementItem {
  kind: 'person' | 'vehicle' | 'phone' | 'online' | 'location'
  role: string | null
  key: string | null
  display: string | null
  /** for people: the agency's reference, and the person Threadline links it to */
  source_record: string | null
  person_id: number | null
  person_name: string | null
}

/** What an event says, as stored: shared by the chronology and the versions the rules read. */
export interface EventContent {
  agency_code: string
  source_id: string
  kind: string
  occurred_at: Date
  ended_at: Date | null
  recorded_at: Date
  summary: string | null
  details: string | null
  outcome: string | null
  rationale: string | null
  recorded_by: string | null
  restricted: boolean
  indicators: string[]
  extra: Record<string, unknown>
}

export interface ChronologyEvent extends EventContent {
  id: number
  agency_name: string
  agency_contact: string | null
  version: number
  received_at: Date
  involves: InvolvementItem[]
}

export async function chronology(db: Db, personId: number, filter: ChronologyFilter): Promise<ChronologyEvent[]> {
  // One statement, involvements gathered per event: on PGlite every statement waits its turn on one
  // connection, and a second one would hold a request's events in memory while it waits.
  let query = db
    .selectFrom('events as e')
    .innerJoin('entity_links as l', (j) =>
      j.onRef('l.agency_code', '=', 'e.agency_code').onRef('l.source_id', '=', 'e.subject_source_id'),
    )
    .innerJoin('agencies as a', 'a.code', 'e.agency_code')
    .select([
      'e.id',
      'e.agency_code',
      'a.name as agency_name',
      'a.contact as agency_contact',
      'e.source_id',
      'e.version',
      'e.kind',
      'e.occurred_at',
      'e.ended_at',
      'e.recorded_at',
      'e.received_at',
      'e.summary',
      'e.details',
      'e.outcome',
      'e.rationale',
      'e.recorded_by',
      'e.restricted',
      'e.indicators',
      'e.extra',
      sql<InvolvementItem[]>`coalesce((
        select json_agg(json_build_object(
          'kind', i.kind, 'role', i.role, 'key', i.key, 'display', i.display,
          'source_record', case when i.person_source_id is not null then i.agency_code || ':' || i.person_source_id end,
          'person_id', pl.entity_id,
          'person_name', nullif(trim(coalesce(p.given_name, '') || ' ' || coalesce(p.family_name, '')), '')) order by i.id)
        from involvements i
        left join entity_links pl on pl.agency_code = i.agency_code and pl.source_id = i.person_source_id
        left join person_versions p on p.agency_code = i.agency_code and p.source_id = i.person_source_id and ${knownAt('p', filter.at)}
        where i.event_id = e.id), '[]'::json)`.as('involves'),
    ])
    .where('l.entity_id', '=', personId)
    .where(knownAt('e', filter.at))
  if (filter.agencies?.length) query = query.where('e.agency_code', 'in', filter.agencies)
  if (filter.kinds?.length) query = query.where('e.kind', 'in', filter.kinds)
  if (filter.from) query = query.where('e.occurred_at', '>=', filter.from)
  if (filter.to) query = query.where('e.occurred_at', '<', filter.to)
  return (await query
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute()) as unknown as ChronologyEvent[]
}

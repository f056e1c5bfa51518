// Every stored version of agency events, as the pure rules (risk, missing, working together)
// read them: each version with its recorded time and the person its subject is linked into, so
// that the rules can replay "as of" any moment themselves.
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/database.ts'
import type { EventContent } from './chronology.ts'
import type { EventKind, EventRecord, Involvement } from '../records/types.ts'

export interface RecordedEvent {
  /** Threadline's id of the person the event's subject is linked into, as text. */
  childId: string
  event: EventRecord
  /** When this version was recorded (the format's recorded_at, else when Threadline received it). */
  recordedAt: Date
  /**
   * The person's date of birth (YYYY-MM-DD) as their linked records hold it, for the rules that ask
   * whether they were still a child (missing episodes); null when no record holds a whole date.
   * Attached when the query asks for missing episodes by kind.
   */
  childBornOn?: string | null
}

export interface VersionQuery {
  kinds?: readonly string[]
  personIds?: readonly number[]
  /** Only versions recorded by then (a lower bound for the work; the rules still cut at their asOf). */
  recordedBy?: Date
}

interface Row extends EventContent {
  id: number
  entity_id: number
  subject_source_id: string
  withdrawn: boolean
  withdrawn_reason: string | null
  involves:
    | {
        kind: Involvement['kind']
        person_source_id: string | null
        key: string | null
        display: string | null
        role: string | null
      }[]
    | null
}

/** Every stored version of events (of these kinds), each given as its subject's. */
export function recordedEvents(db: Db, query: VersionQuery = {}): Promise<RecordedEvent[]> {
  return eventVersions(
    db,
    query,
    sql`join entity_links l on l.agency_code = e.agency_code and l.source_id = e.subject_source_id`,
    sql`true`,
  )
}

/**
 * Every stored version of events (of these kinds) that name a person as their victim in `involves`
 * rather than as their subject (an adult arrested for an offence against a child), each given as the
 * victim's: `childId` is the person the victim's record is linked into.
 */
export function victimEvents(db: Db, query: VersionQuery = {}): Promise<RecordedEvent[]> {
  return eventVersions(
    db,
    query,
    sql`join involvements v on v.event_id = e.id and v.kind = 'person' and v.role = 'victim'
      join entity_links l on l.agency_code = e.agency_code and l.source_id = v.person_source_id`,
    sql`v.person_source_id <> e.subject_source_id`,
  )
}

/** The one query behind both: `personJoin` binds `l` to the person each version is given as. */
async function eventVersions(
  db: Db,
  query: VersionQuery,
  personJoin: RawBuilder<unknown>,
  condition: RawBuilder<unknown>,
): Promise<RecordedEvent[]> {
  const kinds = query.kinds ? [...query.kinds] : null
  const people = query.personIds ? [...query.personIds] : null
  const result = await sql<Row>`
    select e.id, l.entity_id, e.agency_code, e.source_id, e.kind, e.subject_source_id, e.occurred_at, e.ended_at, e.summary,
      e.details, e.outcome, e.rationale, e.recorded_by, e.restricted, e.indicators, e.extra, e.withdrawn, e.withdrawn_reason,
      e.recorded_at,
      (select json_agg(json_build_object('kind', i.kind, 'person_source_id', i.person_source_id, 'key', i.key,
          'display', i.display, 'role', i.role) order by i.id) from involvements i where i.event_id = e.id) as involves
    from events e
    ${personJoin}
    where ${condition}
      and (${kinds}::text[] is null or e.kind = any(${kinds}::text[]))
      and (${people}::int[] is null or l.entity_id = any(${people}::int[]))
      and (${query.recordedBy ?? null}::timestamptz is null or e.recorded_at <= ${query.recordedBy ?? null})
    order by e.agency_code, e.source_id, e.version`.execute(db)
  const versions = result.rows.map(toRecordedEvent)
  // only the missing rules ask whether a person was still a child (missing/state.ts)
  if (!kinds?.includes('missing_episode')) return versions
  const born = await birthDates(db, [...new Set(result.rows.map((r) => r.entity_id))])
  for (const v of versions) v.childBornOn = born.get(Number(v.childId)) ?? null
  return versions
}

/**
 * Each person's date of birth: the whole date their current records give most often (the earliest
 * of equals), so one agency's typo does not make a child an adult.
 */
export async function birthDates(db: Db, people: readonly number[]): Promise<Map<number, string>> {
  if (people.length === 0) return new Map()
  const rows = await sql<{ entity_id: number; date_of_birth: string }>`
    select distinct on (l.entity_id) l.entity_id, p.date_of_birth
    from entity_links l
    join person_versions p on p.agency_code = l.agency_code and p.source_id = l.source_id
      and p.is_current and not p.withdrawn
    where l.entity_id = any(${[...people]}::int[]) and p.date_of_birth ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
    group by l.entity_id, p.date_of_birth
    order by l.entity_id, count(*) desc, p.date_of_birth`.execute(db)
  return new Map(rows.rows.map((r) => [r.entity_id, r.date_of_birth]))
}

function toRecordedEvent(row: Row): RecordedEvent {
  const involves: Involvement[] = (row.involves ?? []).map((i) =>
    i.kind === 'person'
      ? { kind: 'person', person: i.person_source_id ?? '', role: i.role ?? undefined }
      : ({ kind: i.kind, key: i.key ?? '', display: i.display ?? '', role: i.role ?? undefined } as Involvement),
  )
  const extra = row.extra ?? {}
  const event: EventRecord = {
    type: 'event',
    agency: row.agency_code,
    source_id: row.source_id,
    recorded_at: row.recorded_at.toISOString(),
    withdrawn: row.withdrawn || undefined,
    reason: row.withdrawn_reason ?? undefined,
    kind: row.kind as EventKind,
    subject: row.subject_source_id,
    occurred_at: row.occurred_at.toISOString(),
    ended_at: row.ended_at?.toISOString(),
    summary: row.summary ?? undefined,
    details: row.details ?? undefined,
    indicators: row.indicators as EventRecord['indicators'],
    involves,
    outcome: row.outcome ?? undefined,
    rationale: row.rationale ?? undefined,
    recorded_by: row.recorded_by ?? undefined,
    restricted: row.restricted,
    extra,
  }
  return { childId: String(row.entity_id), event, recordedAt: row.recorded_at }
}

// The children of an area as known at a moment, with every version of every event about them, ready for
// the pure rules. "As of" answers always come from here (the versioned records with their recorded_at),
// never from the cache of current scores.
import { splitRecordKeys } from '../records/keys.ts'
import { CHILDS_RECORD_KINDS } from '../records/types.ts'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { recordedEvents, victimEvents, type RecordedEvent } from '../chronology/versions.ts'
import { londonDate } from '../config/clock.ts'
import { englandAndWales, fullestDateOfBirth, isAtLeastOn } from '../calendar/index.ts'
import { knownAt } from '../db/as-of.ts'
import { assessChild, type ChildRisk } from './assess.ts'
import { isAdultOn, type DerivationContext, type EvidenceEvent } from './evidence.ts'
import type { Instrument } from './instrument.ts'
import type { Screening } from './screening.ts'
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from './settings.ts'
import { currentInstrument, instrumentVersions, screeningsOf, type StoredScreening } from './store.ts'

export interface KnownChild {
  id: number
  dateOfBirth: string | null
  events: EvidenceEvent[]
}

interface PersonRow {
  entity_id: number
  agency_code: string
  source_id: string
  date_of_birth: string | null
  is_child: boolean | null
}

const isChildsRecord = (kind: string) => (CHILDS_RECORD_KINDS as readonly string[]).includes(kind)

/**
 * A child: flagged as one by any agency, or under 18 on the as-of date by the fullest date of birth known,
 * or, when no record gives their age, the subject of a record only a child has (`subjectOf`, the kinds
 * of their events; records/types.ts CHILDS_RECORD_KINDS).
 */
export function isChildOn(
  rows: readonly Pick<PersonRow, 'date_of_birth' | 'is_child'>[],
  asOf: Date,
  subjectOf: Iterable<string> = [],
): { child: boolean; dateOfBirth: string | null } {
  const dob = fullestDateOfBirth(rows.map((r) => r.date_of_birth))
  const flagged = rows.some((r) => r.is_child === true)
  if (flagged) return { child: true, dateOfBirth: dob }
  // Under 18 while not certainly an adult: the latest possible birth date of a partial one.
  const adult = isAdultOn(
    dob ?? undefined,
    londonDate(asOf),
    rows.some((r) => r.is_child === false) ? false : undefined,
  )
  if (adult === undefined) return { child: [...subjectOf].some(isChildsRecord), dateOfBirth: dob }
  return { child: !adult, dateOfBirth: dob }
}

/**
 * What the rules read of an event's content: offence, plan category and assessment factors live there,
 * and (from instrument 1.2.0) the signs of exploitation in any record's own words.
 */
function contentOf(e: RecordedEvent['event']): Partial<EvidenceEvent> {
  return { subject: e.subject, outcome: e.outcome, summary: e.summary, details: e.details, extra: e.extra }
}
/** Events about someone else (an adult arrested or charged) that name the child as their victim. */
const VICTIM_KINDS = ['crime_report', 'arrest', 'charge']

/** Versions of events to the rules' input: each version counts from its recorded_at until the next or a withdrawal. */
export function evidenceEvents(versions: readonly RecordedEvent[]): Map<number, EvidenceEvent[]> {
  const out = new Map<number, EvidenceEvent[]>()
  // recordedEvents orders by agency, source id, version: consecutive rows are one object's history.
  let prevKey = ''
  let prev: EvidenceEvent | null = null
  for (const v of versions) {
    const key = `${v.event.agency}:${v.event.source_id}`
    if (key === prevKey && prev && prev.valid_until == null) prev.valid_until = v.recordedAt
    prevKey = key
    if (v.event.withdrawn) {
      prev = null
      continue
    }
    const e: EvidenceEvent = {
      agency: v.event.agency,
      source_id: v.event.source_id,
      kind: v.event.kind,
      occurred_at: v.event.occurred_at,
      indicators: v.event.indicators,
      involves: v.event.involves,
      restricted: v.event.restricted,
      recorded_at: v.recordedAt,
      ...contentOf(v.event),
    }
    prev = e
    const id = Number(v.childId)
    const list = out.get(id)
    if (list) list.push(e)
    else out.set(id, [e])
  }
  return out
}

async function personRows(db: Db, asOf: Date, ids?: readonly number[]): Promise<PersonRow[]> {
  const list = ids ? [...ids] : null
  const result = await sql<PersonRow>`
    select l.entity_id, p.agency_code, p.source_id, p.date_of_birth, p.is_child
    from person_versions p
    join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
    join entities en on en.id = l.entity_id and en.merged_into is null
    where p.recorded_at <= ${asOf} and (p.superseded_at is null or p.superseded_at > ${asOf}) and not p.withdrawn
      and (${list}::int[] is null or l.entity_id = any(${list}::int[]))`.execute(db)
  return result.rows
}

/** Is an involved person (agency:source_id) an adult on a day: from their own person record, as known at asOf. */
async function adultContext(db: Db, asOf: Date, refs: Set<string> | null): Promise<DerivationContext> {
  if (refs && refs.size === 0) return { isAdult: () => undefined }
  const [agencies, sources] = refs ? splitRecordKeys(refs) : [null, null]
  const result = await sql<{
    agency_code: string
    source_id: string
    date_of_birth: string | null
    is_child: boolean | null
  }>`
    select p.agency_code, p.source_id, p.date_of_birth, p.is_child from person_versions p
    where p.recorded_at <= ${asOf} and (p.superseded_at is null or p.superseded_at > ${asOf}) and not p.withdrawn
      and (${agencies}::text[] is null or (p.agency_code, p.source_id) in (select * from unnest(${agencies}::text[], ${sources}::text[])))`.execute(
    db,
  )
  const people = new Map(result.rows.map((r) => [`${r.agency_code}:${r.source_id}`, r]))
  return {
    isAdult(ref, occurredAt) {
      const p = people.get(ref)
      return p ? isAdultOn(p.date_of_birth ?? undefined, occurredAt, p.is_child ?? undefined) : undefined
    },
  }
}

export interface AreaAsOf {
  asOf: Date
  children: KnownChild[]
  context: DerivationContext
}

/** The children known at asOf (all, or these ids) with their events recorded by then. */
export async function childrenAsOf(db: Db, asOf: Date, ids?: readonly number[]): Promise<AreaAsOf> {
  // Persons and events are read side by side: the events of people who turn out not to be children are dropped.
  const [persons, versions, asVictim] = await Promise.all([
    personRows(db, asOf, ids),
    recordedEvents(db, { recordedBy: asOf, ...(ids ? { personIds: ids } : {}) }),
    victimEvents(db, { kinds: VICTIM_KINDS, recordedBy: asOf, ...(ids ? { personIds: ids } : {}) }),
  ])
  const byEntity = new Map<number, PersonRow[]>()
  for (const p of persons) {
    const list = byEntity.get(p.entity_id)
    if (list) list.push(p)
    else byEntity.set(p.entity_id, [p])
  }
  const events = evidenceEvents(versions)
  const childIds: number[] = []
  const dob = new Map<number, string | null>()
  for (const [id, rows] of byEntity) {
    const c = isChildOn(
      rows,
      asOf,
      (events.get(id) ?? []).map((e) => e.kind),
    )
    if (!c.child) continue
    childIds.push(id)
    dob.set(id, c.dateOfBirth)
  }
  childIds.sort((a, b) => a - b)
  for (const [id, list] of evidenceEvents(asVictim)) {
    const own = events.get(id)
    const mine = list.map((e) => ({ ...e, childAsVictim: true }))
    if (own) own.push(...mine)
    else events.set(id, mine)
  }
  let refs: Set<string> | null = null
  if (ids) {
    refs = new Set()
    for (const id of childIds)
      for (const e of events.get(id) ?? [])
        for (const i of e.involves ?? []) {
          if (i.kind === 'person') refs.add(i.person.includes(':') ? i.person : `${e.agency}:${i.person}`)
        }
  }
  const context = await adultContext(db, asOf, refs)
  return {
    asOf,
    context,
    children: childIds.map((id) => ({ id, dateOfBirth: dob.get(id) ?? null, events: events.get(id) ?? [] })),
  }
}

/** The age until which a young adult the records knew as a child is still listed (care leavers are supported to 25). */
export const LISTED_UNTIL_AGE = 25

export interface YoungAdult {
  id: number
  dateOfBirth: string
}

/**
 * People who are adults on asOf but not yet 25, whom the records knew as children: an event about them
 * happened, or their record in force was recorded, before their 18th birthday. `children --at-risk
 * --min-band 1` lists them beside the children (band 1, outside the instrument's ages), so that the
 * records of a young person who has just turned 18 stay in view as one person's (decision 0053).
 */
export async function youngAdultsKnownAsChildren(db: Db, asOf: Date): Promise<YoungAdult[]> {
  const persons = await sql<PersonRow & { recorded_at: Date }>`
    select l.entity_id, p.agency_code, p.source_id, p.date_of_birth, p.is_child, p.recorded_at
    from person_versions p
    join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
    join entities en on en.id = l.entity_id and en.merged_into is null
    where ${knownAt('p', asOf)}`.execute(db)
  const byEntity = new Map<number, (PersonRow & { recorded_at: Date })[]>()
  for (const p of persons.rows) {
    const list = byEntity.get(p.entity_id)
    if (list) list.push(p)
    else byEntity.set(p.entity_id, [p])
  }
  const candidates: YoungAdult[] = []
  const recordedAsChild = new Set<number>()
  for (const [id, rows] of byEntity) {
    const { child, dateOfBirth } = isChildOn(rows, asOf)
    if (child || !dateOfBirth || isAtLeastOn(dateOfBirth, 18, asOf) !== true) continue
    if (isAtLeastOn(dateOfBirth, LISTED_UNTIL_AGE, asOf)) continue
    candidates.push({ id, dateOfBirth })
    if (rows.some((r) => isAtLeastOn(dateOfBirth, 18, r.recorded_at) === false)) recordedAsChild.add(id)
  }
  if (!candidates.length) return []
  const ids = candidates.filter((c) => !recordedAsChild.has(c.id)).map((c) => c.id)
  const firstEvents = ids.length
    ? await sql<{ entity_id: number; first: Date }>`
        select l.entity_id, min(e.occurred_at) as first
        from events e
        join entity_links l on l.agency_code = e.agency_code and l.source_id = e.subject_source_id
        where ${knownAt('e', asOf)} and l.entity_id = any(${ids}::int[])
        group by l.entity_id`.execute(db)
    : { rows: [] }
  const firstEvent = new Map(firstEvents.rows.map((r) => [r.entity_id, r.first]))
  return candidates
    .filter((c) => {
      if (recordedAsChild.has(c.id)) return true
      const first = firstEvent.get(c.id)
      return first !== undefined && isAtLeastOn(c.dateOfBirth, 18, first) === false
    })
    .sort((a, b) => a.id - b.id)
}

export interface AssessedChild {
  id: number
  dateOfBirth: string | null
  risk: ChildRisk
  events: EvidenceEvent[]
  screenings: StoredScreening[]
}

export interface AssessOptions {
  ids?: readonly number[]
  minBand?: number
  settings?: RiskSettings
  instrument?: Instrument
}

/**
 * Every child's risk as of a moment, from the records recorded by then and the screenings signed by then.
 * A child screened with an older version of the instrument is scored with the version in use; the
 * screening's band still stands (it records its own version).
 */
export async function assessArea(db: Db, asOf: Date, options: AssessOptions = {}): Promise<AssessedChild[]> {
  const [instrument, area, screenings] = await Promise.all([
    options.instrument ?? currentInstrument(db),
    childrenAsOf(db, asOf, options.ids),
    screeningsOf(db, options.ids, asOf),
  ])
  const settings = options.settings ?? DEFAULT_RISK_SETTINGS
  return area.children.map((c) => {
    const mine = screenings.get(c.id) ?? []
    return {
      id: c.id,
      dateOfBirth: c.dateOfBirth,
      events: c.events,
      screenings: mine,
      risk: assessChild(
        instrument,
        { events: c.events, dateOfBirth: c.dateOfBirth, screenings: mine as Screening[] },
        {
          asOf,
          minBand: options.minBand ?? 2,
          workingDays: settings.workingDays,
          calendar: englandAndWales,
          context: area.context,
        },
      ),
    }
  })
}

/** One child (already resolved through merges), or null when they are not a child as of then. */
export async function assessOne(
  db: Db,
  childId: number,
  asOf: Date,
  options: Omit<AssessOptions, 'ids'> = {},
): Promise<AssessedChild | null> {
  return (await assessArea(db, asOf, { ...options, ids: [childId] }))[0] ?? null
}

export { instrumentVersions }

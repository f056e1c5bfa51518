// The link facts of an area as known at a moment, read from the versioned records: every involvement of
// every event version current at T (person involvements resolved to the person linkage made of them),
// the recorded relationships, and which people are children. A link's recorded time is the first
// version of its event that carried it, so that a re-sent event does not make an old link look new.
// Children are those who were children when their links were made.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { isChildOn } from '../risk/area.ts'
import { publicPlaces } from './public-places.ts'
import { handleKeys } from './online-keys.ts'
import { AreaCache, unchangedAround, type HeldRows } from './area-cache.ts'
import type { LinkFact, MemberKind, PersonRelationship, Population } from './types.ts'

export interface EventInfo {
  kind: string
  agency: string
  occurredAt: Date
  restricted: boolean
  /** The event's subject (a person's entity id). */
  subject: string
}

export interface AreaLinks {
  at: Date
  facts: LinkFact[]
  relationships: PersonRelationship[]
  population: Population
  /** 'agency:source_id' → what the event was, for timelines and places. */
  events: Map<string, EventInfo>
  /** 'vehicle:AB12CDE' → how some agency wrote it ('AB12 CDE'): for the command line only; pages label from
   * the links the viewer may read (labels.ts). */
  displays: Map<string, string>
  /** Locations every agency named as a school, hospital, station and the like (public-places.ts). */
  publicPlaces: Set<string>
  /**
   * The links of every node within `steps` links of `start` (over all links, whoever may read them: a
   * superset of what any viewer's chart reaches), in the order of `facts`. Absent: use `facts`.
   */
  around?: (start: string, steps: number) => LinkFact[]
}

interface InvolvementRow {
  agency_code: string
  source_id: string
  version: number
  current: boolean
  recorded_at: Date
  kind: string
  occurred_at: Date
  restricted: boolean
  subject: number
  ikind: MemberKind
  person_entity: number | null
  key: string | null
  display: string | null
  role: string | null
  indicators: string[] | null
}

interface RelationshipRow {
  agency_code: string
  source_id: string
  from_entity: number
  to_entity: number
  kind: string
  since: string | null
  reliability: string
  first_recorded: Date
}

interface PersonRow {
  entity_id: number
  date_of_birth: string | null
  is_child: boolean | null
}

/** What a request reads alike, whatever the moment within the rows' window: all but who is a child. */
interface AreaRows {
  facts: readonly LinkFact[]
  relationships: readonly PersonRelationship[]
  people: readonly PersonRow[]
  events: ReadonlyMap<string, EventInfo>
  displays: ReadonlyMap<string, string>
  publicPlaces: ReadonlySet<string>
  /** Node id → the positions in `facts` of its links. */
  byNode: ReadonlyMap<string, readonly number[]>
}

/** The area's rows as read from the database, with the moments they hold for (area-cache.ts). */
async function readAreaLinkRows(db: Db, at: Date): Promise<HeldRows<AreaRows>> {
  const [{ involvements, relationships, people }, window] = await Promise.all([
    readAreaRows(db, at),
    unchangedAround(db, at),
  ])
  const { facts, events, displays, placeNames } = factsOf(involvements)
  // shared by every request while held: frozen, so that no page can change another's links
  for (const f of facts) Object.freeze(f)
  const rels = relationshipsOf(relationships)
  for (const r of rels) Object.freeze(r)
  const rows: AreaRows = {
    facts: Object.freeze(facts),
    relationships: Object.freeze(rels),
    people: Object.freeze(people),
    events,
    displays,
    publicPlaces: publicPlaces(placeNames),
    byNode: linksByNode(facts),
  }
  return { rows, ...window }
}

const held = new AreaCache(readAreaLinkRows)

/** How often the pages read the area from the database and how often they used what was held (tests, benchmarks). */
export const areaReads = held.counts

/**
 * The area's links as of `at`: the rows held in memory while the data generation is unchanged and they
 * hold for `at` (decision 0046), else read. Who is a child is worked out for `at` on every call.
 */
export async function loadAreaLinks(db: Db, at: Date): Promise<AreaLinks> {
  const rows = await held.rowsAt(db, at)
  return {
    at,
    facts: rows.facts as LinkFact[],
    relationships: rows.relationships as PersonRelationship[],
    population: populationOf(rows.people, rows.facts, rows.relationships, at),
    events: rows.events as Map<string, EventInfo>,
    displays: rows.displays as Map<string, string>,
    publicPlaces: rows.publicPlaces as Set<string>,
    around: (start, steps) => linksAround(rows, start, steps),
  }
}

const endsOf = (f: LinkFact) => [`person:${f.personEntityId}`, `${f.memberKind}:${f.memberKey}`]

function linksByNode(facts: readonly LinkFact[]): Map<string, number[]> {
  const byNode = new Map<string, number[]>()
  facts.forEach((f, i) => {
    for (const node of endsOf(f)) {
      const list = byNode.get(node)
      if (list) list.push(i)
      else byNode.set(node, [i])
    }
  })
  return byNode
}

/** The links of the nodes within `steps` of `start`, breadth first over every link, in the order of `facts`. */
function linksAround(rows: AreaRows, start: string, steps: number): LinkFact[] {
  const reached = new Set([start])
  let frontier = [start]
  for (let step = 0; step < steps && frontier.length > 0; step++) {
    const next: string[] = []
    for (const node of frontier)
      for (const i of rows.byNode.get(node) ?? [])
        for (const other of endsOf(rows.facts[i]))
          if (!reached.has(other)) {
            reached.add(other)
            next.push(other)
          }
    frontier = next
  }
  const positions = new Set<number>()
  for (const node of reached) for (const i of rows.byNode.get(node) ?? []) positions.add(i)
  return [...positions].sort((a, b) => a - b).map((i) => rows.facts[i])
}

/** The involvements of every event version recorded by `at`, the relationships and person records in force then. */
async function readAreaRows(db: Db, at: Date) {
  const [involvements, relationships, people] = await Promise.all([
    sql<InvolvementRow>`
      select e.agency_code, e.source_id, e.version, e.recorded_at, e.kind, e.occurred_at, e.restricted, e.indicators,
        ((e.superseded_at is null or e.superseded_at > ${at}) and not e.withdrawn) as current,
        l.entity_id as subject, i.kind as ikind, pl.entity_id as person_entity, i.key, i.display, i.role
      from events e
      join entity_links l on l.agency_code = e.agency_code and l.source_id = e.subject_source_id
      join involvements i on i.event_id = e.id
      left join entity_links pl on i.kind = 'person' and pl.agency_code = i.agency_code and pl.source_id = i.person_source_id
      where e.recorded_at <= ${at}
      order by e.agency_code, e.source_id, e.version, i.id`.execute(db),
    sql<RelationshipRow>`
      select r.agency_code, r.source_id, lf.entity_id as from_entity, lt.entity_id as to_entity, r.kind, r.since, r.reliability,
        (select min(r0.recorded_at) from relationships r0 where r0.agency_code = r.agency_code and r0.source_id = r.source_id
          and r0.recorded_at <= ${at} and not r0.withdrawn) as first_recorded
      from relationships r
      join entity_links lf on lf.agency_code = r.agency_code and lf.source_id = r.from_source_id
      join entity_links lt on lt.agency_code = r.agency_code and lt.source_id = r.to_source_id
      where r.recorded_at <= ${at} and (r.superseded_at is null or r.superseded_at > ${at}) and not r.withdrawn`.execute(
      db,
    ),
    sql<PersonRow>`
      select l.entity_id, p.date_of_birth, p.is_child
      from person_versions p
      join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
      where p.recorded_at <= ${at} and (p.superseded_at is null or p.superseded_at > ${at}) and not p.withdrawn`.execute(
      db,
    ),
  ])
  return { involvements: involvements.rows, relationships: relationships.rows, people: people.rows }
}

/**
 * The links of the event versions current at `at`, each recorded when the first version of its event
 * carried it; what each event was; how agencies wrote each object; and the places' names.
 */
function factsOf(involvements: readonly InvolvementRow[]) {
  // the first recorded time of each (event, involvement) across the event's versions
  const signature = (r: InvolvementRow) =>
    `${r.agency_code}:${r.source_id}|${r.ikind}|${r.person_entity ?? r.key}|${r.role ?? ''}`
  const firstRecorded = new Map<string, Date>()
  for (const r of involvements) {
    const s = signature(r)
    const seen = firstRecorded.get(s)
    if (!seen || r.recorded_at < seen) firstRecorded.set(s, r.recorded_at)
  }

  // an online identity is one however its letters are cased (online-keys.ts)
  const handleAs = handleKeys(
    involvements.flatMap((r) =>
      r.ikind === 'online' && r.key !== null ? [{ key: r.key, recordedAt: r.recorded_at }] : [],
    ),
  )

  const facts: LinkFact[] = []
  const events = new Map<string, EventInfo>()
  const displays = new Map<string, string>()
  const placeNames: [string, string][] = []
  for (const r of involvements) {
    if (!r.current) continue
    const memberKey =
      r.ikind === 'person'
        ? r.person_entity === null
          ? null
          : String(r.person_entity)
        : r.ikind === 'online' && r.key !== null
          ? (handleAs.get(r.key.toLowerCase()) ?? r.key)
          : r.key
    // a person named before their own record arrived is left out until linkage knows them
    if (memberKey === null) continue
    const eventRef = `${r.agency_code}:${r.source_id}`
    events.set(eventRef, {
      kind: r.kind,
      agency: r.agency_code,
      occurredAt: r.occurred_at,
      restricted: r.restricted,
      subject: String(r.subject),
    })
    if (r.ikind !== 'person' && r.display) displays.set(`${r.ikind}:${memberKey}`, r.display)
    if (r.ikind === 'location' && r.display) placeNames.push([`location:${memberKey}`, r.display])
    facts.push({
      personEntityId: String(r.subject),
      memberKind: r.ikind,
      memberKey,
      agency: r.agency_code,
      eventRef,
      role: r.role,
      reliability: null,
      occurredAt: r.occurred_at,
      recordedAt: firstRecorded.get(signature(r)) ?? r.recorded_at,
      restricted: r.restricted,
      display: r.ikind === 'person' ? null : r.display,
      eventKind: r.kind,
      indicators: r.indicators ?? [],
    })
  }
  return { facts, events, displays, placeNames }
}

function relationshipsOf(rows: readonly RelationshipRow[]): PersonRelationship[] {
  return rows.map((r) => ({
    from: String(r.from_entity),
    to: String(r.to_entity),
    kind: r.kind,
    recordedAt: r.first_recorded,
    since: r.since && /^\d{4}-\d{2}-\d{2}/.test(r.since) ? `${r.since.slice(0, 10)}T00:00:00Z` : undefined,
    agency: r.agency_code,
    ref: `${r.agency_code}:${r.source_id}`,
    reliability: r.reliability,
  }))
}

/** The area's children and adults, from their person records and when their links were made. */
function populationOf(
  people: readonly PersonRow[],
  facts: readonly LinkFact[],
  rels: readonly PersonRelationship[],
  at: Date,
): Population {
  const byPerson = new Map<number, PersonRow[]>()
  for (const p of people) {
    const list = byPerson.get(p.entity_id)
    if (list) list.push(p)
    else byPerson.set(p.entity_id, [p])
  }
  // A child is someone who was a child when the links were made: the girls a group targeted in 2007 are
  // the children of its network even when the question is asked in 2026. Age only grows, so being a child
  // at the earliest link is being a child at any of them; someone with no links is judged at `at`.
  const earliest = new Map<string, number>()
  const seen = (id: string, when: Date | string) => {
    const ms = typeof when === 'string' ? Date.parse(when) : when.getTime()
    if (!(ms >= (earliest.get(id) ?? Infinity))) earliest.set(id, ms)
  }
  for (const f of facts) {
    seen(f.personEntityId, f.occurredAt)
    if (f.memberKind === 'person') seen(f.memberKey, f.occurredAt)
  }
  for (const r of rels) {
    seen(r.from, r.since ?? r.recordedAt)
    seen(r.to, r.since ?? r.recordedAt)
  }
  const children = new Set<string>()
  const adults = new Set<string>()
  for (const [id, rows] of byPerson) {
    const first = earliest.get(String(id))
    const when = first === undefined || first > at.getTime() ? at : new Date(first)
    ;(isChildOn(rows, when).child ? children : adults).add(String(id))
  }
  return { children, adults }
}

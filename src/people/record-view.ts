// A person's record as one viewer may see it: the one path the web page and the API both use,
// so the rules of access/visibility.ts are applied once, and every view is audited.
import type { Db } from '../db/database.ts'
import { appendAudit } from '../audit/audit.ts'
import type { Actor } from '../audit/actor.ts'
import {
  addressVisible,
  eventView,
  personRecordVisible,
  reachOf,
  type Reach,
  type Viewer,
} from '../access/visibility.ts'
import { chronology, type ChronologyEvent, type ChronologyFilter } from '../chronology/chronology.ts'
import { attachLanguage, type EventLanguage } from '../language/chronology.ts'
import {
  activeGrant,
  agenciesInvolved,
  ageOn,
  IDENTITY_FIELDS,
  isAllocated,
  personRecords,
  resolvePerson,
  type IdentityFields,
  type PersonRecordRow,
} from './people.ts'
import { errorKind } from '../errors/domain-error.ts'
import { threadlineEntries, type ThreadlineEntry } from './chronology-entries.ts'
import { fullestDateOfBirth } from '../calendar/index.ts'

export interface AgencyRecordView extends IdentityFields {
  source_record: string
  agency_code: string
  agency_name: string
  /** null when not recorded or when the viewer may not see it (then address_withheld) */
  address: string | null
  address_withheld: boolean
  recorded_at: Date
  link: { method: string; score: number | null; reason: string | null; linked_at: Date }
}

export interface EventView extends Omit<
  ChronologyEvent,
  'summary' | 'details' | 'outcome' | 'rationale' | 'recorded_by' | 'indicators' | 'extra' | 'involves'
> {
  view: 'full' | 'restricted'
  summary: string | null
  details: string | null
  outcome: string | null
  rationale: string | null
  recorded_by: string | null
  indicators: string[]
  extra: Record<string, unknown>
  involves: ChronologyEvent['involves']
  /** victim-blaming language in the source agency's words (full view only); see language/chronology.ts */
  language?: EventLanguage
  /** recorded in Threadline (a MASH decision...), not an agency's record: chronology-entries.ts */
  inThreadline?: true
}

export interface PersonRecordView {
  person_id: number
  requested_id: number
  reach: Reach
  given_name: string | null
  family_name: string | null
  date_of_birth: string | null
  age: number | null
  agencies: { code: string; name: string; contact: string | null; records: number }[]
  records: AgencyRecordView[]
  source_records: string[]
  events: EventView[]
  /** events of other agencies outside the viewer's reach (the signpost says they exist) */
  hidden_events: number
  /** every event the viewer sees under the filter (`events` holds one page of them when asked for a page) */
  events_total: number
}

/** What the viewer opened, for the audit entry: a page of the record, or a download of it. */
export interface ViewedAs {
  page: string
  export?: 'csv' | 'pdf'
}

export class NotFound extends errorKind('not_found') {}
export class Forbidden extends errorKind('forbidden') {}

export async function viewPersonRecord(
  db: Db,
  viewer: Viewer,
  actor: Actor,
  requestedId: number,
  filter: ChronologyFilter,
  now: Date,
  // the JSON chronology needs neither the agencies' summary nor language findings (it does not return them)
  options: {
    audit?: boolean
    withEvents?: boolean
    withAgencies?: boolean
    withLanguage?: boolean
    /** only these of the events the viewer sees (one page of the chronology); all when not given */
    eventsPage?: { offset: number; limit: number }
    /** which page or download of the record this view is, for the audit entry */
    viewedAs?: ViewedAs
    /** with what Threadline itself recorded about the person (the chronology's pages and downloads) */
    withThreadlineEntries?: boolean
  } = {},
): Promise<PersonRecordView> {
  const personId = await resolvePerson(db, requestedId)
  if (personId === null) throw new NotFound(`no person ${requestedId}`)
  const allocated =
    viewer.kind === 'user' && viewer.userId !== undefined ? await isAllocated(db, personId, viewer.userId, now) : false
  const grant =
    viewer.kind === 'user' && viewer.userId !== undefined ? await activeGrant(db, personId, viewer.userId, now) : null
  const reach = reachOf(viewer, { allocated, ...grant })
  if (reach.level === 'none') throw new Forbidden("this role does not see children's records")

  const [rows, agencies] = await Promise.all([
    personRecords(db, personId, filter.at),
    options.withAgencies === false ? [] : agenciesInvolved(db, personId, filter.at),
  ])
  if (rows.length === 0) throw new NotFound(`no person ${requestedId}`)
  // written as the record is opened, before its events are read: a request holds no chronology in
  // memory while it waits for the audit trail
  if (options.audit !== false) {
    await db.transaction().execute((trx) =>
      appendAudit(
        trx,
        actor,
        {
          action: 'view_record',
          entityId: personId,
          details: {
            reach: reach.level,
            because: reach.level === 'full' ? reach.because : null,
            // a view through an auditor's grant names its audit (audits/)
            ...(reach.level === 'full' && reach.audit ? { audit_id: reach.audit } : {}),
            as_of: filter.at.toISOString(),
            ...options.viewedAs,
          },
        },
        now,
      ),
    )
  }
  const records = rows
    .filter((r) => personRecordVisible(viewer, reach, { agency: r.agency_code }))
    .map((r) => recordView(viewer, reach, r))
  const identity = bestIdentity(rows)
  const { events, hidden, total } =
    options.withEvents !== false
      ? await eventsSeen(db, viewer, reach, personId, filter, options)
      : { events: [], hidden: 0, total: 0 }
  if (options.withEvents !== false && options.withLanguage !== false)
    await attachLanguage(
      db,
      events.filter((e) => !e.inThreadline),
      identity.date_of_birth,
      now,
    )
  return {
    person_id: personId,
    requested_id: requestedId,
    reach,
    ...identity,
    age: ageOn(identity.date_of_birth, now),
    agencies,
    records,
    source_records: rows.map((r) => `${r.agency_code}:${r.source_id}`),
    events,
    hidden_events: hidden,
    events_total: total,
  }
}

// The name most agencies use, and the fullest date of birth given.
function bestIdentity(rows: PersonRecordRow[]) {
  const names = new Map<string, number>()
  for (const r of rows) {
    const key = `${r.given_name ?? ''}\u0000${r.family_name ?? ''}`
    names.set(key, (names.get(key) ?? 0) + 1)
  }
  const [given, family] = [...names.entries()].sort((a, b) => b[1] - a[1])[0][0].split('\u0000')
  const dob = fullestDateOfBirth(rows.map((r) => r.date_of_birth))
  return { given_name: given || null, family_name: family || null, date_of_birth: dob }
}

function recordView(viewer: Viewer, reach: Reach, r: PersonRecordRow): AgencyRecordView {
  const shown =
    r.address && addressVisible(viewer, reach, { agency: r.agency_code, confidential: r.confidential_address })
      ? r.address
      : null
  return {
    source_record: `${r.agency_code}:${r.source_id}`,
    agency_code: r.agency_code,
    agency_name: r.agency_name,
    ...(Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, r[f]])) as IdentityFields),
    address: shown ? [shown.line1, shown.line2, shown.town, shown.postcode].filter(Boolean).join(', ') : null,
    address_withheld: !!r.address && !shown,
    recorded_at: r.recorded_at,
    link: { method: r.method, score: r.score, reason: r.reason, linked_at: r.linked_at },
  }
}

/**
 * The events the viewer sees under the filter (and what Threadline recorded, when asked), newest
 * first, with how many of other agencies are hidden and how many there are before the page is cut.
 */
async function eventsSeen(
  db: Db,
  viewer: Viewer,
  reach: Reach,
  personId: number,
  filter: ChronologyFilter,
  options: { eventsPage?: { offset: number; limit: number }; withThreadlineEntries?: boolean },
): Promise<{ events: EventView[]; hidden: number; total: number }> {
  let events: EventView[] = []
  let hidden = 0
  for (const event of await chronology(db, personId, filter)) {
    const view = eventView(viewer, reach, { agency: event.agency_code, restricted: event.restricted })
    if (view === 'hidden') hidden++
    // the row is this request's own: marked in place (a copy of each of thousands of events is not)
    else events.push(view === 'full' ? Object.assign(event, { view }) : restrictedStub(event))
  }
  if (options.withThreadlineEntries)
    events = mergeNewestFirst(events, (await threadlineEntries(db, personId, viewer, reach, filter)).map(entryView))
  const total = events.length
  const page = options.eventsPage
  if (page) events = events.slice(page.offset, page.offset + page.limit)
  return { events, hidden, total }
}

/** An entry Threadline recorded, shown as the chronology shows an event (its moment is when it was recorded). */
function entryView(e: ThreadlineEntry, i: number): EventView {
  return {
    id: -(i + 1),
    agency_code: e.agency_code,
    agency_name: e.agency_name,
    agency_contact: null,
    source_id: e.ref,
    version: 1,
    kind: e.kind,
    occurred_at: e.at,
    ended_at: null,
    recorded_at: e.at,
    received_at: e.at,
    view: 'full',
    summary: e.summary,
    details: null,
    outcome: null,
    rationale: e.rationale,
    recorded_by: e.recorded_by,
    restricted: false,
    indicators: [],
    extra: {},
    involves: [],
    inThreadline: true,
  }
}

/** Two lists each newest first, as one (an event before an entry of the same moment). */
function mergeNewestFirst(events: EventView[], entries: EventView[]): EventView[] {
  if (entries.length === 0) return events
  const out: EventView[] = []
  let j = 0
  for (const e of events) {
    while (j < entries.length && +entries[j].occurred_at > +e.occurred_at) out.push(entries[j++])
    out.push(e)
  }
  return out.concat(entries.slice(j))
}

function restrictedStub(event: ChronologyEvent): EventView {
  return {
    ...event,
    view: 'restricted',
    summary: null,
    details: null,
    outcome: null,
    rationale: null,
    recorded_by: null,
    indicators: [],
    extra: {},
    involves: [],
  }
}

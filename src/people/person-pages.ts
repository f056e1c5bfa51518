// A person's record as a summary and sub-pages, each with a stable address (issue 15): the summary
// (/people/:id), the chronology, risk, missing, working together, links (the link chart, networks/),
// the agency records and who viewed. Every page opens the record through viewPersonRecord (the one
// access check, audited as a view of the record naming the page) and loads only its own panels.
import type { FastifyRequest } from 'fastify'
import type { Db } from '../db/database.ts'
import { actorOf, userOf, viewerOf } from '../web/guards.ts'
import type { Actor } from '../audit/actor.ts'
import { canSeeViewers, type Reach, type Viewer } from '../access/visibility.ts'
import type { SignedInUser } from '../web/request-context.ts'
import type { ChronologyFilter } from '../chronology/chronology.ts'
import { label } from '../web/filters.ts'
import { loadPanels, type PersonPage } from './panels.ts'
import { viewPersonRecord, type PersonRecordView, type ViewedAs } from './record-view.ts'
import type { Query } from '../web/list-view.ts'

/** Entries of the chronology on one page. */
export const CHRONOLOGY_PAGE_SIZE = 50

export type PersonTab = PersonPage | 'viewers'

/** The sub-navigation's tabs in order: the address of each below /people/:id, and its text. */
const TABS: readonly { tab: PersonTab; path: string; text: string }[] = [
  { tab: 'summary', path: '', text: 'Summary' },
  { tab: 'chronology', path: '/chronology', text: 'Chronology' },
  { tab: 'risk', path: '/risk', text: 'Risk' },
  { tab: 'missing', path: '/missing', text: 'Missing' },
  { tab: 'working-together', path: '/working-together', text: 'Working together' },
  { tab: 'links', path: '/links', text: 'Links' },
  { tab: 'records', path: '/records', text: 'Agency records' },
  { tab: 'viewers', path: '/viewers', text: 'Who viewed' },
]

/** The address of a page of a person's record below /people/:id ('' for the summary). */
export const tabPath = (tab: PersonTab) => TABS.find((t) => t.tab === tab)?.path ?? ''

/**
 * The tabs this viewer can use, for the MOJ sub-navigation: never a link to a page they would be
 * refused. Every page but who viewed asks only what opening the record asks (a reach into it; the
 * link chart's roles are the casework roles, which every reach is given to, access/visibility.ts
 * reachOf); who viewed is for managers and the MASH (canSeeViewers).
 */
export function personTabs(personId: number, viewer: Viewer, reach: Reach, current: PersonTab) {
  if (reach.level === 'none') return []
  return TABS.filter((t) => t.tab !== 'viewers' || canSeeViewers(viewer, reach)).map((t) => ({
    text: t.text,
    href: `/people/${personId}${t.path}`,
    active: t.tab === current,
  }))
}

export interface Asking {
  viewer: Viewer
  actor: Actor
  user: SignedInUser
}

/** Who is asking, from a request behind `signedIn`. */
export const askingFrom = (request: FastifyRequest): Asking => ({
  viewer: viewerOf(request),
  actor: actorOf(request),
  user: userOf(request),
})

/**
 * One page of a person's record: the record as the viewer may see it (audited as a view of this
 * page, unless `audit` is false because the page audits its own view), the tabs, and this page's
 * panels only. The chronology asks for its events (`events`: one page, or all); other pages read none.
 */
export async function personPage(
  db: Db,
  asking: Asking,
  requestedId: number,
  page: PersonPage,
  filter: ChronologyFilter,
  now: Date,
  options: {
    events?: 'all' | { page: number }
    audit?: boolean
    viewedAs?: ViewedAs
    /** the page's query string, for the panels' lists (web/list-view.ts) */
    query?: Query
  } = {},
) {
  const { viewer, actor, user } = asking
  const events = options.events
  const record = await viewPersonRecord(db, viewer, actor, requestedId, filter, now, {
    audit: options.audit,
    withEvents: events !== undefined,
    eventsPage:
      events && events !== 'all'
        ? { offset: (events.page - 1) * CHRONOLOGY_PAGE_SIZE, limit: CHRONOLOGY_PAGE_SIZE }
        : undefined,
    viewedAs: options.viewedAs ?? { page },
    withThreadlineEntries: events !== undefined,
  })
  // a merged person's page answers with the current person's address: no panel is loaded for it
  if (record.person_id !== requestedId) return { record, tabs: [], panels: [], asOf: filter.at }
  const panels = await loadPanels({ db, record, user, viewer, at: filter.at, now, query: options.query ?? {} }, page)
  return { record, tabs: personTabs(record.person_id, viewer, record.reach, page), panels, asOf: filter.at }
}

export type PersonPageData = Awaited<ReturnType<typeof personPage>>

/** A record's identity and tabs for a page that checks and audits its own view (who viewed, the link chart). */
export async function personFrame(
  db: Db,
  asking: Asking,
  personId: number,
  page: PersonTab,
  now: Date,
): Promise<{ record: PersonRecordView; tabs: ReturnType<typeof personTabs> }> {
  const record = await viewPersonRecord(db, asking.viewer, asking.actor, personId, { at: now }, now, {
    audit: false,
    withEvents: false,
  })
  return { record, tabs: personTabs(record.person_id, asking.viewer, record.reach, page) }
}

/** The chronology's rows for a CSV download: what the page shows for the same filter, every page of it. */
export const CHRONOLOGY_CSV_COLUMNS = [
  'occurred_at',
  'ended_at',
  'agency',
  'kind',
  'shared',
  'summary',
  'details',
  'outcome',
  'rationale',
  'recorded_by',
  'involves',
  'indicators',
  'recorded_at',
  'record',
  'version',
] as const

/** One entry of the chronology in words, as every copy of it says it (the CSV, the PDF). */
export function chronologyEntryWords(e: PersonRecordView['events'][number]) {
  const full = e.view === 'full'
  return {
    agency: e.agency_name,
    kind: label(e.kind),
    shared: full ? 'in full' : `restricted: ask ${e.agency_contact ?? e.agency_name}`,
    summary: e.summary,
    details: e.details,
    outcome: e.outcome ? label(e.outcome) : null,
    rationale: e.rationale,
    recorded_by: e.recorded_by,
    involves: e.involves.map(
      (i) =>
        `${i.role ? label(i.role) : 'Involved'}: ${
          i.kind === 'person' ? (i.person_name ?? i.source_record) : `${label(i.kind)} ${i.display}`
        }`,
    ),
    indicators: e.indicators.map(label),
    record: e.inThreadline ? `threadline:${e.source_id}` : `${e.agency_code}:${e.source_id}`,
    version: e.version,
  }
}

export function chronologyCsvRows(record: PersonRecordView) {
  return record.events.map((e) => ({
    ...chronologyEntryWords(e),
    occurred_at: e.occurred_at.toISOString(),
    ended_at: e.ended_at ? e.ended_at.toISOString() : null,
    recorded_at: e.recorded_at.toISOString(),
  }))
}

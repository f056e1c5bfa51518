// Imported records are checked too: the findings on each chronology entry's summary and details,
// with the child's age on the entry's date. They are the source agency's words, shown as they
// were received; Threadline never changes them. Findings are kept per event version (versions
// never change) so a long chronology is checked once, not on every view.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { londonDate } from '../config/clock.ts'
import { checkText } from './check.ts'
import { DateInputError } from './age.ts'
import { LEXICON_VERSION, SHIPPED_LEXICON } from './lexicon.ts'
import type { Finding } from './types.ts'
import { LEXICON_GUIDANCE } from './sources.ts'
import { fullestDateOfBirth } from '../calendar/index.ts'

export interface EventLanguage {
  summary: Finding[]
  details: Finding[]
  /** how many findings in all, for the template */
  count: number
}

/** What this module reads of a chronology entry, and the field it fills. */
export interface CheckableEvent {
  id: number
  view: 'full' | 'restricted'
  occurred_at: Date
  summary: string | null
  details: string | null
  language?: EventLanguage
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const NONE: EventLanguage = Object.freeze({ summary: [], details: [], count: 0 }) as EventLanguage

/** A date of birth the age rules can use, or undefined (a partial or malformed one is not guessed at). */
export function usableDob(dob: string | null | undefined): string | undefined {
  return dob && DAY.test(dob) ? dob : undefined
}

/** The findings on one entry's words: pure, for tests and for the cache below. */
export function checkEvent(
  event: Pick<CheckableEvent, 'occurred_at' | 'summary' | 'details'>,
  childDob: string | undefined,
): EventLanguage {
  const options = { childDob, date: londonDate(event.occurred_at) }
  const check = (text: string | null) => {
    if (!text) return []
    try {
      return checkText(text, options)
    } catch (error) {
      // an impossible date of birth (2007-02-30) is the record's problem: check without the age
      if (error instanceof DateInputError) return checkText(text, { date: options.date })
      throw error
    }
  }
  const summary = check(event.summary)
  const details = check(event.details)
  return { summary, details, count: summary.length + details.length }
}

/**
 * Fills `language` on every entry the viewer sees in full (never on a restricted stub: its words are
 * not shared). Reads kept findings in one query, checks the rest and keeps them.
 */
/** How long the checker runs before it lets other requests in (a chronology of long records, a large import). */
const TURN_MS = 50

export async function attachLanguage(
  db: Db,
  events: CheckableEvent[],
  dateOfBirth: string | null,
  at: Date,
): Promise<void> {
  const full = events.filter((e) => e.view === 'full' && (e.summary || e.details))
  if (full.length === 0) return
  const dob = usableDob(dateOfBirth)
  const key = dob ?? ''
  const kept = new Map<number, EventLanguage>()
  // one array parameter, however long the chronology; findings read only where there are some
  const rows = await sql<{ event_id: number; findings: unknown }>`
    select event_id, case when cardinality(rules) > 0 then findings end as findings from language_event_checks
    where event_id = any(${full.map((e) => e.id)}::int[]) and lexicon_version = ${LEXICON_VERSION} and child_dob = ${key}`.execute(
    db,
  )
  for (const row of rows.rows) kept.set(row.event_id, row.findings ? parseKept(row.findings) : NONE)
  const fresh: {
    event_id: number
    lexicon_version: string
    child_dob: string
    findings: string
    rules: string[]
    checked_at: Date
  }[] = []
  let ranSince = performance.now()
  for (const event of full) {
    let language = kept.get(event.id)
    if (!language) {
      // a long run of checking lets other requests in now and then: the server answers everyone meanwhile
      if (performance.now() - ranSince > TURN_MS) {
        await new Promise((resolve) => setImmediate(resolve))
        ranSince = performance.now()
      }
      language = checkEvent(event, dob)
      fresh.push({
        event_id: event.id,
        lexicon_version: LEXICON_VERSION,
        child_dob: key,
        checked_at: at,
        findings: JSON.stringify({ summary: language.summary.map(compact), details: language.details.map(compact) }),
        rules: [...language.summary, ...language.details].map((f) => f.rule),
      })
    }
    if (language.count > 0) event.language = language
  }
  // kept in slices so one statement never carries too many parameters
  for (let i = 0; i < fresh.length; i += 500) {
    await db
      .insertInto('language_event_checks')
      .values(fresh.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('event_id').doUpdateSet((eb) => ({
          lexicon_version: eb.ref('excluded.lexicon_version'),
          child_dob: eb.ref('excluded.child_dob'),
          findings: eb.ref('excluded.findings'),
          rules: eb.ref('excluded.rules'),
          checked_at: eb.ref('excluded.checked_at'),
        })),
      )
      .execute()
  }
}

/**
 * Checks, ahead of anyone opening a record, the current event versions not yet checked (newest
 * first, at most `limit`; of these event versions only, with `ids`), so that the first view of a
 * long chronology need not wait for it. Call it after an import. Returns how many entries it checked.
 */
export async function checkNewEvents(
  db: Db,
  at: Date,
  options: { limit?: number; ids?: readonly number[] } = {},
): Promise<number> {
  // the events and, beside each, its child's fullest date of birth any agency gives (calendar/days.ts
  // fullestDateOfBirth, as the record view takes it), in one statement (decision 0072: a save's check is a round trip fewer)
  const events = await sql<{
    id: number
    occurred_at: Date
    summary: string | null
    details: string | null
    entity_id: number
    date_of_birth: string | null
  }>`
    with sought as (
      select e.id, e.occurred_at, e.summary, e.details, e.recorded_at, coalesce(n.merged_into, l.entity_id) as entity_id
      from events e
      join entity_links l on l.agency_code = e.agency_code and l.source_id = e.subject_source_id
      join entities n on n.id = l.entity_id
      where e.is_current and not e.withdrawn and (e.summary is not null or e.details is not null)
        and not exists (select 1 from language_event_checks k where k.event_id = e.id and k.lexicon_version = ${LEXICON_VERSION})
        ${options.ids ? sql`and e.id = any(${[...options.ids]}::int[])` : sql``}
      order by e.recorded_at desc
      limit ${options.limit ?? 100_000}),
    dobs as (
      select distinct on (coalesce(n.merged_into, l.entity_id)) coalesce(n.merged_into, l.entity_id) as entity_id, p.date_of_birth
      from person_versions p
      join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
      join entities n on n.id = l.entity_id
      where p.is_current and not p.withdrawn and p.date_of_birth is not null
        and coalesce(n.merged_into, l.entity_id) in (select entity_id from sought)
      order by coalesce(n.merged_into, l.entity_id), length(p.date_of_birth) desc, p.date_of_birth desc)
    select s.id, s.occurred_at, s.summary, s.details, s.entity_id, d.date_of_birth
    from sought s left join dobs d on d.entity_id = s.entity_id
    order by s.recorded_at desc`.execute(db)
  if (events.rows.length === 0) return 0
  const byDob = new Map<string | null, CheckableEvent[]>()
  for (const e of events.rows) {
    const dob = e.date_of_birth
    const list = byDob.get(dob) ?? []
    list.push({ id: e.id, view: 'full', occurred_at: e.occurred_at, summary: e.summary, details: e.details })
    byDob.set(dob, list)
  }
  for (const [dob, list] of byDob) await attachLanguage(db, list, dob, at)
  return events.rows.length
}

/** The fullest date of birth any agency gives for this child (as the record view takes it), or null. */
export async function childDateOfBirth(db: Db, childId: number): Promise<string | null> {
  const rows = await sql<{ date_of_birth: string }>`
    select p.date_of_birth from person_versions p
    join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
    join entities n on n.id = l.entity_id
    where p.is_current and not p.withdrawn and p.date_of_birth is not null and coalesce(n.merged_into, l.entity_id) = ${childId}`.execute(
    db,
  )
  return fullestDateOfBirth(rows.rows.map((r) => r.date_of_birth))
}

// A rule's source is the same on every finding (and long): kept once, in the lexicon, not per finding
type KeptFinding = Omit<Finding, 'source'>
const compact = ({ source: _source, ...rest }: Finding): KeptFinding => rest
const sources = new Map(SHIPPED_LEXICON.rules.map((r) => [r.id, r.source]))

function parseKept(value: unknown): EventLanguage {
  const v = (typeof value === 'string' ? JSON.parse(value) : value) as {
    summary?: KeptFinding[]
    details?: KeptFinding[]
  }
  const full = (f: KeptFinding): Finding => ({ ...f, source: sources.get(f.rule) ?? LEXICON_GUIDANCE })
  const summary = (v.summary ?? []).map(full)
  const details = (v.details ?? []).map(full)
  return { summary, details, count: summary.length + details.length }
}

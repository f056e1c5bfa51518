// The people Threadline knows: each links one or more agency person records. Finding them,
// their identity as each agency records it, and who is allocated to them.
import { sql } from 'kysely'
import type { Selectable, Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { PersonVersionTable, Tables } from '../db/schema.ts'
import { knownAt } from '../db/as-of.ts'
import { normaliseNhsNumber, normaliseName } from '../records/identifiers.ts'
import { DateTime } from 'luxon'
import { ageInYears, fullestDateOfBirth } from '../calendar/index.ts'
import { londonDate } from '../config/clock.ts'

/** The identifying fields of an agency person record, as stored. */
export const IDENTITY_FIELDS = [
  'given_name',
  'family_name',
  'other_names',
  'date_of_birth',
  'sex',
  'ethnicity',
  'nationality',
  'disability',
  'nhs_number',
  'upn',
  'pnc_id',
  'phone',
] as const
export type IdentityFields = Pick<Selectable<PersonVersionTable>, (typeof IDENTITY_FIELDS)[number]>

export interface PersonRecordRow extends IdentityFields {
  agency_code: string
  agency_name: string
  agency_contact: string | null
  source_id: string
  address: { line1?: string; line2?: string; town?: string; postcode?: string; confidential?: boolean } | null
  confidential_address: boolean
  is_child: boolean | null
  recorded_at: Date
  method: string
  score: number | null
  reason: string | null
  linked_at: Date
}

/** How many merges deep an id is followed before giving up (a loop of merges would be a fault). */
export const MERGE_HOPS = 20

/** Follows merges through a map read beforehand (merged-away id → the id it went into). */
export function followMerges(mergedInto: ReadonlyMap<number, number>, id: number): number {
  let current = id
  for (let hops = 0; hops < MERGE_HOPS; hops++) {
    const into = mergedInto.get(current)
    if (into === undefined) break
    current = into
  }
  return current
}

/** Follows merges: a merged-away id answers with the id it was merged into. */
export async function resolvePerson(db: Db | Transaction<Tables>, id: number): Promise<number | null> {
  let current = id
  for (let hops = 0; hops < MERGE_HOPS; hops++) {
    const row = await db
      .selectFrom('entities')
      .select(['id', 'merged_into'])
      .where('id', '=', current)
      .executeTakeFirst()
    if (!row) return null
    if (row.merged_into === null) return row.id
    current = row.merged_into
  }
  return null
}

/**
 * resolvePerson for many ids at once: reads every merge once and answers each merged-away id with the
 * id it ends at (any other id with itself).
 */
export async function mergedIds(db: Db): Promise<(id: number) => number> {
  const rows = await db
    .selectFrom('entities')
    .select(['id', 'merged_into'])
    .where('merged_into', 'is not', null)
    .execute()
  const next = new Map<number, number>()
  for (const { id, merged_into } of rows) if (merged_into !== null) next.set(id, merged_into)
  return (id: number) => followMerges(next, id)
}

/**
 * resolvePerson inside a transaction that is about to add something to the person (an allocation,
 * an access grant), holding each person row it reads until commit. A merge sets merged_into before
 * it moves what belongs to the merged-away person (linkage/follow.ts), so it either waits for this
 * transaction and moves the new row too, or has committed and this follows it to the merged person.
 */
export async function lockPerson(trx: Transaction<Tables>, id: number): Promise<number | null> {
  let current = id
  for (let hops = 0; hops < MERGE_HOPS; hops++) {
    const row = await trx
      .selectFrom('entities')
      .select(['id', 'merged_into'])
      .where('id', '=', current)
      .forShare()
      .executeTakeFirst()
    if (!row) return null
    if (row.merged_into === null) return row.id
    current = row.merged_into
  }
  return null
}

export async function personRecords(db: Db, entityId: number, at: Date): Promise<PersonRecordRow[]> {
  const rows = await db
    .selectFrom('entity_links as l')
    .innerJoin('person_versions as p', (j) =>
      j.onRef('p.agency_code', '=', 'l.agency_code').onRef('p.source_id', '=', 'l.source_id'),
    )
    .innerJoin('agencies as a', 'a.code', 'l.agency_code')
    .select([
      'p.agency_code',
      'a.name as agency_name',
      'a.contact as agency_contact',
      'p.source_id',
      'p.given_name',
      'p.family_name',
      'p.other_names',
      'p.date_of_birth',
      'p.sex',
      'p.ethnicity',
      'p.nationality',
      'p.disability',
      'p.nhs_number',
      'p.upn',
      'p.pnc_id',
      'p.address',
      'p.confidential_address',
      'p.phone',
      'p.is_child',
      'p.recorded_at',
      'l.method',
      'l.score',
      'l.reason',
      'l.linked_at',
    ])
    .where('l.entity_id', '=', entityId)
    .where(knownAt('p', at))
    .orderBy('p.recorded_at')
    .execute()
  return rows as unknown as PersonRecordRow[]
}

/** The agencies that hold records about a person: from their person records and their events. */
export async function agenciesInvolved(
  db: Db,
  entityId: number,
  at: Date,
): Promise<{ code: string; name: string; contact: string | null; records: number }[]> {
  const result = await sql<{ code: string; name: string; contact: string | null; records: number }>`
    select a.code, a.name, a.contact, count(e.id)::int as records
    from entity_links l
    join agencies a on a.code = l.agency_code
    left join events e on e.agency_code = l.agency_code and e.subject_source_id = l.source_id and ${knownAt('e', at)}
    where l.entity_id = ${entityId}
    group by a.code, a.name, a.contact order by a.name`.execute(db)
  return result.rows
}

export async function isAllocated(db: Db, entityId: number, userId: number, at: Date): Promise<boolean> {
  const row = await db
    .selectFrom('allocations')
    .select('id')
    .where('entity_id', '=', entityId)
    .where('user_id', '=', userId)
    .where('starts_at', '<=', at)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
    .executeTakeFirst()
  return !!row
}

/** The viewer's unexpired access grant for a person (the one that lasts longest): its expiry, and the audit it was given for, if any. */
export async function activeGrant(
  db: Db,
  entityId: number,
  userId: number,
  at: Date,
): Promise<{ grantUntil: Date; grantAudit: number | null } | null> {
  const row = await db
    .selectFrom('access_grants')
    .select(['expires_at', 'audit_id'])
    .where('entity_id', '=', entityId)
    .where('user_id', '=', userId)
    .where('granted_at', '<=', at)
    .where('expires_at', '>', at)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst()
  return row ? { grantUntil: row.expires_at, grantAudit: row.audit_id } : null
}

export interface SearchHit {
  person_id: number
  given_name: string | null
  family_name: string | null
  date_of_birth: string | null
  agencies: string[]
  source_records: string[]
  similarity: number
}

/** The columns search results sort by besides best match first (issue 15): the whole result, not a page. */
export const SEARCH_SORTS = ['name', 'dob'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

function searchOrder(sort: SearchSort | undefined, descending = false) {
  const way = sql.raw(descending ? 'desc nulls last' : 'asc nulls last')
  if (sort === 'name') return sql`min(lower(p.family_name)) ${way}, min(lower(p.given_name)) ${way}, similarity desc`
  if (sort === 'dob') return sql`min(p.date_of_birth) ${way}, similarity desc`
  return sql`similarity desc`
}

/** How many search results a page shows. */
export const SEARCH_PAGE_SIZE = 50

export interface SearchResults {
  hits: SearchHit[]
  /** how many people match in all, on every page */
  total: number
}

/**
 * Finds people by name (tolerant of spelling, through pg_trgm), date of birth, NHS number or any
 * agency's reference. Words that are dates narrow by date of birth; the rest is the name. Best
 * matches first, a page at a time, with how many match in all.
 */
export async function searchPeople(
  db: Db,
  query: string,
  at: Date,
  page: { limit?: number; offset?: number; sort?: SearchSort; descending?: boolean } = {},
): Promise<SearchResults> {
  const order = searchOrder(page.sort, page.descending)
  const limit = page.limit ?? SEARCH_PAGE_SIZE
  const offset = page.offset ?? 0
  const words = query.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return { hits: [], total: 0 }
  const dates = words.map(asDate).filter((d): d is string => d !== null)
  const nameWords = words.filter((w) => asDate(w) === null)
  const name = normaliseName(nameWords.join(' '))
  const nhs = normaliseNhsNumber(query.replace(/\s/g, ''))
  const reference = words.length === 1 ? words[0] : null

  const matches = await sql<{ entity_id: number; similarity: number; total: string }>`
    select l.entity_id, count(*) over () as total, max(case
        when ${nhs}::text is not null and p.nhs_number = ${nhs} then 2
        when ${reference}::text is not null and (upper(p.source_id) = upper(${reference}) or p.upn = upper(${reference}) or upper(p.pnc_id) = upper(${reference})) then 2
        when ${name} <> '' then greatest(similarity(p.name_key, ${name}), word_similarity(${name}, p.name_key) * 0.9,
          (select coalesce(max(similarity(lower(o), ${name})), 0) from unnest(p.other_names) o))
        else 1 end)::float8 as similarity
    from person_versions p
    join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
    where p.is_current and not p.withdrawn and ${knownAt('p', at)}
      and (${dates.length === 0} or p.date_of_birth = any(${dates}::text[]))
      and (
        (${nhs}::text is not null and p.nhs_number = ${nhs})
        or (${reference}::text is not null and (upper(p.source_id) = upper(${reference}) or p.upn = upper(${reference}) or upper(p.pnc_id) = upper(${reference})))
        or (${name} <> '' and (p.name_key % ${name} or ${name} <% p.name_key
             or exists (select 1 from unnest(p.other_names) o where similarity(lower(o), ${name}) > 0.4)))
        or (${name} = '' and ${dates.length > 0})
      )
    group by l.entity_id
    order by ${order}, l.entity_id
    limit ${limit} offset ${offset}`.execute(db)
  if (matches.rows.length === 0) {
    // a page past the last: say how many there are all the same
    const total = offset > 0 ? (await searchPeople(db, query, at, { limit: 1 })).total : 0
    return { hits: [], total }
  }
  const ids = matches.rows.map((m) => m.entity_id)
  const details = await summaries(db, ids, at)
  const hits = matches.rows.flatMap((m) => {
    const summary = details.get(m.entity_id)
    return summary ? [{ ...summary, similarity: m.similarity }] : []
  })
  return { hits, total: Number(matches.rows[0].total) }
}

export interface PersonSummary {
  person_id: number
  given_name: string | null
  family_name: string | null
  date_of_birth: string | null
  agencies: string[]
  source_records: string[]
}

/** Name, date of birth, agencies and source records of each person, in one query. */
export async function summaries(db: Db, ids: number[], at: Date): Promise<Map<number, PersonSummary>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('entity_links as l')
    .innerJoin('person_versions as p', (j) =>
      j.onRef('p.agency_code', '=', 'l.agency_code').onRef('p.source_id', '=', 'l.source_id'),
    )
    .select([
      'l.entity_id',
      'p.agency_code',
      'p.source_id',
      'p.given_name',
      'p.family_name',
      'p.date_of_birth',
      'p.recorded_at',
    ])
    .where('l.entity_id', 'in', ids)
    .where(knownAt('p', at))
    .orderBy('p.recorded_at')
    .execute()
  const out = new Map<number, PersonSummary>()
  for (const r of rows) {
    let s = out.get(r.entity_id)
    if (!s) {
      s = {
        person_id: r.entity_id,
        given_name: r.given_name,
        family_name: r.family_name,
        date_of_birth: r.date_of_birth,
        agencies: [],
        source_records: [],
      }
      out.set(r.entity_id, s)
    }
    // the fullest date of birth any agency gives
    s.date_of_birth = fullestDateOfBirth([s.date_of_birth, r.date_of_birth])
    if (!s.agencies.includes(r.agency_code)) s.agencies.push(r.agency_code)
    s.source_records.push(`${r.agency_code}:${r.source_id}`)
  }
  return out
}

function asDate(word: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(word)) return DateTime.fromISO(word).isValid ? word : null
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(word)
  if (!m) return null
  const d = DateTime.fromObject({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) })
  return d.isValid ? d.toISODate() : null
}

/** Age in whole years on a date, from a full date of birth; null when the date is partial. */
export function ageOn(dateOfBirth: string | null, on: Date): number | null {
  if (!dateOfBirth || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return null
  return ageInYears(dateOfBirth, londonDate(on))
}

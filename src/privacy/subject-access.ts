// Everything Threadline holds about one person, for a subject access request (UK GDPR art. 15, DPA
// 2018 s. 45; decision 0012): every agency record and each of its versions, every event about them or
// naming them with its involvements, relationships, what working together, missing-episode and risk
// work holds against them, allocations and access grants, and who has viewed their record. Other
// people's details are marked for redaction (art. 15(4), DPA 2018 sch. 2 para. 16): the export is what
// the data protection officer reviews, not what is sent as it stands.
import { recordKey } from '../records/keys.ts'
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/database.ts'
import { resolvePerson } from '../people/people.ts'
import { viewsOf } from '../audit/audit.ts'
import { errorKind } from '../errors/domain-error.ts'

export const EXPORT_FORMAT = 'threadline-subject-access'
export const EXPORT_VERSION = 1

type Row = Record<string, unknown>

/** Tables that hold something against a person by their id: [section, table, column]. */
const HELD_BY_PERSON: readonly [string, string, string][] = [
  ['allocations', 'allocations', 'entity_id'],
  ['access_grants', 'access_grants', 'entity_id'],
  ['decisions', 'wt_decisions', 'entity_id'],
  ['challenges', 'wt_challenges', 'entity_id'],
  ['meetings', 'wt_meetings', 'entity_id'],
  ['actions', 'wt_actions', 'entity_id'],
  ['supervisions', 'wt_supervisions', 'entity_id'],
  ['worker_assignments', 'wt_assignments', 'entity_id'],
  ['return_interview_assignments', 'interview_assignments', 'entity_id'],
  ['philomena_profiles', 'philomena_profiles', 'entity_id'],
  ['risk_screenings', 'risk_screenings', 'entity_id'],
  ['mash_decisions', 'risk_mash_decisions', 'entity_id'],
  ['risk_scores', 'risk_scores', 'entity_id'],
  ['case_audits', 'case_audit_children', 'entity_id'],
  ['linkage_history', 'entity_link_history', 'to_entity'],
]

const EVENT_TEXT = ['summary', 'details', 'outcome', 'rationale'] as const

export interface ThirdParty {
  /** How the export refers to them (`third party 1`), so a redactor can find every place. */
  ref: string
  person_id: number | null
  agency: string
  source_id: string
  name: string | null
  redact: true
}

export interface SubjectAccessExport {
  format: typeof EXPORT_FORMAT
  version: typeof EXPORT_VERSION
  person_id: number
  /** Ids merged into this person: what was held under them is included. */
  merged_ids: number[]
  generated_at: string
  agency_records: Row[]
  events: Row[]
  relationships: Row[]
  held: Record<string, Row[]>
  network_decisions: Row[]
  views: Row[]
  third_parties: ThirdParty[]
  notes: string[]
}

export class NoSuchPerson extends errorKind('not_found') {}

function plain(row: Row): Row {
  const out: Row = {}
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Date) out[k] = v.toISOString()
    else if (Buffer.isBuffer(v)) out[k] = { bytes: v.length, base64: v.toString('base64') }
    else out[k] = v
  }
  return out
}

async function tableExists(db: Db, table: string): Promise<boolean> {
  const { rows } = await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(db)
  return rows[0].t !== null
}

export async function subjectAccessExport(db: Db, id: number, at: Date): Promise<SubjectAccessExport> {
  const personId = await resolvePerson(db, id)
  if (personId === null) throw new NoSuchPerson(`no person ${id}`)
  const ids = await mergedInto(db, personId)

  const links = await db.selectFrom('entity_links').selectAll().where('entity_id', 'in', ids).execute()
  const own = new Set(links.map((l) => recordKey(l.agency_code, l.source_id)))
  const isOwn: IsOwn = (agency, sourceId) => sourceId !== null && own.has(recordKey(agency, sourceId))
  const agencyRecords = await agencyRecordsOf(db, links)

  // third parties: every other person an event or relationship of theirs names
  const parties = new ThirdParties()
  const pairs = links.map((l) => sql`(${l.agency_code}, ${l.source_id})`)
  const eventRows = await eventRowsOf(db, pairs, isOwn, parties)
  const relationships = await relationshipRowsOf(db, pairs, isOwn, parties)
  await nameThirdParties(db, parties.all())
  markNamesInText(eventRows, parties.all())

  const held = { ...(await heldAgainst(db, ids)), ...(await staffRecordsAbout(db, pairs)) }
  const members = ids.map((i) => sql`members @> ${JSON.stringify([{ kind: 'person', key: String(i) }])}::jsonb`)
  const networkDecisions = (
    await sql<Row>`select * from network_decisions where ${sql.join(members, sql` or `)} order by id`.execute(db)
  ).rows.map(plain)

  const views = (await viewsOf(db, personId, { limit: 1_000_000 })).map((v) => plain(v as unknown as Row))

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    person_id: personId,
    merged_ids: ids.filter((i) => i !== personId),
    generated_at: at.toISOString(),
    agency_records: agencyRecords,
    events: eventRows,
    relationships,
    held,
    network_decisions: networkDecisions,
    views,
    third_parties: parties.all(),
    notes: [
      'Marked for redaction (redact): details of other people (third parties): their names, records and ' +
        'the events about them; decide under UK GDPR art. 15(4) and DPA 2018 sch. 2 para. 16 before disclosing.',
      'Restricted content and confidential addresses are included: consider the exemptions (DPA 2018 sch. 2 and 3, for example crime and serious harm) before disclosing.',
      'Views: everyone recorded as having viewed this record or a list that showed it, newest first.',
    ],
  }
}

/** Whether an agency's record is one of this person's own. */
type IsOwn = (agency: string, sourceId: string | null) => boolean

/** The person's id and every id merged into it, however many merges back. */
async function mergedInto(db: Db, personId: number): Promise<number[]> {
  const merged = await sql<{ id: number }>`with recursive merged(id) as (
      select ${personId}::integer
      union select e.id from entities e join merged m on e.merged_into = m.id)
    select id from merged order by id`.execute(db)
  return merged.rows.map((r) => r.id)
}

/** Each agency record linked to the person, with how it was linked and every version of it. */
async function agencyRecordsOf(
  db: Db,
  links: readonly {
    agency_code: string
    source_id: string
    method: string
    score: number | null
    reason: unknown
    linked_at: Date
  }[],
): Promise<Row[]> {
  const agencyRecords: Row[] = []
  for (const link of links) {
    const versions = await db
      .selectFrom('person_versions')
      .selectAll()
      .where('agency_code', '=', link.agency_code)
      .where('source_id', '=', link.source_id)
      .orderBy('recorded_at')
      .orderBy('version')
      .execute()
    agencyRecords.push({
      agency: link.agency_code,
      source_id: link.source_id,
      linked: plain({ method: link.method, score: link.score, reason: link.reason, linked_at: link.linked_at }),
      versions: versions.map((v) => plain(v as unknown as Row)),
    })
  }
  return agencyRecords
}

/** The other people the export names, numbered in the order they are first met. */
class ThirdParties {
  readonly #byRecord = new Map<string, ThirdParty>()

  /** The third party an agency's record is of, numbered when first met. */
  of(agency: string, sourceId: string): ThirdParty {
    const key = recordKey(agency, sourceId)
    let t = this.#byRecord.get(key)
    if (!t) {
      t = {
        ref: `third party ${this.#byRecord.size + 1}`,
        person_id: null,
        agency,
        source_id: sourceId,
        name: null,
        redact: true,
      }
      this.#byRecord.set(key, t)
    }
    return t
  }

  all(): ThirdParty[] {
    return [...this.#byRecord.values()]
  }
}

/** Every event about the person or naming them, with its involvements, other people marked. */
async function eventRowsOf(db: Db, pairs: RawBuilder<unknown>[], isOwn: IsOwn, parties: ThirdParties): Promise<Row[]> {
  const events =
    pairs.length === 0
      ? []
      : (
          await sql<Row & { id: number; agency_code: string; subject_source_id: string }>`
        select e.* from events e
        where (e.agency_code, e.subject_source_id) in (${sql.join(pairs)})
          or e.id in (select i.event_id from involvements i
                      where i.kind = 'person' and (i.agency_code, i.person_source_id) in (${sql.join(pairs)}))
        order by e.occurred_at, e.agency_code, e.source_id, e.recorded_at`.execute(db)
        ).rows
  const involvements =
    events.length === 0
      ? []
      : await db
          .selectFrom('involvements')
          .selectAll()
          .where(
            'event_id',
            'in',
            events.map((e) => e.id),
          )
          .orderBy('id')
          .execute()
  const byEvent = new Map<number, typeof involvements>()
  for (const i of involvements) byEvent.set(i.event_id, [...(byEvent.get(i.event_id) ?? []), i])

  return events.map((e) => {
    const about = isOwn(e.agency_code, e.subject_source_id)
    const named: ThirdParty[] = []
    const inv = (byEvent.get(e.id) ?? []).map((i) => {
      const other = i.kind === 'person' && i.person_source_id !== null && !isOwn(i.agency_code, i.person_source_id)
      const t = other && i.person_source_id !== null ? parties.of(i.agency_code, i.person_source_id) : null
      if (t) named.push(t)
      return plain({
        kind: i.kind,
        role: i.role,
        display: i.display,
        key: i.key,
        ...(t ? { third_party: t.ref, redact: true } : { this_person: i.kind === 'person' }),
      })
    })
    const subject = about ? null : parties.of(e.agency_code, e.subject_source_id)
    if (subject) named.push(subject)
    return {
      ...plain(e),
      about: subject ? `${subject.ref} (this person is named in it)` : 'this person',
      involvements: inv,
      third_parties: [...new Set(named.map((p) => p.ref))],
      redact: [] as string[], // filled by markNamesInText, once every third party's name is known
    }
  })
}

/** Every relationship from or to the person, the other person marked when they are a third party. */
async function relationshipRowsOf(
  db: Db,
  pairs: RawBuilder<unknown>[],
  isOwn: IsOwn,
  parties: ThirdParties,
): Promise<Row[]> {
  if (pairs.length === 0) return []
  const { rows } = await sql<Row & { agency_code: string; from_source_id: string; to_source_id: string }>`
        select r.* from relationships r
        where (r.agency_code, r.from_source_id) in (${sql.join(pairs)})
           or (r.agency_code, r.to_source_id) in (${sql.join(pairs)})
        order by r.agency_code, r.source_id, r.recorded_at`.execute(db)
  return rows.map((r) => {
    const fromOwn = isOwn(r.agency_code, r.from_source_id)
    const other = fromOwn ? r.to_source_id : r.from_source_id
    const t = isOwn(r.agency_code, other) ? null : parties.of(r.agency_code, other)
    return {
      ...plain(r),
      ...(t ? { third_party: t.ref, redact: [fromOwn ? 'to_source_id' : 'from_source_id'] } : {}),
    }
  })
}

/** The third parties' Threadline ids and names, from their own agency's record of them. */
async function nameThirdParties(db: Db, thirdParties: readonly ThirdParty[]): Promise<void> {
  for (const t of thirdParties) {
    const link = await db
      .selectFrom('entity_links')
      .select('entity_id')
      .where('agency_code', '=', t.agency)
      .where('source_id', '=', t.source_id)
      .executeTakeFirst()
    t.person_id = link?.entity_id ?? null
    const version = await db
      .selectFrom('person_versions')
      .select(['given_name', 'family_name', 'other_names'])
      .where('agency_code', '=', t.agency)
      .where('source_id', '=', t.source_id)
      .orderBy('recorded_at', 'desc')
      .executeTakeFirst()
    t.name = version ? [version.given_name, version.family_name].filter(Boolean).join(' ') || null : null
  }
}

/** Free text that names a third party is marked too (their name as recorded, any case). */
function markNamesInText(eventRows: readonly Row[], thirdParties: readonly ThirdParty[]): void {
  // each third party's full name and family name, as recorded, to look for in free text
  const names = thirdParties.flatMap((t) => {
    const full = (t.name ?? '').toLowerCase()
    const family = full.split(' ').pop() ?? ''
    return full.length > 2 ? [{ ref: t.ref, words: [full, family].filter((w) => w.length > 2) }] : []
  })
  for (const e of eventRows) {
    const redact = e.redact as string[]
    for (const field of EVENT_TEXT) {
      const text = typeof e[field] === 'string' ? (e[field] as string).toLowerCase() : ''
      if (!text) continue
      const named = names.filter((t) => t.words.some((w) => text.includes(w)))
      if (named.length > 0) {
        redact.push(field)
        e.third_parties = [...new Set([...(e.third_parties as string[]), ...named.map((t) => t.ref)])]
      }
    }
    for (const inv of e.involvements as Row[]) if (inv.redact) redact.push(`involvements.${String(inv.third_party)}`)
    if (!String(e.about).startsWith('this person')) redact.push('the whole event: it is about a third party')
  }
}

/**
 * The staff records an agency loaded about the person (import format 1.4): every version of each
 * allocation naming them as its child, and of each supervision about them or one of their events.
 */
async function staffRecordsAbout(
  db: Db,
  pairs: readonly RawBuilder<unknown>[],
): Promise<{ imported_allocations: Row[]; imported_supervisions: Row[] }> {
  if (pairs.length === 0) return { imported_allocations: [], imported_supervisions: [] }
  const mine = sql.join(pairs)
  const allocations = await sql<Row>`select * from allocation_versions
    where (agency_code, subject_source_id) in (${mine}) order by id`.execute(db)
  const supervisions = await sql<Row>`select * from supervision_versions s
    where (s.agency_code, s.subject_source_id) in (${mine})
      or exists (select 1 from events e where e.agency_code = s.agency_code and e.source_id = s.event_source_id
        and (e.agency_code, e.subject_source_id) in (${mine}))
    order by s.id`.execute(db)
  return { imported_allocations: allocations.rows.map(plain), imported_supervisions: supervisions.rows.map(plain) }
}

/** What each table of HELD_BY_PERSON holds against the person's ids, and the events of their challenges. */
async function heldAgainst(db: Db, ids: readonly number[]): Promise<Record<string, Row[]>> {
  const held: Record<string, Row[]> = {}
  for (const [section, table, column] of HELD_BY_PERSON) {
    if (!(await tableExists(db, table))) continue
    const { rows } = await sql<Row>`select * from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(
      ids,
    )}) order by 1`.execute(db)
    held[section] = rows.map(plain)
  }
  const challengeIds = (held.challenges ?? []).map((c) => c.id as number)
  held.challenge_events =
    challengeIds.length === 0
      ? []
      : (
          await db
            .selectFrom('wt_challenge_events')
            .selectAll()
            .where('challenge_id', 'in', challengeIds)
            .orderBy('id')
            .execute()
        ).map((r) => plain(r as unknown as Row))
  held.earlier_versions = await earlierVersions(db, held)
  return held
}

/** What the person's records said before each edit (decision 0029): kept apart from the records, by kind. */
async function earlierVersions(db: Db, held: Record<string, Row[]>): Promise<Row[]> {
  const kinds = { decision: 'decisions', challenge: 'challenges', meeting: 'meetings', action: 'actions' } as const
  if (!(await tableExists(db, 'record_versions'))) return []
  const out: Row[] = []
  for (const [kind, section] of Object.entries(kinds)) {
    const ids = (held[section] ?? []).map((r) => r.id as number)
    if (!ids.length) continue
    const rows = await db
      .selectFrom('record_versions')
      .selectAll()
      .where('kind', '=', kind)
      .where('record_id', 'in', ids)
      .orderBy('id')
      .execute()
    out.push(...rows.map((r) => plain(r as unknown as Row)))
  }
  return out
}

/** The export as rows of `section, ref, field, value, redact` for a spreadsheet: one row per value. */
export function exportRows(data: SubjectAccessExport): Row[] {
  const rows: Row[] = []
  const add = (section: string, ref: string, item: Row, redact: (field: string) => boolean) => {
    const walk = (prefix: string, value: unknown) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v)
      } else if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
        value.forEach((v, i) => walk(`${prefix}[${i}]`, v))
      } else {
        rows.push({
          section,
          ref,
          field: prefix,
          // a list stays a list, so the one CSV writer makes each item safe to open (cli/output.ts)
          value: Array.isArray(value)
            ? value.map((v) => (typeof v === 'number' ? v : v === null || v === undefined ? '' : String(v)))
            : value === null || value === undefined
              ? null
              : String(value),
          redact: redact(prefix) ? 'yes' : '',
        })
      }
    }
    walk('', item)
  }
  const none = () => false
  for (const r of data.agency_records) add('agency_records', `${String(r.agency)}:${String(r.source_id)}`, r, none)
  for (const e of data.events) {
    const redact = e.redact as string[]
    const whole = !String(e.about).startsWith('this person')
    const involved = (e.involvements as Row[]).map((i) => Boolean(i.redact))
    add('events', `${String(e.agency_code)}:${String(e.source_id)} v${String(e.version)}`, e, (field) => {
      if (whole) return true
      if ((EVENT_TEXT as readonly string[]).includes(field)) return redact.includes(field)
      const m = /^involvements\[(\d+)\]/.exec(field)
      return m ? involved[Number(m[1])] : false
    })
  }
  for (const r of data.relationships)
    add('relationships', `${String(r.agency_code)}:${String(r.source_id)}`, r, (f) =>
      Array.isArray(r.redact) ? (r.redact as string[]).includes(f) : false,
    )
  for (const [section, items] of Object.entries(data.held))
    items.forEach((item, i) => add(section, String(item.id ?? i + 1), item, none))
  data.network_decisions.forEach((d) => add('network_decisions', String(d.id), d, none))
  data.views.forEach((v, i) => add('views', String(i + 1), v, none))
  for (const t of data.third_parties)
    add('third_parties', t.ref, t as unknown as Row, (f) => f !== 'ref' && f !== 'redact')
  return rows
}

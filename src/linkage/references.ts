// Evidence that is not in a person record's fields: what an agency's events say about whose they
// are. A return interview that names the missing episode it answers (`episode`: "police:E-77") is an
// interview of the child of that episode, whatever name and age the charity wrote for the child (a
// nickname, a year, often no date of birth, no address). Inside the import that added the records
// (importer.ts, after re-estimation), a person made of one record whose interview answers an episode
// of another person is scored against that person with REFERENCE_BITS added to the model's sum, and
// merged into it by the model at the auto threshold (merge.ts: history, audit, what belongs to the
// person follows; an open review pair of the record is closed). The names must still carry it: a
// reference alone (the given name "else", nothing else agreeing) stays under the threshold, so a
// mistyped episode reference does not join two children. People's decisions win: a pair decided
// "not the same", a conflicting NHS number, UPN or PNC id, or a record a person placed is left alone.
import { sql } from 'kysely'
import type { RawBuilder, Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Tables } from '../db/schema.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit, type AuditEntry } from '../audit/audit.ts'
import { exactRulesOnly } from './link-records.ts'
import { forgetKeptLinkers, linkSession } from './incremental.ts'
import { mergePeople } from './merge.ts'
import { currentRecords } from './storage.ts'
import { recordKey, splitRecordKeys } from '../records/keys.ts'

/**
 * Bits an interview naming another person's episode adds to the pair's sum: with the prior (−13.3)
 * a given name and a family name that agree (even as a nickname) reach the auto threshold without a
 * date of birth; a given name that disagrees does not.
 */
export const REFERENCE_BITS = 12

/**
 * Bits an interview that names no episode adds for the one person whose child returned from a missing
 * episode in the week before it (RETURN_WINDOW_DAYS): weaker than a reference, since it is only
 * timing; the names must carry the rest, and two such people leave the record alone.
 */
export const RETURN_TIMING_BITS = 10
export const RETURN_WINDOW_DAYS = 7

export interface ReferenceSummary {
  /** pairs of people an event of one names an event of the other */
  considered: number
  /** merged by the model */
  linked: number
  /** whether it found references and so took the linking lock (and its linker session) */
  linking?: boolean
}

interface Reference {
  agency: string
  source: string
  entity: number
  target: number
}

/**
 * Above this many records written, an import's references are looked for over the whole area (one
 * pass over every interview costs less than this many lookups); below it, only from the records the
 * import wrote: a practitioner's save looks at its own child's records, not the area's (decision 0050).
 */
export const WHOLE_AREA_FROM = 2000

/**
 * Links people made of one record to the person whose episode their return interview answers. With
 * `touched` (the person records an import wrote and the subjects of its events, `agency:source_id`),
 * only the pairs in which one of those records is the interview's subject or the episode's.
 */
export async function linkByReferences(
  db: Db,
  at: Date,
  importId: number,
  touched?: ReadonlySet<string>,
): Promise<ReferenceSummary> {
  if (exactRulesOnly()) return { considered: 0, linked: 0 }
  try {
    return await db.transaction().execute((trx) => linkByReferencesIn(trx, at, importId, touched))
  } catch (error) {
    forgetKeptLinkers()
    throw error
  }
}

/**
 * The same, in a transaction of the caller's (a practitioner's save links its own records in its own
 * transaction: decision 0061). Two lookups from the touched records; only when they find an
 * interview to link does it take the linking lock and read the people. On failure the caller's
 * transaction rolls back, and it must forget the kept linkers (incremental.ts forgetKeptLinkers).
 */
export async function linkByReferencesIn(
  trx: Transaction<Tables>,
  at: Date,
  importId: number,
  touched?: ReadonlySet<string>,
): Promise<ReferenceSummary> {
  const out: ReferenceSummary = { considered: 0, linked: 0 }
  if (exactRulesOnly()) return out
  const only = touched && touched.size < WHOLE_AREA_FROM ? splitRecordKeys(touched) : null
  const refs = await episodeReferences(trx, only)
  const timed = await returnTimings(trx, only)
  if (refs.length === 0 && timed.length === 0) return out
  out.linking = true
  const session = await linkSession(trx, at)
  const records = new Map((await currentRecords(trx)).map((s) => [s.record.id, s]))
  const model: Actor = { kind: 'system', name: `linkage model ${session.modelId}` }
  const merges: AuditEntry[] = []
  const candidates = [
    ...refs.map((ref) => ({ ref, bits: REFERENCE_BITS, why: "answering the person's missing episode" })),
    ...onlyCarried(timed, (ref) => {
      const held = records.get(recordKey(ref.agency, ref.source))
      const scored = held && session.against(held.record, ref.target, RETURN_TIMING_BITS)
      return !!scored && scored.probability >= session.thresholds.auto
    }).map((ref) => ({
      ref,
      bits: RETURN_TIMING_BITS,
      why: `held within ${RETURN_WINDOW_DAYS} days of the person's return from a missing episode, and no other's`,
    })),
  ]
  for (const { ref, bits, why } of candidates) {
    const held = records.get(recordKey(ref.agency, ref.source))
    // the record's person may have been merged by an earlier reference in this pass
    if (!held || held.entityId !== ref.entity || session.sizeOf(ref.entity) !== 1) continue
    out.considered++
    const scored = session.against(held.record, ref.target, bits)
    if (!scored || scored.probability < session.thresholds.auto) continue
    const reason = `probability ${scored.probability.toFixed(4)} with its return interview ${why} (+${bits} bits)`
    await mergePeople(trx, model, ref.entity, ref.target, reason, at, {
      score: scored.probability,
      audit: merges,
      inSession: true,
    })
    session.merged(ref.entity, ref.target)
    held.entityId = ref.target
    await trx
      .updateTable('linkage_reviews')
      .set({
        status: 'closed',
        decided_at: at,
        reason: `linked by linkage model ${session.modelId} (episode reference)`,
      })
      .where('status', '=', 'open')
      .where('agency_code', '=', ref.agency)
      .where('source_id', '=', ref.source)
      .execute()
    out.linked++
  }
  await session.finish(trx, at)
  await session.settle(trx)
  if (merges.length > 0) await appendAudit(trx, model, merges, at)
  if (out.linked > 0)
    await appendAudit(
      trx,
      { kind: 'system', name: `linkage by references (import ${importId})` },
      { action: 'linkage_references', details: { considered: out.considered, linked: out.linked } },
      at,
    )
  return out
}

/** Of the people each timed interview might be of, the one the names carry; none where two are. */
function onlyCarried(rows: readonly TimedReference[], carried: (ref: Reference) => boolean): Reference[] {
  const byInterview = new Map<number, TimedReference[]>()
  for (const row of rows) byInterview.set(row.interview, [...(byInterview.get(row.interview) ?? []), row])
  const out: Reference[] = []
  for (const group of byInterview.values()) {
    const carrying = group.filter(carried)
    if (new Set(carrying.map((r) => r.target)).size === 1) out.push(carrying[0])
  }
  return out
}

interface TimedReference extends Reference {
  /** the interview: one interview, one person */
  interview: number
}

/** Records as two arrays (agencies, source ids), or null for every record. */
type Only = [string[], string[]] | null

/**
 * The interviews an import's records bring into question: those of the records written, and those that
 * `interviewOfEpisode` joins (as `i`) to a current missing episode (`e`) of theirs.
 */
function interviewsAround(only: [string[], string[]], interviewOfEpisode: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(select * from events where id in (
      select i.id from unnest(${only[0]}::text[], ${only[1]}::text[]) as t(agency_code, source_id)
        join events i on i.agency_code = t.agency_code and i.subject_source_id = t.source_id
          and i.kind = 'return_interview'
      union
      select i.id from unnest(${only[0]}::text[], ${only[1]}::text[]) as t(agency_code, source_id)
        join events e on e.agency_code = t.agency_code and e.subject_source_id = t.source_id
          and e.kind = 'missing_episode' and e.is_current and not e.withdrawn
        ${interviewOfEpisode}))`
}

/** People of one record whose return interview names another person's missing episode. */
async function episodeReferences(trx: Transaction<Tables>, only: Only): Promise<Reference[]> {
  // the interviews to look at: every one, or those of the records written and those naming their episodes
  const interviews = only
    ? interviewsAround(
        only,
        sql`join events i on i.kind = 'return_interview' and i.is_current
          and i.extra->>'episode' = e.agency_code || ':' || e.source_id`,
      )
    : sql`events`
  const refs = await sql<Reference>`
  select distinct i.agency_code as agency, i.subject_source_id as source, la.entity_id as entity,
    lb.entity_id as target
  from ${interviews} i
  -- the episode by its key (the current version's unique index), as the interview names it
  join events e on e.agency_code = split_part(i.extra->>'episode', ':', 1)
    and e.source_id = substr(i.extra->>'episode', strpos(i.extra->>'episode', ':') + 1)
    and i.extra->>'episode' = e.agency_code || ':' || e.source_id
    and e.is_current and not e.withdrawn
  join entity_links la on la.agency_code = i.agency_code and la.source_id = i.subject_source_id
  join entity_links lb on lb.agency_code = e.agency_code and lb.source_id = e.subject_source_id
  where i.is_current and not i.withdrawn and i.kind = 'return_interview'
    and i.extra->>'episode' is not null and la.entity_id <> lb.entity_id
    and la.method <> 'person_decision'
  order by 1, 2, 4`.execute(trx)
  return refs.rows
}

/** Interviews naming no episode, of people of one record, with the people whose child returned in the week before. */
async function returnTimings(trx: Transaction<Tables>, only: Only): Promise<TimedReference[]> {
  // the interviews to look at: every one, or those of the records written and those held in the week
  // after one of their episodes ended
  const interviews = only
    ? interviewsAround(
        only,
        sql`join events i on i.kind = 'return_interview' and i.is_current and not i.withdrawn
          and i.occurred_at >= e.ended_at
          and i.occurred_at < e.ended_at + make_interval(days => ${RETURN_WINDOW_DAYS})`,
      )
    : sql`events`
  const timed = await sql<TimedReference>`
    with lone as (
      select i.id, i.agency_code, i.subject_source_id, i.occurred_at, la.entity_id
      from ${interviews} i
      join entity_links la on la.agency_code = i.agency_code and la.source_id = i.subject_source_id
      where i.kind = 'return_interview' and i.is_current and not i.withdrawn and i.extra->>'episode' is null
        and la.method <> 'person_decision'
        and not exists (select 1 from entity_links o where o.entity_id = la.entity_id
          and (o.agency_code <> la.agency_code or o.source_id <> la.source_id)))
    select distinct lone.id as interview, lone.agency_code as agency, lone.subject_source_id as source,
      lone.entity_id as entity, lb.entity_id as target
    from lone
    join events e on e.kind = 'missing_episode' and e.is_current and not e.withdrawn
      and e.ended_at <= lone.occurred_at
      and e.ended_at > lone.occurred_at - make_interval(days => ${RETURN_WINDOW_DAYS})
    join entity_links lb on lb.agency_code = e.agency_code and lb.source_id = e.subject_source_id
    where lone.entity_id <> lb.entity_id
    order by 1, 5`.execute(trx)
  return timed.rows
}

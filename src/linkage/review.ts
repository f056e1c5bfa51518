// The MASH's review queue: pairs the model was unsure of (a record and the person it may belong
// to). A decision is stored with who, when and why, audited, and outlives retraining; "same"
// merges the record's person into the candidate.
import { hasRole } from '../vocabulary/roles.ts'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import type { Explanation } from './explain.ts'
import { LinkageError, mergePeople, recordDecision } from './merge.ts'
import { resolvePerson } from '../people/people.ts'
import { lockLinking } from './generation.ts'
import { knownAt } from '../db/as-of.ts'

/** Only the MASH decides whether two records are the same child. */
export const canReview = (actor: Actor) => actor.kind === 'user' && hasRole(actor.roles, 'mash')

export interface ReviewSummary {
  id: number
  agency_code: string
  source_id: string
  given_name: string | null
  family_name: string | null
  date_of_birth: string | null
  candidate_entity: number
  candidate_given_name: string | null
  candidate_family_name: string | null
  candidate_date_of_birth: string | null
  probability: number
  created_at: Date
  /** what is at stake: the highest risk band of either person, an open missing episode, concerns unanswered */
  risk_band: number
  missing_open: boolean
  awaiting_response: boolean
}

/**
 * The open pairs, what is at stake first: a child with a risk band (the higher first), then one with
 * a missing episode open at `at` as known at `at`, then one with concerns awaiting a response; then the more probable.
 * Read from either side of the pair (the record's person and the candidate).
 */
/** `limit` null: every open pair (the review queue pages them itself). */
export async function openReviews(db: Db, limit: number | null = 200, at: Date = new Date()): Promise<ReviewSummary[]> {
  const rows = await sql<ReviewSummary>`
    with open as (
      select r.*, le.entity_id as record_entity
      from linkage_reviews r
      left join entity_links le on le.agency_code = r.agency_code and le.source_id = r.source_id
      where r.status = 'open'),
    staked as (
      select o.*,
        coalesce((select max(x.band) from risk_scores x where x.entity_id in (o.record_entity, o.candidate_entity)), 0)::int as risk_band,
        exists (select 1 from events e join entity_links l on l.agency_code = e.agency_code and l.source_id = e.subject_source_id
          where l.entity_id in (o.record_entity, o.candidate_entity) and e.kind = 'missing_episode' and ${knownAt('e', at)}
            and e.occurred_at <= ${at} and (e.ended_at is null or e.ended_at > ${at})) as missing_open,
        exists (select 1 from risk_scores x where x.entity_id in (o.record_entity, o.candidate_entity)
          and x.unanswered_since is not null) as awaiting_response
      from open o)
    select r.id, r.agency_code, r.source_id, p.given_name, p.family_name, p.date_of_birth, r.candidate_entity,
      c.given_name as candidate_given_name, c.family_name as candidate_family_name, c.date_of_birth as candidate_date_of_birth,
      r.probability, r.created_at, r.risk_band, r.missing_open, r.awaiting_response
    from staked r
    left join person_versions p on p.agency_code = r.agency_code and p.source_id = r.source_id and p.is_current
    left join person_versions c on c.agency_code = r.candidate_agency and c.source_id = r.candidate_source and c.is_current
    order by r.risk_band desc, r.missing_open desc, r.awaiting_response desc, r.probability desc, r.id
    ${limit === null ? sql`` : sql`limit ${limit}`}`.execute(db)
  return rows.rows
}

/**
 * The open pairs one side of which is this person: a record that may belong to them, or their own
 * record that may be someone else's. Ids only: what the other record says stays with the MASH.
 */
export async function openReviewsAbout(db: Db, entityId: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select r.id from linkage_reviews r
    left join entity_links le on le.agency_code = r.agency_code and le.source_id = r.source_id
    where r.status = 'open' and (r.candidate_entity = ${entityId} or le.entity_id = ${entityId})
    order by r.id`.execute(db)
  return rows.rows.map((r) => r.id)
}

/** How many pairs wait for the MASH. */
export async function openReviewCount(db: Db): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from linkage_reviews where status = 'open'`.execute(db)
  return row.rows[0].n
}

export interface ReviewedRecord {
  agency_code: string
  agency_name: string
  source_id: string
  person_id: number | null
  given_name: string | null
  family_name: string | null
  other_names: string[]
  date_of_birth: string | null
  sex: string | null
  nhs_number: string | null
  upn: string | null
  postcode: string | null
  address: string | null
  phone: string | null
}

export interface ReviewDetail {
  id: number
  status: string
  probability: number
  explanation: Explanation
  record: ReviewedRecord | null
  candidate: ReviewedRecord | null
  /** both records already belong to one person */
  alreadySame: boolean
  decidedAt: Date | null
  reason: string | null
}

async function reviewedRecord(db: Db, agency: string, sourceId: string): Promise<ReviewedRecord | null> {
  const row = await sql<ReviewedRecord & { address_json: unknown }>`
    select p.agency_code, a.name as agency_name, p.source_id, l.entity_id as person_id, p.given_name, p.family_name, p.other_names,
      p.date_of_birth, p.sex, p.nhs_number, p.upn, p.postcode, p.address as address_json, p.phone
    from person_versions p join agencies a on a.code = p.agency_code
    left join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
    where p.agency_code = ${agency} and p.source_id = ${sourceId} and p.is_current`.execute(db)
  const r = row.rows[0]
  if (!r) return null
  const address = (typeof r.address_json === 'string' ? JSON.parse(r.address_json) : r.address_json) as Record<
    string,
    string
  > | null
  const { address_json: _, ...rest } = r
  return {
    ...rest,
    other_names: r.other_names ?? [],
    address: address ? [address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(', ') : null,
  }
}

export async function reviewDetail(db: Db, id: number): Promise<ReviewDetail | null> {
  const review = await db.selectFrom('linkage_reviews').selectAll().where('id', '=', id).executeTakeFirst()
  if (!review) return null
  const [record, candidate] = await Promise.all([
    reviewedRecord(db, review.agency_code, review.source_id),
    reviewedRecord(db, review.candidate_agency, review.candidate_source),
  ])
  const explanation = (
    typeof review.explanation === 'string' ? JSON.parse(review.explanation) : review.explanation
  ) as Explanation
  return {
    id: review.id,
    status: review.status,
    probability: review.probability,
    explanation,
    record,
    candidate,
    alreadySame: !!record && !!candidate && record.person_id !== null && record.person_id === candidate.person_id,
    decidedAt: review.decided_at,
    reason: review.reason,
  }
}

export interface DecisionResult {
  /** the person the record belongs to after the decision */
  personId: number
  merged: boolean
}

/**
 * A MASH decision on a queued pair: "same" merges the record's person into the candidate person;
 * "not the same" keeps them apart for good. Either way stored, audited and closed.
 */
export async function decideReview(
  db: Db,
  actor: Actor,
  id: number,
  same: boolean,
  reason: string,
  at: Date,
): Promise<DecisionResult> {
  if (!canReview(actor)) throw new LinkageError('only the MASH decides whether two records are the same child')
  const why = reason.trim()
  if (why.length === 0) throw new LinkageError('give a reason for the decision')
  return db.transaction().execute(async (trx) => {
    // the linking lock before the audit lock, in the order imports take them
    await lockLinking(trx)
    const review = await trx
      .selectFrom('linkage_reviews')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!review) throw new LinkageError('there is no such review')
    if (review.status !== 'open') throw new LinkageError('this pair has already been decided')
    const link = await trx
      .selectFrom('entity_links')
      .select('entity_id')
      .where('agency_code', '=', review.agency_code)
      .where('source_id', '=', review.source_id)
      .executeTakeFirst()
    const candidateLink = await trx
      .selectFrom('entity_links')
      .select('entity_id')
      .where('agency_code', '=', review.candidate_agency)
      .where('source_id', '=', review.candidate_source)
      .executeTakeFirst()
    if (!link) throw new LinkageError('the record is no longer linked to anyone')
    const candidate = candidateLink ? candidateLink.entity_id : await resolvePerson(trx, review.candidate_entity)
    if (candidate === null) throw new LinkageError('the candidate person no longer exists')
    await recordDecision(
      trx,
      actor,
      { agency: review.agency_code, sourceId: review.source_id },
      [{ agency: review.candidate_agency, sourceId: review.candidate_source }],
      same,
      why,
      at,
    )
    await trx
      .updateTable('linkage_reviews')
      .set({
        status: same ? 'same' : 'not_same',
        decided_by: actor.kind === 'user' ? actor.userId : null,
        decided_at: at,
        reason: why,
      })
      .where('id', '=', id)
      .execute()
    // the merge (which takes people's row locks) before the audit lock: see MergeOptions.audit
    const moved = same ? await mergePeople(trx, actor, link.entity_id, candidate, why, at) : 0
    await appendAudit(
      trx,
      actor,
      {
        action: same ? 'linkage_decide_same' : 'linkage_decide_not_same',
        entityId: candidate,
        reason: why,
        details: {
          review: id,
          record: `${review.agency_code}:${review.source_id}`,
          candidate: `${review.candidate_agency}:${review.candidate_source}`,
          probability: review.probability,
        },
      },
      at,
    )
    if (!same) return { personId: link.entity_id, merged: false }
    return { personId: candidate, merged: moved > 0 }
  })
}

/** The people the queued records are linked to now (their ids, one per linked record). */
export async function peopleOfQueuedRecords(
  db: Db,
  records: readonly { agency_code: string; source_id: string }[],
): Promise<number[]> {
  if (records.length === 0) return []
  const rows = await db
    .selectFrom('entity_links')
    .select('entity_id')
    .where((eb) =>
      eb.or(records.map((r) => eb.and([eb('agency_code', '=', r.agency_code), eb('source_id', '=', r.source_id)]))),
    )
    .execute()
  return rows.map((r) => r.entity_id)
}

// How linkage is doing, per agency: its current person records, how many of them are linked with a
// record of another agency (and by which rule: exact, the model, a person), how many wait for the
// MASH; the queue's size per 1,000 records; the models (which one is active, which re-estimated
// ones were not adopted and why). What `threadline linkage status` prints and /linkage/status shows.
// Counts only: no child is named, so reading it is not a view of anyone's record.
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { openReviewCount } from './review.ts'

export interface AgencyLinkage {
  agency: string
  name: string
  records: number
  /** linked to a person who has a current record from another agency too */
  linked_across: number
  linked_share: number
  by_exact_rule: number
  by_model: number
  by_person: number
  /** open review pairs with a record of this agency on either side */
  awaiting_review: number
}

export interface ModelVersion {
  id: number
  trained_at: Date
  trained_by: string
  records: number
  active: boolean
  not_adopted: string | null
}

export interface LinkageStatus {
  agencies: AgencyLinkage[]
  records: number
  queue: number
  queuePer1000: number
  models: ModelVersion[]
}

export async function linkageStatus(db: Db): Promise<LinkageStatus> {
  const rows = await sql<Omit<AgencyLinkage, 'linked_share'>>`
    with cur as (
      select p.agency_code, p.source_id, l.entity_id, l.method
      from person_versions p join entity_links l on l.agency_code = p.agency_code and l.source_id = p.source_id
      where p.is_current and not p.withdrawn),
    agencies_of as (select entity_id, count(distinct agency_code) as n from cur group by entity_id),
    queued as (
      select agency_code as a from linkage_reviews where status = 'open'
      union all select candidate_agency from linkage_reviews where status = 'open')
    select a.code as agency, a.name,
      count(c.source_id)::int as records,
      count(c.source_id) filter (where g.n > 1)::int as linked_across,
      count(c.source_id) filter (where c.method in ('nhs_number_and_dob', 'name_and_dob'))::int as by_exact_rule,
      count(c.source_id) filter (where c.method = 'probabilistic')::int as by_model,
      count(c.source_id) filter (where c.method = 'person_decision')::int as by_person,
      (select count(*) from queued q where q.a = a.code)::int as awaiting_review
    from agencies a
    left join cur c on c.agency_code = a.code
    left join agencies_of g on g.entity_id = c.entity_id
    group by a.code, a.name
    order by a.code`.execute(db)
  const [queue, models] = await Promise.all([
    openReviewCount(db),
    db
      .selectFrom('linkage_models')
      .select(['id', 'trained_at', 'trained_by', 'records', 'active', 'scores'])
      .orderBy('id', 'desc')
      .limit(20)
      .execute(),
  ])
  const records = rows.rows.reduce((s, r) => s + r.records, 0)
  const open = queue
  return {
    agencies: rows.rows.map((r) => ({ ...r, linked_share: r.records ? r.linked_across / r.records : 0 })),
    records,
    queue: open,
    queuePer1000: records ? (open * 1000) / records : 0,
    models: models.map((m) => {
      const scores = (typeof m.scores === 'string' ? JSON.parse(m.scores) : m.scores) as { notAdopted?: string }
      return {
        id: m.id,
        trained_at: m.trained_at,
        trained_by: m.trained_by,
        records: m.records,
        active: m.active,
        not_adopted: scores?.notAdopted ?? null,
      }
    }),
  }
}

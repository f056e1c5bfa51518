// Storage of agencies' action plans: the actions for a review's recommendation or for a self-assessment,
// their owners, due dates, status and evidence. An update names the version it was made from and is
// refused when someone changed the action meanwhile (no lost updates); "done" is refused without its
// evidence here as on the form (actions.ts), and the table's check says so too.
import type { Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Tables } from '../db/schema.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { conflict, errorKind } from '../errors/domain-error.ts'
import { doesCasework } from '../vocabulary/roles.ts'
import type { ActionStatus, EvidenceKind } from './actions.ts'

export class PlanRefused extends errorKind('invalid') {}
export class ActionNotFound extends errorKind('not_found') {}

export interface StoredAction {
  id: number
  recommendationId: number | null
  selfAssessmentId: number | null
  /** the review the recommendation belongs to (null for a self-assessment's action) */
  reviewId: number | null
  agency: string
  text: string
  ownerId: number
  ownerName: string
  dueOn: string
  status: ActionStatus
  evidenceKind: EvidenceKind | null
  evidence: string | null
  doneOn: string | null
  createdAt: Date
  updatedAt: Date | null
  version: number
}

export interface ActionFilter {
  id?: number
  reviewId?: number
  selfAssessmentId?: number
  agency?: string
}

/** The actions of plans, by review, self-assessment, agency or id; in due order. */
export async function planActions(db: Db | Transaction<Tables>, filter: ActionFilter = {}): Promise<StoredAction[]> {
  let query = db
    .selectFrom('plan_actions as a')
    .innerJoin('users as o', 'o.id', 'a.owner_id')
    .leftJoin('review_recommendations as c', 'c.id', 'a.recommendation_id')
    .select([
      'a.id',
      'a.recommendation_id',
      'a.self_assessment_id',
      'c.review_id',
      'a.agency_code',
      'a.text',
      'a.owner_id',
      'o.name as owner_name',
      'a.due_on',
      'a.status',
      'a.evidence_kind',
      'a.evidence',
      'a.done_on',
      'a.created_at',
      'a.updated_at',
      'a.version',
    ])
    .orderBy('a.due_on')
    .orderBy('a.id')
  if (filter.id !== undefined) query = query.where('a.id', '=', filter.id)
  if (filter.reviewId !== undefined) query = query.where('c.review_id', '=', filter.reviewId)
  if (filter.selfAssessmentId !== undefined) query = query.where('a.self_assessment_id', '=', filter.selfAssessmentId)
  if (filter.agency !== undefined) query = query.where('a.agency_code', '=', filter.agency)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    recommendationId: r.recommendation_id,
    selfAssessmentId: r.self_assessment_id,
    reviewId: r.review_id,
    agency: r.agency_code,
    text: r.text,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status: r.status as ActionStatus,
    evidenceKind: r.evidence_kind as EvidenceKind | null,
    evidence: r.evidence,
    doneOn: r.done_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }))
}

export async function planAction(db: Db, id: number): Promise<StoredAction> {
  const [action] = await planActions(db, { id })
  if (!action) throw new ActionNotFound('There is no such action.')
  return action
}

/** Who may own an agency's action: its active people who work with children. */
export async function ownersOf(db: Db, agency: string): Promise<{ id: number; name: string }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'roles'])
    .where('agency_code', '=', agency)
    .where('active', '=', true)
    .orderBy('name')
    .execute()
  return rows.filter((r) => doesCasework(r.roles)).map((r) => ({ id: r.id, name: r.name }))
}

export interface NewPlanAction {
  /** a recommendation assigned to the agency, or one of the agency's self-assessments */
  for: { recommendationId: number } | { selfAssessmentId: number }
  agency: string
  text: string
  ownerId: number
  dueOn: string
}

/** An action added to an agency's plan: for a recommendation assigned to it and not yet signed off, or its own self-assessment. */
export async function addPlanAction(db: Db, actor: Actor, userId: number, action: NewPlanAction, at: Date) {
  return db.transaction().execute(async (trx) => {
    if ('recommendationId' in action.for) {
      const rec = await trx
        .selectFrom('review_recommendations as c')
        .innerJoin('review_assignments as g', 'g.recommendation_id', 'c.id')
        .select(['c.id', 'c.signed_off_at'])
        .where('c.id', '=', action.for.recommendationId)
        .where('g.agency_code', '=', action.agency)
        .forUpdate()
        .executeTakeFirst()
      if (!rec) throw new PlanRefused('That recommendation is not assigned to your agency')
      if (rec.signed_off_at) throw new PlanRefused('That recommendation is signed off: its plan is closed')
    } else {
      const own = await trx
        .selectFrom('self_assessments')
        .select('id')
        .where('id', '=', action.for.selfAssessmentId)
        .where('agency_code', '=', action.agency)
        .executeTakeFirst()
      if (!own) throw new PlanRefused('That self-assessment is not your agency’s')
    }
    const { id } = await trx
      .insertInto('plan_actions')
      .values({
        recommendation_id: 'recommendationId' in action.for ? action.for.recommendationId : null,
        self_assessment_id: 'selfAssessmentId' in action.for ? action.for.selfAssessmentId : null,
        agency_code: action.agency,
        text: action.text,
        owner_id: action.ownerId,
        due_on: action.dueOn,
        created_by: userId,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      actor,
      { action: 'plan_action_added', details: { action_id: id, agency: action.agency, ...action.for } },
      at,
    )
    return id
  })
}

export interface ActionChange {
  status: ActionStatus
  evidenceKind: EvidenceKind | null
  evidence: string | null
  doneOn: string | null
}

/**
 * An action's status and evidence, changed from the version the person saw. Refused when someone changed
 * it meanwhile, or when its recommendation is signed off.
 */
export async function updatePlanAction(
  db: Db,
  actor: Actor,
  userId: number,
  id: number,
  fromVersion: number,
  change: ActionChange,
  at: Date,
) {
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('plan_actions as a')
      .leftJoin('review_recommendations as c', 'c.id', 'a.recommendation_id')
      .select(['a.version', 'a.status', 'c.signed_off_at'])
      .where('a.id', '=', id)
      .forUpdate('a')
      .executeTakeFirst()
    if (!current) throw new ActionNotFound('There is no such action.')
    if (current.signed_off_at)
      throw new PlanRefused('Its recommendation is signed off: the action can no longer change')
    if (current.version !== fromVersion)
      throw conflict('Someone changed this action after you opened it: open it again to see what they recorded')
    const done = change.status === 'done'
    await trx
      .updateTable('plan_actions')
      .set({
        status: change.status,
        evidence_kind: change.evidenceKind,
        evidence: change.evidence,
        done_on: done ? change.doneOn : null,
        updated_by: userId,
        updated_at: at,
        version: fromVersion + 1,
      })
      .where('id', '=', id)
      .execute()
    await appendAudit(
      trx,
      actor,
      {
        action: 'plan_action_updated',
        details: { action_id: id, from: current.status, to: change.status, evidence_kind: change.evidenceKind },
      },
      at,
    )
  })
}

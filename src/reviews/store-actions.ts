// Storage of agencies' action plans: the actions for a review's recommendation or for a self-assessment,
// their owners, due dates, status and evidence. An update names the version it was made from and is
// refused when someone changed the action meanwhile (no lost updates); "done" is refused without its
// evidence here as on the form (actions.ts), and the table's check says so too. Every change is also a
// new row of plan_action_versions, written in the same transaction and never changed (decision 0045):
// planActionsAt reads the actions as they stood at a moment, actionHistory an action's every version.
import type { Transaction } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Tables } from '../db/schema.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { conflict, errorKind } from '../errors/domain-error.ts'
import { doesCasework } from '../vocabulary/roles.ts'
import {
  changesBetween,
  type ActionState,
  type ActionStatus,
  type ActionVersion,
  type ChangeKind,
  type EvidenceKind,
} from './actions.ts'

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
    ...actionState(r),
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
export async function ownersOf(db: Db | Trx, agency: string): Promise<{ id: number; name: string }[]> {
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
    const state = { ownerId: action.ownerId, dueOn: action.dueOn, status: 'not_started' as const }
    await addVersion(
      trx,
      id,
      1,
      ['created'],
      { text: action.text, evidenceKind: null, evidence: null, doneOn: null, ...state },
      null,
      userId,
      at,
    )
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
  /** why, when it reopens a done action (required then, actions.ts reasonProblems) */
  reason?: string | null
}

type Trx = Transaction<Tables>

/** One version of an action, added to its history (never changed after). */
async function addVersion(
  trx: Trx,
  actionId: number,
  version: number,
  changes: ChangeKind[],
  state: ActionState & { text: string },
  note: string | null,
  userId: number,
  at: Date,
) {
  await trx
    .insertInto('plan_action_versions')
    .values({
      action_id: actionId,
      version,
      changes,
      text: state.text,
      owner_id: state.ownerId,
      due_on: state.dueOn,
      status: state.status,
      evidence_kind: state.evidenceKind,
      evidence: state.evidence,
      done_on: state.doneOn,
      note,
      recorded_by: userId,
      recorded_at: at,
    })
    .execute()
}

/** The action as it stands, locked for a change from the version the person saw. */
async function lockedFrom(trx: Trx, id: number, fromVersion: number) {
  const current = await trx
    .selectFrom('plan_actions as a')
    .leftJoin('review_recommendations as c', 'c.id', 'a.recommendation_id')
    .select([
      'a.version',
      'a.text',
      'a.owner_id',
      'a.due_on',
      'a.status',
      'a.evidence_kind',
      'a.evidence',
      'a.done_on',
      'a.agency_code',
      'c.signed_off_at',
    ])
    .where('a.id', '=', id)
    .forUpdate('a')
    .executeTakeFirst()
  if (!current) throw new ActionNotFound('There is no such action.')
  if (current.signed_off_at) throw new PlanRefused('Its recommendation is signed off: the action can no longer change')
  if (current.version !== fromVersion)
    throw conflict('Someone changed this action after you opened it: open it again to see what they recorded')
  const state: ActionState & { text: string } = {
    text: current.text,
    ownerId: current.owner_id,
    dueOn: current.due_on,
    status: current.status as ActionStatus,
    evidenceKind: current.evidence_kind as EvidenceKind | null,
    evidence: current.evidence,
    doneOn: current.done_on,
  }
  return { state, agency: current.agency_code }
}

/** The new state kept: the action's row as it now stands, and a version in its history. */
async function keep(
  trx: Trx,
  id: number,
  fromVersion: number,
  next: ActionState & { text: string },
  changes: ChangeKind[],
  note: string | null,
  userId: number,
  at: Date,
) {
  await trx
    .updateTable('plan_actions')
    .set({
      owner_id: next.ownerId,
      due_on: next.dueOn,
      status: next.status,
      evidence_kind: next.evidenceKind,
      evidence: next.evidence,
      done_on: next.doneOn,
      updated_by: userId,
      updated_at: at,
      version: fromVersion + 1,
    })
    .where('id', '=', id)
    .execute()
  await addVersion(trx, id, fromVersion + 1, changes, next, note, userId, at)
}

/**
 * An action's status and evidence, changed from the version the person saw. Refused when someone changed
 * it meanwhile, or when its recommendation is signed off. What it changed (done, reopened, evidence
 * added, status) is its version's changes.
 */
export async function updatePlanAction(
  db: Db,
  actor: Actor,
  userId: number,
  id: number,
  fromVersion: number,
  change: ActionChange,
  at: Date,
): Promise<ChangeKind[]> {
  return db.transaction().execute(async (trx) => {
    const { state } = await lockedFrom(trx, id, fromVersion)
    const done = change.status === 'done'
    const next = {
      ...state,
      status: change.status,
      evidenceKind: change.evidenceKind,
      evidence: change.evidence,
      doneOn: done ? change.doneOn : null,
    }
    const changes = changesBetween(state, next)
    if (changes.includes('reopened') && !change.reason)
      throw new PlanRefused('Say why the action is reopened: it was done with evidence')
    if (changes.length === 0) return changes
    await keep(trx, id, fromVersion, next, changes, change.reason || null, userId, at)
    await appendAudit(
      trx,
      actor,
      {
        action: 'plan_action_updated',
        details: { action_id: id, from: state.status, to: change.status, evidence_kind: change.evidenceKind, changes },
      },
      at,
    )
    return changes
  })
}

/**
 * An action's owner or due date changed from the version the person saw, with the reason (a due date
 * does not move without one). The owner must be one of the agency's people who work with children.
 */
export async function reassignPlanAction(
  db: Db,
  actor: Actor,
  userId: number,
  id: number,
  fromVersion: number,
  change: { ownerId: number; dueOn: string; reason: string | null },
  at: Date,
): Promise<ChangeKind[]> {
  return db.transaction().execute(async (trx) => {
    const { state, agency } = await lockedFrom(trx, id, fromVersion)
    if (state.status === 'done')
      throw new PlanRefused('The action is done: reopen it before changing its owner or due date')
    const owners = await ownersOf(trx, agency)
    if (!owners.some((o) => o.id === change.ownerId))
      throw new PlanRefused('Choose who owns the action, from the agency whose plan it is')
    const next = { ...state, ownerId: change.ownerId, dueOn: change.dueOn }
    const changes = changesBetween(state, next)
    if (changes.includes('due_changed') && !change.reason) throw new PlanRefused('Say why the due date is changed')
    if (changes.length === 0) return changes
    await keep(trx, id, fromVersion, next, changes, change.reason || null, userId, at)
    await appendAudit(
      trx,
      actor,
      {
        action: 'plan_action_reassigned',
        details: {
          action_id: id,
          changes,
          ...(changes.includes('owner_changed') ? { owner_from: state.ownerId, owner_to: change.ownerId } : {}),
          ...(changes.includes('due_changed') ? { due_from: state.dueOn, due_to: change.dueOn } : {}),
        },
      },
      at,
    )
    return changes
  })
}

/**
 * The partnership's escalation of an action not done, beyond the agency's lead (who sees every overdue
 * action of the agency already): to whom, and what was asked, kept as a version of the action.
 */
export async function escalatePlanAction(
  db: Db,
  actor: Actor,
  userId: number,
  id: number,
  fromVersion: number,
  note: string,
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { state } = await lockedFrom(trx, id, fromVersion)
    if (state.status === 'done') throw new PlanRefused('The action is done: there is nothing to escalate')
    await keep(trx, id, fromVersion, state, ['escalated'], note, userId, at)
    await appendAudit(trx, actor, { action: 'plan_action_escalated', details: { action_id: id } }, at)
  })
}

/** An action's every version, oldest first, with who recorded each. */
export async function actionHistory(db: Db, id: number): Promise<ActionVersion[]> {
  const rows = await db
    .selectFrom('plan_action_versions as v')
    .innerJoin('users as u', 'u.id', 'v.recorded_by')
    .innerJoin('users as o', 'o.id', 'v.owner_id')
    .select([
      'o.name as owner_name',
      'v.version',
      'v.changes',
      'v.owner_id',
      'v.due_on',
      'v.status',
      'v.evidence_kind',
      'v.evidence',
      'v.done_on',
      'v.note',
      'u.name',
      'v.recorded_at',
    ])
    .where('v.action_id', '=', id)
    .orderBy('v.version')
    .execute()
  return rows.map((r) => ({
    version: r.version,
    changes: r.changes as ChangeKind[],
    ...actionState(r),
    note: r.note,
    recordedBy: r.name,
    recordedAt: r.recorded_at,
  }))
}

/**
 * The actions added by `at`, each as its latest version recorded by then says: status, owner, due date
 * and evidence as things stood at that moment (what was changed later is not there).
 */
export async function planActionsAt(db: Db, at: Date, filter: ActionFilter = {}): Promise<StoredAction[]> {
  const current = (await planActions(db, filter)).filter((a) => a.createdAt.getTime() <= at.getTime())
  if (current.length === 0) return []
  const versions = await db
    .selectFrom('plan_action_versions as v')
    .innerJoin('users as o', 'o.id', 'v.owner_id')
    .select([
      'v.action_id',
      'v.version',
      'v.owner_id',
      'o.name as owner_name',
      'v.due_on',
      'v.status',
      'v.evidence_kind',
      'v.evidence',
      'v.done_on',
      'v.recorded_at',
    ])
    .distinctOn('v.action_id')
    .where(
      'v.action_id',
      'in',
      current.map((a) => a.id),
    )
    .where('v.recorded_at', '<=', at)
    .orderBy('v.action_id')
    .orderBy('v.version', 'desc')
    .execute()
  const byId = new Map(versions.map((v) => [v.action_id, v]))
  return current
    .flatMap((a) => {
      const v = byId.get(a.id)
      return v ? [{ a, v }] : []
    })
    .map(({ a, v }) => {
      return {
        ...a,
        ownerId: v.owner_id,
        ownerName: v.owner_name,
        dueOn: v.due_on,
        status: v.status as ActionStatus,
        evidenceKind: v.evidence_kind as EvidenceKind | null,
        evidence: v.evidence,
        doneOn: v.done_on,
        updatedAt: v.version > 1 ? v.recorded_at : null,
        version: v.version,
      }
    })
    .sort((x, y) => x.dueOn.localeCompare(y.dueOn) || x.id - y.id)
}

/** What an action's row and each of its versions hold alike: its owner, due day, status and evidence. */
function actionState(r: {
  owner_id: number
  owner_name: string
  due_on: string
  status: string
  evidence_kind: string | null
  evidence: string | null
  done_on: string | null
}) {
  return {
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status: r.status as ActionStatus,
    evidenceKind: r.evidence_kind as EvidenceKind | null,
    evidence: r.evidence,
    doneOn: r.done_on,
  }
}

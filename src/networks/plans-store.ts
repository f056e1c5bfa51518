// Places of concern and peer groups (contextual safeguarding): a plan about a place or a group, with
// its context conference, its actions (title, owner, due) and its history. Every change is written to
// the plan's history and audited in the same transaction.
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { errorKind } from '../errors/domain-error.ts'
import { DomainError } from '../errors/domain-error.ts'

export type PlanSubject = { kind: 'location' | 'network'; key: string }

export interface ContextPlan {
  id: number
  subject: PlanSubject
  title: string
  plan: string
  conferenceAt: Date | null
  createdAt: Date
  updatedAt: Date
  /** the version a change must be made from (savePlan) */
  version: number
  actions: {
    id: number
    title: string
    owner: string
    dueAt: Date
    status: 'open' | 'done'
    overdue: boolean
    completedAt: Date | null
  }[]
  history: { at: Date; by: string; what: string; details: Record<string, unknown> }[]
}

export class PlanRefused extends errorKind('invalid') {}

/** A change made to a version of the plan someone else has changed since (409: both shown). */
export class PlanConflict extends DomainError {
  constructor(readonly current: { title: string; plan: string; version: number } | null) {
    super('conflict', 'someone else changed the plan after you opened it')
  }
}

type UserActor = Actor & { kind: 'user' }

export async function planFor(db: Db, subject: PlanSubject, now: Date): Promise<ContextPlan | null> {
  const plan = await db
    .selectFrom('context_plans')
    .selectAll()
    .where('subject_kind', '=', subject.kind)
    .where('subject_key', '=', subject.key)
    .executeTakeFirst()
  if (!plan) return null
  const [actions, history] = await Promise.all([
    db
      .selectFrom('context_actions')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .orderBy('due_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('context_history as h')
      .innerJoin('users as u', 'u.id', 'h.user_id')
      .select(['h.at', 'h.what', 'h.details', 'u.name'])
      .where('h.plan_id', '=', plan.id)
      .orderBy('h.at', 'desc')
      .orderBy('h.id', 'desc')
      .execute(),
  ])
  return {
    id: plan.id,
    subject,
    title: plan.title,
    plan: plan.plan,
    conferenceAt: plan.conference_at,
    createdAt: plan.created_at,
    updatedAt: plan.updated_at,
    version: plan.version,
    // overdue is computed when read, from "now"
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      dueAt: a.due_at,
      status: a.status,
      completedAt: a.completed_at,
      overdue: a.status === 'open' && a.due_at.getTime() < now.getTime(),
    })),
    history: history.map((h) => ({
      at: h.at,
      by: h.name,
      what: h.what,
      details: (typeof h.details === 'string' ? JSON.parse(h.details) : h.details) as Record<string, unknown>,
    })),
  }
}

export async function savePlan(
  db: Db,
  actor: UserActor,
  subject: PlanSubject,
  input: { title: string; plan: string; conferenceAt: Date | null },
  version: number | null,
  at: Date,
): Promise<number> {
  const title = input.title.trim()
  if (!title) throw new PlanRefused('give the plan a title')
  const change = { title, plan: input.plan, conference_at: input.conferenceAt, updated_at: at }
  return db.transaction().execute(async (trx) => {
    // made from no plan: a new one, unless someone made it meanwhile; else from `version`, unless changed since
    const saved =
      version === null
        ? await trx
            .insertInto('context_plans')
            .values({
              subject_kind: subject.kind,
              subject_key: subject.key,
              ...change,
              created_by: actor.userId,
              created_at: at,
            })
            .onConflict((oc) => oc.columns(['subject_kind', 'subject_key']).doNothing())
            .returning('id')
            .executeTakeFirst()
        : await trx
            .updateTable('context_plans')
            .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
            .where('subject_kind', '=', subject.kind)
            .where('subject_key', '=', subject.key)
            .where('version', '=', version)
            .returning('id')
            .executeTakeFirst()
    if (!saved) {
      const current = await trx
        .selectFrom('context_plans')
        .select(['title', 'plan', 'version'])
        .where('subject_kind', '=', subject.kind)
        .where('subject_key', '=', subject.key)
        .executeTakeFirst()
      throw new PlanConflict(current ?? null)
    }
    const id = saved.id
    const existing = version !== null
    const what = existing ? 'plan updated' : 'plan made'
    const details = { title, conference_at: input.conferenceAt?.toISOString() ?? null }
    await trx
      .insertInto('context_history')
      .values({ plan_id: id, at, user_id: actor.userId, what, details: JSON.stringify(details) })
      .execute()
    await appendAudit(trx, actor, { action: 'context_plan_saved', details: { plan: id, subject, ...details } }, at)
    return id
  })
}

export async function addAction(
  db: Db,
  actor: UserActor,
  planId: number,
  input: { title: string; owner: string; dueAt: Date },
  at: Date,
): Promise<number> {
  const title = input.title.trim()
  const owner = input.owner.trim()
  if (!title || !owner) throw new PlanRefused('an action needs a title and an owner')
  return db.transaction().execute(async (trx) => {
    const id = (
      await trx
        .insertInto('context_actions')
        .values({
          plan_id: planId,
          title,
          owner,
          due_at: input.dueAt,
          status: 'open',
          created_by: actor.userId,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    const details = { action: id, title, owner, due_at: input.dueAt.toISOString() }
    await trx
      .insertInto('context_history')
      .values({ plan_id: planId, at, user_id: actor.userId, what: 'action added', details: JSON.stringify(details) })
      .execute()
    await appendAudit(trx, actor, { action: 'context_action_added', details: { plan: planId, ...details } }, at)
    return id
  })
}

export async function completeAction(
  db: Db,
  actor: UserActor,
  planId: number,
  actionId: number,
  at: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('context_actions')
      .set({ status: 'done', completed_at: at })
      .where('id', '=', actionId)
      .where('plan_id', '=', planId)
      .where('status', '=', 'open')
      .returning('title')
      .executeTakeFirst()
    if (!updated) throw new PlanRefused('there is no such open action')
    const details = { action: actionId, title: updated.title }
    await trx
      .insertInto('context_history')
      .values({ plan_id: planId, at, user_id: actor.userId, what: 'action done', details: JSON.stringify(details) })
      .execute()
    await appendAudit(trx, actor, { action: 'context_action_done', details: { plan: planId, ...details } }, at)
  })
}

export async function planById(db: Db, id: number) {
  return db
    .selectFrom('context_plans')
    .select(['id', 'subject_kind', 'subject_key'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The title of the plan about each place that has one, by the place's key. */
export async function placePlanTitles(db: Db): Promise<Map<string, string>> {
  const plans = await db
    .selectFrom('context_plans')
    .select(['subject_key', 'title'])
    .where('subject_kind', '=', 'location')
    .execute()
  return new Map(plans.map((p) => [p.subject_key, p.title]))
}

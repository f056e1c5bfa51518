// Supervision of a worker on a child's case, and when the next one is due (ASYE schedule for
// newly qualified social workers). One row per worker allocated to a child at the moment asked about.
import type { Db } from '../db/database.ts'
import type { Actor } from '../audit/actor.ts'
import { appendAudit } from '../audit/audit.ts'
import { nextSupervisionDue, type SupervisionDue } from './supervision.ts'
import { setting } from '../config/settings.ts'
import { dueAtEndOf } from './actions.ts'
import { actionProblems, type NewAction } from './store-meetings.ts'
import { activeAllocation, allocationFacts, professionals, type Professional } from './store-people.ts'
import { lockPerson, mergedIds } from '../people/people.ts'
import { errorKind } from '../errors/domain-error.ts'
import { mustGet } from '../errors/must.ts'

export class SupervisionError extends errorKind('invalid') {}

export interface NewSupervision {
  childId: number
  workerId: number
  supervisorId: number
  heldAt: Date | null
  reflection: string
  decisions: string | null
  actions: NewAction[]
}

export async function recordSupervision(db: Db, actor: Actor, input: NewSupervision, at: Date): Promise<number> {
  const people = await professionals(db)
  const problems: string[] = []
  if (!people.has(input.workerId)) problems.push('choose the worker supervised')
  if (input.workerId === input.supervisorId) problems.push('a worker cannot supervise themselves')
  const heldAt = input.heldAt
  if (!heldAt) problems.push('the date of the supervision is required')
  else if (heldAt.getTime() > at.getTime()) problems.push('record a supervision once it has been held')
  if (!input.reflection.trim()) problems.push("record the reflection on the child's situation")
  problems.push(...actionProblems(input.actions, people))
  if (problems.length || !heldAt) throw new SupervisionError(problems.join('; '))
  return db.transaction().execute(async (trx) => {
    const childId = (await lockPerson(trx, input.childId)) ?? input.childId
    const row = await trx
      .insertInto('wt_supervisions')
      .values({
        entity_id: childId,
        worker_user_id: input.workerId,
        supervisor_user_id: input.supervisorId,
        held_at: heldAt,
        reflection: input.reflection.trim(),
        decisions: input.decisions?.trim() || null,
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (input.actions.length) {
      await trx
        .insertInto('wt_actions')
        .values(
          input.actions.map((a) => ({
            entity_id: childId,
            meeting_id: null,
            supervision_id: row.id,
            title: a.title.trim(),
            owner_user_id: a.ownerId,
            owner_agency: mustGet(people, a.ownerId, 'the owner of the action, checked above').agency,
            due_date: a.dueDate,
            recorded_by: input.supervisorId,
            recorded_at: at,
          })),
        )
        .execute()
    }
    await appendAudit(
      trx,
      actor,
      { action: 'record_supervision', entityId: childId, details: { supervision_id: row.id, worker: input.workerId } },
      at,
    )
    return row.id
  })
}

export interface SupervisionRow {
  childId: string
  worker: Professional
  supervisor: Professional | null
  lastAt: Date | null
  due: SupervisionDue | null
  allocatedFrom: Date
}

export interface SupervisionRecord {
  id: number
  childId: string
  worker: Professional
  supervisor: Professional
  heldAt: Date
  reflection: string
  decisions: string | null
}

export async function supervisionsAt(db: Db, asOf: Date, childIds?: readonly number[]): Promise<SupervisionRecord[]> {
  const [canonical, people] = await Promise.all([mergedIds(db), professionals(db)])
  let q = db.selectFrom('wt_supervisions').selectAll().where('recorded_at', '<=', asOf).where('held_at', '<=', asOf)
  if (childIds) q = q.where('entity_id', 'in', childIds.length ? [...childIds] : [-1])
  const rows = await q.orderBy('held_at', 'desc').orderBy('id').execute()
  return rows.map((r) => ({
    id: r.id,
    childId: String(canonical(r.entity_id)),
    worker: mustGet(people, r.worker_user_id, 'the worker supervised'),
    supervisor: mustGet(people, r.supervisor_user_id, 'the supervisor'),
    heldAt: r.held_at,
    reflection: r.reflection,
    decisions: r.decisions,
  }))
}

/** Each worker allocated to a child at `asOf`, with their last supervision on the case and the next due. */
export async function supervisionStatusAt(db: Db, asOf: Date, childIds?: readonly number[]): Promise<SupervisionRow[]> {
  const [people, allocations, records] = await Promise.all([
    professionals(db),
    allocationFacts(db, childIds),
    supervisionsAt(db, asOf, childIds),
  ])
  const everyWeeks = setting('supervisionWeeks')
  const rows: SupervisionRow[] = []
  const seen = new Set<string>()
  for (const a of allocations.filter((x) => activeAllocation(x, asOf))) {
    const key = `${a.childId}/${a.userId}`
    const worker = people.get(a.userId)
    if (seen.has(key) || !worker) continue
    seen.add(key)
    // the case's supervision since this allocation began (records are newest first)
    const last = records.find((s) => s.childId === a.childId && s.worker.id === a.userId) ?? null
    const asye = worker.asyeStartedOn ? new Date(dueAtEndOf(worker.asyeStartedOn).getTime() - 1) : null
    const due = nextSupervisionDue(last?.heldAt ?? null, { id: String(worker.id), asyeStartedAt: asye }, asOf, {
      since: a.from,
      settings: { everyWeeks },
    })
    const supervisor = last?.supervisor ?? (worker.managerId ? (people.get(worker.managerId) ?? null) : null)
    rows.push({ childId: a.childId, worker, supervisor, lastAt: last?.heldAt ?? null, due, allocatedFrom: a.from })
  }
  return rows.sort(
    (x, y) =>
      (x.due?.nextDueAt.getTime() ?? 0) - (y.due?.nextDueAt.getTime() ?? 0) || x.childId.localeCompare(y.childId),
  )
}
